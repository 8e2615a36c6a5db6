"""One update's unit of work: prepared statements and ORM changes land, or vanish, together."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from storage import ledger, teams
from storage.engine import UnitOfWork
from storage.models import Client, ProcessedUpdate
from tests.factories import NOW, make_team, rows


@pytest.fixture
def unit(engine: Engine) -> Iterator[UnitOfWork]:
    unit = UnitOfWork(engine)
    yield unit
    unit.close()


def _client(team_id: int, name: str) -> Client:
    return Client(team_id=team_id, name=name, name_key=name.lower(), created_at=NOW)


def test_prepared_and_orm_work_land_together(engine: Engine, unit: UnitOfWork) -> None:
    team = make_team(engine, chat_id=-100, owner_id=11)
    assert ledger.claim(session=unit.session, bot_id=1, update_id=1, now=NOW)
    unit.session.add(_client(team.id or 0, "Bakkerij"))
    unit.session.flush()
    assert not rows(engine, Client)  # not before the commit
    unit.commit()
    assert [c.name for c in rows(engine, Client)] == ["Bakkerij"]
    assert len(rows(engine, ProcessedUpdate)) == 1


def test_a_rollback_takes_back_both(engine: Engine, unit: UnitOfWork) -> None:
    team = make_team(engine, chat_id=-100, owner_id=11)
    ledger.claim(session=unit.session, bot_id=1, update_id=1, now=NOW)
    unit.session.add(_client(team.id or 0, "Bakkerij"))
    unit.session.flush()
    unit.rollback()
    assert ledger.claim(session=unit.session, bot_id=1, update_id=2, now=NOW)
    unit.commit()
    assert not rows(engine, Client)
    assert [u.update_id for u in rows(engine, ProcessedUpdate)] == [2]


def test_work_after_a_commit_lands_with_the_next_one(engine: Engine, unit: UnitOfWork) -> None:
    team = make_team(engine, chat_id=-100, owner_id=11)
    ledger.claim(session=unit.session, bot_id=1, update_id=1, now=NOW)
    unit.commit()
    unit.session.add(_client(team.id or 0, "Kofeinya"))  # the ORM first, this time
    unit.session.flush()
    ledger.claim(session=unit.session, bot_id=1, update_id=2, now=NOW)
    unit.commit()
    assert [c.name for c in rows(engine, Client)] == ["Kofeinya"]
    assert len(rows(engine, ProcessedUpdate)) == 2


def test_prepared_statements_alone_open_no_session_transaction(
    engine: Engine, unit: UnitOfWork
) -> None:
    """What makes the unit cheap: an update that needs no ORM never begins a session."""
    ledger.claim(session=unit.session, bot_id=1, update_id=1, now=NOW)
    assert not unit.session.in_transaction()
    unit.commit()
    assert len(rows(engine, ProcessedUpdate)) == 1


def test_a_unit_knows_whether_it_changed_a_teams_data(engine: Engine, unit: UnitOfWork) -> None:
    """Only the ledger is no change to speak of; touching a team's data is (issue 16, #6)."""
    team = make_team(engine, chat_id=-100, owner_id=11)
    ledger.claim(session=unit.session, bot_id=1, update_id=1, now=NOW)
    assert not teams.data_changed(unit.session)
    teams.touch_team(session=unit.session, team_id=team.id or 0)
    unit.commit()
    assert teams.data_changed(unit.session)
