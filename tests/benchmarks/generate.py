"""A large, realistic, seeded team for benchmarks, built with numpy only (no per-row Python).

Clients follow the demo team's shape at scale: mostly organisations, some persons, a long tail
of small clients and a few big spenders (log-normal sizes), a mix of statuses, segments,
referrals, complaints, ratings, late and unpaid invoices, and sales with missing costs or time.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from sqlmodel import Session

from scoring.frames import TeamFrames
from storage.teams import create_team

CITIES = np.array(
    "Utrecht Amsterdam Rotterdam Zeist Houten Amersfoort Nieuwegein Den-Haag Eindhoven "
    "Groningen Leiden Haarlem Arnhem Nijmegen Breda Tilburg Delft Almere Zwolle Deventer".split(),
    dtype=object,
)
INDUSTRIES = np.array(
    "horeca zorg bouw retail sport vastgoed onderwijs auto productie recreatie "
    "schoonmaak uiterlijk zakelijke-diensten transport ict".split(),
    dtype=object,
)
SOURCES = np.array(["referral", "website", "instagram", "fair", "advertising"], dtype=object)
DECISIONS = np.array(["owner", "manager", "board"], dtype=object)
EDUCATIONS = np.array(["vocational", "higher", "university"], dtype=object)
GENDERS = np.array(["f", "m"], dtype=object)
SEGMENTS = np.array(["retainer", "project", "walk-in"], dtype=object)
INTERESTS = ("sport", "design", "food", "travel", "music")
STATUSES = np.array(["active", "prospect", "declined", "archived"], dtype=object)
CRITERIA = np.array(["pleasant", "reasonable", "pays_on_time"], dtype=object)


def _days(today: dt.date, back: np.ndarray) -> np.ndarray:
    return (np.datetime64(today, "D") - back.astype("timedelta64[D]")).astype("datetime64[ns]")


def _pick(rng: np.random.Generator, values: np.ndarray, n: int, p: list[float] | None = None):
    return values[rng.choice(len(values), size=n, p=p)]


def _skewed(rng: np.random.Generator, values: np.ndarray, n: int) -> np.ndarray:
    weights = 1.0 / np.arange(1, len(values) + 1)
    return _pick(rng, values, n, list(weights / weights.sum()))


def _maybe(rng: np.random.Generator, values: np.ndarray, known: float) -> np.ndarray:
    out = values.astype(object)
    out[rng.random(len(values)) >= known] = None
    return out


def generate_team(clients: int, sales: int, *, today: dt.date, seed: int = 20261123) -> TeamFrames:
    """`clients` clients (ids 1…n) and `sales` sales over the past ~13 months."""
    rng = np.random.default_rng(seed)
    n = clients
    ids = np.arange(1, n + 1, dtype=np.int64)
    person = rng.random(n) < 0.3
    status = _pick(rng, STATUSES, n, [0.85, 0.05, 0.05, 0.05])
    acquired_back = rng.integers(20, 2500, n)
    interest_sets = np.empty(len(INTERESTS) * 2, dtype=object)
    for i in range(len(interest_sets)):  # ten shared lists, not one per client
        interest_sets[i] = [INTERESTS[i % 5], INTERESTS[(i + 1 + i // 5) % 5]]
    interests = interest_sets[rng.integers(0, len(interest_sets), n)]
    interests[~person | (rng.random(n) < 0.3)] = None
    referred = rng.random(n) < 0.1
    referrer = np.where(referred, rng.integers(1, n + 1, n), 0)

    def nullable(values: np.ndarray, known: np.ndarray) -> pd.arrays.IntegerArray:
        return pd.arrays.IntegerArray(values.astype(np.int64), ~known)

    client_frame = pd.DataFrame(
        {
            "name": pd.array("Client " + pd.Series(ids).astype("str"), dtype="str"),
            "kind": pd.array(np.where(person, "person", "organisation"), dtype="str"),
            "status": pd.array(status, dtype="str"),
            "gender": pd.array(np.where(person, _pick(rng, GENDERS, n), None), dtype="str"),
            "birth_year": nullable(rng.integers(1950, 2004, n), person & (rng.random(n) < 0.8)),
            "city": pd.array(_maybe(rng, _skewed(rng, CITIES, n), 0.9), dtype="str"),
            "income": nullable(
                rng.integers(20_000, 150_000, n) * 100, person & (rng.random(n) < 0.5)
            ),
            "education": pd.array(np.where(person, _pick(rng, EDUCATIONS, n), None), dtype="str"),
            "interests": pd.Series(interests, dtype=object),
            "industry": pd.array(np.where(person, None, _skewed(rng, INDUSTRIES, n)), dtype="str"),
            "employees": nullable(rng.lognormal(2.3, 1.0, n).astype(int) + 1, ~person),
            "decision": pd.array(np.where(person, None, _pick(rng, DECISIONS, n)), dtype="str"),
            "source": pd.array(
                np.where(referred, "referral", _maybe(rng, _pick(rng, SOURCES, n), 0.8)),
                dtype="str",
            ),
            "segment": pd.array(_maybe(rng, _pick(rng, SEGMENTS, n), 0.5), dtype="str"),
            "acquired_on": _days(today, acquired_back),
            "referred_by_id": nullable(referrer, referred),
            "created_at": _days(today, acquired_back),
        },
        index=pd.Index(ids, name="client_id"),
    )

    # Client sizes are log-normal: a long tail of small clients and a few big spenders.
    size = rng.lognormal(0.0, 1.3, n)
    size[status == "prospect"] = 0.0
    owner = rng.choice(n, size=sales, p=size / size.sum())
    back = rng.integers(0, 400, sales)
    amount = np.maximum(np.rint(rng.lognormal(11.0, 0.6, sales) / 100) * 100, 1000).astype(np.int64)
    margin = rng.normal(0.35, 0.2, n)[owner] + rng.normal(0, 0.05, sales)
    cost = np.rint(amount * (1 - margin))
    cost[(cost < 0) | (rng.random(sales) < 0.1)] = np.nan
    minutes = np.rint(amount / 100 * rng.uniform(0.05, 0.4, n)[owner]) + 15
    minutes[rng.random(sales) < 0.2] = np.nan
    due_back = back - 14
    lateness = rng.random(sales)
    paid_back = np.where(lateness < 0.1, due_back - rng.integers(5, 45, sales), due_back + 2)
    paid = _days(today, paid_back)
    paid[(lateness > 0.95) | (paid_back < 0)] = np.datetime64("NaT")
    sale_frame = pd.DataFrame(
        {
            "client_id": ids[owner],
            "sold_on": _days(today, back),
            "amount": amount,
            "cost": cost,
            "minutes": minutes,
            "due_on": _days(today, due_back),
            "paid_on": paid,
        }
    )

    events = max(sales // 20, 1)
    event_kind = _pick(rng, np.array(["complaint", "compliment", "referral"], dtype=object), events)
    referred_ids = np.flatnonzero(referred)
    event_frame = pd.DataFrame(
        {
            "client_id": ids[rng.choice(n, size=events, p=size / size.sum())],
            "kind": pd.array(event_kind, dtype="str"),
            "happened_on": _days(today, rng.integers(0, 400, events)),
            "referred_client_id": nullable(
                ids[referred_ids[rng.integers(0, max(len(referred_ids), 1), events)]]
                if len(referred_ids)
                else np.zeros(events),
                (event_kind == "referral") & (len(referred_ids) > 0),
            ),
        }
    )

    rated = rng.choice(n, size=max(n // 10, 1), replace=False)
    ratings = np.repeat(rated, len(CRITERIA))
    rating_frame = pd.DataFrame(
        {
            "client_id": ids[ratings],
            "user_id": rng.integers(1, 4, len(ratings)),
            "rated_on": _days(today, rng.integers(0, 500, len(ratings))),
            "criterion": pd.array(np.tile(CRITERIA, len(rated)), dtype="str"),
            "value": rng.integers(1, 6, len(ratings)),
        }
    )
    return TeamFrames(client_frame, sale_frame, event_frame, rating_frame)


def create_bench_team(session: Session, *, chat_id: int, title: str = "Bench") -> int:
    """An onboarded group team owned by user 1; returns its id (not committed)."""
    team = create_team(
        session=session,
        chat_id=chat_id,
        title=title,
        locale="nl",
        owner_id=1,
        owner_name="Bench",
        is_personal=False,
        now=dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC),
    )
    team.onboarded = True
    session.add(team)
    session.flush()
    return team.id or 0
