"""Teams and user preferences: small keyword-only functions taking a session.

A team's members are in `storage.members`; their functions are reachable from here too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import bindparam, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from locales import InputError
from locales.number_format import currency_digits
from scoring.settings import (
    HOUR_COST_MAX_UNITS,
    MARGIN_RANGE,
    THRESHOLD_RANGE,
    VAT_RANGE,
    within,
)
from storage.members import (  # the members' own functions, callers reach them here too
    add_member as add_member,
)
from storage.members import (
    approve_member as approve_member,
)
from storage.members import (
    claim_removal_notice as claim_removal_notice,
)
from storage.members import (
    decline_member as decline_member,
)
from storage.members import (
    enlist_admins as enlist_admins,
)
from storage.members import (
    forget_members,
)
from storage.members import (
    member_of as member_of,
)
from storage.members import (
    members as members,
)
from storage.members import (
    pass_ownership as pass_ownership,
)
from storage.members import (
    remove_member as remove_member,
)
from storage.members import (
    set_role as set_role,
)
from storage.members import (
    team_admins as team_admins,
)
from storage.members import (
    team_owner as team_owner,
)
from storage.members import (
    waiting_members as waiting_members,
)
from storage.models import AuditLog, Member, MemberStatus, Role, Sale, Team, UserPref, stored_id
from storage.refusals import Refused
from storage.statements import CoreStatement

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
    try:
        # Two /start at once (two admins, two instances): the unique chat id decides.
        with session.begin_nested():
            session.add(team)
    except IntegrityError:
        if team_by_chat(session=session, chat_id=chat_id) is None:
            raise
        raise InputError(Refused.HAS_A_TEAM) from None
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


def teams_of_user(*, session: Session, user_id: int) -> Sequence[Team]:
    """Active teams where the user is an active member (Telegram still decides for groups)."""
    return session.exec(
        select(Team)
        .join(Member, col(Member.team_id) == col(Team.id))
        .where(Member.user_id == user_id, Member.status == MemberStatus.ACTIVE, Team.active)
        .order_by(col(Team.title), col(Team.id))  # two "Studio"s: always in one order
    ).all()


def user_pref(*, session: Session, user_id: int) -> UserPref | None:
    return session.get(UserPref, user_id)


def set_user_locale(*, session: Session, user_id: int, locale: str, now: dt.datetime) -> UserPref:
    _set_pref(session, user_id, {"locale": locale, "updated_at": now})
    return _pref(session, user_id)


def set_current_team(
    *, session: Session, user_id: int, team_id: int | None, now: dt.datetime
) -> None:
    _set_pref(session, user_id, {"current_team_id": team_id, "updated_at": now})


def _set_pref(session: Session, user_id: int, values: dict[str, object]) -> None:
    """Insert or update in one statement: two updates of a new user never race on the key."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(_PREF_TABLE).values(user_id=user_id, **values)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["user_id"], set_={k: statement.excluded[k] for k in values}
        )
    )


def _pref(session: Session, user_id: int) -> UserPref:
    pref = session.get(UserPref, user_id, populate_existing=True)
    assert pref is not None
    return pref


_TEAM_TABLE = Team.__table__  # type: ignore[attr-defined]
_MEMBER_TABLE = Member.__table__  # type: ignore[attr-defined]
_PREF_TABLE = UserPref.__table__  # type: ignore[attr-defined]
# Built once: every change bumps the version (storage/statements.py).
_TOUCH = CoreStatement(
    update(_TEAM_TABLE)
    .where(_TEAM_TABLE.c.id == bindparam("team_id"))
    .values(data_version=_TEAM_TABLE.c.data_version + 1)
)


def touch_team(*, session: Session, team_id: int) -> None:
    """Mark the team's data changed (atomically, no read-modify-write): caches key on this."""
    _TOUCH.execute(session, {"team_id": team_id})
    session.info[_CHANGED] = True
    session.info[_TOUCHES] = touches(session) + 1


_CHANGED = "kompas.data_changed"
_TOUCHES = "kompas.touches"


def touches(session: Session) -> int:
    """How many times this session bumped a team's data version (each time by one)."""
    return int(session.info.get(_TOUCHES, 0))


def data_changed(session: Session) -> bool:
    """Whether this session's transaction changed a team's data (clients, sales, settings …)."""
    return bool(session.info.get(_CHANGED))


_FRACTIONS = {
    "default_margin": MARGIN_RANGE,
    "concentration_threshold": THRESHOLD_RANGE,
    "vat_rate": VAT_RANGE,
}


def hour_cost_limit(currency: str) -> int:
    """The most an hour of a team's work may cost, in minor units of its currency."""
    return HOUR_COST_MAX_UNITS * 10 ** currency_digits(currency)


def setting_out_of_range(name: str, value: object, *, currency: str) -> bool:
    """Whether a team setting's value lies outside what a team may set (scoring.settings)."""
    if value is None or isinstance(value, bool):
        return False
    if name in _FRACTIONS and isinstance(value, int | float):
        return not within(_FRACTIONS[name], value)
    if name == "hour_cost" and isinstance(value, int | float):
        return not 0 <= value <= hour_cost_limit(currency)
    return False


