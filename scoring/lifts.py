"""The smallest concrete change that lifts a client one grade, for every client at once.

Lifts — `Lift(code, amount, unit, to_grade)`: one change that, other things equal, moves the
score to the lowest one that gives the next grade (its lower bound, plus the hysteresis margin
only where last week's grade is kept until then: scoring.grades.lowest_score_for). Only
changes a client could bring about within a year are suggested; the one with the least
relative effort wins:

| code           | unit  | amount                             | feasible when                    |
|----------------|-------|------------------------------------|----------------------------------|
| more_profit    | money | extra profit over the coming year  | ≤ the client's annual revenue    |
| more_revenue   | money | extra revenue (profit unknown)     | ≤ the client's annual revenue    |
| fewer_hours    | hours | fewer hours a year, same work      | at most half their hours (*)     |
| more_purchases | count | extra purchases in the coming year | at most as many as in a year     |
| pay_on_time    | count | invoices in a row paid on time     | at most a year's purchases (≤ 12)|
| referral       | count | referrals the client makes (1–3)   | always                           |

(*) Half of a year's hours and half of the hours recorded so far, whichever is fewer: a client
with 6 recorded hours is never asked for 10 fewer, however many a year their pace would make.

Effort compared: money / max(|value|, median), hours / hours a year, purchases / purchases a
year, 0.05 per invoice, 0.5 per referral. Amounts round up (money to two significant digits
and at least one whole unit, hours to a tenth), so the change always suffices. The best grade
has no lift; a client for whom nothing feasible suffices has None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from scoring.grades import lowest_score_for
from scoring.score import (
    COMPONENTS,
    PRIOR_EVENTS,
    REFERRAL_GAIN,
    ClientInputs,
    Scales,
    rate_curve,
    ratio_curve,
    ratio_inverse,
    recency_curve,
    shrunk_rate,
)

LIFT_CODES = (
    ("more_profit", "money"),
    ("more_revenue", "money"),
    ("fewer_hours", "hours"),
    ("more_purchases", "count"),
    ("pay_on_time", "count"),
    ("referral", "count"),
)
LIFT_INDEX = {code: i for i, (code, _) in enumerate(LIFT_CODES)}
YEARLY_LIFTS = ("more_profit", "more_revenue", "fewer_hours", "more_purchases")
MAX_HOURS_SHARE = 0.5
MAX_ON_TIME = 12
MAX_PURCHASES = 12
MAX_REFERRALS = 3
PROFIT_REFINE_STEPS = 4


def _round_up_money(amount: np.ndarray) -> np.ndarray:
    """Two significant digits, rounded up, and at least one whole unit (100 minor units): a
    client a cent below the next grade is told "€ 1 more", never "€ 0 more"."""
    with np.errstate(divide="ignore", invalid="ignore"):
        digits = np.floor(np.log10(np.maximum(amount, 1.0)))
        unit = 10.0 ** np.maximum(digits - 1, 0)
        return np.where(amount > 0, np.maximum(np.ceil(amount / unit) * unit, 100.0), amount)


def _joint_profit(
    profit: np.ndarray,
    per_hour: np.ndarray,
    hours: np.ndarray,
    c_profit: np.ndarray,
    c_hour: np.ndarray,
    need: np.ndarray,
    alone: np.ndarray,
    w_profit: float,
    w_hour: float,
    s: Scales,
) -> np.ndarray:
    """Extra annual profit that suffices when profit per hour rises with it (NaN if none).

    Bisection between a lower bound (one of the two gains must bring at least half of what is
    needed) and the profit-only amount `alone`, which always suffices.
    """

    def gain(extra: np.ndarray, rows: Any = slice(None)) -> np.ndarray:
        more = ratio_curve(profit[rows] + extra, s.profit) - c_profit[rows]
        faster = ratio_curve(per_hour[rows] + extra / hours[rows], s.profit_per_hour) - c_hour[rows]
        return w_profit * more + w_hour * faster

    def inverse(c: np.ndarray, ref: float) -> np.ndarray:
        return np.where(c < 1 - 1e-12, ratio_inverse(np.minimum(c, 1 - 1e-12), ref), np.inf)

    by_profit = inverse(c_profit + 0.5 * need / w_profit, s.profit) - profit
    by_hour = (inverse(c_hour + 0.5 * need / w_hour, s.profit_per_hour) - per_hour) * hours
    low = np.minimum(by_profit, by_hour)
    low = np.where(np.isfinite(low), np.maximum(low, 0.0), 0.0)
    found = ~np.isnan(alone)
    high = np.where(found, alone, 20.0 * np.maximum(np.abs(profit), s.profit))
    unsure = np.flatnonzero(~found)
    if len(unsure):
        found[unsure] = gain(high[unsure], unsure) >= need[unsure]
    high = np.maximum(high, low)
    for _ in range(PROFIT_REFINE_STEPS):
        middle = 0.5 * (low + high)
        enough = gain(middle) >= need
        high, low = np.where(enough, middle, high), np.where(enough, low, middle)
    return np.where(found, high, np.nan)


def _enough(
    k: np.ndarray, gain: Callable[[np.ndarray], np.ndarray], need: np.ndarray, most: int
) -> np.ndarray:
    """Whole steps from a closed form, checked both ways: one more where rounding fell short,
    one fewer where that already suffices (never fewer than one)."""
    with np.errstate(invalid="ignore"):
        k = np.where(gain(k) >= need, k, k + 1)
        k = np.where((k > 1) & (gain(np.maximum(k - 1, 1)) >= need), k - 1, k)
    return np.where(k <= most, k, np.inf)


def lift_arrays(
    x: ClientInputs,
    components: np.ndarray,
    weights: np.ndarray,
    known_weight: np.ndarray,
    score: np.ndarray,
    grade: np.ndarray,
    scale: str,
    s: Scales,
    annual_hours: np.ndarray,
    value_margin: float = 1.0,
    hours: np.ndarray | None = None,
    previous: np.ndarray | None = None,
    young: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(lift code index or -1, amount, target grade index) per client; `previous`: last
    week's grade index per client (-1 or None: none), which decides whether the margin counts;
    `young`: clients under 90 days of history, who get no lever in a year's figures."""
    n = len(score)
    target_grade = np.maximum(grade - 1, 0)
    before = np.full(n, -1, np.int64) if previous is None else previous
    target = lowest_score_for(target_grade, before, scale) + 0.01
    need = np.where(grade > 0, (target - score) / 100.0 * known_weight, np.nan)
    need = np.maximum(need, 1e-9)
    effort = np.full((n, len(LIFT_CODES)), np.inf)
    amount = np.full((n, len(LIFT_CODES)), np.nan)
    c = dict(zip(COMPONENTS, components.T, strict=True))
    w = dict(zip(COMPONENTS, weights, strict=True))

    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        # more_profit: closed form through the profit curve; where profit per hour rises with
        # it, a few bisection steps find the smaller amount that suffices for both together.
        if w["profit"] > 0:
            wanted = c["profit"] + need / w["profit"]
            alone = ratio_inverse(np.where(wanted < 1 - 1e-12, wanted, np.nan), s.profit)
            money = alone - x.annual_value
            rows = np.flatnonzero(
                (annual_hours > 0)
                & ~np.isnan(c["profit_per_hour"])
                & ~np.isnan(need)
                & (w["profit_per_hour"] > 0)
            )
            money[rows] = _joint_profit(
                x.annual_value[rows],
                x.value_per_hour[rows],
                annual_hours[rows],
                c["profit"][rows],
                c["profit_per_hour"][rows],
                need[rows],
                money[rows],
                w["profit"],
                w["profit_per_hour"],
                s,
            )
            # Where value stands on revenue, the lever is revenue: the value it takes, at the
            # margin revenue stands in at. Either way no more than the client spends in a year.
            revenue = x.value_from_revenue
            money = _round_up_money(np.where(revenue, money / value_margin, money))
            size = money / np.maximum(np.abs(x.annual_value), s.profit)
            feasible = (money > 0) & (money <= np.maximum(x.annual_revenue, 0.0))
            column = np.where(revenue, 1, 0)
            amount[np.arange(n), column] = money
            effort[np.arange(n), column] = np.where(feasible, size, np.inf)

        # fewer_hours: the profit per hour that suffices, at the same profit.
        if w["profit_per_hour"] > 0:
            wanted = c["profit_per_hour"] + need / w["profit_per_hour"]
            rate = ratio_inverse(np.where(wanted < 1 - 1e-12, wanted, np.nan), s.profit_per_hour)
            annual_value_timed = x.value_per_hour * annual_hours
            fewer = annual_hours - annual_value_timed / rate
            fewer = np.ceil(fewer * 10.0) / 10.0
            share = fewer / annual_hours
            # No more than half of the hours really recorded either (a young client's year is
            # an estimate): hours that were never worked cannot be saved.
            recorded = annual_hours if hours is None else np.fmin(annual_hours, hours)
            feasible = (
                (annual_value_timed > 0) & (share > 0) & (fewer <= MAX_HOURS_SHARE * recorded)
            )
            amount[:, 2] = fewer
            effort[:, 2] = np.where(feasible, share, np.inf)

        # more_purchases: the first purchase now, the rest over the year (closed form).
        fresh = recency_curve(np.zeros(n), x.interval_days)
        recency_gain = np.where(np.isnan(c["recency"]), 0.0, w["recency"] * (fresh - c["recency"]))
        if w["purchases"] > 0:

            def purchases_gain(k: np.ndarray) -> np.ndarray:
                more = ratio_curve(x.annual_purchases + k, s.purchases) - c["purchases"]
                return w["purchases"] * more + recency_gain

            wanted = c["purchases"] + (need - recency_gain) / w["purchases"]
            inverse = ratio_inverse(np.clip(wanted, 1e-12, 1 - 1e-12), s.purchases)
            k = np.maximum(np.ceil(inverse - x.annual_purchases), 1.0)
            k = np.where(wanted >= 1 - 1e-12, np.inf, k)
            k = _enough(k, purchases_gain, need, MAX_PURCHASES)
            size = k / np.maximum(x.annual_purchases, 1.0)
            hit = (x.annual_value > 0) & (size <= 1.0)
            amount[:, 3] = k
            effort[:, 3] = np.where(hit, size, np.inf)

        # pay_on_time: invoices in a row paid on time, shrinking the late share (closed form).
        if w["late_payments"] > 0:
            current = rate_curve(shrunk_rate(x.late, x.invoices, s.late_rate), s.late_scale)

            def on_time_gain(k: np.ndarray) -> np.ndarray:
                rate = shrunk_rate(x.late, x.invoices + k, s.late_rate)
                return w["late_payments"] * (rate_curve(rate, s.late_scale) - current)

            wanted = current + need / w["late_payments"]
            rate = -s.late_scale * np.log2(np.clip(wanted, 1e-12, 1.0))
            late_weight = x.late + PRIOR_EVENTS * s.late_rate
            k = np.maximum(np.ceil(late_weight / rate - x.invoices - PRIOR_EVENTS), 1.0)
            k = np.where((wanted >= 1) | (x.late <= 0), np.inf, k)
            k = _enough(k, on_time_gain, need, MAX_ON_TIME)
            k = np.where(k <= np.maximum(x.annual_purchases, 1.0), k, np.inf)
            amount[:, 4] = k
            effort[:, 4] = 0.05 * k

        # referral: one to three referrals (closed form).
        if w["referrals"] > 0:
            headroom = REFERRAL_GAIN * 0.5**x.referrals

            def referral_gain(k: np.ndarray) -> np.ndarray:
                return w["referrals"] * headroom * (1.0 - 0.5**k)

            share = need / (w["referrals"] * headroom)
            k = np.maximum(np.ceil(-np.log2(np.clip(1.0 - share, 1e-12, 1.0))), 1.0)
            k = np.where(share >= 1, np.inf, k)
            k = _enough(k, referral_gain, need, MAX_REFERRALS)
            amount[:, 5] = k
            effort[:, 5] = 0.5 * k

    effort[np.isnan(need)] = np.inf
    if young is not None:
        # Under 90 days the card shows no year (what was brought since then): a year's more
        # money, fewer hours or more purchases would rest on a guess of a few days scaled up.
        effort[np.ix_(young, [LIFT_INDEX[c] for c in YEARLY_LIFTS])] = np.inf
    best = np.argmin(effort, axis=1)
    found = np.isfinite(effort[np.arange(n), best])
    code = np.where(found, best, -1)
    return code, amount[np.arange(n), best], target_grade
