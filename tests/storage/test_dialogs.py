"""Dialog state: each step remembers the messages that asked it, and expires in 30 minutes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from storage.dialogs import Expired, bind_question, load_dialog, save_dialog
from storage.engine import new_session
from storage.models import DialogState

NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)
CHAT, USER = -500, 21


def _save(session, step: str, now: dt.datetime = NOW) -> None:  # type: ignore[no-untyped-def]
    save_dialog(
        session=session,
        chat_id=CHAT,
        user_id=USER,
        team_id=None,
        dialog="sale",
        step=step,
        data={"client": "Glans"},
        now=now,
    )


def test_a_step_is_answered_by_the_messages_that_asked_it(engine: Engine) -> None:
    with new_session(engine) as session:
        _save(session, "amount")
        session.commit()
        bind_question(session=session, chat_id=CHAT, user_id=USER, message_id=7)
        bind_question(session=session, chat_id=CHAT, user_id=USER, message_id=9)  # asked again
        bind_question(session=session, chat_id=CHAT, user_id=USER, message_id=9)
        session.commit()
    with new_session(engine) as session:
        state = load_dialog(session=session, chat_id=CHAT, user_id=USER, now=NOW)
        assert isinstance(state, DialogState)
        assert state.question_ids == [7, 9]
        _save(session, "cost")  # the next step: the amount's question no longer answers
        session.commit()
    with new_session(engine) as session:
        state = load_dialog(session=session, chat_id=CHAT, user_id=USER, now=NOW)
        assert isinstance(state, DialogState) and state.question_ids == []


def test_a_dialog_left_for_half_an_hour_expires(engine: Engine) -> None:
    with new_session(engine) as session:
        _save(session, "amount")
        bind_question(session=session, chat_id=CHAT, user_id=USER, message_id=7)
        session.commit()
    with new_session(engine) as session:
        later = NOW + dt.timedelta(minutes=29)
        assert isinstance(
            load_dialog(session=session, chat_id=CHAT, user_id=USER, now=later), DialogState
        )
        later = NOW + dt.timedelta(minutes=31)
        expired = load_dialog(session=session, chat_id=CHAT, user_id=USER, now=later)
        assert expired == Expired("sale", (7,))
        session.commit()
    with new_session(engine) as session:
        assert load_dialog(session=session, chat_id=CHAT, user_id=USER, now=NOW) is None


def test_binding_without_a_pending_dialog_does_nothing(engine: Engine) -> None:
    with new_session(engine) as session:
        bind_question(session=session, chat_id=CHAT, user_id=USER, message_id=7)
        session.commit()
        assert session.get(DialogState, (CHAT, USER)) is None
