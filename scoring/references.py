"""The team medians a week's scores compare with, frozen per weekly snapshot.

A score compares a client with these references, not with live percentiles, so a client who
did nothing keeps their score when other clients change (as long as the references are the
same). The weekly digest computes them once and stores them next to the week's snapshot; every
analysis during that week passes them back in.

Medians are over active clients with revenue in the window whose figures rest on at least
`young_client_days` of history (theirs and the team's), when three or more such clients exist,
else over all of them: a client of four days, extrapolated to a year, sets no bar (annual
figures: see `scoring.metrics`). Rates are team-wide (complaints per purchase, late payments
per settled or overdue invoice). `assumed_margin` is the margin of the team's costed sales,
used for sales with no cost when the team set no default margin. Measuring them on a team's
data: scoring/measured_references.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from scoring.settings import FEW_CLIENTS

if TYPE_CHECKING:
    from scoring.metrics import Metrics


@dataclass(frozen=True)
class References:
    """Team medians and rates; None where the team has no data for a figure."""

    computed_on: str | None = None  # ISO date
    window_days: int = 365
    clients: int = 0
    median_annual_profit: float | None = None
    median_annual_revenue: float | None = None
    median_profit_per_hour: float | None = None
    # What the score compares with: value is profit, or revenue where profit is unknown
    # (see scoring.metrics). None in references frozen before value existed.
    median_annual_value: float | None = None
    median_value_per_hour: float | None = None
    median_revenue_per_hour: float | None = None
    median_margin: float | None = None
    median_annual_purchases: float | None = None
    median_interval_days: float | None = None
    median_hours_per_order: float | None = None
    median_referrals: float = 0.0
    median_complaints: float = 0.0
    median_judgement: float | None = None
    median_fit: float | None = None
    complaint_rate: float = 0.0
    late_payment_rate: float = 0.0
    assumed_margin: float | None = None

    @property
    def representative(self) -> bool:
        """Whether these medians rest on enough clients to stand for the team's typical client
        for a week. Below that a median is one client's figure, or moves with every client
        added: such references are measured afresh at every scoring, never frozen."""
        return self.clients >= FEW_CLIENTS

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> References:
        """Read stored references; unknown keys (from a newer version) are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def _median(values: np.ndarray) -> float | None:
    values = values[~np.isnan(values)]
    return float(np.median(values)) if len(values) else None


def references_from(
    metrics: Metrics,
    active: np.ndarray,
    judgement: np.ndarray,
    *,
    today: dt.date,
    window_days: int,
    assumed_margin: float | None,
    measured: np.ndarray | None = None,
) -> References:
    """Medians over the `measured` clients (default: the active ones) who bought something in
    the window; rates over all active clients."""
    measured = active if measured is None else measured & active
    base = measured & (metrics.revenue > 0)
    m = metrics
    with np.errstate(invalid="ignore", divide="ignore"):
        hours_per_order = np.where(m.purchases > 0, m.seconds / 3600.0 / m.purchases, np.nan)
    purchases = m.purchases[active].sum()
    invoices = m.invoices[active].sum()
    return References(
        computed_on=today.isoformat(),
        window_days=window_days,
        clients=int(base.sum()),
        median_annual_profit=_median(m.annual_profit[base]),
        median_annual_revenue=_median(m.annual_revenue[base]),
        median_profit_per_hour=_median(m.profit_per_hour[base]),
        median_annual_value=_median(m.annual_value[base]),
        median_value_per_hour=_median(m.value_per_hour[base]),
        median_revenue_per_hour=_median(m.revenue_per_hour[base]),
        median_margin=_median(m.margin[base]),
        median_annual_purchases=_median(m.annual_purchases[base]),
        median_interval_days=_median(m.interval_days[base]),
        median_hours_per_order=_median(hours_per_order[base]),
        median_referrals=_median(m.referrals[base]) or 0.0,
        median_complaints=_median(m.complaints[base]) or 0.0,
        median_judgement=_median(judgement[measured]),
        complaint_rate=float(m.complaints[active].sum() / purchases) if purchases else 0.0,
        late_payment_rate=float(m.late[active].sum() / invoices) if invoices else 0.0,
        assumed_margin=assumed_margin,
    )


def with_median_fit(references: References, fit: np.ndarray, base: np.ndarray) -> References:
    return replace(references, median_fit=_median(fit[base]))
