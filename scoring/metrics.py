"""Per-client figures over the scoring window, as arrays over every client of the team.

Units: money in minor units (float64 arrays holding whole numbers, NaN unknown), time in
seconds internally and hours in `hours`, days as whole days. "Annual" figures scale the window
to a year and, for clients younger than the window, to the time their purchases cover: the
time they have been a client plus their own usual interval (the last purchase covers one more
interval; four monthly visits are a year of twelve, not sixteen), at least `young_client_days`,
so a client of two weeks is not extrapolated wildly. A single purchase (or several on one day)
is never extrapolated: a young client with one sale shows what they bought so far.

A sale with no cost uses the team's default margin when set; without one it uses the margin
the team's costed sales show (`References.assumed_margin`) when those cover at least
`MIN_COSTED_REVENUE` of revenue and do not lose money overall (a negative margin is never
assumed); otherwise its cost, and so the client's profit, is unknown.
The assumed cost is taken on the client's uncosted revenue and rounded to whole minor units,
so sums stay exact and order-independent. Either way the client is flagged
`uses_default_margin` (with a 'default_margin_used' warning; `assumed` says which margin).

Value is what the score weighs: profit where it is known; where a client's profit is unknown
(no cost and no margin to assume), revenue at the margin of the team's costed sales — or
revenue itself when no sale has a cost — as if every client had the team's margin
(`value_from_revenue`). So grades discriminate on amounts alone, and screens say so.

With the team's `hour_cost` set, a client's cost (and so profit, margin, timed profit and profit
per hour) includes round(recorded hours × hour_cost), whole minor units per client.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from scoring.arrays import TeamArrays
from scoring.retention import lapsed
from scoring.settings import ScoringSettings

MIN_COSTED_REVENUE = 0.2  # share of revenue with recorded costs before their margin is assumed
OBSERVED = "observed"
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
    timed_purchases: np.ndarray  # sales with recorded time: what per-hour figures rest on
    profit_per_hour: np.ndarray
    timed_profit: np.ndarray  # profit of the sales with recorded time
    timed_sales_revenue: np.ndarray  # revenue of the sales with recorded time
    value: np.ndarray  # profit, or revenue at `value_margin` where profit is unknown
    value_per_hour: np.ndarray
    revenue_per_hour: np.ndarray
    value_from_revenue: np.ndarray  # profit unknown: value stands on revenue
    value_margin: float  # the margin revenue stands in at (1.0 without any costed sale)
    recency_days: np.ndarray
    tenure_days: np.ndarray
    interval_days: np.ndarray  # the client's own usual days between purchase days, NaN unknown
    one_day: np.ndarray  # a single purchase (or several on one day): never extrapolated
    annual_factor: np.ndarray
    referrals: np.ndarray
    complaints: np.ndarray
    compliments: np.ndarray
    invoices: np.ndarray  # sales whose payment is settled or overdue
    late: np.ndarray
    late_open: np.ndarray  # of the late ones, those still unpaid past their due date
    unpaid: np.ndarray
    overdue: np.ndarray
    open_invoices: np.ndarray  # unpaid invoices (with a due date and no payment)
    invoices_not_due: np.ndarray  # unpaid invoices in the window not due yet: not in `invoices`
    oldest_due: np.ndarray  # epoch day the oldest unpaid invoice was due, NaN without any
    uses_default_margin: np.ndarray
    imputed_sales: int
    uncosted_sales: int
    uncosted_revenue: float  # window revenue of the active clients' sales with no cost
    timed_revenue: float  # window revenue of the active clients' sales with recorded time
    window_revenue: float  # window revenue of the active clients
    window_sales: int
    observed_margin: float | None  # margin of the costed sales, when they cover enough revenue
    costed_revenue: float = 0.0  # window revenue of the active clients' sales with a cost
    costed_cost: float = 0.0  # ... and those sales' recorded cost

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
    def annual_value(self) -> np.ndarray:
        return self.value * self.annual_factor

    @property
    def annual_purchases(self) -> np.ndarray:
        return self.purchases * self.annual_factor


def compute_metrics(
    team: TeamArrays,
    settings: ScoringSettings,
    assumed_margin: float | Literal["observed"] | None = OBSERVED,
) -> Metrics:
    """Every per-client figure the score, flags and portrait need, in one pass over the sales.

    `assumed_margin` is the margin for sales with no cost when the team set no default margin:
    the frozen references' one, or OBSERVED to measure it on these sales.
    """
    n, sales, today = team.n, team.sales, team.today
    # Sales outside the window go to a spare last bin: no copies of the million-row arrays.
    bins = np.where(sales.window, sales.pos, n)
    zeros = np.zeros(n)

    def total(weights: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(bins, weights=weights, minlength=n + 1)[:n].astype(np.float64)

    def few(rows: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        """Per-client sums over a few sales (row numbers): cheaper than a full pass."""
        picked = None if weights is None else weights[rows]
        return np.bincount(bins[rows], weights=picked, minlength=n + 1)[:n].astype(np.float64)

    amount, cost = sales.amount, sales.cost
    uncosted = np.isnan(cost)
    open_rows = np.flatnonzero(uncosted)  # usually a small minority
    known_cost = np.where(uncosted, 0.0, cost) if len(open_rows) else cost
    purchases = total()
    revenue = total(amount)
    costed_cost = total(known_cost)
    uncosted_revenue = few(open_rows, amount)
    uncosted_count = few(open_rows)

    active = team.active
    window_revenue = float(revenue[active].sum())
    costed_revenue = window_revenue - float(uncosted_revenue[active].sum())
    # The margin of the sales with costs; it stands in for missing costs only when those sales
    # cover enough revenue, and always for value (below).
    costed_margin = None
    if costed_revenue > 0:
        costed_margin = float(1.0 - costed_cost[active].sum() / costed_revenue)
    # Costed sales that lose money overall (costs above revenue) give no margin to assume:
    # the uncosted sales' profit stays unknown rather than an invented loss (or gain).
    observed = None
    if (
        costed_revenue >= MIN_COSTED_REVENUE * window_revenue
        and costed_margin is not None
        and costed_margin >= 0
    ):
        observed = costed_margin
    if settings.default_margin is not None:
        margin_used = settings.default_margin
    else:
        margin_used = observed if assumed_margin == OBSERVED else assumed_margin
        assert not isinstance(margin_used, str)
        if margin_used is not None and margin_used < 0:  # frozen from such a week
            margin_used = None
    assert not isinstance(margin_used, str)

    def with_imputed(cost_sum: np.ndarray, open_revenue: np.ndarray, open_count: np.ndarray):
        # Per client, whole minor units: the same sum whatever order the sales came in.
        if margin_used is not None:
            return cost_sum + np.rint(open_revenue * (1.0 - margin_used))
        return np.where(open_count > 0, np.nan, cost_sum)

    cost_sum = with_imputed(costed_cost, uncosted_revenue, uncosted_count)

    seconds = sales.seconds
    untimed = np.isnan(seconds)
    time_sum, timed_profit, timed_revenue = zeros, np.full(n, np.nan), zeros
    timed_purchases = zeros
    if not untimed.all():
        # Most sales carry their time: sum the few without and subtract.
        bare = np.flatnonzero(untimed)
        time_sum = total(np.where(untimed, 0.0, seconds))
        timed_purchases = purchases - few(bare)
        timed_revenue = revenue - few(bare, amount)
        timed_cost = costed_cost - few(bare, known_cost)
        timed_open = open_rows[~untimed[open_rows]]
        timed_cost = with_imputed(timed_cost, few(timed_open, amount), few(timed_open))
        timed_profit = timed_revenue - timed_cost
    time_sum = np.where(time_sum > 0, time_sum, np.nan)
    if settings.hour_cost is not None:
        # The team's hours are a cost too: per client in whole minor units, so sums stay exact.
        hour_cost = np.rint(np.nan_to_num(time_sum) / 3600.0 * settings.hour_cost)
        cost_sum, timed_profit = cost_sum + hour_cost, timed_profit - hour_cost
    profit = revenue - cost_sum
    with np.errstate(invalid="ignore", divide="ignore"):
        margin = np.where(revenue > 0, profit / revenue, np.nan)
    profit_per_hour = timed_profit / (time_sum / 3600.0)

    value_margin = 1.0 if costed_margin is None else min(max(costed_margin, 0.05), 1.0)
    value_from_revenue = np.isnan(profit) & (revenue > 0)
    value = np.where(value_from_revenue, revenue * value_margin, profit)
    revenue_per_hour = timed_revenue / (time_sum / 3600.0)
    timed_value = np.where(np.isnan(timed_profit), timed_revenue * value_margin, timed_profit)
    value_per_hour = timed_value / (time_sum / 3600.0)

    first = np.full(n + 1, np.inf)
    last = np.full(n + 1, -np.inf)
    np.minimum.at(first, bins, sales.day)
    np.maximum.at(last, bins, sales.day)
    first, last = first[:n], last[:n]
    first[np.isinf(first)] = np.nan
    last[np.isinf(last)] = np.nan
    with np.errstate(invalid="ignore", divide="ignore"):
        # Between purchase days, not sales: three sales on one day are one visit, so a client
        # who came twice, once buying three things, came every (last - first) days.
        days = _purchase_days(sales.pos[sales.window], sales.day[sales.window], n)
        interval = np.where(days >= 2, (last - first) / (days - 1), np.nan)
    interval[interval <= 0] = np.nan
    last_ever = np.fmax(team.last_sold, last)
    start = np.fmin(np.fmin(team.acquired, team.first_sold), np.fmin(first, team.created))
    tenure = np.maximum(today - start, 0.0)

    window_days = float(team.window_days)
    floor = min(float(settings.young_client_days), window_days)
    covered = tenure + np.where(np.isnan(interval), 0.0, interval)
    active_days = np.clip(np.fmin(covered, window_days), floor, window_days)
    one_day = (purchases <= 1) | (first == last)  # a single purchase (or several, one day)
    # A client who stopped buying (lapsed by their own interval) will not fill the rest of a
    # year: what they brought is their year, not an estimate.
    stopped = lapsed(today - last_ever, interval)
    active_days[np.isnan(tenure) | one_day | stopped] = window_days

    # Payments: a sale with a due date is settled (paid, on time or late) or overdue; money is
    # owed on every loaded sale (old unpaid invoices too), lateness counts in the window.
    due, paid = sales.due, sales.paid
    has_due = ~np.isnan(due)
    invoices, late, late_open, unpaid, overdue = zeros, zeros, zeros, zeros, zeros
    open_invoices, oldest_due, not_due = zeros, np.full(n, np.nan), zeros
    if has_due.any():
        open_sale = np.flatnonzero(has_due & np.isnan(paid))  # few: unpaid invoices
        open_due = due[open_sale]
        overdue_sale = open_sale[open_due < today]
        waiting = open_sale[open_due >= today]  # not due yet: neither on time nor late
        due_count = purchases if has_due.all() else total(has_due)
        not_due = few(waiting)
        invoices = due_count - not_due
        with np.errstate(invalid="ignore"):
            late_open = few(overdue_sale)
            late = few(np.flatnonzero(paid > due)) + late_open
        gross = sales.gross - sales.paid_part  # the invoice, VAT included, less part payments
        owed = np.bincount(sales.pos[open_sale], gross[open_sale], minlength=n)
        unpaid = owed.astype(np.float64)
        overdue = np.bincount(sales.pos[overdue_sale], gross[overdue_sale], minlength=n)
        open_invoices = np.bincount(sales.pos[open_sale], minlength=n).astype(np.float64)
        oldest = np.full(n, np.inf)
        np.minimum.at(oldest, sales.pos[open_sale], open_due)
        oldest_due = np.where(np.isinf(oldest), np.nan, oldest)

    kinds = team.event_kind
    imputed = uncosted_count if margin_used is not None else zeros
    return Metrics(
        purchases=purchases,
        revenue=revenue,
        cost=cost_sum,
        profit=profit,
        margin=margin,
        seconds=time_sum,
        timed_purchases=timed_purchases,
        profit_per_hour=profit_per_hour,
        timed_profit=timed_profit,
        timed_sales_revenue=timed_revenue,
        value=value,
        value_per_hour=value_per_hour,
        revenue_per_hour=revenue_per_hour,
        value_from_revenue=value_from_revenue,
        value_margin=value_margin,
        recency_days=today - last_ever,
        tenure_days=tenure,
        interval_days=interval,
        one_day=one_day & (purchases > 0),
        annual_factor=DAYS_PER_YEAR / active_days,
        referrals=_referrals(team),
        complaints=np.bincount(team.event_pos, kinds == "complaint", minlength=n),
        compliments=np.bincount(team.event_pos, kinds == "compliment", minlength=n),
        invoices=invoices,
        late=late,
        late_open=late_open,
        unpaid=unpaid,
        overdue=overdue,
        open_invoices=open_invoices,
        invoices_not_due=not_due,
        oldest_due=oldest_due,
        uses_default_margin=imputed > 0,
        imputed_sales=int(imputed[active].sum()),
        uncosted_sales=int(uncosted_count[active].sum()),
        uncosted_revenue=float(uncosted_revenue[active].sum()),
        timed_revenue=float(timed_revenue[active].sum()),
        window_revenue=window_revenue,
        window_sales=int(purchases[active].sum()),
        observed_margin=observed,
        costed_revenue=costed_revenue,
        costed_cost=float(costed_cost[active].sum()),
    )


def _purchase_days(pos: np.ndarray, day: np.ndarray, n: int) -> np.ndarray:
    """How many distinct days each client bought on (the sales given)."""
    if not len(pos):
        return np.zeros(n)
    low, span = day.min(), int(day.max() - day.min()) + 1
    key = pos.astype(np.int64) * span + (day - low).astype(np.int64)
    if not (key[1:] >= key[:-1]).all():  # sales usually come sorted: no sort to pay for
        key = np.sort(key)
    first = np.empty(len(key), bool)
    first[0], first[1:] = True, key[1:] != key[:-1]
    return np.bincount(key[first] // span, minlength=n)[:n].astype(np.float64)


def referral_pairs(team: TeamArrays, *, window_only: bool) -> tuple[np.ndarray, np.ndarray]:
    """(referrer, referred) client positions from referral events and clients' referred-by.

    `window_only` keeps the referrals made in the scoring window: a referral is dated by when
    the referred client became a client ("client since"), or, when that is unknown, by when the
    team recorded them — whether the team said so in chat (/refer) or in a clients file.
    """
    referral = (team.event_kind == "referral") & (team.event_referred >= 0)
    by = team.referred_by >= 0
    referrer = np.concatenate([team.event_pos[referral], team.referred_by[by]])
    referred = np.concatenate([team.event_referred[referral], np.flatnonzero(by)])
    if window_only:
        start = np.where(np.isnan(team.acquired), team.created, team.acquired)[referred]
        made = (start > team.window_start) & (start <= team.today)
        referrer, referred = referrer[made], referred[made]
    keys = np.unique(referrer * team.n + referred)
    return keys // max(team.n, 1), keys % max(team.n, 1)


def _referrals(team: TeamArrays) -> np.ndarray:
    """Referrals made in the window: each referred client once (dated by their start, see
    `referral_pairs`), plus referral events naming nobody, dated by the event."""
    referrer, _ = referral_pairs(team, window_only=True)
    anonymous = (team.event_kind == "referral") & (team.event_referred < 0)
    counts = np.bincount(referrer, minlength=team.n)
    counts += np.bincount(team.event_pos[anonymous], minlength=team.n)
    return counts.astype(np.float64)


def invoices_shown(late: Any, invoices: Any, not_due: Any) -> Any:
    """How many invoices a screen counts "late" among: with any late, the invoices not due yet
    too ("1 of 2 invoices late" for one overdue and one still within its term, not "1 of 1");
    with none late, only the settled ("all 3 paid on time" says nothing of an open one)."""
    return np.where(np.asarray(late) > 0, np.add(invoices, not_due), invoices)
