"""Teams, members and user preferences: small keyword-only functions taking a session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import update
from sqlmodel import Session, col, select

from storage.models import Member, MemberStatus, Role, Team, UserPref

DEFAULT_TIMEZONE = {"nl": "Europe/Amsterdam", "ru": "Europe/Moscow"}
DEFAULT_CURRENCY = {"nl": "EUR", "ru": "RUB"}


def team_by_chat(*, session: Session, chat_id: int) -> Team | None:
    return session.exec(select(Team).where(Team.chat_id == chat_id)).first()


def team_by_id(*, session: Session, team_id: int) -> Team | None:
    return session.get(Team, team_id)


def create_team(
    *,
    session: Session,
    chat_id: int,
    title: str,
    locale: str,
    owner_id: int,
    owner_name: str,
    is_personal: bool,
    now: dt.datetime,
) -> Team:
    """A new team with its owner; time zone and currency follow the language until changed."""
    team = Team(
        chat_id=chat_id,
        title=title[:255],
        locale=locale,
        currency=DEFAULT_CURRENCY[locale],
        timezone=DEFAULT_TIMEZONE[locale],
        is_personal=is_personal,
        created_at=now,
    )
    session.add(team)
    session.flush()
    assert team.id is not None
    add_member(
        session=session,
        team_id=team.id,
        user_id=owner_id,
        role=Role.OWNER,
        display_name=owner_name,
        now=now,
    )
    return team


def member_of(*, session: Session, team_id: int, user_id: int) -> Member | None:
    return session.exec(
        select(Member).where(Member.team_id == team_id, Member.user_id == user_id)
    ).first()


def add_member(
    *,
    session: Session,
    team_id: int,
    user_id: int,
    role: Role,
    display_name: str,
    now: dt.datetime,
    status: MemberStatus = MemberStatus.ACTIVE,
) -> Member:
    member = Member(
        team_id=team_id,
        user_id=user_id,
        role=role,
        status=status,
        display_name=display_name[:128],
        joined_at=now,
    )
    session.add(member)
    session.flush()
    return member


def members(*, session: Session, team_id: int) -> Sequence[Member]:
    return session.exec(
        select(Member).where(Member.team_id == team_id).order_by(col(Member.joined_at))
    ).all()


def teams_of_user(*, session: Session, user_id: int) -> Sequence[Team]:
    """Active teams where the user is an active member (Telegram still decides for groups)."""
    return session.exec(
        select(Team)
        .join(Member, col(Member.team_id) == col(Team.id))
        .where(Member.user_id == user_id, Member.status == MemberStatus.ACTIVE, Team.active)
        .order_by(col(Team.title))
    ).all()


def user_pref(*, session: Session, user_id: int) -> UserPref | None:
    return session.get(UserPref, user_id)


def set_user_locale(*, session: Session, user_id: int, locale: str, now: dt.datetime) -> UserPref:
    pref = session.get(UserPref, user_id) or UserPref(user_id=user_id)
    pref.locale = locale
    pref.updated_at = now
    session.add(pref)
    session.flush()
    return pref


def set_current_team(
    *, session: Session, user_id: int, team_id: int | None, now: dt.datetime
) -> None:
    pref = session.get(UserPref, user_id) or UserPref(user_id=user_id)
    pref.current_team_id = team_id
    pref.updated_at = now
    session.add(pref)
    session.flush()


def touch_team(*, session: Session, team_id: int) -> None:
    """Mark the team's data changed (atomically, no read-modify-write): caches key on this."""
    session.execute(
        update(Team).where(col(Team.id) == team_id).values(data_version=Team.data_version + 1)
    )


def set_role(*, session: Session, member_id: int, role: Role) -> None:
    member = session.get(Member, member_id)
    if member is not None and member.role != Role.OWNER:
        member.role = role
        session.add(member)
        session.flush()
