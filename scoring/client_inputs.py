"""What the score and the portrait weigh for each client, read from the team's metrics, and
the history those figures rest on."""

from __future__ import annotations

import numpy as np

from scoring.arrays import TeamArrays
from scoring.fit import Fit
from scoring.metrics import Metrics
from scoring.portrait import PortraitInputs
from scoring.score import ClientInputs, Scales
from scoring.settings import ScoringSettings

# Several purchases a day make an interval of hours: nobody is "late" within a week.
MIN_RECENCY_INTERVAL_DAYS = 7.0


def client_inputs(
    m: Metrics, a: np.ndarray, fit: Fit, judgement: np.ndarray, scales: Scales
) -> ClientInputs:
    """What the score weighs, for the scored clients `a`, from the team's metrics."""
    own_interval = m.interval_days[a]
    interval = np.where(np.isnan(own_interval), scales.interval, own_interval)
    return ClientInputs(
        annual_profit=m.annual_profit[a],
        profit_per_hour=m.profit_per_hour[a],
        annual_value=m.annual_value[a],
        value_per_hour=m.value_per_hour[a],
        fit=fit.fit[a],
        annual_purchases=m.annual_purchases[a],
        recency_days=m.recency_days[a],
        interval_days=np.maximum(interval, MIN_RECENCY_INTERVAL_DAYS),
        referrals=m.referrals[a],
        complaints=m.complaints[a],
        purchases=m.purchases[a],
        late=m.late[a],
        invoices=m.invoices[a],
        judgement=judgement,
        own_interval_days=own_interval,
        invoices_not_due=m.invoices_not_due[a],
        annual_revenue=m.annual_revenue[a],
        revenue_per_hour=m.revenue_per_hour[a],
        value_from_revenue=m.value_from_revenue[a],
    )


def losing_sales(team: TeamArrays, a: np.ndarray) -> np.ndarray | None:
    """Window sales of the scored clients whose cost is above their amount, or None."""
    sales = team.sales
    with np.errstate(invalid="ignore"):
        losing = sales.window & (sales.cost > sales.amount)
    if not losing.any():
        return None
    scored = np.zeros(team.n, bool)
    scored[a] = True
    losing &= scored[sales.pos]
    return losing if losing.any() else None


def history_days(team: TeamArrays, tenure_days: np.ndarray) -> np.ndarray:
    """Days of history each client's figures rest on: since the client started, or since the
    team's first recorded sale when that is later (a team of ten days has no year of anyone)."""
    recorded = np.concatenate([team.first_sold[~np.isnan(team.first_sold)], team.sales.day])
    team_days = team.today - recorded.min() if len(recorded) else np.nan
    return np.fmin(tenure_days, team_days)


def portrait_inputs(
    team: TeamArrays,
    m: Metrics,
    current: np.ndarray,
    graded_well: np.ndarray,
    settings: ScoringSettings,
) -> PortraitInputs:
    return PortraitInputs(
        current=current,
        graded_well=graded_well,
        annual_profit=m.annual_profit,
        annual_revenue=m.annual_revenue,
        revenue=m.revenue,
        referrals=m.referrals,
        numbers={
            "age": settings.today.year - team.birth_year,
            "income": team.income,
            "employees": team.employees,
            "annual_revenue": m.annual_revenue,
            "annual_profit": m.annual_profit,
            "purchases": m.purchases,
            "profit_per_hour": m.profit_per_hour,
        },
    )
