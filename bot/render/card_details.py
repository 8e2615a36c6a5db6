"""A card's Details: the figures over the scoring window and the traits, on one screen
(≤ 14 lines): figures that belong together share a line."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from bot import labels
from bot.render.card import whole_or_none
from bot.render.explain import (
    amounts_note,
    days_ago,
    hours,
    hours_worked,
    late_invoices_of,
    money,
    number_or_none,
    partial_timing,
    profit_per_hour,
    timed_sales,
)
from bot.render.money_figure import (
    estimated,
    graded_on_revenue,
    no_sale_has_its_cost,
    yearly_figure,
)
from bot.render.settings import capitalised
from locales import Markup, Translator, escape
from scoring import TeamAnalysis
from storage.callers import TeamView
from storage.models import Client

DOT = Markup(" · ")


def details_text(
    t: Translator,
    team: TeamView,
    analysis: TeamAnalysis,
    client: Client,
    *,
    with_money: bool = True,
) -> Markup:
    """Everything behind the Details button; without money (a member of a team that keeps
    money for its admins), the rest."""
    row = analysis.clients.loc[client.id]
    cur = team.currency
    lines = [
        Markup("<b>") + escape(client.name) + Markup("</b>"),
        t.n_("Over the last {n} day:", "Over the last {n} days:", team.scoring_window_days),
    ]
    if not pd.isna(row["grade"]):  # no sale in the window: no grade, and no score beneath it
        # The score underneath the grade (0–100): only here, so the card has one grade vocabulary.
        lines.append(
            t._("Score")
            + Markup(": ")
            + t._("{score} of 100", score=t.number(round(float(row["score"]))))
        )
        if bool(row["value_from_revenue"]):  # the revenue below, and no profit: say why
            lines.append(graded_on_revenue(t, no_costs=no_sale_has_its_cost(analysis)))
    worked, per_hour = hours_worked(row), profit_per_hour(row)
    sold = int(row["purchases"]) > 0  # «Выручка: 0 ₽ · затраты: 0 ₽ … 0 покупок» said nothing
    if with_money and sold:
        lines.append(_money_line(t, team, row, worked))
    if worked:
        time = [t._("Time {hours}", hours=hours(t, worked))]
        if per_hour is not None and with_money:
            figure = _per_hour(t, team, per_hour)
            timing = partial_timing(row)
            time.append(figure + (" " + timed_sales(t, *timing) if timing is not None else ""))
        lines.append(DOT.join(time))
    purchases = [
        t.n_("{n} purchase", "{n} purchases", int(row["purchases"]))
        if sold
        else t._("No sales in this period.")
    ]
    average = whole_or_none(row["average_order"])
    if average is not None and with_money:  # to the cent, as the revenue above it
        purchases.append(t._("average {amount}", amount=t.money(average, cur)))
    if number_or_none(row["recency_days"]) is not None:
        purchases.append(t._("last {when}", when=days_ago(t, int(row["recency_days"]))))
    lines.append(DOT.join(purchases))
    if int(row["invoices"]):
        lines.append(late_invoices_of(t, row))
    if analysis.profile_written and int(row["fit_known"]):
        fit = t.n_(
            "meets {met} of {n} point of your ideal client",
            "meets {met} of {n} points of your ideal client",
            int(row["fit_known"]),
            met=t.number(int(row["fit_met"])),
        )
        lines.append(Markup(capitalised(fit)))  # a line of its own (a Dutch reader)
    # Complaints too: the card names them, so its Details can't leave them out.
    lines.append(
        DOT.join(
            [
                t.n_("{n} complaint", "{n} complaints", int(row["complaints"])),
                t.n_("{n} compliment", "{n} compliments", int(row["compliments"])),
                t.n_("{n} referral", "{n} referrals", int(row["referrals"])),
            ]
        )
    )
    if estimated(row) and not bool(row["short_history"]) and with_money:
        yearly = yearly_figure(
            t,
            cur,
            whole_or_none(row["annual_profit"]),
            whole_or_none(row["annual_revenue"]),
            True,
        )
        if yearly is not None:
            lines.append(yearly)
    if with_money:
        lines += _money_notes(t, team, analysis, row)
    traits = [
        labels.label(t, labels.KINDS, client.kind),
        client.city or "",
        client.industry or "",
        t._("source: {source}", source=labels.label(t, labels.SOURCES, client.source))
        if client.source
        else "",
    ]
    said = DOT.join(escape(x) for x in traits if x)  # a line of its own starts with a capital
    lines.append(Markup(capitalised(said)))
    if number_or_none(row["tenure_days"]) is not None:
        # Where tenure starts for the grade: "client since", or an earlier first sale.
        since = analysis.settings.today - dt.timedelta(days=int(row["tenure_days"]))
        lines.append(t._("Client since {date}", date=t.date(since)))
    return Markup("\n").join(line for line in lines if line)


def _money_notes(t: Translator, team: TeamView, analysis: TeamAnalysis, row: Any) -> list[Markup]:
    """What the money figures rest on (the margin, VAT): said under the figures, before the
    client's traits, not glued to the "client since" date."""
    lines: list[Markup] = []
    if bool(row["uses_default_margin"]):
        assumed = analysis.references.assumed_margin
        if team.default_margin is None and assumed is not None:
            lines.append(
                t._(
                    "Profit for sales without costs uses the {margin} margin your sales with "
                    "costs had when this week's grades were set.",
                    margin=t.percent(assumed),
                )
            )
        else:
            lines.append(t._("Profit rests on your default margin for sales without costs."))
    note = amounts_note(t, team)  # only when VAT was taken off the figures
    if note is not None:
        lines.append(note)
    return lines


