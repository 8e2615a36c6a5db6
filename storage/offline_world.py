"""What the offline chat remembers of its Telegram between sessions: people and ids.

Telegram keeps who is in which group, and never reuses an update id or a message id; the
offline chat keeps the same facts here, so a second `kompas chat` continues the first.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.models import OfflineChatMember, OfflineCounter, ProcessedUpdate

UPDATE = "update"
MESSAGE = "message"


def people(*, session: Session) -> list[OfflineChatMember]:
    """Every chat membership the offline chat has seen, groups and private chats."""
    statement = select(OfflineChatMember).order_by(
        col(OfflineChatMember.chat_id), col(OfflineChatMember.user_id)
    )
    return list(session.exec(statement))


def status(*, session: Session, chat_id: int, user_id: int) -> str | None:
    row = session.get(OfflineChatMember, (chat_id, user_id))
    return row.status if row else None


def has_people(*, session: Session, chat_id: int) -> bool:
    statement = select(OfflineChatMember.user_id).where(OfflineChatMember.chat_id == chat_id)
    return session.exec(statement.limit(1)).first() is not None


def set_status(
    *, session: Session, chat_id: int, user_id: int, status: str, first_name: str, now: dt.datetime
) -> None:
    """Put a person in a chat with a Telegram status; a group has one creator at a time."""
    if status == "creator":
        others = select(OfflineChatMember).where(
            OfflineChatMember.chat_id == chat_id,
            OfflineChatMember.user_id != user_id,
            OfflineChatMember.status == "creator",
        )
        for other in session.exec(others):
            other.status = "administrator"  # as when Telegram ownership is transferred
            other.updated_at = now
            session.add(other)
    row = session.get(OfflineChatMember, (chat_id, user_id))
    if row is None:
        row = OfflineChatMember(chat_id=chat_id, user_id=user_id, status=status, first_name="")
    row.status = status
    row.first_name = first_name[:64]
    row.updated_at = now
    session.add(row)


def last_id(*, session: Session, name: str, bot_id: int | None = None) -> int:
    """The highest id handed out so far (0: none); update ids also count the ledger's."""
    counter = session.get(OfflineCounter, name)
    value = counter.value if counter else 0
    if name == UPDATE and bot_id is not None:
        # Databases from before the counter existed: their ledger still holds the ids used.
        highest = session.exec(
            select(func.max(ProcessedUpdate.update_id)).where(ProcessedUpdate.bot_id == bot_id)
        ).one()
        value = max(value, highest or 0)
    return value


def keep_id(*, session: Session, name: str, value: int) -> None:
    """Remember `value` as handed out; the counter never goes back."""
    counter = session.get(OfflineCounter, name)
    if counter is None:
        session.add(OfflineCounter(name=name, value=value))
    elif value > counter.value:
        counter.value = value
        session.add(counter)
