"""Clients: creating and finding them by their normalised name key."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, select

from storage.models import Client, ClientKind, ClientStatus
from storage.names import clean_name, name_key
from storage.teams import touch_team


def client_by_key(*, session: Session, team_id: int, name: str) -> Client | None:
    return session.exec(
        select(Client).where(Client.team_id == team_id, Client.name_key == name_key(name))
    ).first()


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
    """A new client; the caller has checked the name is free (the unique key guards it too)."""
    shown = clean_name(name)
    client = Client(
        team_id=team_id,
        name=shown,
        name_key=name_key(shown),
        kind=kind,
        status=status,
        created_at=now,
        updated_at=now,
        status_changed_at=now,
        **traits,
    )
    session.add(client)
    session.flush()
    touch_team(session=session, team_id=team_id)
    return client
