"""The client card: a phone's first screen (≤ 12 lines); its Details are in card_details."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from bot.render.explain import (
    hours,
    hours_worked,
    lift,
    number_or_none,
    owed_money,
    partial_timing,
    reason,
    team_history_short,
)
from bot.render.grade_words import grade_shown, no_grade_yet
from bot.render.money_figure import (
    estimated,
    graded_on_revenue,
    no_sale_has_its_cost,
    revenue_share,
    yearly_figure,
)
from locales import N_, Markup, Translator, escape
from scoring import Explanation, TeamAnalysis
from scoring.grades import labels as grade_labels
from scoring.judgement import experience_rung
from storage.callers import TeamView

FIRST_SCREEN_LINES = 12
MONEY_UNITS = frozenset({"money", "money_per_hour"})  # reasons and lifts said in money


@dataclass(frozen=True)
class CardView:
    """What the card shows about one scored client."""

    client_id: int
    name: str
    grade: str | None  # None: no sale in the scoring window, no grade yet
    grade_index: int | None
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
    late_unpaid: int  # late invoices not paid yet (the rest of the late ones were paid late)
    judgement: float | None
    disagreement: str | None
    explanation: Explanation
    flags: frozenset[str]
    ever_bought: bool = True  # an ungraded client bought before the window, or never
    assumed_margin: float | None = None  # the profit rests on this margin for uncosted sales
    data_score: float | None = None  # the score from the figures alone, without the team's rating


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
    if no_sale_has_its_cost(analysis):
        flags |= {"no_costs"}
    return CardView(
        client_id=client_id,
        name=str(row["name"]),
        grade=None if pd.isna(row["grade"]) else str(row["grade"]),
        grade_index=None if pd.isna(row["grade_index"]) else int(row["grade_index"]),
        grades=len(grade_labels(analysis.grade_scale)),
        previous_grade=previous_grade,
        score=float(row["score"]),
        revenue_share=number_or_none(row["revenue_share"]),
        # Under 90 days of history the figures are the real totals since `since`.
        profit=whole_or_none(row["profit" if since else "annual_profit"]),
        revenue=whole_or_none(row["revenue" if since else "annual_revenue"]),
        annualised=estimated(row),
        so_far=bool(row["so_far"]),
        since=since,
        team_short=team_history_short(analysis),
        hours=hours_worked(row),
        timing=partial_timing(row),
        referrals=int(row["referrals"]),
        complaints=int(row["complaints"]),
        owed=whole_or_none(row["owed"]) or 0,
        overdue=whole_or_none(row["overdue"]) or 0,
        late_unpaid=int(row["late_unpaid"]),
        judgement=number_or_none(row["judgement"]),
        disagreement=disagreement,
        explanation=analysis.explain(client_id),
        flags=flags,
        ever_bought=not pd.isna(row["recency_days"]),
        assumed_margin=assumed_margin(analysis, row),
        data_score=number_or_none(row["data_score"]),
    )


def assumed_margin(analysis: TeamAnalysis, row: Any) -> float | None:
    """The margin a client's profit rests on for sales without costs (the team's default, or
    the margin of the sales with costs); None when every sale has its cost."""
    if not bool(row["uses_default_margin"]):
        return None
    if analysis.settings.default_margin is not None:
        return analysis.settings.default_margin
    return analysis.references.assumed_margin


def verdict(t: Translator, view: CardView, *, with_money: bool = True) -> Markup:
    """One line a person can act on. Without money (a member where the team keeps money and
    the decline list for its admins) neither the decline advice nor the reliance is said."""
    if with_money and "decline_candidate" in view.flags:
        if view.profit is not None and view.profit < 0:
            return t._("Costs you more than they bring: consider letting them go.")
        return t._("Brings little for the trouble: consider letting them go? See /decline.")
    if verdict_says_share(view, with_money=with_money):
        return t._(
            "Your business leans on them: {share} of revenue.",
            share=t.percent(_share(view)),
        )
    if "young" in view.flags:
        return t._("A new client: too early for a firm verdict.")
    if "lapsed" in view.flags:
        return t._("Hasn't bought in a long while: worth a call?")
    if view.grade_index is not None and view.disagreement is not None:
        # The team's rating (or last week's grade, kept) put the grade on the other side of
        # the middle from the figures alone: "a good client" above "but the figures say they
        # barely pay off" would contradict the line under it, so the verdict says the gap.
        upper = view.grade_index / max(view.grades - 1, 1) < 0.5
        if upper and view.disagreement == "liked_but_unprofitable":
            return t._("The grade is higher than the figures alone would give: see below.")
        if not upper and view.disagreement == "disliked_but_profitable":
            return t._("The grade is lower than the figures alone would give: see below.")
    if "ideal" in view.flags:
        return t._("One of your ideal clients: look after them.")
    if view.grade_index is None:
        return Markup("")  # no grade, no verdict: the first line says why
    band = view.grade_index / max(view.grades - 1, 1)
    reasons = view.explanation.reasons
    if band < 0.5 and reasons and all(r.effect < 0 for r in reasons):
        # A good grade whose only reasons pull down: "a good client" beside "▼ profit € 160
        # (team € 340)" contradicts the figure shown; "middling" beside a B contradicts the
        # grade (issue 20): the words say the grade and point at what pulls it down.
        return t._("A good client, but see below what pulls the grade down.")
    if band < 0.25:
        return t._("A model client.")
    if band < 0.5:
        return t._("A good client.")
    if band < 0.75:
        # "Room to grow" only beside the lift line that says how much: a client with no lever
        # within a year (sales going down, nothing bought for months) has none to promise.
        if view.explanation.lift is not None:
            return t._("Middling: there's room to grow.")
        return t._("Middling: see below what holds the grade back.")
    return t._("A weak client: see why below.")


def verdict_says_share(view: CardView, *, with_money: bool = True) -> bool:
    """The verdict is the reliance, with the client's revenue share in it."""
    return with_money and "over_reliant" in view.flags and "decline_candidate" not in view.flags


