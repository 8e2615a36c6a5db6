"""Payments: what a client still owes, and paying it off in full or in part — one Undo each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from locales import InputError
from storage.changes import Change, undoable_change
from storage.models import PendingUndo, Sale
from storage.refusals import Refused
from storage.resolver import client_in_team


@dataclass(frozen=True)
class OpenSale:
    """A sale not yet paid in full: `open` is what is still owed on it."""

    id: int
    sold_on: dt.date
    due_on: dt.date | None
    amount: int
    open: int


@dataclass(frozen=True)
class Payment:
    sales: int  # sales now paid in full
    amount: int  # what the client paid now
    still_open: int  # what the client still owes on all their sales after it
    change: Change


def open_sales(*, session: Session, team_id: int, client_id: int) -> list[OpenSale]:
    """The client's sales not yet paid in full, oldest first (the order a payment settles)."""
    rows = session.exec(
        select(Sale.id, Sale.sold_on, Sale.due_on, Sale.amount, Sale.paid_amount)
        .where(Sale.team_id == team_id, Sale.client_id == client_id, col(Sale.paid_on).is_(None))
        .order_by(col(Sale.sold_on), col(Sale.id))
    ).all()
    return [
        OpenSale(sale_id or 0, sold_on, due_on, amount, amount - (paid or 0))
        for sale_id, sold_on, due_on, amount, paid in rows
    ]


def mark_paid(
    *,
    session: Session,
    team_id: int,
    client_id: int,
    user_id: int,
    paid_on: dt.date,
    now: dt.datetime,
    sale_ids: list[int] | None = None,
) -> Payment:
    """The client's open sales (or those of `sale_ids` among them) are paid in full on
    `paid_on`; late ones stay known as late."""
    client = client_in_team(session=session, team_id=team_id, client_id=client_id)
    owed = open_sales(session=session, team_id=team_id, client_id=client_id)
    paying = [s for s in owed if sale_ids is None or s.id in sale_ids]
    if not paying:
        raise InputError(Refused.NOTHING_TO_PAY, client=client.name)
    return _settle(
        session,
        team_id,
        client_id,
        user_id,
        now,
        owed,
        {s.id: s.open for s in paying},
        paid_on,
    )


def pay_part(
    *,
    session: Session,
    team_id: int,
    client_id: int,
    user_id: int,
    amount: int,
    paid_on: dt.date,
    now: dt.datetime,
    sale_id: int | None = None,
) -> Payment:
    """The client paid `amount` towards their open sales: towards `sale_id` when they said
    which, else the oldest are settled first; what is left stays open, so "owed" shows
    exactly the rest."""
    client = client_in_team(session=session, team_id=team_id, client_id=client_id)
    owed = open_sales(session=session, team_id=team_id, client_id=client_id)
    total = sum(s.open for s in owed)
    if not owed:
        raise InputError(Refused.NOTHING_TO_PAY, client=client.name)
    if amount > total:
        raise InputError(Refused.MORE_THAN_OWED, client=client.name)
    if sale_id is not None:
        target = next((s for s in owed if s.id == sale_id), None)
        if target is None:
            raise InputError(Refused.CLIENT_GONE)
        if amount > target.open:
            raise InputError(Refused.MORE_THAN_OWED, client=client.name)
        return _settle(session, team_id, client_id, user_id, now, owed, {sale_id: amount}, paid_on)
    paying: dict[int, int] = {}
    left = amount
    for sale in owed:
        if left <= 0:
            break
        paying[sale.id] = min(left, sale.open)
        left -= paying[sale.id]
    return _settle(session, team_id, client_id, user_id, now, owed, paying, paid_on)


def _settle(
    session: Session,
    team_id: int,
    client_id: int,
    user_id: int,
    now: dt.datetime,
    owed: list[OpenSale],
    paying: dict[int, int],
    paid_on: dt.date,
) -> Payment:
    """Pay `paying` (sale id → amount) of the open sales `owed`; one Undo puts all back."""
    before = []
    settled = 0
    for sale in owed:
        if sale.id not in paying:
            continue
        before.append([sale.id, sale.amount - sale.open or None])
        if paying[sale.id] >= sale.open:
            values: dict[str, Any] = {"paid_on": paid_on}
            settled += 1
        else:
            values = {"paid_amount": sale.amount - sale.open + paying[sale.id]}
        session.execute(
            update(Sale)
            .where(col(Sale.id) == sale.id, col(Sale.team_id) == team_id)
            .values(**values)
        )
    paid = sum(paying.values())
    change = undoable_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="sales_paid",
        entity="client",
        entity_id=client_id,
        now=now,
        # paid_lately reads the client, the amount and the day
        undo={
            "open": before,
            "client_id": client_id,
            "amount": paid,
            "paid_on": paid_on.isoformat(),
        },
    )
    still_open = sum(s.open for s in owed) - paid
    return Payment(settled, paid, still_open, change)


def paid_lately(
    *,
    session: Session,
    team_id: int,
    client_id: int,
    user_id: int,
    amount: int,
    since: dt.datetime,
    paid_on: dt.date,
) -> int | None:
    """Who in the team recorded a payment of `amount` by this client on `paid_on` since `since`
    (and has not undone it): this person's own user id when they did, else a teammate's; None
    if no one. The same /paid typed twice would otherwise pay the next open invoice too; one of
    another day is another payment (a bookkeeper catching up on a client's monthly invoices)."""
    found = session.exec(
        select(PendingUndo.user_id, PendingUndo.payload).where(
            PendingUndo.team_id == team_id,
            PendingUndo.action == "sales_paid",
            col(PendingUndo.done).is_(False),
            col(PendingUndo.created_at) >= since,
        )
    ).all()
    who = [
        by
        for by, payload in found
        if isinstance(payload, dict)
        and payload.get("client_id") == client_id
        and payload.get("amount") == amount
        and payload.get("paid_on", paid_on.isoformat()) == paid_on.isoformat()
    ]
    if not who:
        return None
    return user_id if user_id in who else who[-1]