SETTINGS = frozenset(
    {
        "locale",
        "currency",
        "timezone",
        "grade_scale",
        "concentration_threshold",
        "scoring_window_days",
        "digest_weekday",
        "digest_minute",
        "digest_enabled",
        "amounts_include_vat",
        "vat_rate",
        "default_margin",
        "hour_cost",
        "payment_days",
        "members_need_approval",
        "sensitive_to_admins",
        "declined_retention_days",
        "onboarded",
        "title",
    }
)


def team_has_sales(*, session: Session, team_id: int) -> bool:
    """Whether the team recorded any sale: from then on its currency is fixed."""
    found = session.exec(select(Sale.id).where(Sale.team_id == team_id).limit(1)).first()
    return found is not None


def update_team(
    *,
    session: Session,
    team_id: int,
    user_id: int | None,
    now: dt.datetime,
    audit: bool = True,
    action: str = "settings",
    **values: object,
) -> Team:
    """Change team settings; the currency is fixed once the team has sales (Product rules).

    `audit=False` when the caller audits the change itself (with its undo); `action` names
    the change in the audit log (an onboarding step's: `setup_steps_done`).
    """
    team = session.get(Team, team_id)
    if team is None:
        raise InputError(Refused.NO_TEAM)
    unknown = set(values) - SETTINGS
    if unknown:
        raise ValueError(f"not team settings: {sorted(unknown)}")
    if (
        "currency" in values
        and values["currency"] != team.currency
        and team_has_sales(session=session, team_id=team_id)
    ):
        raise InputError(Refused.CURRENCY_LOCKED)
    currency = str(values.get("currency", team.currency))
    wrong = [
        name
        for name, value in values.items()
        if setting_out_of_range(name, value, currency=currency)
    ]
    if wrong:  # the callers refuse typed values with the range; this is the last guard
        raise ValueError(f"team settings out of range: {sorted(wrong)}")
    for name, value in values.items():
        setattr(team, name, value)
    session.add(team)
    if audit:
        session.add(
            AuditLog(
                team_id=team_id,
                user_id=user_id,
                action=action,
                entity="team",
                entity_id=team_id,
                at=now,
            )
        )
    session.flush()
    touch_team(session=session, team_id=team_id)
    return team


SETUP_ACTION = "setup_"  # + the onboarding step answered: setup_lang, setup_cur


def setup_steps_done(*, session: Session, team_id: int) -> frozenset[str]:
    """The onboarding steps a team's admins answered ("lang", "cur"), from the audit log: a
    /start before the setup is finished picks it up at the first step not answered."""
    actions = session.exec(
        select(AuditLog.action)
        .where(AuditLog.team_id == team_id, col(AuditLog.action).startswith(SETUP_ACTION))
        .distinct()
    ).all()
    return frozenset(action.removeprefix(SETUP_ACTION) for action in actions)


def follow_telegram(
    *, session: Session, chat_id: int, user_id: int, is_admin: bool, name: str, now: dt.datetime
) -> None:
    """Telegram said someone's standing in the team's group changed: their stored role follows
    at once. An admin of the group is an admin of the team (in it, even if taken out or still
    waiting: only the group's settings decide about its admins); anyone else, demoted, gone or
    removed, the owner too, is a plain member from now on (the next admin to act takes over
    the ownership). Who may still see the team privately Telegram says on each visit."""
    team = team_by_chat(session=session, chat_id=chat_id)
    if team is None or team.is_personal:
        return
    member = member_of(session=session, team_id=stored_id(team), user_id=user_id)
    if member is None:
        if is_admin and team.onboarded:
            add_member(
                session=session,
                team_id=stored_id(team),
                user_id=user_id,
                role=Role.ADMIN,
                display_name=name,
                now=now,
            )
        return
    values: dict[str, object] = {}
    if is_admin:
        if member.role == Role.MEMBER:
            values["role"] = Role.ADMIN
        if member.status != MemberStatus.ACTIVE:
            values.update(status=MemberStatus.ACTIVE, told_removed=False)
    elif member.role != Role.MEMBER:
        values["role"] = Role.MEMBER
    if values:
        session.execute(
            update(_MEMBER_TABLE).where(_MEMBER_TABLE.c.id == member.id).values(**values)
        )
        forget_members(session)


def locales_of(*, session: Session, user_ids: Sequence[int]) -> dict[int, str]:
    """The languages these users chose for themselves (those who chose one)."""
    rows = session.exec(
        select(UserPref.user_id, UserPref.locale).where(col(UserPref.user_id).in_(user_ids))
    ).all()
    return {user_id: locale for user_id, locale in rows if locale}


def move_team_chat(*, session: Session, old_chat_id: int, new_chat_id: int) -> Team | None:
    """A group became a supergroup: the team follows to the new chat id, nothing lost."""
    team = team_by_chat(session=session, chat_id=old_chat_id)
    if team is None or team_by_chat(session=session, chat_id=new_chat_id) is not None:
        return None
    team.chat_id = new_chat_id
    session.add(team)
    session.flush()
    return team


def set_team_active(*, session: Session, chat_id: int, active: bool) -> Team | None:
    team = team_by_chat(session=session, chat_id=chat_id)
    if team is not None and team.active != active:
        team.active = active
        session.add(team)
        session.flush()
    return team
