"""A team's clients and what happened with them: sales, events and the team's ratings."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import JSON, BigInteger, CheckConstraint, Index, Text, UniqueConstraint
from sqlmodel import Field

from storage.models.base import NEVER_REUSED_IDS, TeamRow, UTCDateTime, one_of, utcnow


class ClientKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class ClientStatus(StrEnum):
    PROSPECT = "prospect"
    ACTIVE = "active"
    DECLINED = "declined"
    ARCHIVED = "archived"


class EventKind(StrEnum):
    REFERRAL = "referral"
    COMPLAINT = "complaint"
    COMPLIMENT = "compliment"


class Client(TeamRow, table=True):
    """A client or prospect of one team, with the traits the ideal profile looks at."""

    __tablename__ = "client"
    __table_args__ = (
        # name_key is casefolded with ё→е in Python: database collations fold only ASCII.
        UniqueConstraint("team_id", "name_key"),
        one_of("kind", ClientKind, "kind"),
        one_of("status", ClientStatus, "status"),
        CheckConstraint(
            "birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100", name="birth_year"
        ),
        CheckConstraint("income IS NULL OR income >= 0", name="income"),
        CheckConstraint("employees IS NULL OR employees >= 0", name="employees"),
        Index("ix_client_team_id_status", "team_id", "status"),
        NEVER_REUSED_IDS,
    )

    name: str = Field(max_length=200)
    name_key: str = Field(max_length=200)
    kind: str = Field(default=ClientKind.ORGANISATION, max_length=16)
    status: str = Field(default=ClientStatus.ACTIVE, max_length=16)
    # Demographics (all optional: personal traits of private persons are never required).
    gender: str | None = Field(default=None, max_length=16)
    birth_year: int | None = None
    city: str | None = Field(default=None, max_length=100)
    income: int | None = Field(default=None, sa_type=BigInteger)  # yearly, minor units
    education: str | None = Field(default=None, max_length=32)
    interests: list[str] | None = Field(default=None, sa_type=JSON)
    industry: str | None = Field(default=None, max_length=100)
    employees: int | None = None
    decision: str | None = Field(default=None, max_length=32)  # how they decide
    source: str | None = Field(default=None, max_length=64)  # how they found the team
    segment: str | None = Field(default=None, max_length=64)
    acquired_on: dt.date | None = None
    referred_by_id: int | None = Field(default=None, foreign_key="client.id", ondelete="SET NULL")
    notes: str | None = Field(default=None, sa_type=Text)
    # The team looked at a proposal to decline this client and chose to keep them until then.
    kept_until: dt.date | None = None
    status_changed_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    anonymised_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


# A sale's figures, every one a number or a date: what a team's figures are computed from
# (storage.frames) and what an import is compared with (storage.import_stored).
SALE_FIGURES = tuple("client_id sold_on amount cost minutes due_on paid_on paid_amount".split())


SALE_NOTE_LENGTH = 100


class Sale(TeamRow, table=True):
    """One sale: money in integer minor units of the team's currency."""

    __tablename__ = "sale"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount"),
        CheckConstraint("cost IS NULL OR cost >= 0", name="cost"),
        CheckConstraint("minutes IS NULL OR minutes >= 0", name="minutes"),
        # An imported row's fingerprint: importing the same file twice adds nothing.
        UniqueConstraint("team_id", "source_ref"),
        # Holds every column load_team reads, so a team's sales load from the index alone.
        Index(
            "ix_sale_team_id_sold_on",
            "team_id",
            "sold_on",
            "client_id",
            "amount",
            "cost",
            "minutes",
            "due_on",
            "paid_on",
            "paid_amount",
        ),
        Index("ix_sale_client_id", "client_id"),
        NEVER_REUSED_IDS,
    )

    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    sold_on: dt.date
    amount: int = Field(sa_type=BigInteger)
    cost: int | None = Field(default=None, sa_type=BigInteger)
    minutes: int | None = None
    due_on: dt.date | None = None
    paid_on: dt.date | None = None
    # Paid so far on an open invoice (a part payment); the rest is still owed. Settled sales
    # (paid_on set) are paid in full whatever this says.
    paid_amount: int | None = Field(default=None, sa_type=BigInteger)
    source_ref: str | None = Field(default=None, max_length=64)
    # What was done, as typed after the amount ("knippen", «маникюр»): shown, never read
    note: str | None = Field(default=None, max_length=SALE_NOTE_LENGTH)
    created_by: int | None = Field(default=None, sa_type=BigInteger)
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Event(TeamRow, table=True):
    """A referral, complaint or compliment."""

    __tablename__ = "event"
    __table_args__ = (
        one_of("kind", EventKind, "kind"),
        Index("ix_event_team_id_kind", "team_id", "kind"),
        Index("ix_event_client_id", "client_id"),
        NEVER_REUSED_IDS,
    )

    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    kind: str = Field(max_length=16)
    happened_on: dt.date
    note: str | None = Field(default=None, sa_type=Text)
    referred_client_id: int | None = Field(
        default=None, foreign_key="client.id", ondelete="SET NULL"
    )
    created_by: int | None = Field(default=None, sa_type=BigInteger)
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Rating(TeamRow, table=True):
    """One member's judgement of a client on one criterion, 1–5 (5 best); the newest counts."""

    __tablename__ = "rating"
    __table_args__ = (
        CheckConstraint("value BETWEEN 1 AND 5", name="value"),
        Index("ix_rating_team_id_client_id", "team_id", "client_id"),
        NEVER_REUSED_IDS,
    )

    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    user_id: int = Field(sa_type=BigInteger)
    rated_on: dt.date
    criterion: str = Field(max_length=32)
    value: int
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