def _per_hour(t: Translator, team: TeamView, per_hour: float) -> Markup:
    """The profit an hour, as every screen counts it: after the team's hour cost, where it
    counts one, and then said so. «убыток в час: 900 ₽» read as money lost to a Russian reader
    who earned 600 ₽ an hour at an hour cost of 1 500 ₽; said before the cost for one client and
    after it for another, the cheaper client looked the better one (the next reader)."""
    cur, hour_cost = team.currency, team.hour_cost
    amount = money(t, cur, abs(per_hour))
    if not hour_cost:
        if per_hour < 0:
            return t._("loss per hour {amount}", amount=amount)
        return t._("profit per hour {amount}", amount=amount)
    cost = money(t, cur, hour_cost)
    if per_hour < 0:
        return t._(
            "loss per hour {amount} after your hour cost of {rate}", amount=amount, rate=cost
        )
    return t._("profit per hour {amount} after your hour cost of {rate}", amount=amount, rate=cost)


def _money_line(t: Translator, team: TeamView, row: Any, worked: float | None) -> Markup:
    """Revenue, cost (the hour cost in it said), profit and margin over the window, to the
    cent where the amounts have cents: rounded each on its own, € 1.250,50 − € 250,40 read as
    € 1.251 − € 250 = € 1.000 (a checker). Revenue − cost is the profit as shown."""
    cur, cost, profit = team.currency, whole_or_none(row["cost"]), whole_or_none(row["profit"])

    def cents(minor: int | None) -> str:
        return t.money(minor or 0, cur)

    parts = [t._("Revenue {amount}", amount=cents(whole_or_none(row["revenue"])))]
    if cost is not None and worked and team.hour_cost:
        # The hour cost is in the cost: say so, or the costs typed never add up to it.
        parts.append(
            t._(
                "cost {cost} (of which {hours} × {rate} = {amount})",
                cost=cents(cost),
                hours=hours(t, worked),
                # € 32,50 stays € 32,50, and the product is to the cent, as the cost counts it
                # (scoring.metrics): rounded, hours × rate would not multiply to what it says.
                rate=t.money(team.hour_cost, cur),
                amount=t.money(round(worked * team.hour_cost), cur),
            )
        )
    elif cost is not None:
        parts.append(t._("cost to serve {amount}", amount=cents(cost)))
    margin = number_or_none(row["margin"])
    if profit is not None and profit < 0:  # "verlies € 143", never "winst € -143 (-6%)"
        loss = cents(-profit)
        parts.append(
            t._("loss {amount} ({margin} of revenue)", amount=loss, margin=t.percent(-margin))
            if margin is not None
            else t._("loss {amount}", amount=loss)
        )
    elif profit is not None and margin is not None:
        parts.append(
            t._(
                "profit {amount} ({margin} of revenue)",
                amount=cents(profit),
                margin=t.percent(margin),
            )
        )
    elif profit is not None:
        parts.append(t._("profit {amount}", amount=cents(profit)))
    return DOT.join(parts)
