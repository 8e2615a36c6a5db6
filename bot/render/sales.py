"""Sales as a phone shows them: one line each, money and hours in the team's formats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from locales import Markup, Translator
from storage.callers import TeamView
from storage.models import Sale, Team
from storage.sales import OpenSale, Payment, SaleInput


def sale_details(t: Translator, team: Team | TeamView, sale: SaleInput | Sale) -> list[str]:
    parts = []
    if sale.cost is not None:
        parts.append(t._("cost {amount}", amount=t.money(sale.cost, team.currency)))
    if sale.minutes is not None:
        parts.append(t._("time {time}", time=t.duration(sale.minutes)))
    return parts


def sale_recorded(
    t: Translator,
    team: Team | TeamView,
    client: str,
    sale: SaleInput,
    today: dt.date,
    *,
    new_client: bool,
    hour_cost_tip: bool = False,
    news: Sequence[Markup] = (),
) -> Markup:
    """The confirmation of a new sale: what, when, its effect on the client's grade and share
    (`news`), paid or due, and a tip worth giving once."""
    lines = [
        Markup(" ").join(
            [
                t._(
                    "Sale recorded: <b>{amount}</b> from {client}, {date}.",
                    amount=t.money(sale.amount, team.currency),
                    client=client,
                    date=spoken_day(t, sale.sold_on, today),
                ),
                *news,
            ]
        )
    ]
    details = sale_details(t, team, sale)
    if details:
        joined = Markup(", ").join(details)
        lines.append(Markup(joined[:1].upper() + joined[1:]))
    if sale.due_on is not None:
        lines.append(t._("Invoice, due {date}.", date=spoken_day(t, sale.due_on, today)))
    if new_client:
        lines.append(t._("{client} is new on your list.", client=client))
    if hour_cost_tip:
        lines.append(
            t._(
                "Tip: set in /settings what an hour of work costs, and your time counts in "
                "the profit."
            )
        )
    return Markup("\n").join(lines)


def sale_line(
    t: Translator, team: Team, sale: Sale, number: int, today: dt.date, *, with_money: bool = True
) -> Markup:
    """One sale in /sales; `with_money=False`: without amount, cost or part paid (bot/sensitive)."""
    if not with_money:
        parts = [] if sale.minutes is None else [t._("time {time}", time=t.duration(sale.minutes))]
        return Markup(" · ").join(
            [Markup(f"{number}. {spoken_day(t, sale.sold_on, today)}"), *parts]
        )
    parts = [t.money(sale.amount, team.currency), *sale_details(t, team, sale)]
    if sale.paid_on is not None:
        parts.append(t._("paid {date}", date=spoken_day(t, sale.paid_on, today)))
    elif sale.due_on is not None and sale.due_on < today:
        parts.append(t._("<b>overdue</b> since {date}", date=spoken_day(t, sale.due_on, today)))
    elif not sale.paid_amount:
        parts.append(t._("open"))
    if sale.paid_on is None and sale.paid_amount:  # «оплачено 10 000 из 25 000», not "open"
        paid, amount = (t.money(m, team.currency) for m in (sale.paid_amount, sale.amount))
        parts.append(t._("{paid} of {amount} paid", paid=paid, amount=amount))
    return Markup(f"{number}. {spoken_day(t, sale.sold_on, today)} · ") + Markup(" · ").join(parts)


def open_sale_label(t: Translator, team: Team | TeamView, sale: OpenSale, today: dt.date) -> str:
    """A button for one open sale: its date and what is still open on it, to the cent."""
    return f"{spoken_day(t, sale.sold_on, today)} · {t.money(sale.open, team.currency)}"


def payment_text(
    t: Translator,
    team: Team | TeamView,
    client: str,
    payment: Payment,
    *,
    part: bool = False,
    paid_on: dt.date | None = None,
    today: dt.date | None = None,
    closed: Sequence[OpenSale] = (),
) -> Markup:
    """What a payment did: the sales it settled, or the part paid and what is still open;
    the day it was paid when that was not `today`; `closed`: the sales it paid in full."""
    text = _payment_text(t, team, client, payment, part=part)
    if paid_on is not None and today is not None and paid_on != today:
        text = Markup(" ").join([text, t._("Paid on {date}.", date=spoken_day(t, paid_on, today))])
    if closed and today is not None:
        labels = "; ".join(open_sale_label(t, team, sale, today) for sale in closed)
        text = Markup("\n").join([text, t._("Paid in full: {sales}.", sales=labels)])
    return text


def _payment_text(
    t: Translator, team: Team | TeamView, client: str, payment: Payment, *, part: bool
) -> Markup:
    paid = t.money(payment.amount, team.currency)
    if part and payment.still_open:
        return t._(
            "{client} paid {amount}; {rest} is still open.",
            client=client,
            amount=paid,
            rest=t.money(payment.still_open, team.currency),
        )
    text = t.n_(
        "{client} paid {n} open sale: {amount}.",
        "{client} paid {n} open sales: {amount}.",
        payment.sales,
        client=client,
        amount=paid,
    )
    if payment.still_open:
        text += " " + t._(
            "Still open: {amount}.", amount=t.money(payment.still_open, team.currency)
        )
    return Markup(text)


def spoken_day(t: Translator, day: dt.date, today: dt.date) -> str:
    """`vandaag`, `вчера`, else the date (with its year only when not this year's)."""
    if day == today:
        return str(t._("today"))
    if day == today - dt.timedelta(days=1):
        return str(t._("yesterday"))
    return t.date(day, style="short" if day.year != today.year else "medium")
