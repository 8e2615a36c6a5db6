"""Week snapshots of scores and the references they were measured against, and the audit log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.base import TeamRow, UTCDateTime, utcnow


class ScoreSnapshot(TeamRow, table=True):
    """A client's score, grade and flags in one ISO week: history and week-over-week changes."""

    __tablename__ = "score_snapshot"
    __table_args__ = (UniqueConstraint("team_id", "week", "client_id"),)

    client_id: int = Field(foreign_key="client.id", ondelete="CASCADE")
    week: str = Field(max_length=8)  # ISO week, e.g. 2026-W48
    score: float
    grade: str = Field(max_length=4)
    grade_scale: str = Field(max_length=8)
    over_reliant: bool = False
    watch: bool = False
    decline_candidate: bool = False
    time_eater: bool = False
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ScoreReference(TeamRow, table=True):
    """The team medians a week's scores compare with, frozen so quiet clients hold still."""

    __tablename__ = "score_reference"
    __table_args__ = (UniqueConstraint("team_id", "week"),)

    week: str = Field(max_length=8)
    values: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class AuditLog(SQLModel, table=True):
    """Who changed what, when: ids and action names only, never message texts or personal data."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_team_id_at", "team_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int | None = Field(default=None, foreign_key="team.id", ondelete="CASCADE")
    user_id: int | None = Field(default=None, sa_type=BigInteger)
    action: str = Field(max_length=48)
    entity: str = Field(max_length=32)
    entity_id: int | None = None
    at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ImportedFile(SQLModel, table=True):
    """The last file a team imported, as the digest of its bytes and how they were read
    (storage/imported_files.py): the same file sent again while the team's data is as that
    import left it (``data_version``) adds nothing, and is answered without reading it."""

    __tablename__ = "imported_file"

    team_id: int = Field(primary_key=True, foreign_key="team.id", ondelete="CASCADE")
    digest: str = Field(max_length=64)  # sha256, in hex
    data_version: int  # the team's once the import was written
    imported_at: dt.datetime = Field(sa_type=UTCDateTime)
