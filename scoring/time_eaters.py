"""Time-eaters: clients whose share of the team's time is well above their share of revenue.

Big clients can eat a disproportionate share of the team's time (the Dutch text). Among current
clients with recorded time, a client is a time-eater when

    time_share ≥ time_eater_min_share (default 5 %) and
    time_share ≥ time_eater_ratio (default 1.5) × revenue_share and
    their profit per hour is below the team's,

where revenue_share is the client's share of the revenue of the sales that have their time
recorded (a sale without its time says nothing about time), so a team that logs hours for
some sales only is compared like with like; and the team's profit per hour is the profit of
all those sales over all the recorded hours (profit, or revenue at the team's margin where
a cost is missing). A client who earns the team more per hour than its average is never
called a time-eater. Needs at least `MIN_TIMED_CLIENTS` clients with recorded time. Ordered
by the gap between time share and revenue share, largest first.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_TIMED_CLIENTS = 3


@dataclass(frozen=True, slots=True)
class TimeEater:
    client_id: int
    time_share: float
    revenue_share: float
    ratio: float  # time share / revenue share; inf when the client brought no revenue
    hours: float
    revenue: int
    profit_per_hour: int | None


@dataclass(frozen=True, eq=False)
class TimeShares:
    time_share: np.ndarray  # NaN where no time is recorded
    revenue_share: np.ndarray  # share of the revenue of the sales with recorded time
    flagged: np.ndarray


def time_shares(
    seconds: np.ndarray,
    timed_revenue: np.ndarray,
    value_per_hour: np.ndarray,
    current: np.ndarray,
    *,
    ratio: float,
    min_share: float,
) -> TimeShares:
    """Shares of the recorded time and of the revenue of the timed sales; who eats time."""
    timed = current & (seconds > 0)
    time_total = np.where(timed, seconds, 0.0).sum()
    revenue = timed_revenue
    revenue_total = np.where(timed, revenue, 0.0).sum()
    value = np.where(timed, np.nan_to_num(value_per_hour) * seconds, 0.0)
    team_per_hour = value.sum() / time_total if time_total > 0 else np.nan
    n = len(seconds)
    time_share = (
        np.where(timed, seconds / time_total, np.nan) if time_total > 0 else np.full(n, np.nan)
    )
    revenue_share = (
        np.where(timed, revenue / revenue_total, np.nan)
        if revenue_total > 0
        else np.where(timed, 0.0, np.nan)
    )
    flagged = (
        timed
        & (int(timed.sum()) >= MIN_TIMED_CLIENTS)
        & (time_share >= min_share)
        & (time_share >= ratio * revenue_share)
        & ~(value_per_hour >= team_per_hour)
    )
    return TimeShares(time_share, revenue_share, flagged)


def time_eaters(
    ids: np.ndarray,
    shares: TimeShares,
    hours: np.ndarray,
    revenue: np.ndarray,
    profit_per_hour: np.ndarray,
) -> tuple[TimeEater, ...]:
    found = np.flatnonzero(shares.flagged)
    gap = shares.time_share[found] - shares.revenue_share[found]
    found = found[np.argsort(-gap, kind="stable")]
    out = []
    for i in found:
        revenue_share = float(shares.revenue_share[i])
        out.append(
            TimeEater(
                client_id=int(ids[i]),
                time_share=float(shares.time_share[i]),
                revenue_share=revenue_share,
                ratio=float(shares.time_share[i] / revenue_share) if revenue_share > 0 else np.inf,
                hours=round(float(hours[i]), 1),
                revenue=int(revenue[i]),
                profit_per_hour=None
                if np.isnan(profit_per_hour[i])
                else int(np.rint(profit_per_hour[i])),
            )
        )
    return tuple(out)
