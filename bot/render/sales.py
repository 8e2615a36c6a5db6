"""Sales as a phone shows them (one line each, money and hours in the team's formats), and
the words and buttons of /sale (of /sales and correcting a sale: bot/render/sale_list.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from bot.kit.callbacks import pack
from bot.render.buttons import Options
from locales import Markup, Translator
from locales.numbers import DURATION_NO_UNIT, shown_text
from storage.callers import TeamView
from storage.models import Sale
from storage.payments import OpenSale, Payment
from storage.sales import SaleInput


def sale_details(t: Translator, team: TeamView, sale: SaleInput | Sale) -> list[str]:
    """What was done (as typed), the cost and the time, each when said."""
    parts = [sale.note] if sale.note else []
    if sale.cost is not None:
        parts.append(t._("cost {amount}", amount=t.money(sale.cost, team.currency)))
    if sale.minutes is not None:
        parts.append(t._("time {time}", time=t.duration(sale.minutes)))
    return parts


def sale_recorded(
    t: Translator,
    team: TeamView,
    client: str,
    sale: SaleInput,
    today: dt.date,
    *,
    new_client: bool,
    unpaid_said: bool = False,
    typed_amount: int | None = None,
    hour_cost_tip: bool = False,
    news: Sequence[Markup] = (),
) -> Markup:
    """The confirmation of a new sale: what, when, its effect on the client's grade and share
    (`news`), paid or due, and a tip worth giving once; the amount as typed, when VAT said with
    it made it another (`typed_amount`)."""
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
    if typed_amount is not None and typed_amount != sale.amount:  # "45 000 с НДС"
        typed = t.money(typed_amount, team.currency)
        lines.append(
            t._(
                "You typed {typed} with VAT: recorded without it, as your amounts are.", typed=typed
            )
            if typed_amount > sale.amount
            else t._(
                "You typed {typed} without VAT: recorded with it, as your amounts are.", typed=typed
            )
        )
    if unpaid_said and sale.due_on is not None:  # "op rekening", «в долг»
        due = spoken_day(t, sale.due_on, today)
        if sale.due_on < today:
            lines.append(t._("Not paid yet; it was due {date}.", date=due))
        else:
            lines.append(t._("Not paid yet, due {date}.", date=due))
    elif sale.due_on is not None and sale.due_on < today:  # back-dated: "was due yesterday"
        lines.append(t._("Invoice, was due {date}.", date=spoken_day(t, sale.due_on, today)))
    elif sale.due_on is not None:
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
    t: Translator,
    team: TeamView,
    sale: Sale,
    number: int,
    today: dt.date,
    *,
    with_money: bool = True,
    recorded_by: str | None = None,
) -> Markup:
    """One sale in /sales; `with_money=False`: without amount, cost or part paid (bot/sensitive);
    `recorded_by`: the member who recorded it, said in a team of several."""
    by = [] if recorded_by is None else [t._("by {member}", member=recorded_by)]
    if not with_money:
        parts = [] if sale.minutes is None else [t._("time {time}", time=t.duration(sale.minutes))]
        return Markup(" · ").join(
            [Markup(f"{number}. {spoken_day(t, sale.sold_on, today)}"), *parts, *by]
        )
    parts = [t.money(sale.amount, team.currency), *sale_details(t, team, sale)]
    if sale.paid_on is not None and sale.paid_on == sale.sold_on:  # the line's date once
        parts.append(t._("paid the same day"))
    elif sale.paid_on is not None:
        parts.append(t._("paid {date}", date=spoken_day(t, sale.paid_on, today)))
    elif sale.due_on is not None and sale.due_on < today:
        parts.append(t._("<b>overdue</b> since {date}", date=spoken_day(t, sale.due_on, today)))
    elif not sale.paid_amount:
        parts.append(t._("open"))
    if sale.paid_on is None and sale.paid_amount:  # «оплачено 10 000 из 25 000», not "open"
        paid, amount = (t.money(m, team.currency) for m in (sale.paid_amount, sale.amount))
        parts.append(t._("{paid} of {amount} paid", paid=paid, amount=amount))
    parts += by
    return Markup(f"{number}. {spoken_day(t, sale.sold_on, today)} · ") + Markup(" · ").join(parts)


def open_sale_label(t: Translator, team: TeamView, sale: OpenSale, today: dt.date) -> str:
    """A button for one open sale: its date and what is still open on it, to the cent."""
    return f"{spoken_day(t, sale.sold_on, today)} · {t.money(sale.open, team.currency)}"


def payment_text(
    t: Translator,
    team: TeamView,
    client: str,
    payment: Payment,
    *,
    part: bool = False,
    paid_on: dt.date | None = None,
    today: dt.date | None = None,
    closed: Sequence[OpenSale] = (),
    partly: tuple[OpenSale, int] | None = None,
) -> Markup:
    """What a payment did, in one line: the sales it settled and how late the oldest of them
    was paid (`closed`: the sales it paid in full), or the part paid and what is still open;
    the day it was paid when that was not `today`; of several open sales, the one it paid part
    of (`partly`: the sale and how much of it)."""
    day = paid_on or today
    overdue = [(day - s.due_on).days for s in closed if day and s.due_on and s.due_on < day]
    late = max(overdue, default=0)
    text = _payment_text(t, team, client, payment, part=part, late=late)
    if paid_on is not None and today is not None and paid_on != today:
        text = Markup(" ").join([text, t._("Paid on {date}.", date=spoken_day(t, paid_on, today))])
    if closed and today is not None and payment.still_open:
        # Which invoices were settled, when some stay open: paying all of them needs no list
        # ("beide facturen betaald … Helemaal betaald: …" said it twice, issue 20). The amount
        # first: «15 000,00 ₽ (продажа сегодня)», not a bare «сегодня · 15 000,00 ₽».
        labels = Markup("; ").join(_closed_label(t, team, sale, today) for sale in closed)
        text = Markup("\n").join([text, t._("Paid in full: {sales}.", sales=labels)])
    if partly is not None and today is not None:
        sale, part_paid = partly
        text = Markup("\n").join(
            [
                text,
                t._(
                    "Partly paid: {paid} of {amount} (sale of {date}).",
                    paid=t.money(part_paid, team.currency),
                    amount=t.money(sale.amount, team.currency),
                    date=spoken_day(t, sale.sold_on, today),
                ),
            ]
        )
    return text


def _closed_label(t: Translator, team: TeamView, sale: OpenSale, today: dt.date) -> Markup:
    """A sale a payment settled: what it paid of it, and the whole sale when part was paid
    before («остаток 25 000 ₽ из 45 000 ₽», not 25 000 ₽ as if that were the sale)."""
    date, paid = spoken_day(t, sale.sold_on, today), t.money(sale.open, team.currency)
    if sale.open == sale.amount:
        return t._("{amount} (sale of {date})", amount=paid, date=date)
    whole = t.money(sale.amount, team.currency)
    return t._("the last {paid} of {amount} (sale of {date})", paid=paid, amount=whole, date=date)


def _payment_text(
    t: Translator, team: TeamView, client: str, payment: Payment, *, part: bool, late: int
) -> Markup:
    paid = t.money(payment.amount, team.currency)
    if part and payment.still_open:
        return t._(
            "{client} paid {amount}; {rest} is still open.",
            client=client,
            amount=paid,
            rest=t.money(payment.still_open, team.currency),
        )
    if late:  # "Café De Zaak: factuur van € 890,00 betaald, 52 dagen te laat." (issue 20)
        text = t.n_(
            "{client} paid {n} open sale: {amount}, {days} late.",
            "{client} paid {n} open sales: {amount}, the oldest {days} late.",
            payment.sales,
            client=client,
            amount=paid,
            days=t.n_("{n} day", "{n} days", late),
        )
    else:
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
    """`vandaag`, `вчера`, else the date: this year's without its year ("27 november", «27
    ноября»: a reader read «27 нояб. 2026 г.» as a form), another year's with it."""
    if day == today:
        return str(t._("today"))
    if day == today - dt.timedelta(days=1):
        return str(t._("yesterday"))
    return t.date(day, style="long") if day.year != today.year else t.day(day)


