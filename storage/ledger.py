"""The processed-update ledger: a redelivered update is recognised and becomes a no-op."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from sqlmodel import Session, col, select

from storage.models import ProcessedUpdate

RETENTION = dt.timedelta(hours=24)  # Telegram keeps undelivered updates for 24 hours


def already_processed(*, session: Session, bot_id: int, update_id: int) -> bool:
    found = session.exec(
        select(ProcessedUpdate.update_id).where(
            ProcessedUpdate.bot_id == bot_id, ProcessedUpdate.update_id == update_id
        )
    ).first()
    return found is not None


def record_processed(*, session: Session, bot_id: int, update_id: int, now: dt.datetime) -> None:
    """Add to the ledger in the update's own transaction; a concurrent twin fails on the key."""
    session.add(ProcessedUpdate(bot_id=bot_id, update_id=update_id, processed_at=now))


def prune(*, session: Session, now: dt.datetime) -> int:
    result = session.execute(
        delete(ProcessedUpdate).where(col(ProcessedUpdate.processed_at) < now - RETENTION)
    )
    return result.rowcount or 0  # type: ignore[attr-defined]
