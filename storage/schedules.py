"""The digest schedules of all active teams, read fresh by the scheduling instance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from storage.callers import TeamView
from storage.models import Team

_TEAM = Team.__table__  # type: ignore[attr-defined]
_SCHEDULES = select(
    _TEAM.c.id,
    _TEAM.c.digest_weekday,
    _TEAM.c.digest_minute,
    _TEAM.c.timezone,
    _TEAM.c.digest_enabled,
    _TEAM.c.created_at,
).where(_TEAM.c.active.is_(True), _TEAM.c.onboarded.is_(True))


@dataclass(frozen=True)
class TeamSchedule:
    team_id: int
    weekday: int  # 0 = Monday
    minute: int  # minutes after local midnight
    timezone: str
    digest_enabled: bool
    since: dt.datetime | None = None  # when the team was created: no digest was due before


def active_schedules(*, session: Session) -> list[TeamSchedule]:
    """Every active, onboarded team: digest on or off, its week still gets a snapshot."""
    rows = session.execute(_SCHEDULES.order_by(_TEAM.c.id)).all()
    return [TeamSchedule(*row) for row in rows]


def team_schedule(*, session: Session, team_id: int) -> TeamSchedule | None:
    row = session.execute(_SCHEDULES.where(_TEAM.c.id == team_id)).first()
    return TeamSchedule(*row) if row else None


def schedule_of(team: TeamView) -> TeamSchedule:
    """The schedule of a team already read for other reasons."""
    return TeamSchedule(
        team.id,
        team.digest_weekday,
        team.digest_minute,
        team.timezone,
        team.digest_enabled,
        team.created_at,
    )