def card_text(t: Translator, team: TeamView, view: CardView, *, with_money: bool = True) -> Markup:
    """The first screen: grade, verdict, key figures, three reasons, how to lift the grade.

    `with_money` False: the card for a member of a team that keeps money figures for its
    admins — no shares, amounts, debts or reasons in money."""
    change = ""
    if view.grade and view.previous_grade and view.previous_grade != view.grade:
        change = str(t._("(last week {grade})", grade=view.previous_grade))
    lines = [
        Markup("<b>")
        + escape(view.name)
        + Markup("</b> · ")
        + (
            # A young client's grade beside "too early for a firm verdict" says it is provisional.
            grade_shown(t, team.grade_scale, view.grade, provisional="young" in view.flags)
            if view.grade
            else no_grade(t, team, ever_bought=view.ever_bought)
        )
        + (" " + change if change else ""),
        verdict(t, view, with_money=with_money),
    ]
    graded = view.grade is not None  # without a sale there are no figures, reasons or lift
    figures: list[Markup | str] = []  # the score is the grade's, said only in Details
    # The share once: not again beside the figures when the verdict already says it.
    if (
        view.revenue_share is not None
        and with_money
        and graded
        and not verdict_says_share(view, with_money=with_money)
    ):
        share = revenue_share(t, _share(view), team.concentration_threshold)
        figures.append(t._("{share} of revenue", share=share))
    yearly = yearly_figure(
        t,
        team.currency,
        view.profit,
        view.revenue,
        view.annualised,
        so_far=view.so_far,
        since=view.since,
        margin=view.assumed_margin,
        hour_cost=bool(team.hour_cost and view.hours),
    )
    if yearly is not None and with_money and graded:
        figures.append(yearly)
    if view.hours:
        figures.append(t._("{hours} worked", hours=hours(t, view.hours)))  # not a bare "6 uur"
    if figures:
        line = Markup(" · ").join(figures)
        # A line opens with a capital: with the share in the verdict it starts at «прибыль».
        lines.append(Markup(line[:1].upper() + line[1:]))
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
        amount = owed_money(t, team.currency, view.owed)
        if view.overdue >= view.owed:  # all of it: the amount said once
            owed = t._("owes {amount}, all of it overdue", amount=amount)
        else:
            owed = t._("owes {amount}", amount=amount)
            if view.overdue:
                owed += " " + t._(
                    "({amount} overdue)", amount=owed_money(t, team.currency, view.overdue)
                )
        activity.append(owed)
    lines.append(Markup(" · ").join(activity))
    lines.append(_judgement(t, view))
    if "value_from_revenue" in view.flags and graded:
        lines.append(graded_on_revenue(t, no_costs="no_costs" in view.flags))
    reasons = view.explanation.reasons if graded else ()
    if not with_money:
        reasons = tuple(r for r in reasons if r.unit not in MONEY_UNITS)
    lines += [
        reason(
            t,
            team.currency,
            item,
            timed=view.timing,
            so_far=view.so_far,
            late_unpaid=view.late_unpaid,
            since=(
                (view.since, view.profit, view.team_short)
                if view.since and view.profit is not None
                else None
            ),
        )
        for item in reasons[:3]
    ]
    lifting = view.explanation.lift
    if lifting is not None and graded and (with_money or lifting.unit not in MONEY_UNITS):
        lines.append(lift(t, team.currency, lifting))
    lines = [line for line in lines if line]
    assert len(lines) <= FIRST_SCREEN_LINES
    return Markup("\n").join(lines)


