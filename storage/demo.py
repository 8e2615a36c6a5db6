"""A realistic demo team, so a new user sees Kompas at work before entering their own data.

About forty clients of a small agency over the past year: two kinds, two big spenders the team
leans on too much, a handful of ideal clients who refer others, and a few it should let go.
Deterministic for a given day, in Dutch or Russian names and money.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlmodel import Session, func, select

from locales.demo_world import (
    COMPLAINTS,
    DEMO_PROFILE,
    NL_NEW,
    NL_ORGS,
    NL_PERSONS,
    NL_PROSPECTS,
    RU_NEW,
    RU_ORGS,
    RU_PERSONS,
    RU_PROSPECTS,
)
from scoring.profile import IdealProfile
from storage.callers import TeamView
from storage.clients import new_client
from storage.models import (
    Client,
    ClientKind,
    ClientStatus,
    Event,
    EventKind,
    IdealProfileRow,
    Member,
    Rating,
    Role,
    Sale,
    Team,
    stored_id,
)
from storage.ratings import CRITERIA
from storage.teams import touch_team


@dataclass(frozen=True)
class Archetype:
    share: float  # of the team's yearly revenue, across all clients of this archetype
    interval: int  # days between purchases
    margin: float
    minutes_per_1000: float  # minutes of work per 1 000 euros of revenue
    late: float  # probability a sale is paid late
    complaints: int
    referrals: int


ARCHETYPES = {
    "anchor": Archetype(0.275, 14, 0.32, 1900, 0.15, 1, 0),
    "anchor2": Archetype(0.265, 21, 0.45, 800, 0.05, 0, 1),
    "ideal": Archetype(0.24, 30, 0.55, 700, 0.0, 0, 1),
    "regular": Archetype(0.17, 60, 0.35, 900, 0.1, 0, 0),
    "poor": Archetype(0.03, 45, -0.05, 2200, 0.6, 2, 0),
    "person": Archetype(0.02, 90, 0.5, 800, 0.05, 0, 0),
}

YEARLY_REVENUE = {"EUR": 240_000_00, "RUB": 21_000_000_00}
SOURCES = ("referral", "website", "instagram", "fair", "advertising")


def team_is_empty(*, session: Session, team_id: int) -> bool:
    count = session.exec(select(func.count()).select_from(Client).where(Client.team_id == team_id))
    return count.one() == 0


def seed_demo(*, session: Session, team: Team | TeamView, today: dt.date, now: dt.datetime) -> int:
    """Fill an empty team with demo clients, sales, events and ratings; returns the clients
    with sales made, as /clients counts them (the two prospects not among them: "40 demo
    clients" above "38 clients" was a sum the Dutch reader could not make)."""
    assert team.id is not None
    rng = random.Random(f"kompas-demo-{team.locale}")
    russian = team.locale == "ru"
    orgs, persons = (RU_ORGS, RU_PERSONS) if russian else (NL_ORGS, NL_PERSONS)
    prospects, newcomer = (RU_PROSPECTS, RU_NEW) if russian else (NL_PROSPECTS, NL_NEW)
    owner = _owner_id(session, team.id)
    yearly = YEARLY_REVENUE.get(team.currency, YEARLY_REVENUE["EUR"])
    counts = dict.fromkeys(ARCHETYPES, 0)
    for row in (*orgs, *persons):
        counts[row[1]] += 1

    clients: list[tuple[Client, str]] = []
    for name, archetype, industry, city, employees in orgs:
        source = "referral" if archetype == "ideal" else rng.choice(SOURCES)
        client = _organisation(
            team,
            (name, industry, city, employees),
            now,
            today,
            rng,
            source=source,
            decision=rng.choice(("owner", "manager", "board")),
        )
        clients.append((client, archetype))
    for name, archetype, gender, born, city in persons:
        client = _client(
            team,
            name,
            ClientKind.PERSON,
            now,
            today,
            rng,
            gender=gender,
            birth_year=born,
            city=city,
            source=rng.choice(SOURCES),
            education=rng.choice(("vocational", "higher", "higher")),
            interests=rng.sample(["sport", "design", "food", "travel", "music"], 2),
        )
        clients.append((client, archetype))
    session.add_all([c for c, _ in clients])
    for name, industry, city, employees in prospects:
        session.add(
            _organisation(
                team,
                (name, industry, city, employees),
                now,
                today,
                rng,
                status=ClientStatus.PROSPECT,
                source="website",
            )
        )
    new_client = _organisation(
        team,
        newcomer,
        now,
        today,
        rng,
        source="instagram",
        acquired_on=today - dt.timedelta(days=40),
    )
    session.add(new_client)
    session.flush()

    rows: list[Sale | Event | Rating] = []
    quiet = next(c for c, a in clients if a == "ideal")  # an ideal client gone quiet: call them
    for client, archetype in clients:
        spec = ARCHETYPES[archetype]
        share = yearly * spec.share / counts[archetype]
        rows += (
            # It still earns its place among the ideal clients; it just stopped buying.
            _sales(team, client, spec, share * 1.5, today - dt.timedelta(days=60), rng)
            if client is quiet
            else _sales(team, client, spec, share, today, rng)
        )
        for i in range(spec.complaints):
            rows.append(
                Event(
                    team_id=team.id,
                    client_id=stored_id(client),
                    kind=EventKind.COMPLAINT,
                    happened_on=today - dt.timedelta(days=30 + 60 * i),
                    note=COMPLAINTS[team.locale],
                    created_by=owner,
                    created_at=now,
                )
            )
        rows += _ratings(team, client, archetype, owner, today, now)
    rows += _sales(team, new_client, ARCHETYPES["regular"], yearly * 0.01, today, rng, days=40)
    rows += _referrals(team, clients, owner, today, now, rng)
    session.add_all(rows)
    session.add(_ideal_profile(team, now))
    touch_team(session=session, team_id=team.id)
    session.flush()
    return len(clients) + 1


def _ideal_profile(team: Team | TeamView, now: dt.datetime) -> IdealProfileRow:
    """The demo agency's ideal organisation: catering, care or sport nearby, 5–50 people."""
    wanted = DEMO_PROFILE["ru" if team.locale == "ru" else "nl"]
    profile = IdealProfile(
        name=str(wanted["name"]),
        kind="organisation",
        cities=frozenset(wanted["cities"]),
        industries=frozenset(wanted["industries"]),
        min_employees=5,
        max_employees=50,
        min_margin=0.4,
        market_size=int(wanted["market_size"]),
        competitors=12,
    )
    criteria = profile.to_dict()
    return IdealProfileRow(
        team_id=stored_id(team),
        name=profile.name,
        kind=profile.kind,
        criteria=criteria,
        weights=None,
        updated_at=now,
    )


def _owner_id(session: Session, team_id: int) -> int | None:
    return session.exec(
        select(Member.user_id).where(Member.team_id == team_id, Member.role == Role.OWNER)
    ).first()


def _client(
    team: Team,
    name: str,
    kind: ClientKind,
    now: dt.datetime,
    today: dt.date,
    rng: random.Random,
    status: ClientStatus = ClientStatus.ACTIVE,
    **traits: object,
) -> Client:
    traits.setdefault("acquired_on", today - dt.timedelta(days=rng.randint(400, 2500)))
    return new_client(
        team_id=stored_id(team), name=name, now=now, kind=kind, status=status, **traits
    )


def _organisation(
    team: Team,
    row: tuple[str, str, str, int],
    now: dt.datetime,
    today: dt.date,
    rng: random.Random,
    status: ClientStatus = ClientStatus.ACTIVE,
    **traits: object,
) -> Client:
    """A demo organisation from its (name, line of business, city, employees) row."""
    name, industry, city, employees = row
    return _client(
        team,
        name,
        ClientKind.ORGANISATION,
        now,
        today,
        rng,
        status,
        industry=industry,
        city=city,
        employees=employees,
        **traits,
    )


def _sales(
    team: Team,
    client: Client,
    spec: Archetype,
    yearly: float,
    today: dt.date,
    rng: random.Random,
    *,
    days: int = 365,
) -> list[Sale]:
    count = max(1, round(days / spec.interval))
    rows = []
    for i in range(count):
        sold_on = today - dt.timedelta(days=int(days - (i + rng.random()) * days / count))
        amount = max(1000, int(yearly / max(1, round(365 / spec.interval)) * rng.uniform(0.7, 1.3)))
        amount -= amount % 100
        margin = spec.margin + rng.uniform(-0.08, 0.08)
        due = sold_on + dt.timedelta(days=14)
        late = rng.random() < spec.late
        paid = due + dt.timedelta(days=rng.randint(10, 40)) if late else due - dt.timedelta(days=3)
        rows.append(
            Sale(
                team_id=stored_id(team),
                client_id=stored_id(client),
                sold_on=sold_on,
                amount=amount,
                cost=max(0, int(amount * (1 - margin))),
                due_on=due,
                minutes=max(15, int(amount / 100 / 1000 * spec.minutes_per_1000 * _hours(team))),
                paid_on=paid if paid <= today else None,
            )
        )
    return rows


SOLO_HOURS = 1 / 3  # the team's 4 500 hours a year are three people's; one person has 1 500


def _hours(team: Team | TeamView) -> float:
    """Work per euro of revenue: alike in roubles (about 90 to the euro), and a third for a
    solo specialist, whose year cannot hold a team's 4 500 hours (second readers)."""
    per_euro = 1 / 90.0 if team.currency == "RUB" else 1.0
    return per_euro * (SOLO_HOURS if team.is_personal else 1.0)


def _ratings(
    team: Team, client: Client, archetype: str, owner: int | None, today: dt.date, now: dt.datetime
) -> list[Rating]:
    if owner is None or archetype in ("regular", "person"):
        return []
    values = {"anchor": (4, 2, 3), "anchor2": (4, 4, 4), "ideal": (5, 5, 5), "poor": (4, 2, 1)}
    return [
        Rating(
            team_id=stored_id(team),
            client_id=stored_id(client),
            user_id=owner,
            rated_on=today - dt.timedelta(days=20),
            criterion=criterion,
            value=value,
            created_at=now,
        )
        for criterion, value in zip(CRITERIA, values[archetype], strict=True)
    ]


def _referrals(
    team: Team,
    clients: list[tuple[Client, str]],
    owner: int | None,
    today: dt.date,
    now: dt.datetime,
    rng: random.Random,
) -> list[Event]:
    referrers = [c for c, a in clients if ARCHETYPES[a].referrals]
    referred = [c for c, a in clients if a in ("regular", "person")]
    rng.shuffle(referred)
    events = []
    for referrer, newcomer in zip(referrers, referred, strict=False):
        newcomer.referred_by_id = referrer.id
        newcomer.source = "referral"
        # A referral is dated by when the newcomer became a client (scoring counts it so).
        newcomer.acquired_on = today - dt.timedelta(days=rng.randint(20, 300))
        events.append(
            Event(
                team_id=stored_id(team),
                client_id=stored_id(referrer),
                kind=EventKind.REFERRAL,
                happened_on=newcomer.acquired_on,
                referred_client_id=newcomer.id,
                created_by=owner,
                created_at=now,
            )
        )
    return events
