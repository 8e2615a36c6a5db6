"""A team's ideal client profiles as /profile edits them: one criterion at a time, with undo.

A row's `criteria` column holds `IdealProfile.to_dict()` (scoring/profile.py); its `name` and
`kind` columns are the truth for name and kind (storage/frames.py `load_profiles` reads them
so). A team keeps at most one profile per client kind (persons, organisations, or everyone).
Every change is audited, bumps the team's data version and can be undone for 24 hours; the
undo of a criterion puts back only that criterion, so undoing an earlier change never wipes a
later one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from locales import InputError
from scoring.market import MarketReality, market_reality, minimum_per_competitor
from scoring.profile import (
    DEMOGRAPHIC_RANGES,
    DEMOGRAPHIC_SETS,
    MARKET_FIELDS,
    ORGANISATION_RANGES,
    IdealProfile,
)
from storage.changes import Change, still_holds, undoable_change
from storage.models import Client, ClientKind, ClientStatus, IdealProfileRow, stored_id
from storage.refusals import Refused

KINDS = ("person", "organisation", None)  # None: one profile for everyone


@dataclass(frozen=True)
class StoredProfile:
    id: int
    name: str
    kind: str | None
    profile: IdealProfile


def _kind(value: str | None) -> str | None:
    return value if value in ("person", "organisation") else None


def _stored(row: IdealProfileRow) -> StoredProfile:
    kind = _kind(row.kind)
    profile = IdealProfile.from_dict(
        {**(row.criteria or {}), "name": row.name, "kind": kind, "weights": row.weights}
    )
    return StoredProfile(stored_id(row), row.name, kind, profile)


def team_profiles(*, session: Session, team_id: int) -> list[StoredProfile]:
    """The team's profiles: persons, organisations, everyone, then any others by name."""
    rows = session.exec(
        select(IdealProfileRow)
        .where(IdealProfileRow.team_id == team_id)
        .order_by(col(IdealProfileRow.name))
    ).all()
    order = {kind: place for place, kind in enumerate(KINDS)}
    return sorted((_stored(row) for row in rows), key=lambda p: order.get(p.kind, len(KINDS)))


@dataclass(frozen=True)
class Judgeable:
    """What /check can say something about before it asks anything: the kinds of client an
    ideal profile covers or the team has clients of to compare with (scoring/prospects.py),
    and whether the team wrote a profile that sets any of it."""

    kinds: frozenset[str]
    profile_written: bool


def judgeable(*, session: Session, team_id: int) -> Judgeable:
    """The kinds /check can judge: a kind with neither a profile that sets a criterion nor a
    client of its own could only end in "I can't judge", so it is said at once."""
    written = [
        p.profile
        for p in team_profiles(session=session, team_id=team_id)
        if any(getattr(p.profile, name) not in (None, frozenset()) for name in _JUDGED_BY)
    ]
    kinds = {kind for p in written for kind in ClientKind if p.applies_to(kind)}
    kinds |= set(
        session.exec(
            select(Client.kind)
            .where(Client.team_id == team_id, Client.status != ClientStatus.ARCHIVED)
            .distinct()
        ).all()
    )
    return Judgeable(frozenset(str(kind) for kind in kinds), bool(written))


# What /check compares a prospect with (scoring/prospects.py): a profile setting none of these,
# just created, judges no one.
_JUDGED_BY = (*DEMOGRAPHIC_RANGES, *ORGANISATION_RANGES, *DEMOGRAPHIC_SETS, *MARKET_FIELDS)


def _row(session: Session, team_id: int, profile_id: int) -> IdealProfileRow:
    row = session.get(IdealProfileRow, profile_id)
    if row is None or row.team_id != team_id:
        raise InputError(Refused.PROFILE_GONE)
    return row


def stored_profile(*, session: Session, team_id: int, profile_id: int) -> StoredProfile:
    """One profile of this team; gone or another team's → InputError."""
    return _stored(_row(session, team_id, profile_id))


def create_profile(
    *, session: Session, team_id: int, user_id: int, name: str, kind: str | None, now: dt.datetime
) -> Change:
    """A new, empty profile for a client kind the team has no profile for yet."""
    kind = _kind(kind)
    for existing in team_profiles(session=session, team_id=team_id):
        if existing.kind == kind or existing.name == name:
            raise InputError(Refused.PROFILE_EXISTS, name=existing.name)
    row = IdealProfileRow(
        team_id=team_id,
        name=name[:64],
        kind=kind,
        criteria=IdealProfile(name=name[:64], kind=kind).to_dict(),
        updated_at=now,
    )
    session.add(row)
    session.flush()
    profile_id = stored_id(row)
    return undoable_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="profile_created",
        entity="ideal_profile",
        entity_id=profile_id,
        now=now,
        undo={"profile_id": profile_id},
    )


