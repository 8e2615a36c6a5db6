"""Dialog state per (chat, user), written in the update's own transaction; expires after 30 min."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm.util import identity_key
from sqlmodel import Session, col

from storage.models import DialogState

DIALOG_TTL = dt.timedelta(minutes=30)
KEPT_QUESTIONS = 5  # a question re-asked after wrong answers: any of the last few answers it


@dataclass(frozen=True)
class Expired:
    """A dialog left for longer than DIALOG_TTL, removed as it was found."""

    dialog: str
    question_ids: tuple[int, ...]


def load_dialog(
    *, session: Session, chat_id: int, user_id: int, now: dt.datetime
) -> DialogState | Expired | None:
    """The dialog in progress; one abandoned for 30 minutes is dropped and reported Expired."""
    state = session.get(DialogState, (chat_id, user_id))
    if state is None:
        return None
    if state.updated_at < now - DIALOG_TTL:
        expired = Expired(state.dialog, tuple(state.question_ids or ()))
        session.delete(state)
        session.flush()
        return expired
    return state


def save_dialog(
    *,
    session: Session,
    chat_id: int,
    user_id: int,
    team_id: int | None,
    dialog: str,
    step: str,
    data: dict[str, Any],
    now: dt.datetime,
) -> None:
    """Insert or replace in one statement, so two instances never race on read-modify-write.

    A new step has a new question: the messages that asked the previous one no longer answer.
    """
    values = {
        "chat_id": chat_id,
        "user_id": user_id,
        "team_id": team_id,
        "dialog": dialog,
        "step": step,
        "data": data,
        "question_ids": [],
        "updated_at": now,
    }
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(DialogState).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=["chat_id", "user_id"],
        set_={k: statement.excluded[k] for k in values if k not in ("chat_id", "user_id")},
    )
    session.execute(statement)
    _forget_loaded(session, chat_id, user_id)


def _forget_loaded(session: Session, chat_id: int, user_id: int) -> None:
    """Drop a copy loaded earlier in this session: the row was just written around it."""
    loaded = session.identity_map.get(identity_key(DialogState, (chat_id, user_id)))
    if loaded is not None:
        session.expunge(loaded)


def bind_question(*, session: Session, chat_id: int, user_id: int, message_id: int) -> None:
    """`message_id` asked the pending step's question (sent after the step was stored)."""
    state = session.get(DialogState, (chat_id, user_id))
    if state is None:
        return
    asked = [i for i in state.question_ids or () if i != message_id] + [message_id]
    state.question_ids = asked[-KEPT_QUESTIONS:]
    session.add(state)
    session.flush()


def clear_dialog(*, session: Session, chat_id: int, user_id: int) -> bool:
    _forget_loaded(session, chat_id, user_id)
    result = session.execute(
        delete(DialogState).where(
            col(DialogState.chat_id) == chat_id, col(DialogState.user_id) == user_id
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