# /sale ----------------------------------------------------------------------------------------


def which_client_bought(t: Translator) -> Markup:
    return t._("Which client bought something? Type (part of) the name.")


def amount_prompt(t: Translator, client: str, *, invoiced: object, unread: str = "") -> Markup:
    """What was charged (an invoice) or paid; `unread`: words after the name that are no amount."""
    asked = (
        t._("How much did you invoice {client}? For example 1250,50.", client=client)
        if invoiced
        else t._("How much did {client} pay? For example 1250,50.", client=client)
    )
    if not unread:
        return asked
    said = t._(
        "I didn't read “{text}” as the amount: amounts are typed in digits.",
        text=shown_text(unread),
    )
    return Markup(" ").join([said, asked])


def cost_prompt(t: Translator) -> Markup:
    return t._("What did it cost you (materials, freelancers)? Skip if you don't know.")


def time_prompt(t: Translator) -> Markup:
    return t._("How much time did it take? For example 90 min or 1,5 h.")


def unit_question(
    t: Translator, typed: str, readings: Sequence[tuple[int | None, str]]
) -> tuple[Markup, Options]:
    """ "2 — minutes or hours?": a button for each reading (minutes, answer) that makes sense."""
    options = [(t.duration(minutes), answer) for minutes, answer in readings if minutes is not None]
    return t._(DURATION_NO_UNIT, text=typed), options


def _fields_label(t: Translator, currency: str, fields: dict[str, Any]) -> str:
    amount = t.money(fields["amount"], currency) if "amount" in fields else ""
    if fields.get("cost") is None:
        return amount
    return str(t._("{amount}, cost {cost}", amount=amount, cost=t.money(fields["cost"], currency)))


def name_readings(
    t: Translator, currency: str, names: Sequence[dict[str, Any]]
) -> tuple[Markup, Options]:
    """ "Studio 54 100": is 54 part of the name? A button per reading."""
    labels = [
        f"{said['name']}: {_fields_label(t, currency, said.get('choices', [said])[0])}"
        for said in names
    ]
    return t._("Which one do you mean?"), [(label, str(i)) for i, label in enumerate(labels)]


def amount_readings(
    t: Translator, currency: str, choices: Sequence[dict[str, Any]]
) -> tuple[Markup, Options]:
    """ "500 200": one amount, or the amount and the cost?"""
    options = [(_fields_label(t, currency, said), str(i)) for i, said in enumerate(choices)]
    return t._("One amount, or the amount and the cost?"), options


def already_paid_row(t: Translator, team_id: int, sale_id: int) -> list[tuple[str, str]]:
    return [(t._("✓ Already paid"), pack("spaid", team_id, sale_id))]


def marked_paid(t: Translator) -> Markup:
    return t._("Marked as paid.")


def paid_in_place(t: Translator, said: str | None) -> Markup:
    """The pressed sale's own words (`said`, Telegram's HTML of them), now paid; said once,
    however often ✓ was tapped (the attacker's double tap read "✓ Betaald." twice)."""
    text = Markup(t._("✓ Paid."))
    if said and said.endswith(text):
        return Markup(said)
    return Markup(said) + Markup("\n") + text if said else text
