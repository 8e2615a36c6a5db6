"""The processed-update ledger: a redelivered update is recognised and becomes a no-op."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col

from storage.engine import new_session
from storage.models import ProcessedUpdate
from storage.statements import CoreStatement

RETENTION = dt.timedelta(hours=24)  # Telegram keeps undelivered updates for 24 hours
# Telegram's update ids are positive and fit the ledger's BIGINT column; anything else is forged.
LARGEST_UPDATE_ID = 2**63 - 1


def real_update_id(update_id: object) -> bool:
    """Whether `update_id` is one Telegram could send: an int (not a bool) in 0…2^63−1."""
    return type(update_id) is int and 0 <= update_id <= LARGEST_UPDATE_ID


def claim(*, session: Session, bot_id: int, update_id: int, now: dt.datetime) -> bool:
    """Enter the update in the ledger, first thing in its transaction; False if it was there.

    A concurrent twin on another instance waits on the key until the first commits, then
    finds it taken: the update's effects and its ledger row land together or not at all.
    An update id out of range never reaches the database: False, as for one already done.
    """
    if not real_update_id(update_id):
        return False
    statement = _CLAIM[session.get_bind().dialect.name]
    claimed = statement.first(
        session, {"bot_id": bot_id, "update_id": update_id, "processed_at": now}
    )
    # RETURNING, not rowcount: SQLAlchemy 2.1 on psycopg reports -1 for an INSERT's rowcount
    # (unless asked to preserve it), which read as "claimed" every time.
    return claimed is not None


def recorded(engine: Engine, bot_id: int, update_id: int, now: dt.datetime) -> bool:
    """Whether the update's transaction landed, asked when the answer to its COMMIT was lost.

    Asked by claiming it and rolling back, never by reading: a commit still under way holds
    the ledger key, and the claim waits for its outcome where a read would not see it yet.
    """
    with new_session(engine) as session:
        try:
            return not claim(session=session, bot_id=bot_id, update_id=update_id, now=now)
        finally:
            session.rollback()


_LEDGER = ProcessedUpdate.__table__  # type: ignore[attr-defined]
_CLAIM = {
    dialect: CoreStatement(
        insert(_LEDGER)
        .on_conflict_do_nothing(index_elements=["bot_id", "update_id"])
        .returning(_LEDGER.c.update_id)
    )
    for dialect, insert in (("postgresql", pg_insert), ("sqlite", sqlite_insert))
}


def prune(*, session: Session, now: dt.datetime) -> int:
    result = session.execute(
        delete(ProcessedUpdate).where(col(ProcessedUpdate.processed_at) < now - RETENTION)
    )
    return result.rowcount or 0  # type: ignore[attr-defined]
