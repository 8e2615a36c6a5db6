"""The digest's revenue trend: the last 4 weeks against the 4 before, in whole units of the
team's currency, VAT off as everywhere."""

from __future__ import annotations

from locales import Markup, Translator
from scoring import TeamAnalysis
from scoring.snapshots import WeekChanges
from storage.callers import TeamView


def trend_line(t: Translator, team: TeamView, analysis: TeamAnalysis) -> Markup | None:
    """Revenue of the last 4 weeks against the 4 before, whole units (VAT off, as everywhere),
    of the clients the shares are of: declined clients' sales said to be left out."""
    line = _figures(t, team, analysis)
    if line is not None and analysis.revenue_trend and analysis.revenue_trend.left_out:
        line += Markup(" ") + t._("(without the clients you declined)")
    return line


def trend_said_already(
    analysis: TeamAnalysis, changes: WeekChanges, activity: Markup | None
) -> bool:
    """A team whose sales all fall in this week: "Revenue in the last 4 weeks: 35 001 ₽" with
    nothing before to compare says again the week's "10 sales, 35 001 ₽ in all" (the Russian
    reader)."""
    trend = analysis.revenue_trend
    return (
        activity is not None
        and trend is not None
        and trend.change is None
        and round(trend.recent / 100) == round(changes.sales_amount / 100)  # as both are shown
    )


def _figures(t: Translator, team: TeamView, analysis: TeamAnalysis) -> Markup | None:
    trend = analysis.revenue_trend
    if trend is None:
        return None
    recent = t.money(trend.recent, team.currency, whole=True)
    if trend.change is None:
        return t._("📈 Revenue in the last 4 weeks: {recent}", recent=recent)
    before = t.money(trend.before, team.currency, whole=True)
    change = t.percent(abs(trend.change))
    if change == t.percent(0.0):  # "+0 %" says nothing a word would not say better
        return t._(
            "📈 Revenue in the last 4 weeks: {recent} (the 4 before: {before}, unchanged)",
            recent=recent,
            before=before,
        )
    sign = "+" if trend.change >= 0 else "−"
    return t._(
        "📈 Revenue in the last 4 weeks: {recent} (the 4 before: {before}, {change})",
        recent=recent,
        before=before,
        change=sign + change,
    )
