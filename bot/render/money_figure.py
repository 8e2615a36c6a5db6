"""A client's money figure on the card and in Details: a year's profit (revenue where profit is
unknown), an estimate for a young client, what was brought so far or since the history began,
a loss said as a loss, and the assumed margin beside it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from bot.render.explain import money
from locales import Markup, Translator
from scoring import ScoringSettings, TeamAnalysis


def revenue_share(t: Translator, fraction: float, alarm: float) -> str:
    """A client's share of revenue, never rounded onto the watch line or the team's alarm line
    (`alarm`) it has not reached: a 9,88 % client is "9,9 %", as /risk does not watch them."""
    return t.share(fraction, (ScoringSettings.watch_threshold, alarm))


def estimated(row: Any) -> bool:
    """A client's yearly figures are an estimate only when they were scaled up from a shorter
    time: a client of ten months whose rhythm fills the year shows the real figure, no
    "(schatting)" beside it."""
    yearly = row["annual_revenue"]
    return bool(row["annualised"]) and not pd.isna(yearly) and int(yearly) != int(row["revenue"])


def yearly_figure(
    t: Translator,
    currency: str,
    profit: int | None,
    revenue: int | None,
    annualised: bool,
    *,
    so_far: bool = False,
    since: dt.date | None = None,
    margin: float | None = None,
    hour_cost: bool = False,
) -> Markup | None:
    """The year's profit the grade weighs (revenue where profit is unknown), on card and Details
    alike; for a client younger than a year it is an estimate and says so, and a young client's
    single purchase is what they brought so far. With under 90 days of history (`since`) there
    is no year to speak of: `profit` and `revenue` are the real totals since that day. A profit
    that rests on an assumed `margin` (sales without costs) says that margin beside it."""
    assumed = (
        Markup(" ") + _assumed(t, margin, estimate=False, hour_cost=hour_cost)
        if margin is not None
        else Markup("")
    )
    if since is not None:
        if profit is not None:
            if profit < 0:  # "verlies € 177", not "winst € -177"
                said = t._(
                    "loss {amount} since {date}",
                    amount=money(t, currency, -profit),
                    date=t.date(since),
                )
            else:
                said = t._(
                    "profit {amount} since {date}",
                    amount=money(t, currency, profit),
                    date=t.date(since),
                )
            return said + assumed
        if not revenue:
            return None
        return t._(
            "revenue {amount} since {date}", amount=money(t, currency, revenue), date=t.date(since)
        )
    if so_far:
        if profit is not None:
            if profit < 0:
                return t._("loss {amount} so far", amount=money(t, currency, -profit)) + assumed
            return t._("profit {amount} so far", amount=money(t, currency, profit)) + assumed
        return t._("revenue {amount} so far", amount=money(t, currency, revenue))
    if profit is not None:
        figure = (
            t._("loss {amount} a year", amount=money(t, currency, -profit))
            if profit < 0
            else t._("profit {amount} a year", amount=money(t, currency, profit))
        )
        if margin is not None:
            return figure + " " + _assumed(t, margin, estimate=annualised, hour_cost=hour_cost)
    elif revenue:
        figure = t._("revenue {amount} a year", amount=money(t, currency, revenue))
    else:
        return None
    return figure + " " + t._("(estimate)") if annualised else figure


def no_sale_has_its_cost(analysis: TeamAnalysis) -> bool:
    """Not a single sale of the team has its cost (the missing costs are all of the revenue)."""
    return any(
        w.code == "missing_costs" and float(w.params.get("revenue_share") or 0) >= 1.0
        for w in analysis.warnings
    )


def graded_on_revenue(t: Translator, *, no_costs: bool) -> Markup:
    """Why a client's grade weighs revenue, not profit (their profit is unknown: sales without
    costs and no margin to assume), on card and Details alike."""
    if no_costs:
        return t._("No sale has its cost: graded on revenue.")
    return t._("Not every sale has its cost: graded on revenue.")


def _assumed(t: Translator, margin: float, *, estimate: bool, hour_cost: bool) -> Markup:
    """The margin a profit rests on, and that the team's hour cost is off it where it is: "winst
    € 44 (schatting bij 80% winstmarge)" on € 85 read as a contradiction (the Dutch reader)."""
    said = _margin_said(t, margin)
    if hour_cost:
        if estimate:
            return t._("(estimate, at your usual {margin} margin, after hour costs)", margin=said)
        return t._("(at your usual {margin} margin, after hour costs)", margin=said)
    if estimate:
        return t._("(estimate, at your usual {margin} margin)", margin=said)
    return t._("(at your usual {margin} margin)", margin=said)


def _margin_said(t: Translator, margin: float) -> str:
    """The margin an estimate used, to a tenth where it has one: "80%" beside a profit that
    79,8 % gave left a checker € 3 short (€ 1.250,50 × 80 % = € 1.000, shown € 997)."""
    whole = abs(margin * 100 - round(margin * 100)) < 0.05
    return t.percent(margin, decimals=0 if whole else 1)
