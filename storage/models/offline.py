"""The offline chat's own Telegram: who is in which chat, and ids that never go back."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger
from sqlmodel import Field, SQLModel

from storage.models.base import UTCDateTime, one_of, telegram_id_key, utcnow

TELEGRAM_STATUSES = ("creator", "administrator", "member", "left")


class OfflineChatMember(SQLModel, table=True):
    """A person's Telegram status in a chat of `kompas chat`, kept between sessions.

    A private chat is a row with chat_id == user_id (the person opened it). Only the offline
    chat reads this table; on Telegram, Telegram itself knows.
    """

    __tablename__ = "offline_chat_member"
    __table_args__ = (one_of("status", TELEGRAM_STATUSES, "status"),)

    chat_id: int = telegram_id_key()
    user_id: int = telegram_id_key()
    status: str = Field(max_length=16)
    first_name: str = Field(max_length=64)
    updated_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class OfflineCounter(SQLModel, table=True):
    """The last update id or message id the offline chat handed out: the next one is higher."""

    __tablename__ = "offline_counter"

    name: str = Field(primary_key=True, max_length=16)
    value: int = Field(sa_type=BigInteger)
