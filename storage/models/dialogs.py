"""Conversation state that must survive a restart, and the 24-hour undo stack."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Index
from sqlmodel import Field, SQLModel

from storage.models.base import NEVER_REUSED_IDS, TeamRow, UTCDateTime, telegram_id_key, utcnow


class DialogState(SQLModel, table=True):
    """A dialog in progress for one user in one chat; written in the update's own transaction."""

    __tablename__ = "dialog_state"

    chat_id: int = telegram_id_key()
    user_id: int = telegram_id_key()
    team_id: int | None = Field(default=None, foreign_key="team.id", ondelete="CASCADE")
    dialog: str = Field(max_length=32)
    step: str = Field(max_length=32)
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    # The messages that put the current step's question (and re-asked it after a wrong
    # answer): in a group only a reply to one of them answers it (Product rules, Dialogs).
    question_ids: list[int] | None = Field(default=None, sa_type=JSON)
    updated_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PendingUndo(TeamRow, table=True):
    """What it takes to undo one confirmed change, kept for 24 hours."""

    __tablename__ = "pending_undo"
    __table_args__ = (Index("ix_pending_undo_expires_at", "expires_at"), NEVER_REUSED_IDS)

    user_id: int = Field(sa_type=BigInteger)
    action: str = Field(max_length=48)
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: dt.datetime = Field(sa_type=UTCDateTime)
    done: bool = False
