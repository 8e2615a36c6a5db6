"""Reasons and lifts in words: money and hours against the team's median.

Scoring gives codes and numbers (scoring/explain.py, scoring/data_warnings.py); only here do
they become sentences, so no reply ever shows a component name or a bare 0–1 number.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any, Protocol

from locales import N_, Markup, Translator
from scoring import Lift, Reason, TeamAnalysis
from scoring.metrics import invoices_shown


class VatTeam(Protocol):
    """What a footnote needs to know of a team: does it type amounts with VAT, and which rate."""

    @property
    def amounts_include_vat(self) -> bool: ...

    @property
    def vat_rate(self) -> float | None: ...


def money(t: Translator, currency: str, minor: float | int | None) -> str:
    """Whole units for explanations: '€ 4.200', not '€ 4.200,37'."""
    return t.money(int(round(minor or 0)), currency, whole=True)


def about_money(t: Translator, currency: str, minor: float | int) -> str:
    """An estimate said with "about"/«около»: three significant digits, so it does not claim
    a precision it lacks («около 68 500 ₽», not «около 68 498 ₽»)."""
    units = abs(float(minor)) / 100
    step = 10 ** max(0, len(str(int(units))) - 3) if units >= 1 else 1
    steps = math.copysign(math.floor(units / step + 0.5), float(minor))  # half up: 1 625 → 1 630
    return t.money(int(steps) * step * 100, currency, whole=True)


def hours(t: Translator, value: float) -> str:
    """Recorded time to the minute, the same way on every screen: 13,5 h is "13 uur 30 min",
    never "14 uur", so "13 uur 30 min × € 30" multiplies to the € 405 in the cost."""
    return t.duration(math.floor(value * 60 + 0.5))


def hours_worked(row: Any) -> float | None:
    """A client's recorded hours in the analysis (None without any): the one source for the
    card, its details and /risk."""
    value = number_or_none(row["hours"])
    return value if value else None


def profit_per_hour(row: Any) -> float | None:
    """A client's profit per recorded hour in the analysis; None without hours or costs."""
    return number_or_none(row["profit_per_hour"]) if hours_worked(row) else None


def number_or_none(value: Any) -> float | None:
    """A figure from the analysis table, None where it is unknown (None, <NA>, NaN)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def owed_money(t: Translator, currency: str, minor: float | int) -> str:
    """Money owed to the cent, as on the invoice: '€ 1.250,50'."""
    return t.money(int(round(minor)), currency)


def vat_word(t: Translator, included: bool) -> Markup:
    return t._("including VAT") if included else t._("without VAT")


def rate_text(t: Translator, rate: float) -> str:
    """A VAT rate as people say it, and as it is kept (to a hundredth of a percent): '21%',
    '5,5%', '8,25%' (never '8,3%' for the 8,25 % a team typed)."""
    hundredths = round(rate * 10_000)
    decimals = 0 if hundredths % 100 == 0 else 1 if hundredths % 10 == 0 else 2
    return t.percent(rate, decimals=decimals)


SHORT_HISTORY_DAYS = 90  # scoring's young_client_days: less history shows no yearly figure


def team_history_short(analysis: TeamAnalysis) -> bool:
    """Every client's figures rest on under 90 days (the team recorded its first sale lately):
    no figure of the team is a year's, not even a median."""
    days = analysis.clients["history_days"]
    return bool(len(days)) and bool((days.fillna(0) < SHORT_HISTORY_DAYS).all())


def amounts_note(
    t: Translator, team: VatTeam, *, net: bool = True, owed: bool = False
) -> Markup | None:
    """Under a report's figures when the team types amounts with VAT: which rate was taken off.
    Money owed is the invoice's, VAT in it: with `owed` (a screen that shows it) the note says
    so, beside the net figures (`net`) or alone, so it never calls "€ 968" of an invoice of
    € 800 + 21 % a figure without VAT. Amounts typed without VAT are shown as typed, so
    "without VAT" would only puzzle a team never asked about VAT (read_ru round 3): None then."""
    if not team.amounts_include_vat:
        return None
    if team.vat_rate is None:
        return t._("Amounts {vat}.", vat=vat_word(t, team.amounts_include_vat))
    rate = rate_text(t, team.vat_rate)
    if owed and net:
        return t._(
            "Amounts without VAT ({rate} taken off); money owed as invoiced, VAT included.",
            rate=rate,
        )
    if owed:
        return t._("Money owed as invoiced, {rate} VAT included.", rate=rate)
    return t._("Amounts without VAT ({rate} taken off).", rate=rate)


