"""A team's members: who is in, with which role, and what Telegram says about them.

Small keyword-only functions taking a session, like `storage.teams` (which hands them on, so
callers say `teams.add_member`). Roles and statuses change with one conditional UPDATE each,
so two updates at once never leave a team with two owners or none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ColumnElement, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from locales import InputError
from storage.models import AuditLog, Member, MemberStatus, Role
from storage.refusals import Refused

_MEMBER_TABLE = Member.__table__  # type: ignore[attr-defined]


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
    """A new member; one who joined at the same moment through another update stays as is."""
    member = Member(
        team_id=team_id,
        user_id=user_id,
        role=role,
        status=status,
        display_name=display_name[:128],
        joined_at=now,
    )
    try:
        with session.begin_nested():
            session.add(member)
    except IntegrityError:
        existing = member_of(session=session, team_id=team_id, user_id=user_id)
        if existing is None:
            raise
        return existing
    return member


def members(*, session: Session, team_id: int) -> Sequence[Member]:
    return session.exec(
        select(Member).where(Member.team_id == team_id).order_by(col(Member.joined_at))
    ).all()


def set_role(*, session: Session, member_id: int, role: Role) -> None:
    """Follow Telegram's word on an admin or member; never the owner's row (one UPDATE with
    the condition in it, so a concurrent change of ownership is never overwritten)."""
    session.execute(
        update(_MEMBER_TABLE)
        .where(_MEMBER_TABLE.c.id == member_id, _MEMBER_TABLE.c.role != Role.OWNER)
        .values(role=role)
    )
    forget_members(session)


def team_owner(*, session: Session, team_id: int) -> Member | None:
    """The team's owner as Kompas records it (Telegram may have demoted them since)."""
    return session.exec(
        select(Member).where(
            Member.team_id == team_id,
            Member.role == Role.OWNER,
            Member.status == MemberStatus.ACTIVE,
        )
    ).first()


def pass_ownership(
    *,
    session: Session,
    team_id: int,
    to_member_id: int,
    from_member_id: int | None,
    now: dt.datetime,
) -> bool:
    """The owner `from_member_id` (None: the team has none) is no Telegram admin of the group
    any more: `to_member_id` (an admin who is) becomes owner, the former owner a plain member.

    Conditional UPDATEs: only if the former owner is still the owner (or there still is none)
    does anything change, so two admins taking over at once leave exactly one owner; the
    unique index on the owner row refuses whatever slips through. False: nothing changed."""
    try:
        with session.begin_nested():
            if from_member_id is not None and not _role_changed(
                session, team_id, from_member_id, Role.MEMBER, _MEMBER_TABLE.c.role == Role.OWNER
            ):
                return False
            owner_exists = (
                select(_MEMBER_TABLE.c.id)
                .where(_MEMBER_TABLE.c.team_id == team_id, _MEMBER_TABLE.c.role == Role.OWNER)
                .exists()
            )
            if not _role_changed(
                session,
                team_id,
                to_member_id,
                Role.OWNER,
                _MEMBER_TABLE.c.status == MemberStatus.ACTIVE,
                ~owner_exists,
            ):
                raise _NoTakeover
    except (_NoTakeover, IntegrityError):
        forget_members(session)
        return False
    session.add(
        AuditLog(
            team_id=team_id,
            user_id=session.execute(
                select(_MEMBER_TABLE.c.user_id).where(_MEMBER_TABLE.c.id == to_member_id)
            ).scalar_one(),
            action="ownership_passed",
            entity="member",
            entity_id=to_member_id,
            at=now,
        )
    )
    session.flush()
    forget_members(session)
    return True


def forget_members(session: Session) -> None:
    """Rows changed by a plain UPDATE: members already loaded are read again when next used
    (only those, so nothing else the update holds is loaded again)."""
    for loaded in list(session.identity_map.values()):
        if isinstance(loaded, Member):
            session.expire(loaded)


