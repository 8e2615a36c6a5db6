"""Exactly-once bookkeeping on both databases: digest claims and the scheduler lease."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from storage import deliveries, lease
from storage.engine import new_session
from tests.factories import make_team

NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
TTL = dt.timedelta(seconds=45)


def _claim(engine: Engine, team_id: int, holder: str, now: dt.datetime = NOW):  # type: ignore[no-untyped-def]
    with new_session(engine) as session:
        claim = deliveries.claim(
            session=session, team_id=team_id, iso_week="2026-W48", holder=holder, now=now
        )
        session.commit()
        return claim


def test_a_week_is_claimed_once_and_a_sent_week_never_again(engine: Engine) -> None:
    team = make_team(engine, chat_id=-1, owner_id=1)
    assert _claim(engine, team.id or 0, "a") is not None
    assert _claim(engine, team.id or 0, "b") is None
    with new_session(engine) as session:
        deliveries.mark_sent(session=session, team_id=team.id or 0, iso_week="2026-W48", now=NOW)
        session.commit()
    assert _claim(engine, team.id or 0, "c", NOW + dt.timedelta(hours=2)) is None


def test_a_failed_or_abandoned_claim_can_be_taken_again(engine: Engine) -> None:
    team = make_team(engine, chat_id=-1, owner_id=1)
    _claim(engine, team.id or 0, "a")
    with new_session(engine) as session:
        deliveries.mark_failed(session=session, team_id=team.id or 0, iso_week="2026-W48")
        session.commit()
    retry = _claim(engine, team.id or 0, "b")
    assert retry is not None and retry.attempt == 2
    assert _claim(engine, team.id or 0, "c") is None  # b is sending right now
    stale = _claim(engine, team.id or 0, "c", NOW + deliveries.STALE_CLAIM * 2)
    assert stale is not None and stale.attempt == 3  # b died mid-send


def _hold(engine: Engine, holder: str, now: dt.datetime) -> bool:
    with new_session(engine) as session:
        held = lease.hold(session=session, name="digest", holder=holder, now=now, ttl=TTL)
        session.commit()
        return held


def test_one_holder_at_a_time_and_takeover_after_expiry(engine: Engine) -> None:
    assert _hold(engine, "a", NOW)
    assert not _hold(engine, "b", NOW)
    assert _hold(engine, "a", NOW + dt.timedelta(seconds=15))  # renewed
    assert not _hold(engine, "b", NOW + dt.timedelta(seconds=40))
    assert _hold(engine, "b", NOW + dt.timedelta(seconds=61))  # a stopped renewing
    assert not _hold(engine, "a", NOW + dt.timedelta(seconds=62))


def test_release_hands_over_at_once(engine: Engine) -> None:
    assert _hold(engine, "a", NOW)
    with new_session(engine) as session:
        lease.release(session=session, name="digest", holder="a")
        session.commit()
    assert _hold(engine, "b", NOW)
