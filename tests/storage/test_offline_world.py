"""The offline chat's Telegram in the database: statuses, one creator, ids that never go back."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from storage import ledger, offline_world
from storage.engine import new_session

NOW = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
GROUP = -100123


def test_a_status_is_kept_and_a_group_has_one_creator(engine: Engine) -> None:
    with new_session(engine) as session:
        assert not offline_world.has_people(session=session, chat_id=GROUP)
        offline_world.set_status(
            session=session, chat_id=GROUP, user_id=1, status="creator", first_name="Joris", now=NOW
        )
        offline_world.set_status(
            session=session, chat_id=GROUP, user_id=2, status="member", first_name="Fatima", now=NOW
        )
        session.commit()
    with new_session(engine) as session:
        assert offline_world.has_people(session=session, chat_id=GROUP)
        assert offline_world.status(session=session, chat_id=GROUP, user_id=2) == "member"
        assert offline_world.status(session=session, chat_id=GROUP, user_id=3) is None
        # Fatima becomes the owner: Joris stays on as an admin, as in Telegram.
        offline_world.set_status(
            session=session,
            chat_id=GROUP,
            user_id=2,
            status="creator",
            first_name="Fatima",
            now=NOW,
        )
        session.commit()
    with new_session(engine) as session:
        found = {(p.user_id, p.status, p.first_name) for p in offline_world.people(session=session)}
    assert found == {(1, "administrator", "Joris"), (2, "creator", "Fatima")}


def test_ids_only_go_up_and_count_the_ledger(engine: Engine) -> None:
    with new_session(engine) as session:
        assert offline_world.last_id(session=session, name="update", bot_id=7) == 0
        offline_world.keep_id(session=session, name="update", value=5)
        session.commit()
        offline_world.keep_id(session=session, name="update", value=3)  # never back
        session.commit()
        assert offline_world.last_id(session=session, name="update", bot_id=7) == 5
        # A database from before the counter: its ledger holds the ids already used.
        ledger.claim(session=session, bot_id=7, update_id=12, now=NOW)
        ledger.claim(session=session, bot_id=8, update_id=99, now=NOW)  # another bot's
        session.commit()
        assert offline_world.last_id(session=session, name="update", bot_id=7) == 12
        assert offline_world.last_id(session=session, name="message") == 0