def reason(
    t: Translator,
    currency: str,
    item: Reason,
    *,
    timed: tuple[int, int] | None = None,
    so_far: bool = False,
    since: tuple[dt.date, int, bool] | None = None,
    late_unpaid: int = 0,
) -> Markup:
    """One line: ▲ when it lifts the score, ▼ when it costs points. `timed` (sales with time,
    all sales) says which sales a per-hour figure rests on when not all of them have time;
    `so_far`: a young client's single purchase, whose profit is no year's; `since` (day, profit,
    team_short): under 90 days of history, the profit since that day stands for the year's;
    `late_unpaid`: of the late invoices, those not paid yet (said apart from paid late)."""
    arrow = "▲" if item.effect >= 0 else "▼"
    if item.code == "late_payments" and late_unpaid:
        counts = (int(item.value), int(item.reference or 0), late_unpaid)
        return Markup(f"{arrow} ") + late_invoices(t, *counts)
    if since is not None and item.code == "profit":
        # Under 90 days of history: the real profit since then, not an estimated year.
        day, profit, team_short = since
        loss = profit < 0  # a loss reads as a loss, as on the card's figures line
        amount, date = money(t, currency, abs(profit)), t.date(day)
        if team_short:  # the team's median is no year's either
            said = (
                t._("loss {amount} since {date}", amount=amount, date=date)
                if loss
                else t._("profit {amount} since {date}", amount=amount, date=date)
            )
            return Markup(f"{arrow} ") + said
        said = (
            _loss_line(t, currency, "since", item.reference, amount=amount, date=date)
            if loss
            else t._(
                "profit {amount} since {date} (team {median} a year)",
                amount=amount,
                date=date,
                median=money(t, currency, item.reference),
            )
        )
        return Markup(f"{arrow} ") + said
    if so_far and item.code == "profit":
        amount, median = money(t, currency, abs(item.value)), money(t, currency, item.reference)
        said = (
            _loss_line(t, currency, "so_far", item.reference, amount=amount)
            if item.value < 0
            else t._("profit {amount} so far (team {median} a year)", amount=amount, median=median)
        )
        return Markup(f"{arrow} ") + said
    text = Markup(f"{arrow} ") + _reason_text(t, currency, item)
    if item.unit == "money_per_hour" and timed is not None:
        text += " " + timed_sales(t, *timed)
    return text


def days_ago(t: Translator, days: int) -> Markup:
    """'vandaag', 'gisteren', '3 dagen geleden' («сегодня», «вчера», «3 дня назад»)."""
    if days == 0:
        return t._("today")
    if days == 1:
        return t._("yesterday")
    return t.n_("{n} day ago", "{n} days ago", days)


def timed_sales(t: Translator, timed: int, sales: int) -> Markup:
    """'(over 3 van 5 verkopen met vastgelegde tijd)': what a per-hour figure rests on."""
    return t.n_(
        "(over {timed} of {n} sale with time recorded)",
        "(over {timed} of {n} sales with time recorded)",
        sales,
        timed=t.number(timed),
    )


def partial_timing(row: Any) -> tuple[int, int] | None:
    """(sales with time, all sales) when only some of a client's sales have time recorded."""
    timed, sales = int(row["timed_purchases"]), int(row["purchases"])
    return (timed, sales) if 0 < timed < sales else None


# The reasons that are a sum of money beside the team's median: (message, kind of loss line).
# A loss is said as one ("verlies € 143"), as the card's figures line says it.
_MONEY_REASONS = {
    "profit": (N_("profit {amount} a year (team {median})"), "year"),
    "revenue": (N_("revenue {amount} a year (team {median})"), None),
    "profit_per_hour": (N_("{amount} per hour worked (team {median})"), "hour"),
    "revenue_per_hour": (N_("{amount} revenue per hour worked (team {median})"), None),
}

# A loss beside the typical client says what the typical client makes: "verlies € 177 per jaar
# (doorsneeklant € 886)" read as if the typical client lost € 886. (typical profit, typical loss)
_LOSS_LINES = {
    "year": (
        N_("loss {amount} a year (typical client: {median} profit)"),
        N_("loss {amount} a year (typical client: {median} loss)"),
    ),
    "hour": (
        N_("loss {amount} per hour worked (typical client: {median} profit)"),
        N_("loss {amount} per hour worked (typical client: {median} loss)"),
    ),
    "since": (
        N_("loss {amount} since {date} (typical client: {median} profit a year)"),
        N_("loss {amount} since {date} (typical client: {median} loss a year)"),
    ),
    "so_far": (
        N_("loss {amount} so far (typical client: {median} profit a year)"),
        N_("loss {amount} so far (typical client: {median} loss a year)"),
    ),
}


def money_reason(item: Reason) -> bool:
    """A reason said as a sum of money (profit, revenue, per hour): a screen showing it needs
    the amounts note."""
    return item.code in _MONEY_REASONS


def _loss_line(t: Translator, currency: str, kind: str, reference: float, **values: Any) -> Markup:
    profit, loss = _LOSS_LINES[kind]
    message = loss if reference < 0 else profit
    return t._(message, median=money(t, currency, abs(reference)), **values)


