"""The 0–100 score: weighted components, each comparing a client with the frozen references.

Each component is a number in 0–1 (NaN when the client's data for it is unknown); the score is
100 × the weighted mean over the known components. Weights (team-tunable by key; a component
shares its key's weight when two use one key):

| key             | weight | component(s)           | measure (ref: References)                 |
|-----------------|--------|------------------------|-------------------------------------------|
| profitability   | 0.25   | profit                 | annual value vs median annual value       |
| time_efficiency | 0.15   | profit_per_hour        | value per hour vs median value per hour   |
| fit             | 0.15   | fit                    | fit to the ideal profile(s), 0–1          |
| loyalty         | 0.10   | purchases ½, recency ½ | purchases a year vs median; days since    |
|                 |        |                        | the last purchase vs the usual interval   |
| referrals       | 0.10   | referrals              | referrals made in the window              |
| complaints      | 0.10   | complaints             | complaints per purchase (shrunk) vs team  |
| late_payments   | 0.05   | late_payments          | late share of invoices (shrunk) vs team   |
| judgement       | 0.10   | judgement              | the team's own 1–5 rating                 |

Value is profit, or revenue where the client's profit is unknown (`scoring.metrics`), so a
team that records amounts only still gets grades that follow what clients bring.

Curves (all monotone, so more profit never lowers a score, an extra complaint never raises it
and an extra referral never lowers it):
- ratio(x, ref) = logistic(2 · (asinh(x / ref) − asinh(1))): 0.5 at the reference, ≈0.75 at
  twice it, ≈0.15 at zero, towards 0 for losses; used for profit, profit per hour, purchases.
- recency: logistic(−2 · (days / interval − 1.5)): 0.5 at one and a half usual intervals.
- referrals: 1 − 0.7 · 0.5^r: 0.3 with none, 0.65 with one, 0.83 with two.
- complaints and late payments: 0.5^(rate / scale), scale = max(team rate, floor); the rate is
  shrunk toward the team rate with `PRIOR_EVENTS` pseudo-events, so one late payment out of one
  counts as (1 + 3 · team rate) / 4, not 100 %. Late payments are unknown without invoices.
- judgement: (rating − 1) / 4.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from scoring.references import References

COMPONENTS = (
    "profit",
    "profit_per_hour",
    "fit",
    "purchases",
    "recency",
    "referrals",
    "complaints",
    "late_payments",
    "judgement",
)
DEFAULT_WEIGHTS: dict[str, float] = {
    "profitability": 0.25,
    "time_efficiency": 0.15,
    "fit": 0.15,
    "loyalty": 0.10,
    "referrals": 0.10,
    "complaints": 0.10,
    "late_payments": 0.05,
    "judgement": 0.10,
}
# component -> (weight key, share of that key's weight)
WEIGHT_OF: dict[str, tuple[str, float]] = {
    "profit": ("profitability", 1.0),
    "profit_per_hour": ("time_efficiency", 1.0),
    "fit": ("fit", 1.0),
    "purchases": ("loyalty", 0.5),
    "recency": ("loyalty", 0.5),
    "referrals": ("referrals", 1.0),
    "complaints": ("complaints", 1.0),
    "late_payments": ("late_payments", 1.0),
    "judgement": ("judgement", 1.0),
}
STEEPNESS = 2.0
ANCHOR = float(np.arcsinh(1.0))
RECENCY_STEEPNESS = 2.0
RECENCY_MIDPOINT = 1.5  # usual intervals since the last purchase where recency scores 0.5
TYPICAL_RECENCY = 0.5  # a typical client is half an interval past their last purchase
REFERRAL_BASE, REFERRAL_GAIN = 0.3, 0.7
PRIOR_EVENTS = 3.0
COMPLAINT_SCALE_FLOOR = 0.02
LATE_SCALE_FLOOR = 0.05


def logistic(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def ratio_curve(x: np.ndarray, ref: float) -> np.ndarray:
    # logistic(S · (asinh(x / ref) − A)), in place: this runs on every client a dozen times.
    z = np.asarray(np.arcsinh(np.divide(x, ref)))
    z *= 0.5 * STEEPNESS
    z -= 0.5 * STEEPNESS * ANCHOR
    np.tanh(z, out=z)
    z *= 0.5
    z += 0.5
    return z


def ratio_inverse(c: np.ndarray, ref: float) -> np.ndarray:
    """The x at which ratio_curve(x, ref) == c (c strictly inside 0–1)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.asarray(np.divide(c, np.subtract(1.0, c)))
        np.log(z, out=z)
        z /= STEEPNESS
        z += ANCHOR
        np.sinh(z, out=z)
        z *= ref
        return z


def recency_curve(days: np.ndarray, interval: np.ndarray) -> np.ndarray:
    return logistic(-RECENCY_STEEPNESS * (days / interval - RECENCY_MIDPOINT))


def referral_curve(count: np.ndarray) -> np.ndarray:
    return 1.0 - REFERRAL_GAIN * 0.5**count


def rate_curve(rate: np.ndarray, scale: float) -> np.ndarray:
    return 0.5 ** (rate / scale)


def shrunk_rate(events: np.ndarray, trials: np.ndarray, team_rate: float) -> np.ndarray:
    return (events + PRIOR_EVENTS * team_rate) / (trials + PRIOR_EVENTS)


