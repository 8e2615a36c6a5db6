"""Exactly-once bookkeeping: digests per team and week, processed updates, the scheduler lease."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.base import TeamRow, UTCDateTime, one_of, telegram_id_key, utcnow


class DeliveryStatus(StrEnum):
    CLAIMED = "claimed"
    SENT = "sent"
    FAILED = "failed"


class DigestDelivery(TeamRow, table=True):
    """A team's digest for one ISO week: claimed before sending, marked sent right after."""

    __tablename__ = "digest_delivery"
    __table_args__ = (
        UniqueConstraint("team_id", "iso_week"),
        one_of("status", DeliveryStatus, "status"),
    )

    iso_week: str = Field(max_length=8)
    status: str = Field(default=DeliveryStatus.CLAIMED, max_length=8)
    attempts: int = 0
    # Parts Telegram accepted (chart, text, each admin's copy, in that order): a retry after a
    # failure part-way resumes from the next one instead of posting the chart again.
    parts_sent: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    claimed_by: str | None = Field(default=None, max_length=64)
    claimed_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    sent_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


class ProcessedUpdate(SQLModel, table=True):
    """The at-least-once ledger: an update seen here is not processed again (pruned after 24 h)."""

    __tablename__ = "processed_update"

    bot_id: int = telegram_id_key()
    update_id: int = telegram_id_key()
    processed_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class PolledUpdate(SQLModel, table=True):
    """Kompas's own inbox for polling: an update kept here is confirmed to Telegram before it
    is processed, so one chat's backlog never hides the next updates; removed once processed."""

    __tablename__ = "polled_update"

    bot_id: int = telegram_id_key()
    update_id: int = telegram_id_key()
    body: str  # the update as Telegram sent it (JSON)
    received_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SchedulerLease(SQLModel, table=True):
    """Which instance runs the digest scheduler, until when."""

    __tablename__ = "scheduler_lease"

    name: str = Field(primary_key=True, max_length=32)
    holder: str = Field(max_length=64)
    expires_at: dt.datetime = Field(sa_type=UTCDateTime)
