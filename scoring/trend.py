"""Revenue of the last four weeks against the four before: the digest's one line on direction."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scoring.arrays import TeamArrays

TREND_DAYS = 28  # four weeks, today included


@dataclass(frozen=True)
class RevenueTrend:
    """Net revenue (minor units, VAT taken off) of the active clients' sales in the last 28
    days, today included, and in the 28 days before them — the clients the revenue shares are
    of; `left_out`: what declined or archived clients bought in those 56 days, not counted."""

    recent: int
    before: int
    left_out: int = 0

    @property
    def change(self) -> float | None:
        """recent / before − 1; None when there was nothing before to compare with."""
        return self.recent / self.before - 1 if self.before > 0 else None


def revenue_trend(team: TeamArrays) -> RevenueTrend | None:
    """The trend, or None when both periods are empty or the loaded sales (the scoring
    window) do not reach back eight weeks."""
    if team.window_days < 2 * TREND_DAYS:
        return None
    day, amount = team.sales.day, team.sales.amount
    active = team.active[team.sales.pos]
    recent = (day > team.today - TREND_DAYS) & (day <= team.today)
    before = (day > team.today - 2 * TREND_DAYS) & (day <= team.today - TREND_DAYS)
    trend = RevenueTrend(
        int(np.sum(amount[recent & active])),
        int(np.sum(amount[before & active])),
        int(np.sum(amount[(recent | before) & ~active])),
    )
    return None if trend.recent == 0 and trend.before == 0 else trend
