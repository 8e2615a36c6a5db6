"""The hot path's Core statements store and read exactly what SQLAlchemy's ORM session would."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from sqlalchemy import Engine, bindparam, insert, select, text
from sqlalchemy.exc import IntegrityError, PendingRollbackError

from storage.engine import new_session
from storage.models import PendingUndo, ProcessedUpdate
from storage.statements import CoreStatement
from tests.factories import make_team

NOW = dt.datetime(2026, 11, 23, 8, 30, 15, 123456, tzinfo=dt.UTC)
_UNDO = PendingUndo.__table__  # type: ignore[attr-defined]
INSERT = CoreStatement(insert(_UNDO))
BY_ID = CoreStatement(
    select(_UNDO.c.payload, _UNDO.c.created_at, _UNDO.c.done).where(
        _UNDO.c.id == bindparam("undo_id")
    )
)


def _undo(team_id: int, **changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "team_id": team_id,
        "user_id": 11,
        "action": "sale_created",
        "payload": {"sale_id": 7, "note": "«Кофейня» & co"},
        "created_at": NOW.astimezone(dt.timezone(dt.timedelta(hours=3))),  # stored as UTC
        "expires_at": NOW + dt.timedelta(hours=24),
        "done": False,
    }
    return values | changes


def test_a_prepared_insert_stores_the_same_as_sqlalchemy(engine: Engine) -> None:
    team = make_team(engine, chat_id=-100, owner_id=11)
    with new_session(engine) as session:
        prepared_id = INSERT.insert(session, _undo(team.id or 0))
        plain_id = session.connection().execute(insert(_UNDO), _undo(team.id or 0))
        session.commit()
    stored = "SELECT team_id, user_id, action, payload, created_at, expires_at, done"
    with engine.connect() as connection:
        rows = connection.execute(
            text(f"{stored} FROM pending_undo WHERE id IN (:a, :b) ORDER BY id"),
            {"a": prepared_id, "b": plain_id.inserted_primary_key[0]},
        ).all()
    assert len(rows) == 2
    assert rows[0] == rows[1]


def test_rows_come_back_as_python_values(engine: Engine) -> None:
    team = make_team(engine, chat_id=-100, owner_id=11)
    with new_session(engine) as session:
        undo_id = INSERT.insert(session, _undo(team.id or 0))
        row = BY_ID.first(session, {"undo_id": undo_id})
        plain = session.connection().execute(BY_ID.statement, {"undo_id": undo_id}).one()
    assert row == (
        {"sale_id": 7, "note": "«Кофейня» & co"},
        NOW,
        False,
    )
    assert row == tuple(plain)
    assert row is not None and row[1].tzinfo == dt.UTC and row[2] is False


def test_prepared_work_belongs_to_the_sessions_transaction(engine: Engine) -> None:
    team = make_team(engine, chat_id=-100, owner_id=11)
    with new_session(engine) as session:
        undo_id = INSERT.insert(session, _undo(team.id or 0))
        session.rollback()
        assert BY_ID.first(session, {"undo_id": undo_id}) is None
        assert BY_ID.scalar(session, {"undo_id": undo_id}) is None


def test_after_a_failed_flush_prepared_work_waits_for_the_rollback(engine: Engine) -> None:
    """As with SQLAlchemy's own execution: nothing runs in a transaction that has failed."""
    team = make_team(engine, chat_id=-100, owner_id=11)
    with new_session(engine) as session:
        INSERT.insert(session, _undo(team.id or 0))
        for _ in range(2):
            session.add(ProcessedUpdate(bot_id=1, update_id=1, processed_at=NOW))
            with contextlib.suppress(IntegrityError):
                session.flush()
        with pytest.raises(PendingRollbackError):
            INSERT.insert(session, _undo(team.id or 0))
        session.rollback()
        assert INSERT.insert(session, _undo(team.id or 0))
