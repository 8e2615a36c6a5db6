"""Clients: creating them, editing their traits and status, each change audited and undoable."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict, Unpack

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from locales import InputError
from storage import names
from storage.changes import Change, change_fields, undoable_change
from storage.models import Client, ClientKind, ClientStatus, stored_id
from storage.names import name_key
from storage.profiles import team_profiles
from storage.refusals import Refused
from storage.resolver import client_in_team
from storage.teams import touch_team

_CLIENT_TABLE = Client.__table__  # type: ignore[attr-defined]

TRAITS = (
    "kind",
    "gender",
    "birth_year",
    "city",
    "income",
    "education",
    "interests",
    "industry",
    "employees",
    "decision",
    "source",
    "segment",
    "acquired_on",
    "notes",
)

# Traits not every team keeps: /edit offers them for a client only where the team uses them
# (a hairdresser is not asked a client's income or education, nor a market segment).
OCCASIONAL = ("income", "education", "segment")


def traits_in_use(*, session: Session, team_id: int, kind: str) -> frozenset[str]:
    """The OCCASIONAL traits the team keeps for clients of `kind`: one that some client of that
    kind has filled in, or that an ideal profile for that kind asks about (income, education)."""
    used = {
        field
        for field in OCCASIONAL
        if session.exec(
            select(Client.id)
            .where(Client.team_id == team_id, Client.kind == kind)
            .where(getattr(Client, field).is_not(None))
            .limit(1)
        ).first()
        is not None
    }
    for stored in team_profiles(session=session, team_id=team_id):
        profile = stored.profile
        if not profile.applies_to(kind):
            continue
        if profile.min_income is not None or profile.max_income is not None:
            used.add("income")
        if profile.educations:
            used.add("education")
    return frozenset(used)


def client_by_key(*, session: Session, team_id: int, name: str) -> Client | None:
    return session.exec(
        select(Client).where(Client.team_id == team_id, Client.name_key == name_key(name))
    ).first()


def valid_name(name: str) -> str:
    """A client's name typed in chat, as it will be shown, or a friendly InputError; never
    the label of an erased client (an import keeps such rows: an export holds them)."""
    shown = names.valid_name(name)
    names.refuse_reserved(shown)
    return shown


def new_client(
    *,
    team_id: int,
    name: str,
    now: dt.datetime,
    kind: ClientKind,
    status: ClientStatus,
    **traits: Any,
) -> Client:
    """A client row as every new client starts (not added yet): its key from its name, each
    of its times `now`. `name` is checked already."""
    return Client(
        team_id=team_id,
        name=name,
        name_key=name_key(name),
        kind=kind,
        status=status,
        created_at=now,
        updated_at=now,
        status_changed_at=now,
        **traits,
    )


def create_client(
    *,
    session: Session,
    team_id: int,
    name: str,
    now: dt.datetime,
    kind: ClientKind = ClientKind.ORGANISATION,
    status: ClientStatus = ClientStatus.ACTIVE,
    **traits: Any,
) -> Client:
    """A new client (no audit: callers that confirm in chat use `add_client`)."""
    shown = valid_name(name)
    if client_by_key(session=session, team_id=team_id, name=shown) is not None:
        raise InputError(Refused.ALREADY_LISTED, client=shown)
    client = new_client(team_id=team_id, name=shown, now=now, kind=kind, status=status, **traits)
    try:
        # Another instance may add the same name between the check above and this insert:
        # the unique key decides, and the later one hears what it would have heard anyway.
        with session.begin_nested():
            session.add(client)
    except IntegrityError:
        if client_by_key(session=session, team_id=team_id, name=shown) is None:
            raise
        raise InputError(Refused.ALREADY_LISTED, client=shown) from None
    touch_team(session=session, team_id=team_id)
    return client


def add_client(
    *,
    session: Session,
    team_id: int,
    user_id: int,
    name: str,
    now: dt.datetime,
    today: dt.date,
    kind: ClientKind = ClientKind.ORGANISATION,
    status: ClientStatus = ClientStatus.ACTIVE,
    **traits: Any,
) -> Change:
    """Create a client from chat: audited, with an undo. A client is one since `today`, the
    team's own date (not UTC's: past midnight in Moscow it is still yesterday in UTC)."""
    if status == ClientStatus.ACTIVE and "acquired_on" not in traits:
        traits["acquired_on"] = today
    client = create_client(
        session=session, team_id=team_id, name=name, now=now, kind=kind, status=status, **traits
    )
    return undoable_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="client_created",
        entity="client",
        entity_id=stored_id(client),
        now=now,
        undo={"client_id": client.id},
    )


class ClientChange(TypedDict):
    """Which of the team's clients a change is to, and who makes it (the keywords of
    `update_client`, `set_status` and `keep_client`)."""

    session: Session
    team_id: int
    client_id: int
    user_id: int


def update_client(
    *, changes: dict[str, Any], now: dt.datetime, **client: Unpack[ClientChange]
) -> Change:
    """Change traits (or the name); the old values are kept for undo."""
    values = {field: value for field, value in changes.items() if field in TRAITS}
    untracked = {}
    if "name" in changes:
        shown = valid_name(changes["name"])
        other = client_by_key(session=client["session"], team_id=client["team_id"], name=shown)
        if other is not None and other.id != client["client_id"]:
            raise InputError(Refused.ALREADY_LISTED, client=shown)
        values["name"] = shown
        untracked["name_key"] = name_key(shown)  # an undo finds it from the name again
    return _change(client, now=now, action="client_updated", values=values, untracked=untracked)


def set_status(*, status: ClientStatus, now: dt.datetime, **client: Unpack[ClientChange]) -> Change:
    """Decline, take back, archive: a status change, undoable."""
    return _change(
        client,
        now=now,
        action="client_status",
        values={"status": status},
        untracked={"status_changed_at": now},
    )


KEEP_FOR = dt.timedelta(days=90)  # a kept client is not proposed for declining again for now


def keep_client(*, today: dt.date, now: dt.datetime, **client: Unpack[ClientChange]) -> Change:
    """The team looked at a proposal to decline and keeps the client (for KEEP_FOR)."""
    return _change(
        client, now=now, action="client_updated", values={"kept_until": today + KEEP_FOR}
    )


def _change(
    client: ClientChange,
    *,
    now: dt.datetime,
    action: str,
    values: dict[str, Any],
    untracked: dict[str, Any] | None = None,
) -> Change:
    """Set `values` on the team's client, audited, with the old values kept for undo."""
    session = client["session"]
    row = client_in_team(session=session, team_id=client["team_id"], client_id=client["client_id"])
    return change_fields(
        session=session,
        row=row,
        entity="client",
        action=action,
        user_id=client["user_id"],
        values=values,
        now=now,
        untracked={**(untracked or {}), "updated_at": now},
    )


def clients_with_status(
    *, session: Session, team_id: int, status: ClientStatus
) -> list[tuple[int, str, dt.datetime | None]]:
    """(id, name, when the status was set: None if not recorded) of the team's clients with a
    status, by name: prospects, declined …"""
    rows = session.execute(
        select(_CLIENT_TABLE.c.id, _CLIENT_TABLE.c.name, _CLIENT_TABLE.c.status_changed_at)
        .where(_CLIENT_TABLE.c.team_id == team_id, _CLIENT_TABLE.c.status == status)
        .order_by(_CLIENT_TABLE.c.name_key)
    ).all()
    return [(int(i), str(name), changed) for i, name, changed in rows]
