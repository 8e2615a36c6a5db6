"""Sales: recorded, corrected and deleted — each change audited and undoable (paying them:
storage/payments.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from sqlalchemy import bindparam, func, insert, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from locales import InputError
from storage.changes import Change, change_fields, json_ready, undoable_change
from storage.models import Client, ClientKind, ClientStatus, Sale, Team
from storage.models.clients import SALE_NOTE_LENGTH
from storage.refusals import Refused
from storage.resolver import client_status
from storage.statements import CoreStatement

INVOICE_DAYS = 14  # an organisation's invoice term when the team hasn't said: a common one
EDITABLE = ("sold_on", "amount", "cost", "minutes", "due_on", "paid_on", "paid_amount", "note")


@dataclass(frozen=True)
class SaleInput:
    amount: int
    sold_on: dt.date
    cost: int | None = None
    minutes: int | None = None
    due_on: dt.date | None = None
    paid_on: dt.date | None = None
    note: str | None = None  # what was done, as typed ("knippen")


def payment_days(*, team_days: int | None, client_kind: str) -> int:
    """Days a client has to pay a new sale; 0 = paid on the spot (the sale is paid when recorded).

    The team's own habit wins; without one, clients who are persons pay on the spot and
    organisations get an invoice with 14 days, in a personal team too (README: Money): a solo
    bookkeeper's and a designer's invoices to businesses were booked as paid on the spot.
    """
    if team_days is not None:
        return team_days
    return 0 if client_kind == ClientKind.PERSON else INVOICE_DAYS


def client_payment_days(*, session: Session, team_id: int, client_id: int) -> int:
    """`payment_days` for a new sale of this client of this team."""
    row = _TERMS.first(session, {"team_id": team_id, "client_id": client_id})
    if row is None:
        raise InputError(Refused.CLIENT_GONE)
    team_days, kind = row
    return payment_days(team_days=team_days, client_kind=str(kind))


def _client_since_by(
    session: Session, team_id: int, client_id: int, sold_on: dt.date
) -> dict[str, Any]:
    """A sale before "client since" (a new client's back-dated first sale) moves it to the
    sale's day, as an import does; what it was goes into the undo."""
    since = session.execute(
        core_select(Client.acquired_on).where(
            col(Client.id) == client_id, col(Client.team_id) == team_id
        )
    ).scalar()
    if since is None or since <= sold_on:
        return {}
    session.execute(
        update(Client)
        .where(col(Client.id) == client_id, col(Client.team_id) == team_id)
        .values(acquired_on=sold_on)
    )
    return {"client_id": client_id, "client_since_was": since.isoformat()}


def kept_note(note: str | None) -> str | None:
    """What was done, as a sale keeps it: a longer text than a sale holds is cut at a word with
    "…", so the confirmation that shows it says what was kept (the attacker's was cut unsaid)."""
    if not note or len(note) <= SALE_NOTE_LENGTH:
        return note or None
    return note[: SALE_NOTE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def record_sale(
    *,
    session: Session,
    team_id: int,
    client_id: int,
    user_id: int,
    sale: SaleInput,
    now: dt.datetime,
) -> Change:
    """A new sale; a prospect becomes a client with their first sale.

    Without a due or paid date the team's payment habit decides: paid on the spot (paid today,
    no due date, never owed) or an invoice due in N days (`client_payment_days`).
    """
    status = client_status(session=session, team_id=team_id, client_id=client_id)
    due_on, paid_on = sale.due_on, sale.paid_on
    if due_on is None and paid_on is None:
        days = client_payment_days(session=session, team_id=team_id, client_id=client_id)
        if days == 0:
            paid_on = sale.sold_on
        else:
            due_on = sale.sold_on + dt.timedelta(days=days)
    sale_id = _INSERT_SALE.insert(
        session,
        {
            "team_id": team_id,
            "client_id": client_id,
            "sold_on": sale.sold_on,
            "amount": sale.amount,
            "cost": sale.cost,
            "minutes": sale.minutes,
            "due_on": due_on,
            "paid_on": paid_on,
            "source_ref": None,
            "note": kept_note(sale.note),
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
    else:
        undo.update(_client_since_by(session, team_id, client_id, sale.sold_on))
    return undoable_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="sale_created",
        entity="sale",
        entity_id=sale_id,
        now=now,
        undo=undo,
    )


_INSERT_SALE = CoreStatement(insert(Sale.__table__))  # type: ignore[attr-defined]
_CLIENTS, _TEAMS = Client.__table__, Team.__table__  # type: ignore[attr-defined]
_SALES = Sale.__table__  # type: ignore[attr-defined]
_TERMS = CoreStatement(
    core_select(_TEAMS.c.payment_days, _CLIENTS.c.kind)
    .select_from(_CLIENTS.join(_TEAMS, _TEAMS.c.id == _CLIENTS.c.team_id))
    .where(_CLIENTS.c.team_id == bindparam("team_id"), _CLIENTS.c.id == bindparam("client_id"))
)


HABIT_SALES = 3  # a client's own sales that make a habit: what they "usually pay"
HABIT_FACTOR, BIG_FACTOR = 10, 100  # times the median that make an amount look like a slip


@dataclass(frozen=True)
class UsualSale:
    """The median sale a new amount is compared with: the client's own, else the team's."""

    median: Fraction
    of_client: bool
    sales: int = field(default=1, compare=False)  # how many the median is of

    def dwarfed_by(self, amount: int, factor: int) -> bool:
        """`amount` is `factor` times the median or more (a median of 0 compares nothing)."""
        return self.median > 0 and amount >= factor * self.median

    def doubts(self, amount: int) -> bool:
        """Whether `amount` looks like a slip: 10 times a client's habit or more (a zero typed
        too many: 4500 for their 450), else 100 times the median (README: Money)."""
        habit = self.of_client and self.sales >= HABIT_SALES
        return self.dwarfed_by(amount, HABIT_FACTOR if habit else BIG_FACTOR)


def usual_sale(*, session: Session, team_id: int, client_id: int) -> UsualSale | None:
    """The client's median sale; for a client without sales the team's; no sales: None."""
    for where, of_client in (
        ((_SALES.c.team_id == team_id, _SALES.c.client_id == client_id), True),
        ((_SALES.c.team_id == team_id,), False),
    ):
        median, count = _median_amount(session, where)
        if median is not None:
            return UsualSale(median, of_client, count)
    return None


def _median_amount(session: Session, where: tuple[Any, ...]) -> tuple[Fraction | None, int]:
    """The median in the database and how many amounts it is of: a count, then the one or two
    middle amounts."""
    count = session.execute(core_select(func.count()).select_from(_SALES).where(*where)).scalar()
    if not count:
        return None, 0
    middle = (
        session.execute(
            core_select(_SALES.c.amount)
            .where(*where)
            .order_by(_SALES.c.amount)
            .offset((count - 1) // 2)
            .limit(2 - count % 2)
        )
        .scalars()
        .all()
    )
    return Fraction(sum(middle), len(middle)), count


def recorded_lately(
    *,
    session: Session,
    team_id: int,
    client_id: int,
    user_id: int,
    amount: int,
    sold_on: dt.date,
    since: dt.datetime,
) -> int | None:
    """Who in the team recorded the same sale (client, amount, day) since `since`: the user id,
    this person's own when they did, else a teammate's (two people booking the same sale of
    the same client are asked first too); None when no one did."""
    found = session.execute(
        core_select(_SALES.c.created_by)
        .where(
            _SALES.c.team_id == team_id,
            _SALES.c.client_id == client_id,
            _SALES.c.amount == amount,
            _SALES.c.sold_on == sold_on,
            _SALES.c.created_at >= since,
        )
        .order_by((_SALES.c.created_by == user_id).desc(), _SALES.c.id.desc())
        .limit(1)
    ).first()
    return None if found is None else int(found[0] or 0)


def sale_in_team(*, session: Session, team_id: int, sale_id: int) -> Sale:
    sale = session.get(Sale, sale_id)
    if sale is None or sale.team_id != team_id:
        raise InputError(Refused.SALE_GONE)
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
    changes = _with_payment_moved(sale, changes)
    return change_fields(
        session=session,
        row=sale,
        entity="sale",
        action="sale_updated",
        user_id=user_id,
        values={field: value for field, value in changes.items() if field in EDITABLE},
        now=now,
    )


def _with_payment_moved(sale: Sale, changes: dict[str, Any]) -> dict[str, Any]:
    """A sale moved to another day keeps its payment terms: the due date moves with it, and a
    sale paid on the spot was paid on its new day (unless the change says otherwise)."""
    new_day = changes.get("sold_on")
    if new_day is None or new_day == sale.sold_on:
        return changes
    moved = dict(changes)
    if sale.due_on is not None and "due_on" not in changes:
        moved["due_on"] = sale.due_on + (new_day - sale.sold_on)
    if sale.paid_on == sale.sold_on and sale.due_on is None and "paid_on" not in changes:
        moved["paid_on"] = new_day
    return moved


def delete_sale(
    *, session: Session, team_id: int, sale_id: int, user_id: int, now: dt.datetime
) -> Change:
    sale = sale_in_team(session=session, team_id=team_id, sale_id=sale_id)
    kept = {
        field: json_ready(getattr(sale, field))
        for field in ("id", "client_id", "created_by", "source_ref", *EDITABLE)
    }
    session.delete(sale)
    session.flush()
    return undoable_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="sale_deleted",
        entity="sale",
        entity_id=sale_id,
        now=now,
        undo={"sale": kept},
    )


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
