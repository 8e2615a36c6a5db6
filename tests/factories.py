"""Small, readable teams for tests, written straight to a real database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine

from storage import clients, teams
from storage.engine import new_session
from storage.models import ClientKind, ClientStatus, Event, EventKind, Sale, Team

NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)
NL_OWNER, RU_OWNER = 11, 12  # owners of the personal teams below (tests/bot)


def make_team(
    engine: Engine,
    *,
    chat_id: int,
    owner_id: int,
    locale: str = "nl",
    title: str = "Studio",
    personal: bool = False,
    **settings: Any,
) -> Team:
    with new_session(engine) as session:
        team = teams.create_team(
            session=session,
            chat_id=chat_id,
            title=title,
            locale=locale,
            owner_id=owner_id,
            owner_name=f"owner{owner_id}",
            is_personal=personal,
            now=NOW,
        )
        team.onboarded = True
        for name, value in settings.items():
            setattr(team, name, value)
        session.add(team)
        session.commit()
        return team


def with_vat(engine: Engine, team: Team, rate: float) -> None:
    """The team types its amounts with VAT at `rate` (a fraction): reports take it off."""
    with new_session(engine) as session:
        row = session.get(Team, team.id)
        assert row is not None
        row.amounts_include_vat, row.vat_rate = True, rate
        session.add(row)
        session.commit()


def add_member(engine: Engine, team: Team, user_id: int, role: str = "member") -> None:
    from storage.models import Role

    with new_session(engine) as session:
        teams.add_member(
            session=session,
            team_id=team.id or 0,
            user_id=user_id,
            role=Role(role),
            display_name=f"user{user_id}",
            now=NOW,
        )
        session.commit()


def make_client(
    engine: Engine,
    team: Team,
    name: str,
    *,
    kind: str = "organisation",
    status: str = "active",
    **traits: Any,
) -> int:
    with new_session(engine) as session:
        client = clients.create_client(
            session=session,
            team_id=team.id or 0,
            name=name,
            now=NOW,
            kind=ClientKind(kind),
            status=ClientStatus(status),
            **traits,
        )
        session.commit()
        return client.id or 0


def make_sale(
    engine: Engine,
    team: Team,
    client_id: int,
    amount: int,
    *,
    sold_on: dt.date = dt.date(2026, 10, 1),
    **fields: Any,
) -> int:
    with new_session(engine) as session:
        sale = Sale(
            team_id=team.id or 0, client_id=client_id, sold_on=sold_on, amount=amount, **fields
        )
        session.add(sale)
        session.commit()
        return sale.id or 0


def make_event(
    engine: Engine,
    team: Team,
    client_id: int,
    kind: str,
    *,
    happened_on: dt.date = dt.date(2026, 10, 1),
    **fields: Any,
) -> None:
    with new_session(engine) as session:
        session.add(
            Event(
                team_id=team.id or 0,
                client_id=client_id,
                kind=EventKind(kind),
                happened_on=happened_on,
                **fields,
            )
        )
        session.commit()


def rows(engine: Engine, model: type, **where: Any) -> list[Any]:
    """All rows of a table matching `where`, for asserting what landed in the database."""
    from sqlmodel import select

    with new_session(engine) as session:
        query = select(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return list(session.exec(query).all())
