"""The clients table of an analysis: one row per active client, in the contract's units.

Columns:

    name, kind, segment; revenue, cost, profit, annual_revenue, annual_profit, average_order, owed,
    overdue (minor units; Int64 with <NA> where unknown); margin (0–1); minutes, hours;
    timed_purchases (sales with recorded time); profit_per_hour (minor units per hour: the profit of
    the sales with recorded time over their hours); revenue_share (of current revenue; NaN for
    lapsed clients), time_share (of recorded time; NaN without time); purchases, recency_days,
    tenure_days, usual_interval_days; referrals, complaints, compliments, invoices (settled or
    overdue), invoices_not_due (open, within their term), late_payments (late_unpaid of them still
    unpaid past the due date), late_payment_rate (shrunk toward the team rate; NaN without
    invoices); judgement (1–5, NaN none); fit (0–1, NaN unknown), fit_met and fit_known (criteria
    met in full, of those with known data); annualised (the annual figures are extrapolated from a
    client younger than the window, every young client but one with a single purchase); so_far (a
    young client's single purchase, or
    several on one day: not extrapolated); short_history (the figures rest on fewer than
    `young_days` days — the client's own or the team's first recorded sale, whichever is later —
    so no yearly figure is shown, only what was brought in `history_days`); score (0–100);
    data_score (the score without the team's judgement); grade, grade_index (0 = best; both <NA>
    for a client without a sale in the window: no grade yet, whatever the score says); and the
    flags over_reliant, watch, time_eater, decline_candidate, lapsed, young, ideal,
    uses_default_margin, value_from_revenue (profit unknown: the score weighs revenue instead).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.arrays import TeamArrays
from scoring.concentration import Shares
from scoring.fit import Fit
from scoring.grades import labels
from scoring.metrics import Metrics
from scoring.score import ClientInputs
from scoring.time_eaters import TimeShares


def money(values: np.ndarray) -> pd.arrays.IntegerArray:
    """Whole minor units as a nullable Int64 array, <NA> where unknown."""
    unknown = np.isnan(values)
    whole = np.rint(np.where(unknown, 0.0, values)).astype(np.int64)
    return pd.arrays.IntegerArray(whole, unknown)


def client_table(
    team: TeamArrays,
    a: np.ndarray,
    m: Metrics,
    fit: Fit,
    x: ClientInputs,
    late_rate: np.ndarray,
    shares: Shares,
    timing: TimeShares,
    score: np.ndarray,
    data_score: np.ndarray,
    grade: np.ndarray,
    scale: str,
    flags: dict[str, np.ndarray],
    history: np.ndarray,
    young_days: int = 90,
) -> pd.DataFrame:
    """One row per scored client; `flags` are the boolean columns, lapsed among them."""
    names = team.clients[["name", "kind", "segment"]].iloc[a]
    revenue = m.revenue[a]
    # Younger than the window: the year is an estimate — except a single purchase (or several
    # on one day), which is never extrapolated and shows what the client brought so far, and a
    # client who stopped buying, whose year is what they brought.
    young = (m.tenure_days[a] < team.window_days) & (x.purchases > 0)
    one_day = m.one_day[a]
    estimated = young & ~one_day & ~flags["lapsed"]
    annualised = (m.annual_factor[a] != 365.0 / team.window_days) | estimated
    # How many days of history the figures rest on: since the client started, or since the
    # team's first recorded sale when that is later. Under `young_days` no figure is a year's:
    # screens show what was brought since then (`history_days`), never an estimate.
    so_far = young & one_day & ~annualised
    short = (history < young_days) & (x.purchases > 0) & ~so_far
    annualised &= ~short
    # Without a sale in the window there is nothing to grade: every figure is the team's
    # default, and a grade would be the score of an empty row.
    ungraded = x.purchases == 0
    with np.errstate(invalid="ignore", divide="ignore"):
        average = np.where(x.purchases > 0, revenue / x.purchases, np.nan)
    columns = {
        "name": names["name"].array,
        "kind": names["kind"].array,
        "segment": names["segment"].array,
        "revenue": revenue.astype(np.int64),
        "cost": money(m.cost[a]),
        "profit": money(m.profit[a]),
        "margin": m.margin[a],
        "annual_revenue": money(m.annual_revenue[a]),
        "annual_profit": money(x.annual_profit),
        "minutes": m.seconds[a] / 60.0,
        "hours": m.seconds[a] / 3600.0,
        "timed_purchases": m.timed_purchases[a].astype(np.int64),
        "profit_per_hour": money(x.profit_per_hour),
        "revenue_share": np.where(flags["lapsed"], np.nan, shares.share),
        "time_share": timing.time_share,
        "purchases": x.purchases.astype(np.int64),
        "recency_days": money(x.recency_days),
        "tenure_days": money(m.tenure_days[a]),
        "usual_interval_days": m.interval_days[a],
        "average_order": money(average),
        "referrals": x.referrals.astype(np.int64),
        "complaints": x.complaints.astype(np.int64),
        "compliments": m.compliments[a].astype(np.int64),
        "invoices": x.invoices.astype(np.int64),
        "invoices_not_due": x.invoices_not_due.astype(np.int64),
        "late_payments": x.late.astype(np.int64),
        "late_unpaid": m.late_open[a].astype(np.int64),
        "late_payment_rate": np.where(x.invoices > 0, late_rate, np.nan),
        "owed": m.unpaid[a].astype(np.int64),
        "overdue": m.overdue[a].astype(np.int64),
        "judgement": x.judgement,
        "fit": fit.fit[a],
        "fit_met": fit.met[a].astype(np.int64),
        "fit_known": fit.known[a].astype(np.int64),
        "annualised": annualised,
        "so_far": so_far,
        "short_history": short,
        "history_days": money(history),
        "score": score,
        "data_score": data_score,
        "grade": pd.array(
            np.where(ungraded, None, np.asarray(labels(scale), dtype=object)[grade]), dtype="str"
        ),
        "grade_index": pd.arrays.IntegerArray(grade.astype(np.int64), ungraded),
        **flags,
    }
    # The arrays are fresh and ours: no need for pandas to copy them into blocks.
    return pd.DataFrame(columns, index=pd.Index(team.ids[a], name="client_id"), copy=False)
