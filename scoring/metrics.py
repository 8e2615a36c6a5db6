"""Per-client figures over the scoring window, as arrays over every client of the team.

Units: money in minor units (float64 arrays holding whole numbers, NaN unknown), time in
seconds internally and hours in `hours`, days as whole days. "Annual" figures scale the window
to a year and, for clients younger than the window, to the time they have been a client — but
never by more than `young_client_days`, so a client of two weeks is not extrapolated wildly.

A sale with no cost uses the team's default margin when set; without one it uses the margin
the team's costed sales show (`References.assumed_margin`) when those cover at least
`MIN_COSTED_REVENUE` of revenue; otherwise its cost, and so the client's profit, is unknown.
Either way the client is flagged `uses_default_margin`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scoring.prepared import Prepared
from scoring.settings import ScoringSettings

MIN_COSTED_REVENUE = 0.2  # share of revenue with recorded costs before their margin is assumed
DAYS_PER_YEAR = 365.0


@dataclass(frozen=True, eq=False)
class Metrics:
    """Arrays of length n (all clients, ordered by id)."""

    purchases: np.ndarray
    revenue: np.ndarray
    cost: np.ndarray
    profit: np.ndarray
    margin: np.ndarray
    seconds: np.ndarray  # recorded time, NaN when none recorded
    profit_per_hour: np.ndarray
    timed_profit: np.ndarray  # profit of the sales with recorded time
    recency_days: np.ndarray
    tenure_days: np.ndarray
    interval_days: np.ndarray  # the client's own usual days between purchases, NaN unknown
    annual_factor: np.ndarray
    referrals: np.ndarray
    complaints: np.ndarray
    compliments: np.ndarray
    invoices: np.ndarray  # sales whose payment is settled or overdue
    late: np.ndarray
    unpaid: np.ndarray
    overdue: np.ndarray
    uses_default_margin: np.ndarray
    imputed_sales: int
    uncosted_sales: int
    uncosted_revenue: float  # window revenue of the active clients' sales with no cost
    timed_revenue: float  # window revenue of the active clients' sales with recorded time
    window_revenue: float  # window revenue of the active clients
    window_sales: int

    @property
    def hours(self) -> np.ndarray:
        return self.seconds / 3600.0

    @property
    def annual_revenue(self) -> np.ndarray:
        return self.revenue * self.annual_factor

    @property
    def annual_profit(self) -> np.ndarray:
        return self.profit * self.annual_factor

    @property
    def annual_purchases(self) -> np.ndarray:
        return self.purchases * self.annual_factor


def observed_margin(team: Prepared) -> float | None:
    """The margin of the window's costed sales, when they cover enough of the revenue."""
    sales = team.sales
    window = sales.window & team.active[sales.pos]
    amount, cost = sales.amount[window], sales.cost[window]
    costed = ~np.isnan(cost)
    revenue, costed_revenue = amount.sum(), amount[costed].sum()
    if revenue <= 0 or costed_revenue < MIN_COSTED_REVENUE * revenue:
        return None
    return float(1.0 - cost[costed].sum() / costed_revenue)


