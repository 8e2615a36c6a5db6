"""The processed-update ledger: an update is claimed once, whichever instance sees it first."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import Engine

from storage import ledger
from storage.engine import make_engine, new_session

NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)


def test_an_update_is_claimed_once(engine: Engine) -> None:
    with new_session(engine) as session:
        assert ledger.claim(session=session, bot_id=1, update_id=5, now=NOW)
        session.commit()
    with new_session(engine) as session:
        assert not ledger.claim(session=session, bot_id=1, update_id=5, now=NOW)
        assert ledger.claim(session=session, bot_id=2, update_id=5, now=NOW)  # another bot


def test_a_claim_rolled_back_can_be_claimed_again(engine: Engine) -> None:
    """A failed update leaves no trace, so its redelivery is processed."""
    with new_session(engine) as session:
        assert ledger.claim(session=session, bot_id=1, update_id=6, now=NOW)
        session.rollback()
        assert ledger.claim(session=session, bot_id=1, update_id=6, now=NOW)


@pytest.mark.parametrize("engine", ["postgres"], indirect=True)
@pytest.mark.postgres
def test_a_twin_on_another_instance_waits_and_finds_the_update_taken(engine: Engine) -> None:
    other = make_engine(engine.url.render_as_string(hide_password=False))
    first, second = new_session(engine), new_session(other)
    try:
        assert ledger.claim(session=first, bot_id=1, update_id=7, now=NOW)
        result: list[bool] = []
        twin = threading.Thread(
            target=lambda: result.append(
                ledger.claim(session=second, bot_id=1, update_id=7, now=NOW)
            )
        )
        twin.start()
        twin.join(timeout=0.3)
        assert twin.is_alive(), "the twin should wait for the first claim's transaction"
        first.commit()
        twin.join(timeout=10)
        assert result == [False]
    finally:
        first.close()
        second.close()
        other.dispose()


def test_prune_forgets_updates_older_than_a_day(engine: Engine) -> None:
    with new_session(engine) as session:
        ledger.claim(session=session, bot_id=1, update_id=8, now=NOW - dt.timedelta(hours=25))
        ledger.claim(session=session, bot_id=1, update_id=9, now=NOW)
        assert ledger.prune(session=session, now=NOW) == 1
        assert ledger.claim(session=session, bot_id=1, update_id=8, now=NOW)
        assert not ledger.claim(session=session, bot_id=1, update_id=9, now=NOW)