def change_criteria(
    *,
    session: Session,
    team_id: int,
    profile_id: int,
    user_id: int,
    now: dt.datetime,
    **values: Any,
) -> Change:
    """Set (or, with None or an empty set, clear) criteria of one profile."""
    row = _row(session, team_id, profile_id)
    profile = _stored(row).profile
    before = _json(profile, values)
    changed = dataclasses.replace(profile, **_criteria(values))
    _write(row, changed, now)
    session.add(row)
    session.flush()
    return undoable_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="profile_changed",
        entity="ideal_profile",
        entity_id=profile_id,
        now=now,
        undo={"profile_id": profile_id, "before": before, "after": _json(changed, values)},
    )


def delete_profile(
    *, session: Session, team_id: int, profile_id: int, user_id: int, now: dt.datetime
) -> Change:
    row = _row(session, team_id, profile_id)
    kept = {
        "name": row.name,
        "kind": row.kind,
        "criteria": row.criteria,
        "weights": row.weights,
    }
    session.delete(row)
    session.flush()
    return undoable_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="profile_deleted",
        entity="ideal_profile",
        entity_id=profile_id,
        now=now,
        undo={"profile": kept},
    )


def market_outlook(
    *, session: Session, team_id: int, profile: IdealProfile
) -> MarketReality | None:
    """The market-reality figure of one profile (scoring/market.py), None without a size."""
    current = session.exec(
        select(func.count())
        .select_from(Client)
        .where(Client.team_id == team_id, Client.status == ClientStatus.ACTIVE)
    ).one()
    found, _warnings = market_reality([profile], minimum_per_competitor(None, int(current)))
    return found[0] if found else None


# Undo -----------------------------------------------------------------------------------------


def restore_criteria(session: Session, team_id: int, payload: dict[str, Any]) -> None:
    """Undo of `change_criteria`: only the criteria that change touched go back."""
    row = session.get(IdealProfileRow, payload["profile_id"])
    if row is None or row.team_id != team_id:
        raise InputError(Refused.PROFILE_GONE)
    profile = _stored(row).profile
    still_holds(_json(profile, payload["before"]), payload)
    _write(row, dataclasses.replace(profile, **_criteria(payload["before"])), row.updated_at)
    session.add(row)


def remove_created(session: Session, team_id: int, payload: dict[str, Any]) -> None:
    session.execute(
        delete(IdealProfileRow).where(
            col(IdealProfileRow.id) == payload["profile_id"],
            col(IdealProfileRow.team_id) == team_id,
        )
    )


def restore_deleted(session: Session, team_id: int, payload: dict[str, Any]) -> None:
    kept = payload["profile"]
    taken = session.exec(
        select(IdealProfileRow.id).where(
            IdealProfileRow.team_id == team_id, IdealProfileRow.name == kept["name"]
        )
    ).first()
    if taken is not None:
        raise InputError(Refused.PROFILE_EXISTS, name=kept["name"])
    session.add(IdealProfileRow(team_id=team_id, **kept))


# ----------------------------------------------------------------------------------------------


def _criteria(values: dict[str, Any]) -> dict[str, Any]:
    """Values as IdealProfile takes them: sets as frozensets (None clears a set too)."""
    known = {f.name for f in dataclasses.fields(IdealProfile)} - {"name", "kind", "weights"}
    unknown = set(values) - known
    if unknown:
        raise ValueError(f"not profile criteria: {sorted(unknown)}")
    empty_sets = {name: frozenset() for name, value in values.items() if value is None}
    return {**values, **{k: v for k, v in empty_sets.items() if _is_set(k)}}


def _is_set(name: str) -> bool:
    return isinstance(getattr(IdealProfile(), name), frozenset)


def _json(profile: IdealProfile, values: dict[str, Any]) -> dict[str, Any]:
    """The current values of the criteria about to change, as JSON for the undo."""
    out = {}
    for name in values:
        value = getattr(profile, name)
        out[name] = sorted(value) if isinstance(value, frozenset) else value
    return out


def _write(row: IdealProfileRow, profile: IdealProfile, now: dt.datetime) -> None:
    row.criteria = profile.to_dict()
    row.updated_at = now
