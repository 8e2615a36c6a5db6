"""Ideal client profiles as the team wrote them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.base import UTCDateTime, utcnow


class IdealProfileRow(SQLModel, table=True):
    """One ideal profile: criteria for the three areas, stored as JSON the scoring module reads."""

    __tablename__ = "ideal_profile"
    __table_args__ = (UniqueConstraint("team_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=64)
    kind: str | None = Field(default=None, max_length=16)  # person / organisation / both
    criteria: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    weights: dict[str, float] | None = Field(default=None, sa_type=JSON)
    updated_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
