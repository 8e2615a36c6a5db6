"""Forgetting people: a client's personal data erased on request or after the team's retention,
and old records that nobody needs any more pruned (AVG/GDPR article 17, 152-ФЗ article 21).

What forgetting keeps and what it erases
----------------------------------------
* The name becomes a neutral label in the team's language ("Klant #12", "Клиент #12"), and its
  name key follows, so the resolver and exports only know the label from then on.
* Every trait is cleared — gender, birth year, city, income, education, interests, industry,
  employees, how they decide, segment — and so are the client's notes and the notes of events
  about them (complaints, compliments, referrals).
* Kept, without anything that points at the person: kind and status, how they came (a
  category), since when they are a client, sales, ratings (numbers), referral links between
  client ids, and grade history. The team's revenue, shares and scores stay right.
* Undo entries and dialogs in progress that still hold the old name or values are deleted, so
  no button brings the data back. Forgetting itself is audited (ids only) and has no undo.

Retention
---------
* Declined clients are anonymised this way once they have been declined for the team's
  `declined_retention_days` (off unless the team sets it in /settings).
* The audit log (ids and action names only) is kept for AUDIT_RETENTION, two years: long
  enough to answer "who changed this?" about anything in a scoring window (at most five
  years of sales are scored, but changes older than two years are no longer questioned).
* Undo entries are deleted once they expire (24 hours): they may hold old values of traits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, or_, update
from sqlmodel import Session, col, select

from locales import translator
from storage.changes import record_change
from storage.clients import TRAITS
from storage.columns import SOURCES
from storage.models import AuditLog, Client, ClientStatus, DialogState, Event, PendingUndo, Team
from storage.names import FORGOTTEN_LABEL, name_key
from storage.resolver import client_in_team

AUDIT_RETENTION = dt.timedelta(days=730)
# What kind of client, where they came from and since when say nothing about the person and
# keep the team's portrait and revenue figures right; every other trait, a new one included,
# is erased. A source is kept only as one of the listed channels: typed in the team's own
# words ("via Anouk de Boer") it may name someone.
KEPT_TRAITS = ("kind", "source", "acquired_on")
ERASED_TRAITS = tuple(trait for trait in TRAITS if trait not in KEPT_TRAITS)


@dataclass(frozen=True)
class Sweep:
    """What one daily privacy sweep did."""

    anonymised: int
    audit_rows_pruned: int
    undos_pruned: int


def forget_client(
    *,
    session: Session,
    team_id: int,
    client_id: int,
    user_id: int | None,
    now: dt.datetime,
    action: str = "client_forgotten",
) -> str:
    """Erase a client's personal data, keeping anonymous figures; returns the new label."""
    client = client_in_team(session=session, team_id=team_id, client_id=client_id)
    old_name = client.name
    label = _free_label(session, team_id, client_id)
    client.name, client.name_key = label, name_key(label)
    for trait in ERASED_TRAITS:
        setattr(client, trait, None)
    if client.source not in SOURCES:
        client.source = None
    client.anonymised_at = now
    client.updated_at = now
    session.add(client)
    session.execute(
        update(Event)
        .where(
            col(Event.team_id) == team_id,
            or_(col(Event.client_id) == client_id, col(Event.referred_client_id) == client_id),
        )
        .values(note=None)
    )
    _drop_traces(session, team_id, client_id, old_name)
    session.flush()
    record_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action=action,
        entity="client",
        entity_id=client_id,
        now=now,
    )
    return label


def anonymise_declined(*, session: Session, now: dt.datetime) -> int:
    """Forget every client declined longer ago than their team's retention; returns how many."""
    done = 0
    teams = session.exec(
        select(Team.id, Team.declined_retention_days).where(
            col(Team.declined_retention_days).is_not(None)
        )
    ).all()
    for team_id, days in teams:
        cutoff = now - dt.timedelta(days=int(days))
        due = session.exec(
            select(Client.id).where(
                Client.team_id == team_id,
                Client.status == ClientStatus.DECLINED,
                col(Client.anonymised_at).is_(None),
                col(Client.status_changed_at) <= cutoff,
            )
        ).all()
        for client_id in due:
            forget_client(
                session=session,
                team_id=team_id or 0,
                client_id=client_id or 0,
                user_id=None,
                now=now,
                action="client_anonymised",
            )
            done += 1
    return done


def prune_audit(*, session: Session, now: dt.datetime) -> int:
    """Delete audit rows older than AUDIT_RETENTION; returns how many."""
    result = session.execute(delete(AuditLog).where(col(AuditLog.at) < now - AUDIT_RETENTION))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def prune_expired_undos(*, session: Session, now: dt.datetime) -> int:
    """Delete undo entries past their 24 hours: they may hold old values of traits."""
    result = session.execute(delete(PendingUndo).where(col(PendingUndo.expires_at) < now))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def sweep(*, session: Session, now: dt.datetime) -> Sweep:
    """The daily privacy work, in the caller's transaction."""
    return Sweep(
        anonymised=anonymise_declined(session=session, now=now),
        audit_rows_pruned=prune_audit(session=session, now=now),
        undos_pruned=prune_expired_undos(session=session, now=now),
    )


def _free_label(session: Session, team_id: int, client_id: int) -> str:
    """The neutral label, unique in the team even if someone typed such a name before."""
    team = session.get(Team, team_id)
    label = str(translator(team.locale if team else "nl")._(FORGOTTEN_LABEL, id=client_id))
    candidate, n = label, 1
    while True:
        other = session.exec(
            select(Client.id).where(
                Client.team_id == team_id, Client.name_key == name_key(candidate)
            )
        ).first()
        if other is None or other == client_id:
            return candidate
        n += 1
        candidate = f"{label}-{n}"


def _drop_traces(session: Session, team_id: int, client_id: int, old_name: str) -> None:
    """Undo entries and dialogs that could bring the old name or values back."""
    for pending in session.exec(select(PendingUndo).where(PendingUndo.team_id == team_id)):
        if _mentions(pending.payload, client_id, old_name):
            session.delete(pending)
    for state in session.exec(select(DialogState).where(DialogState.team_id == team_id)):
        if _mentions(state.data, client_id, old_name):
            session.delete(state)


def _mentions(data: Any, client_id: int, old_name: str) -> bool:
    """Whether stored JSON names the client: by id under a client key, or by their name."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in _CLIENT_KEYS and value == client_id:
                return True
            if key in _CLIENT_OBJECTS and isinstance(value, dict) and value.get("id") == client_id:
                return True
            if _mentions(value, client_id, old_name):
                return True
        return False
    if isinstance(data, list):
        return any(_mentions(item, client_id, old_name) for item in data)
    return data == old_name


# Where undo payloads and dialog data keep a client's id (storage/undo.py, bot/kit/dialogs.py).
# A bare "id" is a client's only inside a client's own record: a deleted sale's "id" is the sale's.
_CLIENT_KEYS = frozenset({"client_id", "was_prospect", "referred_by_id"})
_CLIENT_OBJECTS = frozenset({"referred"})