def _reason_text(t: Translator, currency: str, item: Reason) -> Markup:
    value, reference = item.value, item.reference
    code = item.code
    if code in _MONEY_REASONS:
        gain, loss = _MONEY_REASONS[code]
        if loss and value < 0:
            return _loss_line(t, currency, loss, reference, amount=money(t, currency, -value))
        return t._(gain, amount=money(t, currency, value), median=money(t, currency, reference))
    if code == "ideal_profile":
        return t.n_(  # the noun follows the total: "1 van 1 punt", "2 из 21 пункта"
            "meets {met} of {n} point of your ideal client",
            "meets {met} of {n} points of your ideal client",
            int(reference or 0),
            met=t.number(int(value)),
        )
    if code == "purchases":
        return t.n_(
            "{n} purchase a year (team {median})",
            "{n} purchases a year (team {median})",
            int(round(value)),
            median=t.number(round(reference or 0, 1)),
        )
    if code == "days_since_purchase":
        when = days_ago(t, int(value))
        team = t.n_("{n} day", "{n} days", int(round(item.team))) if item.team is not None else None
        # One purchase (no `reference`): no rhythm of the client's own to compare with.
        usual = (
            t.n_("{n} day", "{n} days", int(round(reference))) if reference is not None else None
        )
        # The team's figure is the typical client's days between purchase days, when enough
        # clients bought on two days or more to speak of a typical one.
        if team is not None and usual is not None:
            return t._(
                "last purchase {when} (usually every {usual}; a typical client every {team})",
                when=when,
                usual=usual,
                team=team,
            )
        if team is not None:
            return t._(
                "last purchase {when} (a typical client buys every {team})", when=when, team=team
            )
        if usual is not None:
            return t._("last purchase {when} (usually every {usual})", when=when, usual=usual)
        return t._("last purchase {when}", when=when)
    if code == "referrals":
        return t.n_(
            "{n} referral (team {median})",
            "{n} referrals (team {median})",
            int(value),
            median=t.typical_count(reference or 0),
        )
    if code == "complaints":
        return t.n_(
            "{n} complaint (team {median})",
            "{n} complaints (team {median})",
            int(value),
            median=t.typical_count(reference or 0),
        )
    if code == "late_payments":
        return late_invoices(t, int(value), int(reference or 0))
    if code == "team_rating":
        if reference is None:
            return t._("the team rates them {rating} of 5", rating=t.number(round(value, 1)))
        return t._(
            "the team rates them {rating} of 5 (team {median})",
            rating=t.number(round(value, 1)),
            median=t.number(round(reference, 1)),
        )
    return t._("{what}: {value}", what=code, value=t.number(value))


def late_invoices_of(t: Translator, row: Mapping[str, Any]) -> Markup:
    """A client row's late invoices among those a screen counts (`invoices_shown`)."""
    late = int(row["late_payments"])
    counted = int(invoices_shown(late, int(row["invoices"]), int(row["invoices_not_due"])))
    return late_invoices(t, late, counted, int(row["late_unpaid"]))


def late_invoices(t: Translator, late: int, invoices: int, unpaid: int = 0) -> Markup:
    """Real counts, never a rate: '5 of 7 invoices paid late', 'all 7 invoices paid on time'.
    Late is paid after the due day or still open past it (scoring.metrics): the `unpaid` ones
    are said apart, since an invoice nobody paid yet was not "paid late"."""
    if late == 0:
        return t.n_("the one invoice paid on time", "all {n} invoices paid on time", invoices)
    if unpaid == 0:
        return t.n_(
            "{late} of {n} invoice paid late",
            "{late} of {n} invoices paid late",
            invoices,
            late=late,
        )
    if unpaid == late:
        return t.n_(
            "{late} of {n} invoice overdue and not paid yet",
            "{late} of {n} invoices overdue and not paid yet",
            invoices,
            late=late,
        )
    return t.n_(
        "{paid} of {n} invoice paid late, {open} overdue and not paid yet",
        "{paid} of {n} invoices paid late, {open} overdue and not paid yet",
        invoices,
        paid=late - unpaid,
        open=unpaid,
    )


def lift(t: Translator, currency: str, item: Lift) -> Markup:
    """The smallest concrete change that lifts the client one grade."""
    amount = item.amount
    if item.code == "more_profit":
        change = t._("{amount} more profit over the coming year", amount=money(t, currency, amount))
    elif item.code == "more_revenue":
        change = t._(
            "{amount} more revenue over the coming year", amount=money(t, currency, amount)
        )
    elif item.code == "fewer_hours":
        change = t._("{hours} less work a year for the same result", hours=hours(t, amount))
    elif item.code == "more_purchases":
        change = t.n_(
            "{n} more purchase in the coming year",
            "{n} more purchases in the coming year",
            int(amount),
        )
    elif item.code == "pay_on_time":
        change = t.n_(
            "{n} invoice in a row paid on time", "{n} invoices in a row paid on time", int(amount)
        )
    elif item.code == "referral":
        change = t.n_("{n} more referral", "{n} more referrals", int(amount))
    else:
        change = t._("{what}: {value}", what=item.code, value=t.number(amount))
    return t._("To reach {grade}: {change}.", grade=item.to_grade, change=change)
