"""Retention: who has lapsed, which ideal clients are overdue, and what ideal clients bring.

- A client's usual interval is the mean gap between their purchases in the window (needs two
  purchases); without one, the team's median interval stands in.
- Lapsed: no purchase for more than `LAPSE_FACTOR` (3) usual intervals and at least
  `LAPSE_MIN_DAYS` (60) days. Lapsed clients leave current concentration and are shown apart.
  A client who never bought has not lapsed.
- Overdue ideal clients (the weekly "reach out" list): portrait clients with at least
  `OVERDUE_MIN_PURCHASES` purchases whose days since the last purchase exceed
  `OVERDUE_FACTOR` (1.5) × their own interval and the interval + 7 days. Most overdue first.
- Ideal run-rate: the Russian text's income you can count on — what the *recurring* ideal
  clients actually paid over the last 12 months (365 days up to today), divided by 12.
  Recurring: at least `RECURRING_PURCHASES` (2) purchases in those 12 months. A one-off sale
  counts for nothing and nothing is annualised: a client of three months adds what they paid
  in those three months. With a scoring window shorter than a year the window's sales stand
  in, divided by the window's length in months.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scoring.arrays import TeamArrays
from scoring.records import Records

LAPSE_FACTOR = 3.0
LAPSE_MIN_DAYS = 60.0
OVERDUE_FACTOR = 1.5
OVERDUE_MIN_GAP_DAYS = 7.0
OVERDUE_MIN_PURCHASES = 3
RECURRING_PURCHASES = 2
RUN_RATE_DAYS = 365


@dataclass(frozen=True, slots=True)
class Overdue:
    client_id: int
    usual_interval_days: int
    days_since_last: int


def lapsed(recency: np.ndarray, interval: np.ndarray) -> np.ndarray:
    """`interval` is each client's usual interval, the team's where their own is unknown."""
    with np.errstate(invalid="ignore"):
        return recency > np.maximum(LAPSE_FACTOR * interval, LAPSE_MIN_DAYS)


def overdue_ideal(
    ids: np.ndarray,
    ideal: np.ndarray,
    purchases: np.ndarray,
    own_interval: np.ndarray,
    recency: np.ndarray,
) -> Records[Overdue]:
    with np.errstate(invalid="ignore", divide="ignore"):
        late = (
            ideal
            & (purchases >= OVERDUE_MIN_PURCHASES)
            & (recency > OVERDUE_FACTOR * own_interval)
            & (recency > own_interval + OVERDUE_MIN_GAP_DAYS)
        )
        found = np.flatnonzero(late)
        ratio = recency[found] / own_interval[found]
    found = found[np.argsort(-ratio, kind="stable")]
    return Records(
        Overdue,
        ids[found].tolist(),
        np.rint(own_interval[found]).astype(np.int64).tolist(),
        recency[found].astype(np.int64).tolist(),
    )


def ideal_run_rate_monthly(team: TeamArrays, ideal: np.ndarray) -> int:
    """Whole minor units a month; `ideal` is a mask over all the team's clients."""
    days = min(RUN_RATE_DAYS, team.window_days)
    sales = team.sales
    recent = sales.window & (sales.day > team.today - days)
    pos = sales.pos[recent]
    purchases = np.bincount(pos, minlength=team.n)
    paid = np.bincount(pos, weights=sales.amount[recent], minlength=team.n)
    recurring = ideal & (purchases >= RECURRING_PURCHASES)
    months = 12.0 * days / RUN_RATE_DAYS
    return int(np.rint(float(paid[recurring].sum()) / months))
