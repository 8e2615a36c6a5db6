"""Who is asking, in which team: read on every update, so kept to two small Core queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import and_, bindparam, func, select
from sqlmodel import Session

from storage.models import Member, Team, UserPref
from storage.statements import CoreStatement

_TEAM = Team.__table__  # type: ignore[attr-defined]
_MEMBER = Member.__table__  # type: ignore[attr-defined]
_PREF = UserPref.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class TeamView:
    """A team's settings as one update sees them (read-only; changes go through storage)."""

    id: int
    chat_id: int
    is_personal: bool
    title: str
    locale: str
    currency: str
    timezone: str
    grade_scale: str
    concentration_threshold: float
    scoring_window_days: int
    digest_weekday: int
    digest_minute: int
    digest_enabled: bool
    amounts_include_vat: bool
    vat_rate: float | None
    default_margin: float | None
    hour_cost: int | None
    payment_days: int | None
    members_need_approval: bool
    sensitive_to_admins: bool
    declined_retention_days: int | None
    score_weights: dict[str, float] | None
    onboarded: bool
    active: bool
    data_version: int
    created_at: dt.datetime


@dataclass(frozen=True)
class MemberView:
    id: int
    user_id: int
    role: str
    status: str
    display_name: str


@dataclass(frozen=True)
class CallerContext:
    chosen_locale: str | None
    team: TeamView | None
    member: MemberView | None


_TEAM_COLUMNS = [_TEAM.c[f.name] for f in fields(TeamView)]
_MEMBER_COLUMNS = [
    _MEMBER.c.id.label("m_id"),
    _MEMBER.c.user_id.label("m_user_id"),
    _MEMBER.c.role.label("m_role"),
    _MEMBER.c.status.label("m_status"),
    _MEMBER.c.display_name.label("m_display_name"),
]


# Built once, run on the update's connection (storage/statements.py): on every update one query
# finds the team, the caller's membership and their chosen language together.
_PREF_LOCALE = (
    select(_PREF.c.locale).where(_PREF.c.user_id == bindparam("user_id")).scalar_subquery()
)
_CHOSEN_TEAM = (
    select(_PREF.c.current_team_id).where(_PREF.c.user_id == bindparam("user_id")).scalar_subquery()
)
_TEAM_AND_MEMBER = (
    select(*_TEAM_COLUMNS, *_MEMBER_COLUMNS, _PREF_LOCALE.label("p_locale"))
    .select_from(
        _TEAM.outerjoin(
            _MEMBER,
            and_(_MEMBER.c.team_id == _TEAM.c.id, _MEMBER.c.user_id == bindparam("user_id")),
        )
    )
    .where(_TEAM.c.active.is_(True))
)
_GROUP_TEAM = CoreStatement(_TEAM_AND_MEMBER.where(_TEAM.c.chat_id == bindparam("chat_id")))
# The team chosen with /team first, else the personal team (whose chat id is the user's id):
# each found by its own index, where an OR of both would sort its candidates on every update.
_CANDIDATE = _TEAM.alias("candidate")
_PRIVATE_TEAM = CoreStatement(
    _TEAM_AND_MEMBER.where(
        _TEAM.c.id
        == func.coalesce(
            select(_CANDIDATE.c.id)
            .where(_CANDIDATE.c.id == _CHOSEN_TEAM, _CANDIDATE.c.active.is_(True))
            .scalar_subquery(),
            select(_CANDIDATE.c.id)
            .where(_CANDIDATE.c.chat_id == bindparam("chat_id"), _CANDIDATE.c.active.is_(True))
            .scalar_subquery(),
        )
    )
)
_BUTTON_TEAM = CoreStatement(
    _TEAM_AND_MEMBER.where(_TEAM.c.id == bindparam("team_id"), _MEMBER.c.id.is_not(None))
)
_PREF_QUERY = CoreStatement(select(_PREF.c.locale).where(_PREF.c.user_id == bindparam("user_id")))
_TEAM_BY_ID = select(*_TEAM_COLUMNS).where(_TEAM.c.id == bindparam("team_id"))
_WIDTH = len(_TEAM_COLUMNS)


def caller_context(
    *,
    session: Session,
    user_id: int,
    chat_id: int,
    in_group: bool,
    button_team: int | None = None,
) -> CallerContext:
    """The user's own language choice, the team this chat works on, and their membership.

    In a group the team is the group's; in a private chat it is the team a pressed button
    belongs to when the user is its member, else the team chosen with /team, else the user's
    personal team. Inactive teams are nobody's.
    """
    row = None
    if in_group:
        row = _GROUP_TEAM.first(session, {"user_id": user_id, "chat_id": chat_id})
    else:
        if button_team is not None:
            row = _BUTTON_TEAM.first(session, {"user_id": user_id, "team_id": button_team})
        if row is None:
            row = _PRIVATE_TEAM.first(session, {"user_id": user_id, "chat_id": user_id})
    if row is None:
        return CallerContext(_PREF_QUERY.scalar(session, {"user_id": user_id}), None, None)
    team = TeamView(*row[:_WIDTH])
    member = MemberView(*row[_WIDTH:-1]) if row[_WIDTH] is not None else None
    return CallerContext(row[-1], team, member)


def team_view(*, session: Session, team_id: int) -> TeamView | None:
    row = session.execute(_TEAM_BY_ID, {"team_id": team_id}).first()
    return TeamView(*row[: len(_TEAM_COLUMNS)]) if row else None
