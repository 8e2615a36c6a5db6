"""Generated teams for the oracle: raw rows, and the two ways into scoring (frames, database)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from typing import Any

from hypothesis import strategies as st
from sqlmodel import Session

from scoring.frames import TeamFrames
from storage.models import Client, Event, Sale
from tests.oracle.reference import RawTeam

TODAY = dt.date(2026, 11, 23)
INTERESTS = ["йога", "рыбалка", "театр", "fietsen"]


def _day(offset: int) -> dt.date:
    return TODAY - dt.timedelta(days=offset)


@st.composite
def raw_teams(
    draw: st.DrawFn, *, vat: bool = False, hour_cost: bool = False, recent: bool = False
) -> RawTeam:
    """A small team with the awkward cases: id gaps, every status, clients without sales,
    missing costs and times, many same-day sales, future sales, unpaid/overdue/late invoices,
    referrals (events and "referred by"), complaints, default margin set or not. `recent`: every
    date within 200 days, so clients under 90 days old sit beside settled ones."""
    span = 200 if recent else 900
    n = draw(st.integers(0, 12))
    ids = sorted(draw(st.sets(st.integers(1, 60), min_size=n, max_size=n)))
    clients = []
    for cid in ids:
        clients.append(
            {
                "id": cid,
                "name": f"klant {cid}",
                "kind": draw(st.sampled_from(["person", "organisation"])),
                "status": draw(
                    st.sampled_from(["active"] * 6 + ["prospect", "declined", "archived"])
                ),
                "created_on": _day(draw(st.integers(0, span))),
                "acquired_on": draw(st.none() | st.integers(0, span + span // 3).map(_day)),
                "referred_by_id": draw(
                    st.none() | st.sampled_from(ids).filter(lambda r, c=cid: r != c)
                ),
                "interests": draw(
                    st.none() | st.lists(st.sampled_from(INTERESTS), max_size=3, unique=True)
                ),
            }
        )
    sales = []
    for cid in ids:
        usual = draw(st.integers(-3, span))  # many sales can fall on one day
        for _ in range(draw(st.integers(0, 6))):
            sold = _day(draw(st.just(usual) | st.integers(-3, span)))
            amount = draw(st.sampled_from([0, 100, 5_000, 12_345]) | st.integers(0, 400_000))
            due = draw(
                st.none() | st.integers(0, 45).map(lambda d, s=sold: s + dt.timedelta(days=d))
            )
            paid = draw(
                st.none() | st.integers(0, 90).map(lambda d, s=sold: s + dt.timedelta(days=d))
            )
            sales.append(
                {
                    "client_id": cid,
                    "sold_on": sold,
                    "amount": amount,
                    "cost": draw(st.none() | st.integers(0, 500_000)),
                    "minutes": draw(st.none() | st.just(0) | st.integers(1, 600)),
                    "due_on": due,
                    "paid_on": min(paid, TODAY) if paid is not None else None,
                }
            )
    events = []
    if ids:
        for _ in range(draw(st.integers(0, 8))):
            cid = draw(st.sampled_from(ids))
            kind = draw(st.sampled_from(["referral", "complaint", "compliment"]))
            other = draw(st.none() | st.sampled_from(ids)) if kind == "referral" else None
            events.append(
                {
                    "client_id": cid,
                    "kind": kind,
                    "happened_on": _day(draw(st.integers(-3, 900))),
                    "referred_client_id": other if other != cid else None,
                }
            )
    return RawTeam(
        today=TODAY,
        window_days=draw(st.sampled_from([365, 365, 180, 60])),
        clients=clients,
        sales=sales,
        events=events,
        default_margin=draw(st.none() | st.sampled_from([0.0, 0.25, 0.6])),
        vat_rate=draw(st.none() | st.sampled_from([0.21, 0.09, 0.2, 0.1, 0.0])) if vat else None,
        hour_cost=draw(st.none() | st.sampled_from([2_500, 4_000, 6_000])) if hour_cost else None,
    )


def frames(team: RawTeam, *, shuffle: random.Random | None = None) -> TeamFrames:
    """The team as scoring frames; `shuffle` puts every frame's rows in a random order."""
    clients = [
        {**{k: v for k, v in c.items() if k != "created_on"}, "created_at": c["created_on"]}
        for c in team.clients
    ]
    out = TeamFrames.from_records(clients=clients, sales=team.sales, events=team.events)
    if shuffle is None:
        return out
    seed = shuffle.randrange(2**32)
    return TeamFrames(
        clients=out.clients.sample(frac=1, random_state=seed),
        sales=out.sales.sample(frac=1, random_state=seed + 1),
        events=out.events.sample(frac=1, random_state=seed + 2),
        ratings=out.ratings,
    )


def shifted(team: RawTeam, offset: int) -> RawTeam:
    """The same team with every client id moved up by `offset` (unique ids per database)."""

    def move(value: Any) -> Any:
        return None if value is None else value + offset

    return replace(
        team,
        clients=[
            {**c, "id": c["id"] + offset, "referred_by_id": move(c["referred_by_id"])}
            for c in team.clients
        ],
        sales=[{**s, "client_id": s["client_id"] + offset} for s in team.sales],
        events=[
            {
                **e,
                "client_id": e["client_id"] + offset,
                "referred_client_id": move(e["referred_client_id"]),
            }
            for e in team.events
        ],
    )


def store(team: RawTeam, session: Session, team_id: int) -> None:
    """Write the team's rows as the models hold them (explicit ids, so the gaps stay)."""
    made = []
    for c in team.clients:
        client = Client(
            id=c["id"],
            team_id=team_id,
            name=c["name"],
            name_key=c["name"].casefold(),
            kind=c["kind"],
            status=c["status"],
            interests=c["interests"],
            acquired_on=c["acquired_on"],
            created_at=dt.datetime.combine(c["created_on"], dt.time(12), dt.UTC),
        )
        session.add(client)
        made.append((client, c["referred_by_id"]))
    session.flush()
    for client, referrer in made:
        client.referred_by_id = referrer
    for s in team.sales:
        session.add(Sale(team_id=team_id, **s))
    for e in team.events:
        session.add(Event(team_id=team_id, **e))
    session.commit()
