"""The client card: a phone's first screen (≤ 12 lines) and the details behind a button."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot import labels
from bot.render.explain import (
    amounts_note,
    hours,
    hours_worked,
    late_invoices,
    lift,
    money,
    owed_money,
    partial_timing,
    profit_per_hour,
    reason,
    team_history_short,
    timed_sales,
)
from locales import N_, Markup, Translator, escape
from scoring import Explanation, TeamAnalysis
from scoring.grades import labels as grade_labels
from storage.callers import TeamView
from storage.models import Client

FIRST_SCREEN_LINES = 12
MONEY_UNITS = frozenset({"money", "money_per_hour"})  # reasons and lifts said in money


@dataclass(frozen=True)
class CardView:
    """What the card shows about one scored client."""

    client_id: int
    name: str
    grade: str
    grade_index: int
    grades: int  # how many grades the scale has
    previous_grade: str | None
    score: float
    revenue_share: float | None
    profit: int | None
    revenue: int | None  # a year's, shown where profit is unknown
    annualised: bool  # the yearly figures are an estimate for a client younger than a year
    so_far: bool  # a young client's one purchase: what they brought so far, not a year
    since: dt.date | None  # under 90 days of history: what was brought since then, no year
    team_short: bool  # the whole team has under 90 days of history: its medians are no year's
    hours: float | None
    timing: tuple[int, int] | None  # (sales with time, sales) when only some have time
    referrals: int
    complaints: int
    owed: int
    overdue: int
    judgement: float | None
    disagreement: str | None
    explanation: Explanation
    flags: frozenset[str]


def card_view(analysis: TeamAnalysis, client_id: int, previous_grade: str | None) -> CardView:
    row = analysis.clients.loc[client_id]
    disagreement = next(
        (d.direction for d in analysis.disagreements if d.client_id == client_id), None
    )
    flags = frozenset(
        flag
        for flag in (
            "over_reliant",
            "watch",
            "time_eater",
            "decline_candidate",
            "lapsed",
            "young",
            "ideal",
            "uses_default_margin",
            "value_from_revenue",
        )
        if bool(row[flag])
    )
    since = None
    if bool(row["short_history"]):
        since = analysis.settings.today - dt.timedelta(days=int(row["history_days"]))
    if any(
        w.code == "missing_costs" and float(w.params.get("revenue_share") or 0) >= 1.0
        for w in analysis.warnings
    ):
        flags |= {"no_costs"}  # not a single sale has its cost
    return CardView(
        client_id=client_id,
        name=str(row["name"]),
        grade=str(row["grade"]),
        grade_index=int(row["grade_index"]),
        grades=len(grade_labels(analysis.grade_scale)),
        previous_grade=previous_grade,
        score=float(row["score"]),
        revenue_share=_number(row["revenue_share"]),
        # Under 90 days of history the figures are the real totals since `since`.
        profit=_whole(row["profit" if since else "annual_profit"]),
        revenue=_whole(row["revenue" if since else "annual_revenue"]),
        annualised=bool(row["annualised"]),
        so_far=bool(row["so_far"]),
        since=since,
        team_short=team_history_short(analysis),
        hours=hours_worked(row),
        timing=partial_timing(row),
        referrals=int(row["referrals"]),
        complaints=int(row["complaints"]),
        owed=_whole(row["owed"]) or 0,
        overdue=_whole(row["overdue"]) or 0,
        judgement=_number(row["judgement"]),
        disagreement=disagreement,
        explanation=analysis.explain(client_id),
        flags=flags,
    )


def verdict(t: Translator, view: CardView, *, with_money: bool = True) -> Markup:
    """One line a person can act on. Without money (a member where the team keeps money and
    the decline list for its admins) neither the decline advice nor the reliance is said."""
    if with_money and "decline_candidate" in view.flags:
        if view.profit is not None and view.profit < 0:
            return t._("Costs you more than they bring: consider letting them go.")
        return t._("Brings little for the trouble: consider letting them go? See /decline.")
    if with_money and "over_reliant" in view.flags:
        return t._(
            "Your business leans on them: {share} of revenue.",
            share=t.percent(view.revenue_share or 0),
        )
    if "young" in view.flags:
        return t._("A new client: too early for a firm verdict.")
    if "lapsed" in view.flags:
        return t._("Hasn't bought in a long while: worth a call?")
    if "ideal" in view.flags:
        return t._("One of your ideal clients: look after them.")
    band = view.grade_index / max(view.grades - 1, 1)
    reasons = view.explanation.reasons
    if band < 0.5 and reasons and all(r.effect < 0 for r in reasons):
        # A good grade whose only reasons pull down: "a good client" beside "▼ profit € 160
        # (team € 340)" contradicts the figure shown.
        return t._("Middling: there's room to grow.")
    if band < 0.25:
        return t._("A model client.")
    if band < 0.5:
        return t._("A good client.")
    if band < 0.75:
        return t._("Middling: there's room to grow.")
    return t._("A weak client: see why below.")


def card_text(t: Translator, team: TeamView, view: CardView, *, with_money: bool = True) -> Markup:
    """The first screen: grade, verdict, key figures, three reasons, how to lift the grade.

    `with_money` False: the card for a member of a team that keeps money figures for its
    admins — no shares, amounts, debts or reasons in money."""
    change = ""
    if view.previous_grade and view.previous_grade != view.grade:
        change = str(t._("(last week {grade})", grade=view.previous_grade))
    lines = [
        Markup("<b>")
        + escape(view.name)
        + Markup("</b> · ")
        + t._("grade <b>{grade}</b>", grade=view.grade)
        + (" " + change if change else ""),
        verdict(t, view, with_money=with_money),
    ]
    figures: list[Markup | str] = []  # the score is the grade's, said only in Details
    if view.revenue_share is not None and with_money:
        figures.append(t._("{share} of revenue", share=t.percent(view.revenue_share)))
    yearly = yearly_figure(
        t,
        team.currency,
        view.profit,
        view.revenue,
        view.annualised,
        so_far=view.so_far,
        since=view.since,
    )
    if yearly is not None and with_money:
        figures.append(yearly)
    if view.hours:
        figures.append(hours(t, view.hours))
    if figures:
        lines.append(Markup(" · ").join(figures))
    counts = Markup(" · ").join(
        [
            t.n_("{n} referral", "{n} referrals", view.referrals),
            t.n_("{n} complaint", "{n} complaints", view.complaints),
        ]
    )
    # Counted over the scoring window: a referral of two years ago is not "0 referrals" unsaid.
    days = team.scoring_window_days
    activity = [
        t._("{counts} (12 months)", counts=counts)
        if days == 365
        else t.n_("{counts} ({n} day)", "{counts} ({n} days)", days, counts=counts)
    ]
    if view.owed and with_money:
        owed = t._("owes {amount}", amount=owed_money(t, team.currency, view.owed))
        if view.overdue:
            owed += " " + t._(
                "({amount} overdue)", amount=owed_money(t, team.currency, view.overdue)
            )
        activity.append(owed)
    lines.append(Markup(" · ").join(activity))
    lines.append(_judgement(t, view))
    if "value_from_revenue" in view.flags:
        lines.append(
            t._("No sale has its cost: graded on revenue.")
            if "no_costs" in view.flags
            else t._("Not every sale has its cost: graded on revenue.")
        )
    reasons = view.explanation.reasons
    if not with_money:
        reasons = tuple(r for r in reasons if r.unit not in MONEY_UNITS)
    lines += [
        reason(
            t,
            team.currency,
            item,
            timed=view.timing,
            so_far=view.so_far,
            since=(
                (view.since, view.profit, view.team_short)
                if view.since and view.profit is not None
                else None
            ),
        )
        for item in reasons[:3]
    ]
    lifting = view.explanation.lift
    if lifting is not None and (with_money or lifting.unit not in MONEY_UNITS):
        lines.append(lift(t, team.currency, lifting))
    lines = [line for line in lines if line]
    assert len(lines) <= FIRST_SCREEN_LINES
    return Markup("\n").join(lines)


def yearly_figure(
    t: Translator,
    currency: str,
    profit: int | None,
    revenue: int | None,
    annualised: bool,
    *,
    so_far: bool = False,
    since: dt.date | None = None,
) -> Markup | None:
    """The year's profit the grade weighs (revenue where profit is unknown), on card and Details
    alike; for a client younger than a year it is an estimate and says so, and a young client's
    single purchase is what they brought so far. With under 90 days of history (`since`) there
    is no year to speak of: `profit` and `revenue` are the real totals since that day."""
    if since is not None:
        if profit is not None:
            return t._(
                "profit {amount} since {date}",
                amount=money(t, currency, profit),
                date=t.date(since),
            )
        if not revenue:
            return None
        return t._(
            "revenue {amount} since {date}", amount=money(t, currency, revenue), date=t.date(since)
        )
    if so_far:
        if profit is not None:
            return t._("profit {amount} so far", amount=money(t, currency, profit))
        return t._("revenue {amount} so far", amount=money(t, currency, revenue))
    if profit is not None:
        figure = t._("profit {amount} a year", amount=money(t, currency, profit))
    elif revenue:
        figure = t._("revenue {amount} a year", amount=money(t, currency, revenue))
    else:
        return None
    return figure + " " + t._("(estimate)") if annualised else figure


# The team's own 1–5 judgement in words of its own ("ervaring", «впечатления»), so it never
# reads as a second grade beside the grade.
EXPERIENCE = (N_("very hard"), N_("hard"), N_("so-so"), N_("good"), N_("very good"))


def experience_word(t: Translator, judgement: float) -> Markup:
    """'prettig', «хорошие»: the average 1–5 judgement rounded half up to a word."""
    return t._(EXPERIENCE[min(4, max(0, int(judgement + 0.5) - 1))])


def _judgement(t: Translator, view: CardView) -> Markup:
    if view.judgement is None:
        return t._("How is it working with this client? Say so with /rate.")
    rating = t._(
        "Team experience: {word} ({rating} of 5)",
        word=experience_word(t, view.judgement),
        rating=t.number(round(view.judgement, 1)),
    )
    if view.disagreement == "liked_but_unprofitable":
        return rating + Markup(" — ") + t._("but the figures say they barely pay off.")
    if view.disagreement == "disliked_but_profitable" and "decline_candidate" not in view.flags:
        return rating + Markup(" — ") + t._("yet the figures say they pay off well.")
    if view.disagreement is not None:
        return rating
    return rating + Markup(" — ") + t._("the figures agree.")


def details_text(
    t: Translator,
    team: TeamView,
    analysis: TeamAnalysis,
    client: Client,
    *,
    with_money: bool = True,
) -> Markup:
    """Everything behind the Details button: figures over the scoring window and the traits;
    without money (a member of a team that keeps money for its admins), the rest."""
    row = analysis.clients.loc[client.id]
    cur = team.currency
    lines = [
        Markup("<b>") + escape(client.name) + Markup("</b>"),
        t.n_("Over the last {n} day:", "Over the last {n} days:", team.scoring_window_days),
    ]

    def add(label: Markup, value: Any) -> None:
        if value is not None and value != "":
            lines.append(label + Markup(": ") + escape(value))

    # The score underneath the grade (0–100): only here, so the card has one grade vocabulary.
    add(t._("Score"), t._("{score} of 100", score=t.number(round(float(row["score"])))))
    worked, per_hour = hours_worked(row), profit_per_hour(row)
    if with_money:
        _money_lines(t, team, row, worked, add)
    if worked:
        add(t._("Time"), hours(t, worked))
    if per_hour is not None and with_money:
        per_hour_text = Markup(escape(money(t, cur, per_hour)))
        timing = partial_timing(row)
        if timing is not None:
            per_hour_text += " " + timed_sales(t, *timing)
        add(t._("Profit per hour"), per_hour_text)
    add(t._("Purchases"), t.number(int(row["purchases"])))
    if _whole(row["average_order"]) is not None and with_money:
        add(t._("Average order"), money(t, cur, _whole(row["average_order"])))
    if _number(row["recency_days"]) is not None:
        days = int(row["recency_days"])
        add(
            t._("Last purchase"),
            t._("today") if days == 0 else t.n_("{n} day ago", "{n} days ago", days),
        )
    if int(row["invoices"]):
        lines.append(late_invoices(t, int(row["late_payments"]), int(row["invoices"])))
    if analysis.profile_written and int(row["fit_known"]):
        lines.append(
            t.n_(
                "meets {met} of {n} point of your ideal client",
                "meets {met} of {n} points of your ideal client",
                int(row["fit_known"]),
                met=t.number(int(row["fit_met"])),
            )
        )
    add(t._("Compliments"), t.number(int(row["compliments"])))
    add(t._("Referrals"), t.number(int(row["referrals"])))
    if bool(row["annualised"]) and not bool(row["short_history"]) and with_money:
        yearly = yearly_figure(
            t, cur, _whole(row["annual_profit"]), _whole(row["annual_revenue"]), True
        )
        if yearly is not None:
            lines.append(yearly)
    traits = [
        labels.label(t, labels.KINDS, client.kind),
        client.city or "",
        client.industry or "",
        labels.label(t, labels.SOURCES, client.source),
    ]
    lines.append(Markup(" · ").join(escape(x) for x in traits if x))
    if _number(row["tenure_days"]) is not None:
        # Where tenure starts for the grade: "client since", or an earlier first sale.
        since = analysis.settings.today - dt.timedelta(days=int(row["tenure_days"]))
        add(t._("Client since"), t.date(since))
    if not with_money:
        return Markup("\n").join(lines)
    if "uses_default_margin" in _flags(row):
        assumed = analysis.references.assumed_margin
        if team.default_margin is None and assumed is not None:
            lines.append(
                t._(
                    "Profit for sales without costs uses the {margin} margin of your sales "
                    "with costs.",
                    margin=t.percent(assumed),
                )
            )
        else:
            lines.append(t._("Profit rests on your default margin for sales without costs."))
    lines.append(amounts_note(t, team))
    return Markup("\n").join(lines)


def _money_lines(
    t: Translator,
    team: TeamView,
    row: Any,
    worked: float | None,
    add: Callable[[Markup, Any], None],
) -> None:
    """Revenue, cost (the hour cost in it said), profit and margin over the window."""
    cur, cost = team.currency, _whole(row["cost"])
    add(t._("Revenue"), money(t, cur, _whole(row["revenue"])))
    if cost is not None and worked and team.hour_cost:
        # The hour cost is in the cost: say so, or the costs typed never add up to it.
        cost_text = t._(
            "{cost} (of which {hours} × {rate})",
            cost=money(t, cur, cost),
            hours=hours(t, worked),
            rate=money(t, cur, team.hour_cost),
        )
        add(t._("Cost to serve"), cost_text)
    elif cost is not None:
        add(t._("Cost to serve"), money(t, cur, cost))
    profit = _whole(row["profit"])
    add(t._("Profit"), money(t, cur, profit) if profit is not None else None)
    if _number(row["margin"]) is not None:
        add(t._("Margin"), t.percent(float(row["margin"])))


def _flags(row: Any) -> set[str]:
    return {flag for flag in ("uses_default_margin",) if bool(row[flag])}


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _whole(value: Any) -> int | None:
    number = _number(value)
    return None if number is None else int(round(number))
