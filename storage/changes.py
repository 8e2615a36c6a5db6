"""Every change leaves an audit row (ids only) and, when confirmed in chat, an undo for 24 hours."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session

from locales import InputError
from storage.models import AuditLog, PendingUndo
from storage.models.base import TeamRow, stored_id
from storage.refusals import Refused
from storage.statements import CoreStatement
from storage.teams import touch_team

UNDO_WINDOW = dt.timedelta(hours=24)


@dataclass(frozen=True)
class Change:
    """What a recording service did: the row it touched and the undo it offers."""

    entity_id: int
    undo_id: int


def record_change(
    *,
    session: Session,
    team_id: int,
    user_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    now: dt.datetime,
) -> None:
    """Audit the change and bump the team's data version (a change offered for undo:
    `undoable_change`)."""
    _AUDIT.insert(
        session,
        {
            "team_id": team_id,
            "user_id": user_id,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "at": now,
        },
    )
    touch_team(session=session, team_id=team_id)


def undoable_change(
    *,
    session: Session,
    team_id: int,
    user_id: int | None,
    action: str,
    entity: str,
    entity_id: int,
    now: dt.datetime,
    undo: dict[str, Any],
) -> Change:
    """Audit the change and keep its undo for UNDO_WINDOW: the Change names the row the audit
    names and the undo a confirmation offers."""
    record_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        now=now,
    )
    undo_id = _UNDO.insert(
        session,
        {
            "team_id": team_id,
            "user_id": user_id or 0,
            "action": action,
            "payload": undo,
            "created_at": now,
            "expires_at": now + UNDO_WINDOW,
            "done": False,
        },
    )
    return Change(entity_id, undo_id)


def change_fields(
    *,
    session: Session,
    row: TeamRow,
    entity: str,
    action: str,
    user_id: int,
    values: Mapping[str, Any],
    now: dt.datetime,
    untracked: Mapping[str, Any] | None = None,
) -> Change:
    """Set `values` on the team's `row` (and `untracked`, which an undo leaves as they are),
    audited, with the values before and after kept for the undo of `{entity}_id`'s fields
    (storage/undo.py puts them back)."""
    before = {field: json_ready(getattr(row, field)) for field in values}
    for field, value in {**values, **(untracked or {})}.items():
        setattr(row, field, value)
    session.add(row)
    session.flush()
    after = {field: json_ready(getattr(row, field)) for field in before}
    return undoable_change(
        session=session,
        team_id=row.team_id,
        user_id=user_id,
        action=action,
        entity=entity,
        entity_id=stored_id(row),
        now=now,
        undo={f"{entity}_id": row.id, "before": before, "after": after},
    )


def json_ready(value: Any) -> Any:
    """A column's value as an undo's JSON keeps it: a date as ISO text."""
    return value.isoformat() if isinstance(value, dt.date) else value


# Built once: recording is the hot path (storage/statements.py).
_AUDIT = CoreStatement(insert(AuditLog.__table__))  # type: ignore[attr-defined]
_UNDO = CoreStatement(insert(PendingUndo.__table__))  # type: ignore[attr-defined]


def take_undo(*, session: Session, team_id: int, undo_id: int, now: dt.datetime) -> PendingUndo:
    """The pending undo of this team, marked used; gone, used or expired → InputError."""
    pending = session.get(PendingUndo, undo_id, with_for_update=True)
    if pending is not None and pending.team_id == team_id and pending.done:
        raise InputError(Refused.ALREADY_UNDONE)
    if pending is None or pending.team_id != team_id or pending.expires_at < now:
        raise InputError(Refused.UNDO_EXPIRED)
    pending.done = True
    session.add(pending)
    return pending


def pending_undo(*, session: Session, team_id: int, undo_id: int) -> PendingUndo | None:
    pending = session.get(PendingUndo, undo_id)
    return pending if pending is not None and pending.team_id == team_id else None


def still_holds(current: Mapping[str, Any], payload: Mapping[str, Any]) -> None:
    """An undo puts values back only while the row still holds what its change wrote
    (`payload["after"]`); after a later change it would silently wipe that one. Undos kept
    before "after" was recorded apply as they did."""
    after = payload.get("after")
    if after is not None and _plain(current) != _plain(after):
        raise InputError(Refused.CHANGED_SINCE)


def _plain(values: Mapping[str, Any]) -> Any:
    """Values as the undo's JSON holds them: dates as ISO text, sets as sorted lists."""
    return json.loads(json.dumps(dict(values), default=_json_default, sort_keys=True))


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"not kept in an undo: {type(value).__name__}")
