"""Loading one team from the database into the frames `scoring` reads.

Fast on purpose: SQLAlchemy Core selects of just the needed columns, no Python date object per
row (SQLite's ISO date texts are read by numpy, PostgreSQL sends days), every number and date
column fetched as one packed value that numpy reads (`storage.packed`), texts as one JSON array
per column (no Row object per row), five selects sent together (`storage.packed.fetched`),
frames built from column arrays keyed by client id. Every query filters by team_id (one team
never sees another's rows). Sales are those in the scoring window plus unpaid invoices of any
age (money owed does not expire). Each client's first and last sale *before* the window come
from the older sales' clients and dates (scoring combines them with the window's sales), so
tenure and recency do not depend on the window.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Date, Integer, Select, and_, bindparam, or_, select
from sqlmodel import Session, col
from sqlmodel import select as sqlmodel_select

from locales.name_words import city_full_name
from scoring.frames import CLIENT_COLUMNS, TeamFrames
from scoring.profile import IdealProfile
from scoring.settings import ScoringSettings
from storage.callers import TeamView
from storage.models import Client, Event, IdealProfileRow, Rating, Sale, Team
from storage.models.clients import SALE_FIGURES
from storage.packed import NULL, Packed, fetched, second_number
from storage.teams import setting_out_of_range

_log = logging.getLogger(__name__)


def _packed_dates(days: np.ndarray) -> np.ndarray:
    """Packed day numbers (``NULL`` unknown) as datetime64[ns] with NaT."""
    return np.where(days == NULL, _NAT, days).view("datetime64[D]").astype("datetime64[ns]")


def _packed_floats(numbers: np.ndarray) -> np.ndarray:
    """Packed whole numbers (``NULL`` unknown) as float64 with NaN, exact below 2^53."""
    return np.where(numbers == NULL, np.nan, numbers)


_NAT = np.datetime64("NaT").astype(np.int64)


def _local_days(seconds: np.ndarray, timezone: str) -> np.ndarray:
    """Packed UTC seconds (``NULL`` unknown) as packed day numbers in `timezone`: a client
    added at 01:36 on 7 December in Moscow was added on the 7th, though it was still the 6th
    in UTC."""
    out = np.full(len(seconds), NULL)
    known = seconds != NULL
    stamps = pd.to_datetime(seconds[known], unit="s", utc=True)
    local = stamps.tz_convert(timezone).tz_localize(None).to_numpy(dtype="datetime64[D]")
    out[known] = local.astype(np.int64)
    return out


def _text(values: Sequence[Any]) -> Any:
    return pd.array(np.array(values, dtype=object), dtype="str")


def _full_names(cities: Sequence[str | None]) -> list[str | None]:
    """Each city by its full name, each distinct one looked up once."""
    full = {city: city_full_name(city) for city in set(cities) if city is not None}
    return [None if city is None else full[city] for city in cities]


def _packed_whole(numbers: np.ndarray) -> Any:
    """Packed whole numbers (``NULL`` unknown) as Int64 with NA."""
    unknown = numbers == NULL
    return pd.arrays.IntegerArray(np.where(unknown, 0, numbers), unknown)


def _objects(values: Sequence[Any]) -> np.ndarray:
    """Python objects (lists, None) as a 1-d object array, one cell per value, never nested."""
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):  # a slice assignment would turn equal-length lists 2-d
        out[i] = value
    return out


def _first_and_last(
    owner: np.ndarray, days: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each owner once, with its earliest and latest day. In numpy, not SQL: SQLite's GROUP BY
    sorts the rows in a temporary B-tree, about 1 µs a sale, five times reading them."""
    if not len(owner):
        return owner, days, days
    order = np.argsort(owner, kind="stable")
    owner, days = owner[order], days[order]
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    return owner[starts], np.minimum.reduceat(days, starts), np.maximum.reduceat(days, starts)


_TEAM, _TODAY, _START = "team_id", "today", "window_start"
_TEAM_READS: dict[str, tuple[tuple[Packed, ...], list[Select[Any]]]] = {}


