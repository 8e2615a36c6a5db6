"""/sales as a phone shows it: a client's sales a page at a time, each with its buttons to
correct or delete it, and the words of doing so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.kit.callbacks import pack
from bot.render.buttons import Buttons, Options
from bot.render.sales import sale_line, spoken_day
from locales import Markup, Translator
from storage.callers import TeamView
from storage.models import Sale


def whose_sales(t: Translator) -> Markup:
    return t._("Whose sales shall I show? Type (part of) the name.")


def no_sales(t: Translator, client: str) -> Markup:
    return t._("{client} has no sales yet. Record one with /sale.", client=client)


@dataclass(frozen=True)
class SalesPage:
    text: Markup
    buttons: Buttons
    text_without_money: Markup
    buttons_without_money: Buttons  # [] is no buttons (None would be all of them)


def sales_page(
    t: Translator,
    team: TeamView,
    client_id: int,
    client: str,
    rows: Sequence[Sale],
    page: int,
    pages: int,
    page_size: int,
    today: dt.date,
    recorders: Mapping[int, str] | None = None,
) -> SalesPage:
    """A page of /sales: a line per sale with ✎ and ✕ buttons that name the sale by its line's
    number ("✎ Sale 2"), and ‹ ›; without money: the dates and times only, nothing to correct
    or delete. `recorders`: the team's members by user id, to say who recorded each sale (a
    team of several; None for one person alone)."""
    names = recorders or {}
    first = page * page_size + 1

    def listed(with_money: bool) -> Markup:
        lines = [t._("<b>Sales of {client}</b>", client=client)]
        lines += [
            sale_line(
                t,
                team,
                row,
                first + i,
                today,
                with_money=with_money,
                recorded_by=names.get(row.created_by) if row.created_by is not None else None,
            )
            for i, row in enumerate(rows)
        ]
        if pages > 1:
            lines.append(t._("Page {page} of {pages}", page=page + 1, pages=pages))
        return Markup("\n").join(lines)

    team_id = team.id
    nav = []
    if page > 0:
        nav.append(("‹", pack("spage", team_id, client_id, page - 1)))
    if page + 1 < pages:
        nav.append(("›", pack("spage", team_id, client_id, page + 1)))
    buttons: Buttons = [
        [
            (t._("✎ Sale {number}", number=first + i), pack("sfix", team_id, row.id)),
            (t._("✕ Sale {number}", number=first + i), pack("sdel", team_id, row.id)),
        ]
        for i, row in enumerate(rows)
    ]
    return SalesPage(
        listed(True),
        [*buttons, nav] if nav else buttons,
        listed(False),
        [nav] if nav else [],
    )


def delete_question(t: Translator, team: TeamView, sale: Sale) -> tuple[Markup, Buttons]:
    team_id = team.id
    text = t._(
        "Delete the sale of {amount} from {date}?",
        amount=t.money(sale.amount, team.currency),
        date=t.date(sale.sold_on),
    )
    buttons = [
        [
            (t._("Yes, delete"), pack("sdelok", team_id, sale.id)),
            (t._("No, keep it"), pack("spage", team_id, sale.client_id, 0)),
        ]
    ]
    return text, buttons


def sale_deleted(t: Translator, team: TeamView, sale: Sale) -> Markup:
    return t._(
        "Deleted the sale of {amount} from {date}.",
        amount=t.money(sale.amount, team.currency),
        date=t.date(sale.sold_on),
    )


def fix_question(t: Translator) -> tuple[Markup, Options]:
    """Which field of a sale to correct (the answers are the Sale columns)."""
    options = [
        (t._("Amount"), "amount"),
        (t._("Cost"), "cost"),
        (t._("Time"), "minutes"),
        (t._("Date"), "sold_on"),
        (t._("Paid on"), "paid_on"),
        (t._("What was done"), "note"),
    ]
    return t._("What shall I correct in this sale?"), options


def fix_prompt(t: Translator, field: str) -> Markup:
    prompts = {
        "amount": lambda: t._("The right amount? For example 1250,50."),
        "cost": lambda: t._("The right cost? For example 300."),
        "minutes": lambda: t._("The right time? For example 90 min or 1,5 h."),
        "sold_on": lambda: t._("The right date? For example 23-11-2026 or yesterday."),
        "paid_on": lambda: t._("Paid on which date? For example today."),
        "note": lambda: t._("What was done? For example: cut and colour."),
    }
    return prompts[field]()


def sale_unchanged(t: Translator) -> Markup:
    """A correction to the value the sale already had (Product rules: Truth)."""
    return t._("Nothing changed: the sale already said so.")


def sale_corrected(t: Translator, currency: str, field: str, value: Any, today: dt.date) -> Markup:
    """'Verkoop gecorrigeerd: het bedrag is nu € 1.250,50.': the value as it now stands, so a
    typo shows at once; a day as every sale's day is said ("7 december", not "7 dec 2026")."""
    if field == "amount":
        return t._("Sale corrected: the amount is now {value}.", value=t.money(value, currency))
    if field == "cost":
        return t._("Sale corrected: the cost is now {value}.", value=t.money(value, currency))
    if field == "minutes":
        return t._("Sale corrected: the time is now {value}.", value=t.duration(value))
    if field == "sold_on":
        return t._("Sale corrected: the date is now {value}.", value=spoken_day(t, value, today))
    if field == "note":
        return t._("Sale corrected: what was done is now “{value}”.", value=value)
    return t._("Sale corrected: paid on {value}.", value=spoken_day(t, value, today))
