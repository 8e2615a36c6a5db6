"""Who is asking, in which team: read on every update, so kept to two small Core queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import and_, bindparam, select
from sqlmodel import Session

from storage.models import Member, Team, UserPref

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
    default_margin: float | None
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


# Built once: on every update, building a statement costs more than SQLite takes to run it.
_PREF_QUERY = select(_PREF.c.locale, _PREF.c.current_team_id).where(
    _PREF.c.user_id == bindparam("user_id")
)
_TEAM_AND_MEMBER = select(*_TEAM_COLUMNS, *_MEMBER_COLUMNS).select_from(
    _TEAM.outerjoin(
        _MEMBER, and_(_MEMBER.c.team_id == _TEAM.c.id, _MEMBER.c.user_id == bindparam("user_id"))
    )
)
_BY_CHAT = _TEAM_AND_MEMBER.where(_TEAM.c.chat_id == bindparam("key"), _TEAM.c.active.is_(True))
_BY_ID = _TEAM_AND_MEMBER.where(_TEAM.c.id == bindparam("key"), _TEAM.c.active.is_(True))
_TEAM_BY_ID = select(*_TEAM_COLUMNS).where(_TEAM.c.id == bindparam("team_id"))


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
    pref = session.execute(_PREF_QUERY, {"user_id": user_id}).first()
    chosen_locale, current_team = (pref[0], pref[1]) if pref else (None, None)
    if in_group:
        found = _team_and_member(session, _BY_CHAT, chat_id, user_id)
    else:
        found = None
        if button_team is not None and button_team != current_team:
            found = _team_and_member(session, _BY_ID, button_team, user_id)
            if found is not None and found[1] is None:
                found = None
        if found is None and current_team is not None:
            found = _team_and_member(session, _BY_ID, current_team, user_id)
        if found is None:
            found = _team_and_member(session, _BY_CHAT, user_id, user_id)
    if found is None:
        return CallerContext(chosen_locale, None, None)
    team, member = found
    return CallerContext(chosen_locale, team, member)


def team_view(*, session: Session, team_id: int) -> TeamView | None:
    row = session.execute(_TEAM_BY_ID, {"team_id": team_id}).first()
    return TeamView(*row[: len(_TEAM_COLUMNS)]) if row else None


def _team_and_member(session: Session, query, key: int, user_id: int):  # type: ignore[no-untyped-def]
    row = session.execute(query, {"key": key, "user_id": user_id}).first()
    if row is None:
        return None
    width = len(_TEAM_COLUMNS)
    team = TeamView(*row[:width])
    member = MemberView(*row[width:]) if row[width] is not None else None
    return team, member