def no_grade(t: Translator, team: TeamView, *, ever_bought: bool) -> Markup:
    """In place of the grade for a client without a sale in the scoring window."""
    window_days = team.scoring_window_days
    if not ever_bought:
        return no_grade_yet(t, team.grade_scale, why=True)
    if window_days == 365:
        return t._("no grade: no sales in the last 12 months")
    return t.n_(
        "no grade: no sales in the last {n} day",
        "no grade: no sales in the last {n} days",
        window_days,
    )


# The team's own 1–5 judgement in words of its own ("ervaring", «впечатления»), so it never
# reads as a second grade beside the grade.
EXPERIENCE = (N_("very hard"), N_("hard"), N_("so-so"), N_("good"), N_("very good"))


def experience_word(t: Translator, judgement: float) -> Markup:
    """'prettig', «хорошие»: the average 1–5 judgement rounded half up to a word — the same
    rungs that make a client liked or disliked against the figures (scoring.judgement)."""
    return t._(EXPERIENCE[_rung(judgement)])


def _rung(judgement: float) -> int:
    return int(experience_rung(np.float64(judgement)))


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
    if view.disagreement is not None or not _figures_agree(view):
        return rating
    return rating + Markup(" — ") + t._("the figures agree.")


def _share(view: CardView) -> float:
    """The client's share of revenue, as every screen rounds it."""
    return view.revenue_share or 0.0


def _figures_agree(view: CardView) -> bool:
    """Whether "the figures agree" is true by construction: the team's experience, the grade
    beside it and the score from the figures alone (without the team's rating) all stand on
    the same rung of the five experience words — "very good (5 of 5)" agrees with a 9 or 10 of
    10, not with a 6 — and no reason on the card says the team's rating pulls the other way. A
    so-so experience agrees with nothing, and a client of under 90 days has too little data to
    agree with anyone (the card says it is too early)."""
    assert view.judgement is not None
    if view.grade_index is None or view.data_score is None or "young" in view.flags:
        return False
    word = _rung(view.judgement)  # as experience_word rounds
    if word == 2 or word != grade_rung(view.grade_index, view.grades):
        return False
    if word != min(4, int(max(view.data_score, 0.0) // 20)):  # 0–100 in five equal bands
        return False
    good_grade = word >= 3
    return all(
        (r.effect >= 0) == good_grade
        for r in view.explanation.reasons[:3]
        if r.code == "team_rating" and r.effect != 0
    )


def grade_rung(index: int, grades: int) -> int:
    """A grade on the five experience words' ladder (0 very hard … 4 very good): 9–10 of 10
    and 5 of 5 and A are 4, 7–8 and B are 3, 5–6 and 3 of 5 are 2, 3–4 and C are 1."""
    top = max(grades - 1, 1)
    return int(4 * (top - index) / top + 0.5)  # rounded half up (both terms are ≥ 0)


def whole_or_none(value: Any) -> int | None:
    number = number_or_none(value)
    return None if number is None else int(round(number))
