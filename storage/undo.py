"""Undoing a confirmed change: one reverse operation per kind of change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from locales import InputError
from storage import profiles, team_settings
from storage.changes import record_change, still_holds, take_undo
from storage.models import Client, ClientStatus, Event, PendingUndo, Rating, Sale
from storage.names import name_key
from storage.refusals import Refused
from storage.teams import touch_team

# Each reverses one kind of change; it may name what it did when that was more (a sale and
# the client it added): the key `undo` returns for the reply.
Reverse = Callable[[Session, int, dict[str, Any]], str | None]


def undo(*, session: Session, team_id: int, undo_id: int, user_id: int, now: dt.datetime) -> str:
    """Reverse one pending change of this team; returns what kind of change it was."""
    pending = take_undo(session=session, team_id=team_id, undo_id=undo_id, now=now)
    try:
        # A savepoint: a chain that no longer applies (its row undone or deleted since) is
        # refused with a reason, and the rest of the update's transaction stays usable.
        with session.begin_nested():
            did = REVERSE[pending.action](session, team_id, pending.payload)
    except IntegrityError:
        raise InputError(Refused.CHANGED_SINCE) from None
    record_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="undo",
        entity=pending.action,
        entity_id=pending.id,
        now=now,
    )
    touch_team(session=session, team_id=team_id)
    return did or pending.action


def latest_undo(*, session: Session, team_id: int, user_id: int | None) -> PendingUndo | None:
    """The caller's own most recent change in this team not undone yet (/undo): the one its
    ↩ Undo button would take back. Expired ones count, so /undo says it's too late rather than
    reach past them; `take_undo` refuses them as the button does. `user_id` None: anyone's,
    the team's latest (whose /undo names when the caller has none)."""
    mine = [] if user_id is None else [PendingUndo.user_id == user_id]
    return session.exec(
        select(PendingUndo)
        .where(
            PendingUndo.team_id == team_id,
            *mine,
            col(PendingUndo.done).is_(False),
            col(PendingUndo.action).in_(REVERSE),
        )
        .order_by(col(PendingUndo.created_at).desc(), col(PendingUndo.id).desc())
        .limit(1)
    ).first()


SALE_AND_CLIENT = "sale_and_client_created"  # what undo() returns when both went


def undo_removes_new_client(
    *, session: Session, team_id: int, undo_id: int, client_id: int
) -> None:
    """The sale's Undo also removes the client its line added (`/sale Мария Кузнецова 1500`
    for someone new): one press takes back the whole line, as long as that client has
    nothing else by then."""
    pending = session.get(PendingUndo, undo_id)
    if pending is None or pending.team_id != team_id:
        return
    pending.payload = {**pending.payload, "new_client": client_id}
    session.add(pending)
    # The client's own undo is now part of the sale's: /undo after the sale's would otherwise
    # say it removed a client already gone.
    for own in session.exec(
        select(PendingUndo).where(
            PendingUndo.team_id == team_id,
            PendingUndo.user_id == pending.user_id,
            PendingUndo.action == "client_created",
            col(PendingUndo.done).is_(False),
        )
    ):
        if own.payload.get("client_id") == client_id:
            own.done = True
            session.add(own)


def _client_created(session: Session, team_id: int, payload: dict[str, Any]) -> None:
    client_id = payload["client_id"]
    if _has_history(session, team_id, client_id):
        raise InputError(Refused.CLIENT_KEPT)
    session.execute(
        delete(Client).where(col(Client.id) == client_id, col(Client.team_id) == team_id)
    )


def _has_history(session: Session, team_id: int, client_id: int) -> bool:
    """Whether the client has sales, notes or ratings of their own, or brought someone."""
    for table, column in (
        (Sale, Sale.client_id),
        (Event, Event.client_id),
        (Event, Event.referred_client_id),
        (Rating, Rating.client_id),
    ):
        used = session.exec(
            select(func.count())
            .select_from(table)
            .where(table.team_id == team_id, column == client_id)  # type: ignore[attr-defined]
        ).one()
        if used:
            return True
    return False


def _sale_created(session: Session, team_id: int, payload: dict[str, Any]) -> str | None:
    if _changed_since(session, team_id, payload["sale_id"]):
        raise InputError(Refused.CHANGED_SINCE)
    session.execute(
        delete(Sale).where(col(Sale.id) == payload["sale_id"], col(Sale.team_id) == team_id)
    )
    new_client = payload.get("new_client")
    if new_client and not _has_history(session, team_id, new_client):
        session.execute(
            delete(Client).where(col(Client.id) == new_client, col(Client.team_id) == team_id)
        )
        return SALE_AND_CLIENT
    if payload.get("was_prospect"):
        session.execute(
            update(Client)
            .where(col(Client.id) == payload["was_prospect"], col(Client.team_id) == team_id)
            .values(status=ClientStatus.PROSPECT)
        )
    if payload.get("client_since_was"):
        session.execute(
            update(Client)
            .where(col(Client.id) == payload["client_id"], col(Client.team_id) == team_id)
            .values(acquired_on=dt.date.fromisoformat(payload["client_since_was"]))
        )
    return None