def _team_reads(connection: Connection) -> tuple[tuple[Packed, ...], list[Select[Any]]]:
    """The five reads of `load_team` for this connection's database, built once: a team's
    statements differ only in their parameters (`_TEAM`, `_TODAY`, `_START`), and building
    them anew took a third of the time a small team's /sale spends loading it."""
    dialect = connection.dialect.name
    if dialect not in _TEAM_READS:
        c = Client.__table__.c  # type: ignore[attr-defined]
        s = Sale.__table__.c  # type: ignore[attr-defined]
        e = Event.__table__.c  # type: ignore[attr-defined]
        r = Rating.__table__.c  # type: ignore[attr-defined]
        team_id = bindparam(_TEAM, type_=Integer)
        today, start = bindparam(_TODAY, type_=Date), bindparam(_START, type_=Date)
        # Five selects of one row each, sent together (PostgreSQL runs the next while this reads
        # the last: `fetched`). No ORDER BY: SQLite would sort every row of the team in a
        # temporary B-tree; numpy sorts the ids below.
        selects = (
            Packed(
                connection,
                select(
                    c.id,
                    c.name,
                    c.kind,
                    c.status,
                    c.gender,
                    c.birth_year,
                    c.city,
                    c.income,
                    c.education,
                    c.interests,
                    c.industry,
                    c.employees,
                    c.decision,
                    c.source,
                    c.segment,
                    c.acquired_on,
                    c.referred_by_id,
                    second_number(c.created_at, dialect),
                    c.kept_until,
                ).where(c.team_id == team_id),
                days=(15, 18),
                texts=(1, 2, 3, 4, 6, 8, 9, 10, 12, 13, 14),
                holding_json=(9,),
            ),
            # Every sale column is a whole number (dates as days).
            Packed(
                connection,
                select(*(s[name] for name in SALE_FIGURES)).where(
                    s.team_id == team_id,
                    s.sold_on <= today,
                    or_(s.sold_on > start, and_(s.paid_on.is_(None), s.due_on.is_not(None))),
                ),
                days=(1, 5, 6),
            ),
            # Each client's first and last sale before the window.
            Packed(
                connection,
                select(s.client_id, s.sold_on).where(s.team_id == team_id, s.sold_on <= start),
                days=(1,),
            ),
            Packed(
                connection,
                select(e.client_id, e.kind, e.happened_on, e.referred_client_id).where(
                    e.team_id == team_id, e.happened_on > start, e.happened_on <= today
                ),
                days=(2,),
                texts=(1,),
            ),
            Packed(
                connection,
                select(r.client_id, r.user_id, r.rated_on, r.criterion, r.value).where(
                    r.team_id == team_id, r.rated_on <= today
                ),
                days=(2,),
                texts=(3,),
            ),
        )
        _TEAM_READS[dialect] = (selects, [packed.select() for packed in selects])
    return _TEAM_READS[dialect]