def compute_metrics(
    team: Prepared, settings: ScoringSettings, assumed_margin: float | None
) -> Metrics:
    """Every per-client figure the score, flags and portrait need, in one pass over the sales."""
    n, sales, today = team.n, team.sales, team.today

    def total(pos: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(pos, weights=weights, minlength=n).astype(np.float64)

    w = sales.window
    pos, amount, cost = sales.pos[w], sales.amount[w], sales.cost[w]
    uncosted = np.isnan(cost)
    margin_used = settings.default_margin if settings.default_margin is not None else assumed_margin
    if margin_used is not None:
        cost = np.where(uncosted, np.rint(amount * (1.0 - margin_used)), cost)
    unknown_cost = np.isnan(cost)
    sale_profit = amount - np.where(unknown_cost, 0.0, cost)

    purchases = total(pos)
    revenue = total(pos, amount)
    cost_sum = total(pos, np.where(unknown_cost, 0.0, cost))
    cost_unknown = total(pos, unknown_cost) > 0
    cost_sum[cost_unknown] = np.nan
    profit = revenue - cost_sum
    with np.errstate(invalid="ignore", divide="ignore"):
        margin = np.where(revenue > 0, profit / revenue, np.nan)

    seconds = sales.seconds[w]
    timed = ~np.isnan(seconds)
    time_sum = total(pos, np.where(timed, seconds, 0.0))
    timed_profit = total(pos, np.where(timed, sale_profit, 0.0))
    timed_profit[total(pos, timed & unknown_cost) > 0] = np.nan
    time_sum[time_sum <= 0] = np.nan
    profit_per_hour = timed_profit / (time_sum / 3600.0)

    day = sales.day[w]
    first = np.full(n, np.inf)
    last = np.full(n, -np.inf)
    np.minimum.at(first, pos, day)
    np.maximum.at(last, pos, day)
    first[np.isinf(first)] = np.nan
    last[np.isinf(last)] = np.nan
    with np.errstate(invalid="ignore", divide="ignore"):
        interval = np.where(purchases >= 2, (last - first) / (purchases - 1), np.nan)
    interval[interval <= 0] = np.nan
    last_ever = np.fmax(team.last_sold, last)
    start = np.fmin(np.fmin(team.acquired, team.first_sold), np.fmin(first, team.created))
    tenure = np.maximum(today - start, 0.0)

    window_days = float(team.window_days)
    floor = min(float(settings.young_client_days), window_days)
    active_days = np.clip(np.fmin(tenure, window_days), floor, window_days)
    active_days[np.isnan(tenure)] = window_days

    # Payments: a sale with a due date is settled (paid, on time or late) or overdue.
    due, paid = sales.due[w], sales.paid[w]
    has_due, has_paid = ~np.isnan(due), ~np.isnan(paid)
    overdue_now = has_due & ~has_paid & (due < today)
    late = has_due & ((has_paid & (paid > due)) | overdue_now)
    invoices = total(pos, has_due & (has_paid | overdue_now))

    every_due, every_paid = ~np.isnan(sales.due), np.isnan(sales.paid)
    open_sale = every_due & every_paid
    unpaid = total(sales.pos, np.where(open_sale, sales.amount, 0.0))
    overdue = total(sales.pos, np.where(open_sale & (sales.due < today), sales.amount, 0.0))

    kinds = team.event_kind
    of_active = team.active[pos]
    return Metrics(
        purchases=purchases,
        revenue=revenue,
        cost=cost_sum,
        profit=profit,
        margin=margin,
        seconds=time_sum,
        profit_per_hour=profit_per_hour,
        timed_profit=timed_profit,
        recency_days=today - last_ever,
        tenure_days=tenure,
        interval_days=interval,
        annual_factor=DAYS_PER_YEAR / active_days,
        referrals=_referrals(team),
        complaints=total(team.event_pos, kinds == "complaint"),
        compliments=total(team.event_pos, kinds == "compliment"),
        invoices=invoices,
        late=total(pos, late),
        unpaid=unpaid,
        overdue=overdue,
        uses_default_margin=total(pos, uncosted & ~unknown_cost) > 0,
        imputed_sales=int((uncosted & ~unknown_cost & of_active).sum()),
        uncosted_sales=int((uncosted & of_active).sum()),
        uncosted_revenue=float(amount[uncosted & of_active].sum()),
        timed_revenue=float(amount[timed & of_active].sum()),
        window_revenue=float(amount[of_active].sum()),
        window_sales=int(of_active.sum()),
    )


def referral_pairs(team: Prepared, *, window_only: bool) -> tuple[np.ndarray, np.ndarray]:
    """(referrer, referred) client positions from referral events and clients' referred-by."""
    referral = (team.event_kind == "referral") & (team.event_referred >= 0)
    referrer = [team.event_pos[referral]]
    referred = [team.event_referred[referral]]
    by = team.referred_by >= 0
    if window_only:
        start = np.fmin(team.acquired, team.created)
        by &= (start > team.window_start) & (start <= team.today)
    referrer.append(team.referred_by[by])
    referred.append(np.flatnonzero(by))
    keys = np.unique(np.concatenate(referrer) * team.n + np.concatenate(referred))
    return keys // max(team.n, 1), keys % max(team.n, 1)


def _referrals(team: Prepared) -> np.ndarray:
    """Referrals made in the window: each referred client once, plus events naming nobody."""
    referrer, _ = referral_pairs(team, window_only=True)
    anonymous = (team.event_kind == "referral") & (team.event_referred < 0)
    counts = np.bincount(referrer, minlength=team.n)
    counts += np.bincount(team.event_pos[anonymous], minlength=team.n)
    return counts.astype(np.float64)
