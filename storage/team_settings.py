"""Team settings as /settings changes them: one change at a time, audited, with a 24-hour undo.

`teams.update_team` checks and writes the values (the currency is fixed once there are sales)
and bumps the data version; this module adds the undo, and the reverse that `storage.undo`
runs. In a personal team the language is also the owner's own, so it follows along (as in
onboarding) and comes back with the undo.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from locales import InputError
from storage.changes import Change, still_holds, undoable_change
from storage.models import AuditLog, Team, UserPref
from storage.refusals import Refused
from storage.teams import (
    set_user_locale,
    team_has_sales,
    update_team,
    user_pref,
)


def change_settings(
    *,
    session: Session,
    team_id: int,
    user_id: int,
    now: dt.datetime,
    owner_language: bool = False,
    **values: Any,
) -> Change:
    """Change team settings; `owner_language`: the caller's own language follows the team's."""
    team = session.get(Team, team_id)
    if team is None:
        raise InputError(Refused.NO_TEAM)
    payload: dict[str, Any] = {"before": {name: getattr(team, name) for name in values}}
    if owner_language and "locale" in values:
        pref = user_pref(session=session, user_id=user_id)
        payload["user_locale"] = [user_id, pref.locale if pref else None]
        set_user_locale(session=session, user_id=user_id, locale=values["locale"], now=now)
    update_team(session=session, team_id=team_id, user_id=user_id, now=now, audit=False, **values)
    payload["after"] = {name: getattr(team, name) for name in values}
    return undoable_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="team_settings",
        entity="team",
        entity_id=team_id,
        now=now,
        undo=payload,
    )


def restore_settings(session: Session, team_id: int, payload: dict[str, Any]) -> None:
    """The undo of `change_settings`: the values as they were (the currency rule still holds),
    while the team still has the values that change set."""
    before = payload["before"]
    team = session.get(Team, team_id)
    if team is None:
        return
    still_holds({name: getattr(team, name) for name in before}, payload)
    if (
        "currency" in before
        and before["currency"] != team.currency
        and team_has_sales(session=session, team_id=team_id)
    ):
        raise InputError(Refused.CURRENCY_LOCKED)
    session.execute(update(Team).where(col(Team.id) == team_id).values(**before))
    if payload.get("user_locale"):
        user_id, locale = payload["user_locale"]
        session.execute(
            update(UserPref).where(col(UserPref.user_id) == user_id).values(locale=locale)
        )


HOUR_COST_OFFERED = "hour_cost_offered"


def offer_hour_cost(*, session: Session, team_id: int, user_id: int, now: dt.datetime) -> bool:
    """True the first time a team records time without an hour cost: the tip is offered once.

    The offer is remembered as an audit row, so no column is needed (kept 2 years, like all).
    """
    offered = session.exec(
        select(AuditLog.id).where(AuditLog.team_id == team_id, AuditLog.action == HOUR_COST_OFFERED)
    ).first()
    if offered is not None:
        return False
    session.add(
        AuditLog(
            team_id=team_id,
            user_id=user_id,
            action=HOUR_COST_OFFERED,
            entity="team",
            entity_id=team_id,
            at=now,
        )
    )
    return True
