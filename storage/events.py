"""Referrals, complaints and compliments."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlmodel import Session, col

from locales import InputError
from storage.changes import Change, undoable_change
from storage.models import Client, Event, EventKind, stored_id
from storage.refusals import Refused
from storage.resolver import client_in_team


def record_event(
    *,
    session: Session,
    team_id: int,
    client_id: int,
    user_id: int,
    kind: EventKind,
    happened_on: dt.date,
    now: dt.datetime,
    note: str | None = None,
    referred_client_id: int | None = None,
    created_referred: bool = False,
) -> Change:
    """A complaint, compliment or referral; a referral links the new client to the referrer."""
    client = client_in_team(session=session, team_id=team_id, client_id=client_id)
    undo: dict[str, object] = {}
    if kind == EventKind.REFERRAL:
        if referred_client_id is None:
            raise InputError(Refused.WHO_WAS_REFERRED)
        if referred_client_id == client.id:
            raise InputError(Refused.SELF_REFERRAL)
        referred = client_in_team(session=session, team_id=team_id, client_id=referred_client_id)
        _refuse_a_circle(session, team_id, client, referred)
        undo["referred"] = {
            "id": referred.id,
            "referred_by_id": referred.referred_by_id,
            "source": referred.source,
            "created": created_referred,
        }
        referred.referred_by_id = client.id
        referred.source = "referral"
        session.add(referred)
    event = Event(
        team_id=team_id,
        client_id=client_id,
        kind=kind,
        happened_on=happened_on,
        note=_kept_note(note),
        referred_client_id=referred_client_id,
        created_by=user_id,
        created_at=now,
    )
    session.add(event)
    session.flush()
    undo["event_id"] = event.id
    return undoable_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action=f"{kind}_created",
        entity="event",
        entity_id=stored_id(event),
        now=now,
        undo=undo,
    )


def recorded_lately(
    *,
    session: Session,
    team_id: int,
    client_id: int,
    user_id: int,
    kind: EventKind,
    note: str | None,
    since: dt.datetime,
) -> bool:
    """Whether this person recorded the same event (kind, client, note) since `since`."""
    kept = _kept_note(note)
    found = session.execute(
        select(Event.id)
        .where(
            col(Event.team_id) == team_id,
            col(Event.client_id) == client_id,
            col(Event.created_by) == user_id,
            col(Event.kind) == kind,
            col(Event.note).is_(None) if kept is None else col(Event.note) == kept,
            col(Event.created_at) >= since,
        )
        .limit(1)
    ).first()
    return found is not None


def _refuse_a_circle(session: Session, team_id: int, client: Client, referred: Client) -> None:
    """Refuse "B brought A" when A brought B (or brought whoever brought B): the referral
    figures would go round in a circle (issue 17, round three)."""
    seen: set[int] = set()
    above = client.referred_by_id
    while above is not None and above not in seen:
        if above == referred.id:
            raise InputError(Refused.REFERRAL_CIRCLE, referrer=client.name, referred=referred.name)
        seen.add(above)
        above = session.execute(
            select(Client.referred_by_id).where(
                col(Client.team_id) == team_id, col(Client.id) == above
            )
        ).scalar_one_or_none()


def referral_noted(
    *, session: Session, team_id: int, client_id: int, referred_client_id: int
) -> bool:
    """Whether the team has already noted that this client referred that one (the same
    /refer typed twice would count it twice in the referral figures)."""
    found = session.execute(
        select(Event.id)
        .where(
            col(Event.team_id) == team_id,
            col(Event.client_id) == client_id,
            col(Event.kind) == EventKind.REFERRAL,
            col(Event.referred_client_id) == referred_client_id,
        )
        .limit(1)
    ).first()
    return found is not None


EVENT_NOTE_LENGTH = 1000


def _kept_note(note: str | None) -> str | None:
    """The note as typed; a longer one than is kept is refused, never cut unsaid (the
    attacker's 1 406 characters were stored as 1 000)."""
    kept = (note or "").strip()
    if len(kept) > EVENT_NOTE_LENGTH:
        raise InputError(Refused.TOO_LONG, max=EVENT_NOTE_LENGTH)
    return kept or None