def _changed_since(session: Session, team_id: int, sale_id: int) -> bool:
    """Whether a later change to the sale still stands (a teammate's payment, a correction):
    taking the sale away would take it too, unsaid (the attacker's Eva undid her sale and with
    it Piet's payment, whose own Undo then pointed at nothing)."""
    later = session.exec(
        select(PendingUndo.payload).where(
            PendingUndo.team_id == team_id,
            col(PendingUndo.done).is_(False),
            col(PendingUndo.action).in_(("sales_paid", "sale_updated")),
        )
    ).all()
    return any(
        payload.get("sale_id") == sale_id
        or sale_id in payload.get("sale_ids", ())
        or any(pair[0] == sale_id for pair in payload.get("open") or ())
        for payload in later
    )


def _sale_updated(session: Session, team_id: int, payload: dict[str, Any]) -> None:
    _fields_back(session, team_id, Sale, payload["sale_id"], payload)


def _sale_deleted(session: Session, team_id: int, payload: dict[str, Any]) -> None:
    data = {field: _date_or(value, field) for field, value in payload["sale"].items()}
    client = session.get(Client, data.get("client_id"))
    if client is None or client.team_id != team_id:
        raise InputError(Refused.SALE_CLIENT_GONE)
    session.add(Sale(team_id=team_id, **data))


def _sales_paid(session: Session, team_id: int, payload: dict[str, Any]) -> None:
    """Open again, each with the part it had paid before (older Undos kept only the ids)."""
    before = payload.get("open") or [[sale_id, None] for sale_id in payload["sale_ids"]]
    for sale_id, paid_amount in before:
        session.execute(
            update(Sale)
            .where(col(Sale.id) == sale_id, col(Sale.team_id) == team_id)
            .values(paid_on=None, paid_amount=paid_amount)
        )


def _event_created(session: Session, team_id: int, payload: dict[str, Any]) -> None:
    session.execute(
        delete(Event).where(col(Event.id) == payload["event_id"], col(Event.team_id) == team_id)
    )
    referred = payload.get("referred")
    if referred:
        if referred["created"]:
            _client_created(session, team_id, {"client_id": referred["id"]})
        else:
            session.execute(
                update(Client)
                .where(col(Client.id) == referred["id"], col(Client.team_id) == team_id)
                .values(referred_by_id=referred["referred_by_id"], source=referred["source"])
            )


def _ratings_created(session: Session, team_id: int, payload: dict[str, Any]) -> None:
    session.execute(
        delete(Rating).where(
            col(Rating.id).in_(payload["rating_ids"]), col(Rating.team_id) == team_id
        )
    )


def _client_updated(session: Session, team_id: int, payload: dict[str, Any]) -> None:
    """Any of the client's fields back as they were (details, status, kept until)."""
    _fields_back(session, team_id, Client, payload["client_id"], payload)


def _fields_back(
    session: Session,
    team_id: int,
    model: type[Sale] | type[Client],
    row_id: int,
    payload: dict[str, Any],
) -> None:
    """The team's row with `payload["before"]`'s fields as they were, refused when anyone
    changed them since (`still_holds`) or the row is gone; a name brings its key back."""
    values = {field: _date_or(value, field) for field, value in payload["before"].items()}
    row = session.get(model, row_id)
    if row is None or row.team_id != team_id:
        raise InputError(Refused.CHANGED_SINCE)
    still_holds({field: getattr(row, field) for field in values}, payload)
    if "name" in values:
        values["name_key"] = name_key(values["name"])
    _must_touch(
        session.execute(
            update(model)
            .where(col(model.id) == row_id, col(model.team_id) == team_id)
            .values(**values)
        )
    )


def _must_touch(result: Any) -> None:
    """The row a change was made to is gone (its own Undo, a deletion, /forget): say so
    rather than report an Undo that changed nothing."""
    if not result.rowcount:
        raise InputError(Refused.CHANGED_SINCE)


DATE_FIELDS = frozenset({"sold_on", "due_on", "paid_on", "acquired_on", "kept_until"})


def _date_or(value: Any, field: str) -> Any:
    if field in DATE_FIELDS and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


REVERSE: dict[str, Reverse] = {
    "client_created": _client_created,
    "sale_created": _sale_created,
    "sale_updated": _sale_updated,
    "sale_deleted": _sale_deleted,
    "sales_paid": _sales_paid,
    "referral_created": _event_created,
    "complaint_created": _event_created,
    "compliment_created": _event_created,
    "ratings_created": _ratings_created,
    "client_updated": _client_updated,
    "client_status": _client_updated,
    "team_settings": team_settings.restore_settings,
    "profile_created": profiles.remove_created,
    "profile_changed": profiles.restore_criteria,
    "profile_deleted": profiles.restore_deleted,
}