def load_team(
    *, session: Session, team_id: int, today: dt.date, window_days: int, timezone: str = "UTC"
) -> TeamFrames:
    """One team's clients (every status), window sales, events and ratings as frames; the day
    a client was added is the day it was in the team's `timezone`."""
    start = today - dt.timedelta(days=window_days)
    connection = session.connection()
    selects, statements = _team_reads(connection)
    parameters = {_TEAM: team_id, _TODAY: today, _START: start}
    rows = fetched(connection, statements, parameters)
    columns = iter(packed.read(connection, next(rows), parameters) for packed in selects)
    (
        ids,
        name,
        kind,
        status,
        gender,
        birth_year,
        city,
        income,
        education,
        interests,
        industry,
        employees,
        decision,
        source,
        segment,
        acquired_on,
        referred_by_id,
        created_at,
        kept_until,
    ) = next(columns)
    order = np.argsort(ids, kind="stable")  # the rows in client-id order
    sorted_ids = ids[order]
    known_columns = {
        "name": _text(name),
        "kind": _text(kind),
        "status": _text(status),
        "gender": _text(gender),
        "birth_year": _packed_whole(birth_year),
        # «Кзн», «Наб.Челны», СПб: one city by its full name, as the profile reads it (A4)
        "city": _text(_full_names(city)),
        "income": _packed_whole(income),
        "education": _text(education),
        "interests": _objects(interests),
        "industry": _text(industry),
        "employees": _packed_whole(employees),
        "decision": _text(decision),
        "source": _text(source),
        "segment": _text(segment),
        "acquired_on": _packed_dates(acquired_on),
        "referred_by_id": _packed_whole(referred_by_id),
        "created_at": _packed_dates(_local_days(created_at, timezone)),
    }

    client_id, sold_on, amount, cost, minutes, due_on, paid_on, paid_amount = next(columns)
    sales = pd.DataFrame(
        {
            "client_id": client_id,
            "sold_on": _packed_dates(sold_on),
            "amount": amount,
            "cost": _packed_floats(cost),
            "minutes": _packed_floats(minutes),
            "due_on": _packed_dates(due_on),
            "paid_on": _packed_dates(paid_on),
            "paid_amount": _packed_floats(paid_amount),
        }
    )

    # The first and last sale before the window matched to the clients by id, not by
    # position: only sales whose client is one of the loaded ids.
    owner, first, last = _first_and_last(*next(columns))
    where = np.clip(np.searchsorted(sorted_ids, owner), 0, max(len(ids) - 1, 0))
    known = (sorted_ids[where] == owner) if len(ids) else np.zeros(len(owner), bool)
    first_sold_on = np.full(len(ids), NULL)
    last_sold_on = np.full(len(ids), NULL)
    first_sold_on[order[where[known]]] = first[known]
    last_sold_on[order[where[known]]] = last[known]
    # Every column an array in the rows' order, all taken in client-id order together: a
    # Series would be aligned by its 0..n-1 labels with the client ids and hand each client
    # another's values.
    clients = pd.DataFrame(
        {
            column: values[order]
            for column, values in {
                **known_columns,
                "first_sold_on": _packed_dates(first_sold_on),
                "last_sold_on": _packed_dates(last_sold_on),
                "kept_until": _packed_dates(kept_until),
            }.items()
        },
        index=pd.Index(sorted_ids, name="client_id"),
    )
    assert set(CLIENT_COLUMNS) <= set(clients.columns)

    client_id, kind, happened_on, referred = next(columns)
    events = pd.DataFrame(
        {
            "client_id": client_id,
            "kind": _text(kind),
            "happened_on": _packed_dates(happened_on),
            "referred_client_id": _packed_whole(referred),
        }
    )

    client_id, user_id, rated_on, criterion, value = next(columns)
    ratings = pd.DataFrame(
        {
            "client_id": client_id,
            "user_id": user_id,
            "rated_on": _packed_dates(rated_on),
            "criterion": _text(criterion),
            "value": value,
        }
    )
    for _ in rows:  # reading past the last row ends PostgreSQL's pipeline
        raise RuntimeError("a select more than load_team reads")
    return TeamFrames(clients=clients, sales=sales, events=events, ratings=ratings)


_SETTING_NAMES = {  # as the log says them
    "default_margin": "default margin",
    "concentration_threshold": "concentration threshold",
    "vat_rate": "VAT rate",
    "hour_cost": "hour cost",
}


def scoring_settings(team: Team | TeamView, *, today: dt.date) -> ScoringSettings:
    """The team's own scoring settings for `today` (its local date). A stored value outside
    what a team may set (left by an older version) is ignored with a warning, not raised on
    every card."""

    stored = {
        "default_margin": team.default_margin,
        "concentration_threshold": team.concentration_threshold,
        "vat_rate": team.vat_rate if team.amounts_include_vat else None,
        "hour_cost": team.hour_cost,
    }
    kept: dict[str, Any] = {}
    for name, value in stored.items():
        if setting_out_of_range(name, value, currency=team.currency):
            _log.warning("team %s: %s %r ignored", team.id, _SETTING_NAMES[name], value)
        else:
            kept[name] = value  # one left out falls back to ScoringSettings' default
    return ScoringSettings(
        today=today,
        window_days=team.scoring_window_days,
        grade_scale=team.grade_scale,
        weights=team.score_weights,
        **kept,
    )


def _full_city_names(criteria: dict[str, Any]) -> dict[str, Any]:
    """The profile's cities by their full names, as clients' cities are read (`load_team`)."""
    cities = criteria.get("cities")
    return {"cities": [city_full_name(city) for city in cities]} if cities else {}


def load_profiles(*, session: Session, team_id: int) -> tuple[IdealProfile, ...]:
    """The team's ideal profiles, in name order."""
    rows = session.exec(
        sqlmodel_select(IdealProfileRow)
        .where(IdealProfileRow.team_id == team_id)
        .order_by(col(IdealProfileRow.name))
    ).all()
    return tuple(
        IdealProfile.from_dict(
            {
                **(row.criteria or {}),
                **_full_city_names(row.criteria or {}),
                "name": row.name,
                "kind": row.kind if row.kind in ("person", "organisation") else None,
                "weights": row.weights,
            }
        )
        for row in rows
    )