def _role_changed(
    session: Session, team_id: int, member_id: int, role: Role, *still: ColumnElement[bool]
) -> bool:
    """Give the team's member `role` in one conditional UPDATE, only while each of `still`
    holds; whether it did."""
    changed = session.execute(
        update(_MEMBER_TABLE)
        .where(_MEMBER_TABLE.c.id == member_id, _MEMBER_TABLE.c.team_id == team_id, *still)
        .values(role=role)
    )
    return changed.rowcount == 1  # type: ignore[attr-defined]


class _NoTakeover(Exception):
    """Someone else became owner first: roll the former owner's demotion back too."""


def remove_member(*, session: Session, team_id: int, member_id: int) -> Member:
    """Take someone out of the team: they stay out, even while still in the Telegram group,
    until an admin lets them back in; their past entries stay."""
    member = session.get(Member, member_id)
    if member is None or member.team_id != team_id or member.status == MemberStatus.REMOVED:
        raise InputError(Refused.NOT_IN_THE_TEAM)
    if member.role == Role.OWNER:
        raise InputError(Refused.OWNER_STAYS)
    _set_status(session, member, MemberStatus.REMOVED)
    return member


def approve_member(
    *, session: Session, team_id: int, member_id: int, request: bool = False
) -> Member:
    """Let a newcomer in, or a removed member back in (`request`: from an approval request,
    which only a still-waiting newcomer answers; /members lets a removed member back)."""
    member = session.get(Member, member_id)
    if member is None or member.team_id != team_id:
        raise InputError(Refused.NOT_IN_THE_TEAM)
    if member.status == MemberStatus.ACTIVE:
        raise InputError(Refused.ALREADY_IN_THE_TEAM, name=member.display_name)
    if request and member.status != MemberStatus.PENDING:
        raise InputError(Refused.ALREADY_ANSWERED)
    _set_status(session, member, MemberStatus.ACTIVE)
    return member


def decline_member(*, session: Session, team_id: int, member_id: int) -> Member:
    """Don't let a newcomer in: they stay out like a removed member until an admin changes it."""
    member = session.get(Member, member_id)
    if member is None or member.team_id != team_id:
        raise InputError(Refused.NOT_IN_THE_TEAM)
    if member.status != MemberStatus.PENDING:
        raise InputError(Refused.ALREADY_ANSWERED)
    _set_status(session, member, MemberStatus.REMOVED)
    return member


def _set_status(session: Session, member: Member, status: MemberStatus) -> None:
    member.status = status
    member.told_removed = False
    if status == MemberStatus.REMOVED:
        member.role = Role.MEMBER  # back in, Telegram decides again whether they are an admin
    session.add(member)
    session.flush()


def claim_removal_notice(*, session: Session, member_id: int) -> bool:
    """True once per removal: whether the removed member is still to be told (one atomic
    UPDATE, so two messages at once tell them once)."""
    result = session.execute(
        update(_MEMBER_TABLE)
        .where(
            _MEMBER_TABLE.c.id == member_id,
            _MEMBER_TABLE.c.status == MemberStatus.REMOVED,
            _MEMBER_TABLE.c.told_removed.is_(False),
        )
        .values(told_removed=True)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def waiting_members(*, session: Session, team_id: int) -> Sequence[Member]:
    """Newcomers an admin still has to let in, oldest first."""
    return session.exec(
        select(Member)
        .where(Member.team_id == team_id, Member.status == MemberStatus.PENDING)
        .order_by(col(Member.joined_at))
    ).all()


def team_admins(*, session: Session, team_id: int) -> Sequence[Member]:
    """The owner and the admins Kompas knows of (Telegram may know more)."""
    return session.exec(
        select(Member).where(
            Member.team_id == team_id,
            Member.status == MemberStatus.ACTIVE,
            col(Member.role).in_((Role.OWNER, Role.ADMIN)),
        )
    ).all()


def enlist_admins(
    *, session: Session, team_id: int, admins: Sequence[tuple[int, str]], now: dt.datetime
) -> None:
    """Telegram's admins of the group join the team as admins, so the buttons sent to them
    privately find their team; removed people stay removed."""
    for user_id, name in admins:
        add_member(
            session=session,
            team_id=team_id,
            user_id=user_id,
            role=Role.ADMIN,
            display_name=name,
            now=now,
        )
