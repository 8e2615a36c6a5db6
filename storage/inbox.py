"""Kompas's own inbox for polled updates (bot/transports/polling.py).

An update kept here may be confirmed to Telegram before it is processed: a process that dies
finds it here at its next start, and the processed-update ledger (storage/ledger.py) turns
one that was done already into a no-op. So the offset moves past what is safely kept, and one
chat's backlog in flight never stops the next updates being fetched.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, delete, select
from sqlmodel import col

from storage.engine import new_session
from storage.models import PolledUpdate


def keep(engine: Engine, bot_id: int, updates: list[tuple[int, str]], now: dt.datetime) -> None:
    """Keep these (update id, JSON body) pairs; ones kept before stay as they are."""
    with new_session(engine) as session:
        kept = set(
            session.scalars(
                select(PolledUpdate.update_id).where(
                    col(PolledUpdate.bot_id) == bot_id,
                    col(PolledUpdate.update_id).in_([update_id for update_id, _ in updates]),
                )
            )
        )
        session.add_all(
            PolledUpdate(bot_id=bot_id, update_id=update_id, body=body, received_at=now)
            for update_id, body in updates
            if update_id not in kept
        )
        session.commit()


def waiting(engine: Engine, bot_id: int) -> list[tuple[int, str]]:
    """The updates kept and not yet processed, oldest first."""
    with new_session(engine) as session:
        rows = session.execute(
            select(PolledUpdate.update_id, PolledUpdate.body)
            .where(col(PolledUpdate.bot_id) == bot_id)
            .order_by(col(PolledUpdate.update_id))
        )
        return [(update_id, body) for update_id, body in rows]


def processed(engine: Engine, bot_id: int, update_ids: list[int]) -> None:
    with new_session(engine) as session:
        session.execute(
            delete(PolledUpdate).where(
                col(PolledUpdate.bot_id) == bot_id, col(PolledUpdate.update_id).in_(update_ids)
            )
        )
        session.commit()
