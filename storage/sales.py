"""Sales: recorded, corrected, deleted and marked paid — each change audited and undoable."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, update
from sqlmodel import Session, col, select

from locales import N_, InputError
from storage.changes import Change, record_change
from storage.models import Client, ClientStatus, Sale
from storage.prepared import Prepared
from storage.resolver import client_in_team, client_status

PAYMENT_TERM = dt.timedelta(days=14)  # due date when none is given: a common invoice term
EDITABLE = ("sold_on", "amount", "cost", "minutes", "due_on", "paid_on")


@dataclass(frozen=True)
class SaleInput:
    amount: int
    sold_on: dt.date
    cost: int | None = None
    minutes: int | None = None
    due_on: dt.date | None = None
    paid_on: dt.date | None = None


def record_sale(
    *,
    session: Session,
    team_id: int,
    client_id: int,
    user_id: int,
    sale: SaleInput,
    now: dt.datetime,
) -> Change:
    """A new sale; a prospect becomes a client with their first sale."""
    status = client_status(session=session, team_id=team_id, client_id=client_id)
    sale_id = _INSERT_SALE.insert(
        session,
        {
            "team_id": team_id,
            "client_id": client_id,
            "sold_on": sale.sold_on,
            "amount": sale.amount,
            "cost": sale.cost,
            "minutes": sale.minutes,
            "due_on": sale.due_on or sale.sold_on + PAYMENT_TERM,
            "paid_on": sale.paid_on,
            "source_ref": None,
            "created_by": user_id,
            "created_at": now,
        },
    )
    undo: dict[str, Any] = {"sale_id": sale_id}
    if status == ClientStatus.PROSPECT:
        session.execute(
            update(Client)
            .where(col(Client.id) == client_id, col(Client.team_id) == team_id)
            .values(
                status=ClientStatus.ACTIVE,
                status_changed_at=now,
                acquired_on=func.coalesce(Client.acquired_on, sale.sold_on),
            )
        )
        undo["was_prospect"] = client_id
    undo_id = record_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="sale_created",
        entity="sale",
        entity_id=sale_id,
        now=now,
        undo=undo,
    )
    return Change(sale_id, undo_id)


_INSERT_SALE = Prepared(insert(Sale.__table__))  # type: ignore[attr-defined]


def sale_in_team(*, session: Session, team_id: int, sale_id: int) -> Sale:
    sale = session.get(Sale, sale_id)
    if sale is None or sale.team_id != team_id:
        raise InputError(N_("That sale isn't here any more."))
    return sale


def update_sale(
    *,
    session: Session,
    team_id: int,
    sale_id: int,
    user_id: int,
    changes: dict[str, Any],
    now: dt.datetime,
) -> Change:
    sale = sale_in_team(session=session, team_id=team_id, sale_id=sale_id)
    before = {field: _jsonable(getattr(sale, field)) for field in changes if field in EDITABLE}
    for field, value in changes.items():
        if field in EDITABLE:
            setattr(sale, field, value)
    session.add(sale)
    session.flush()
    undo_id = record_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="sale_updated",
        entity="sale",
        entity_id=sale.id,
        now=now,
        undo={"sale_id": sale.id, "before": before},
    )
    return Change(sale.id or 0, undo_id)


def delete_sale(
    *, session: Session, team_id: int, sale_id: int, user_id: int, now: dt.datetime
) -> Change:
    sale = sale_in_team(session=session, team_id=team_id, sale_id=sale_id)
    kept = {
        field: _jsonable(getattr(sale, field))
        for field in ("id", "client_id", "created_by", "source_ref", *EDITABLE)
    }
    session.delete(sale)
    session.flush()
    undo_id = record_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="sale_deleted",
        entity="sale",
        entity_id=sale_id,
        now=now,
        undo={"sale": kept},
    )
    return Change(sale_id, undo_id)


@dataclass(frozen=True)
class Payment:
    sales: int
    amount: int
    change: Change


def mark_paid(
    *,
    session: Session,
    team_id: int,
    client_id: int,
    user_id: int,
    paid_on: dt.date,
    now: dt.datetime,
) -> Payment:
    """Every open sale of the client is paid on `paid_on` (late ones stay known as late)."""
    client = client_in_team(session=session, team_id=team_id, client_id=client_id)
    open_sales = session.exec(
        select(Sale.id, Sale.amount).where(
            Sale.team_id == team_id, Sale.client_id == client.id, col(Sale.paid_on).is_(None)
        )
    ).all()
    if not open_sales:
        raise InputError(N_("{client} has nothing left to pay."), client=client.name)
    ids = [row[0] for row in open_sales]
    session.execute(
        update(Sale)
        .where(col(Sale.id).in_(ids), col(Sale.team_id) == team_id)
        .values(paid_on=paid_on)
    )
    undo_id = record_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="sales_paid",
        entity="client",
        entity_id=client.id,
        now=now,
        undo={"sale_ids": ids},
    )
    return Payment(len(ids), sum(row[1] for row in open_sales), Change(client.id or 0, undo_id))


def sales_of(
    *, session: Session, team_id: int, client_id: int, limit: int = 5, offset: int = 0
) -> tuple[list[Sale], int]:
    """A page of the client's sales, newest first, and how many there are in all."""
    where = (Sale.team_id == team_id, Sale.client_id == client_id)
    total = session.exec(select(func.count()).select_from(Sale).where(*where)).one()
    rows = session.exec(
        select(Sale)
        .where(*where)
        .order_by(col(Sale.sold_on).desc(), col(Sale.id).desc())
        .offset(offset)
        .limit(limit)
    ).all()
    return list(rows), int(total)


def open_amount(*, session: Session, team_id: int, client_id: int) -> int:
    total = session.exec(
        select(func.coalesce(func.sum(Sale.amount), 0)).where(
            Sale.team_id == team_id, Sale.client_id == client_id, col(Sale.paid_on).is_(None)
        )
    ).one()
    return int(total)


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value
