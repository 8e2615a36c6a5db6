"""The demo's figures are ones a reader can believe: a solo specialist's year of work fits one
person (second readers found 2 056 hours on one client of the private demo)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from storage import demo
from storage.engine import new_session
from storage.models import Sale
from tests.factories import make_team, rows

NOW = dt.datetime(2026, 11, 23, 8, tzinfo=dt.UTC)


def _hours_a_year(engine: Engine, *, personal: bool, locale: str) -> float:
    team = make_team(
        engine,
        chat_id=21 if personal else -910,
        owner_id=21,
        personal=personal,
        locale=locale,
        currency="RUB" if locale == "ru" else "EUR",
    )
    with new_session(engine) as session:
        demo.seed_demo(session=session, team=team, today=NOW.date(), now=NOW)
        session.commit()
    year_ago = NOW.date() - dt.timedelta(days=365)
    return sum(s.minutes or 0 for s in rows(engine, Sale) if s.sold_on > year_ago) / 60


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_a_solo_specialists_demo_year_holds_one_persons_hours(
    sqlite_engine: Engine, locale: str
) -> None:
    assert 1_000 < _hours_a_year(sqlite_engine, personal=True, locale=locale) < 1_800


def test_a_group_teams_demo_keeps_a_few_peoples_hours(sqlite_engine: Engine) -> None:
    assert _hours_a_year(sqlite_engine, personal=False, locale="nl") > 4_000
