"""Teams, their members and per-user preferences."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import JSON, BigInteger, CheckConstraint, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from locales.languages import SUPPORTED_LOCALES
from storage.models.base import UTCDateTime, one_of, telegram_id_key, utcnow


class Role(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    MEMBER = "member"


class MemberStatus(StrEnum):
    ACTIVE = "active"
    PENDING = "pending"
    # Taken out by an admin (or not let in): stays out while still in the Telegram group.
    REMOVED = "removed"


class GradeScale(StrEnum):
    LETTERS = "A-D"
    FIVE = "1-5"
    TEN = "1-10"


class Team(SQLModel, table=True):
    """A Telegram group (or a freelancer's private chat) and its settings."""

    __tablename__ = "team"
    __table_args__ = (
        one_of("locale", SUPPORTED_LOCALES, "locale"),
        one_of("grade_scale", GradeScale, "grade_scale"),
        CheckConstraint(
            "concentration_threshold > 0 AND concentration_threshold <= 1", name="threshold"
        ),
        CheckConstraint("scoring_window_days BETWEEN 30 AND 1830", name="window"),
        CheckConstraint("digest_weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("digest_minute BETWEEN 0 AND 1439", name="minute"),
        CheckConstraint("vat_rate IS NULL OR (vat_rate >= 0 AND vat_rate < 1)", name="vat_rate"),
        CheckConstraint("hour_cost IS NULL OR hour_cost >= 0", name="hour_cost"),
        CheckConstraint("payment_days IS NULL OR payment_days BETWEEN 0 AND 365", name="terms"),
    )

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=BigInteger, unique=True)
    is_personal: bool = False
    title: str = Field(default="", max_length=255)
    locale: str = Field(default="nl", max_length=2)
    currency: str = Field(default="EUR", max_length=3)
    timezone: str = Field(default="Europe/Amsterdam", max_length=64)
    grade_scale: str = Field(default=GradeScale.LETTERS, max_length=8)
    concentration_threshold: float = 0.25
    scoring_window_days: int = 365
    # ISO weekday 0 = Monday; minutes after local midnight.
    digest_weekday: int = 0
    digest_minute: int = 9 * 60
    digest_enabled: bool = True
    amounts_include_vat: bool = False
    # The VAT rate (fraction) inside entered amounts when they include VAT; None = not chosen.
    vat_rate: float | None = None
    default_margin: float | None = None
    # What an hour of the team's work costs, in minor units; None = not set.
    hour_cost: int | None = Field(default=None, sa_type=BigInteger)
    # 0 = clients pay on the spot, N = invoiced with N days to pay; None = by client kind
    # (persons and personal teams pay on the spot, organisations get 14 days).
    payment_days: int | None = None
    members_need_approval: bool = False
    sensitive_to_admins: bool = False
    declined_retention_days: int | None = None
    score_weights: dict[str, float] | None = Field(default=None, sa_type=JSON)
    onboarded: bool = False
    active: bool = True
    # Bumped in the same transaction as every change to the team's data: the analysis cache key.
    data_version: int = 0
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Member(SQLModel, table=True):
    """A Telegram user's place in a team."""

    __tablename__ = "member"
    __table_args__ = (
        UniqueConstraint("team_id", "user_id"),
        # One owner per team, whatever races: a second owner row is refused by the database.
        Index(
            "uq_member_one_owner",
            "team_id",
            unique=True,
            sqlite_where=text("role = 'owner'"),
            postgresql_where=text("role = 'owner'"),
        ),
        one_of("role", Role, "role"),
        one_of("status", MemberStatus, "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True, ondelete="CASCADE")
    user_id: int = Field(sa_type=BigInteger, index=True)
    role: str = Field(default=Role.MEMBER, max_length=8)
    status: str = Field(default=MemberStatus.ACTIVE, max_length=8)
    display_name: str = Field(default="", max_length=128)
    # A removed member is told once, on their next message; then the bot stays silent.
    told_removed: bool = False
    joined_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class UserPref(SQLModel, table=True):
    """What one Telegram user chose for themselves: language and the team for private chat."""

    __tablename__ = "user_pref"
    __table_args__ = (one_of("locale", SUPPORTED_LOCALES, "locale"),)

    user_id: int = telegram_id_key()
    locale: str | None = Field(default=None, max_length=2)
    current_team_id: int | None = Field(default=None, foreign_key="team.id", ondelete="SET NULL")
    updated_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