def weights_vector(weights: Mapping[str, float] | None) -> np.ndarray:
    """Per-component weights from the team's keyed weights (unknown keys are an error)."""
    merged = dict(DEFAULT_WEIGHTS)
    for key, value in (weights or {}).items():
        if key not in DEFAULT_WEIGHTS:
            raise ValueError(f"unknown score weight {key!r}; use one of {sorted(DEFAULT_WEIGHTS)}")
        merged[key] = float(value)
    vector = np.array([merged[WEIGHT_OF[c][0]] * WEIGHT_OF[c][1] for c in COMPONENTS])
    if vector.sum() <= 0:
        raise ValueError("at least one score weight must be positive")
    return vector


@dataclass(frozen=True)
class Scales:
    """The reference figures each curve compares with, with positive floors."""

    profit: float
    profit_per_hour: float
    purchases: float
    interval: float
    complaint_rate: float
    complaint_scale: float
    late_rate: float
    late_scale: float

    @classmethod
    def of(cls, refs: References) -> Scales:
        revenue = refs.median_annual_revenue or 0.0
        value = refs.median_annual_value
        per_hour = refs.median_value_per_hour
        if value is None:  # references frozen before value existed
            value, per_hour = refs.median_annual_profit, refs.median_profit_per_hour
        return cls(
            profit=_positive(value, max(0.1 * revenue, 1.0)),
            profit_per_hour=_positive(per_hour, 1.0),
            purchases=_positive(refs.median_annual_purchases, 1.0),
            interval=_positive(refs.median_interval_days, 30.0),
            complaint_rate=refs.complaint_rate,
            complaint_scale=max(refs.complaint_rate, COMPLAINT_SCALE_FLOOR),
            late_rate=refs.late_payment_rate,
            late_scale=max(refs.late_payment_rate, LATE_SCALE_FLOOR),
        )


def _positive(value: float | None, fallback: float) -> float:
    return float(value) if value is not None and value > 0 else float(fallback)


@dataclass(frozen=True, eq=False)
class ClientInputs:
    """What the score reads per client (arrays over the scored clients)."""

    annual_profit: np.ndarray  # NaN where unknown
    profit_per_hour: np.ndarray
    annual_value: np.ndarray  # what the score weighs: profit, or revenue where it is unknown
    value_per_hour: np.ndarray
    fit: np.ndarray
    annual_purchases: np.ndarray
    recency_days: np.ndarray
    interval_days: np.ndarray  # own interval, or the team's where unknown
    referrals: np.ndarray
    complaints: np.ndarray
    purchases: np.ndarray
    late: np.ndarray
    invoices: np.ndarray
    judgement: np.ndarray
    # Not scored, but what explanations show: the client's own interval (NaN without two
    # purchases), and revenue where value stands on it.
    own_interval_days: np.ndarray
    invoices_not_due: np.ndarray  # open invoices within their term: counted on screens only
    annual_revenue: np.ndarray
    revenue_per_hour: np.ndarray
    value_from_revenue: np.ndarray


def component_matrix(x: ClientInputs, s: Scales) -> np.ndarray:
    """n × len(COMPONENTS) component values in 0–1, NaN unknown."""
    late = rate_curve(shrunk_rate(x.late, x.invoices, s.late_rate), s.late_scale)
    with np.errstate(invalid="ignore", divide="ignore"):
        columns = (
            ratio_curve(x.annual_value, s.profit),
            ratio_curve(x.value_per_hour, s.profit_per_hour),
            x.fit,
            ratio_curve(x.annual_purchases, s.purchases),
            recency_curve(x.recency_days, x.interval_days),
            referral_curve(x.referrals),
            rate_curve(shrunk_rate(x.complaints, x.purchases, s.complaint_rate), s.complaint_scale),
            np.where(x.invoices > 0, late, np.nan),
            (x.judgement - 1.0) / 4.0,
        )
    return np.column_stack(columns) if len(x.fit) else np.empty((0, len(COMPONENTS)))


def typical_components(refs: References, s: Scales) -> np.ndarray:
    """The component values of a client exactly at the references (what effects compare to)."""
    typical_complaints = shrunk_rate(
        np.float64(refs.median_complaints), np.float64(s.purchases), s.complaint_rate
    )
    typical = [
        0.5,
        0.5,
        refs.median_fit if refs.median_fit is not None else 0.5,
        0.5,
        float(logistic(np.float64(-RECENCY_STEEPNESS * (TYPICAL_RECENCY - RECENCY_MIDPOINT)))),
        float(referral_curve(np.float64(refs.median_referrals))),
        float(rate_curve(typical_complaints, s.complaint_scale)),
        float(rate_curve(np.float64(s.late_rate), s.late_scale)),
        (refs.median_judgement - 1.0) / 4.0 if refs.median_judgement is not None else 0.5,
    ]
    return np.array(typical)


def weighted_scores(
    components: np.ndarray, weights: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per client: the score 0–100, the weight of its known components, and the data score
    (the same without the team's judgement, which disagreements compare with)."""
    known = ~np.isnan(components)
    weight = known * weights
    points = np.where(known, components, 0.0) * weights
    total, earned = weight.sum(axis=1), points.sum(axis=1)
    judged = COMPONENTS.index("judgement")
    data_total, data_earned = total - weight[:, judged], earned - points[:, judged]
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(total > 0, 100.0 * earned / total, 50.0)
        data_score = np.where(data_total > 0, 100.0 * data_earned / data_total, 50.0)
    return np.round(score, 2), total, np.round(data_score, 2)
