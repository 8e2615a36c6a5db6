"""Warnings carried in the results wherever a figure rests on too little or missing data.

The bot localises by code; params are plain numbers and strings.

| code                 | params                               | when                           |
|----------------------|--------------------------------------|--------------------------------|
| no_revenue           | {}                                   | no revenue in the window:      |
|                      |                                      | "nothing to rate yet"          |
| few_clients          | active_clients, minimum              | under min_clients_for_alarms (8)  |
|                      |                                      | current clients: no alarms     |
| few_sales            | sales, minimum                       | under 20 sales in the window   |
| default_margin_used  | clients, sales, margin, assumed      | sales without cost used a      |
|                      |                                      | margin: `margin` is the one    |
|                      |                                      | used, the default from the     |
|                      |                                      | settings or (assumed) the      |
|                      |                                      | team's costed-sales margin     |
| missing_costs        | sales, revenue_share, assumed_margin | sales without cost and no default |
|                      |                                      | margin; assumed_margin None means |
|                      |                                      | their profit is unknown        |
| costs_above_revenue  | revenue, cost                        | the costed sales cost more than|
|                      |                                      | they bring (minor units), and  |
|                      |                                      | sales without cost get no      |
|                      |                                      | margin from them               |
| missing_time         | revenue_share, any_time              | under half the revenue has time|
|                      |                                      | recorded: per-hour figures shaky  |
| missing_demographics | profile, criterion, known_share      | under half the clients have the|
|                      |                                      | data a profile criterion needs |
| unknown_clients      | sales                                | sales naming unknown clients   |
| market_too_narrow    | profile, per_competitor, minimum     | see `scoring.market`           |
| few_referrers        | referrers, minimum (portrait)        | portrait falls back to the top 20%|
| portrait_few_clients | clients, minimum (portrait)          | too few clients for traits     |
| ranked_by_revenue    | {} (portrait)                        | costs unknown: ranked by revenue  |
| ideal_too_few        | clients, minimum (portrait)          | under 5 clients: nobody is ideal  |
| portrait_few_ideal   | ideal, minimum (portrait)            | too few ideal clients for traits  |
| no_ideal             | reason: grades / profit (portrait)   | the top fifth is graded low or has|
|                      |                                      | no profit: nobody is ideal        |
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from scoring.profile import DEMOGRAPHIC_CODES

if TYPE_CHECKING:
    from scoring.arrays import TeamArrays
    from scoring.fit import Fit
    from scoring.metrics import Metrics
    from scoring.references import References
    from scoring.settings import ScoringSettings

FEW_SALES = 20
MISSING_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class ScoringWarning:
    """A data warning: a code the bot localises and its parameters."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


def collect_warnings(
    team: TeamArrays,
    m: Metrics,
    fit: Fit,
    settings: ScoringSettings,
    refs: References,
    current_clients: int,
    extra: tuple[ScoringWarning, ...],
) -> tuple[ScoringWarning, ...]:
    """Every data warning of one analysis, in the table's order."""
    out: list[ScoringWarning] = []
    if m.window_revenue <= 0:
        out.append(ScoringWarning("no_revenue"))
    if current_clients < settings.min_clients_for_alarms:
        out.append(
            ScoringWarning(
                "few_clients",
                {"active_clients": current_clients, "minimum": settings.min_clients_for_alarms},
            )
        )
    if 0 < m.window_sales < FEW_SALES:
        out.append(ScoringWarning("few_sales", {"sales": m.window_sales, "minimum": FEW_SALES}))
    if m.imputed_sales:
        margin = settings.default_margin
        assumed = margin is None
        if assumed:
            margin = refs.assumed_margin if refs.assumed_margin is not None else m.observed_margin
        out.append(
            ScoringWarning(
                "default_margin_used",
                {
                    "clients": int(m.uses_default_margin[team.active].sum()),
                    "sales": m.imputed_sales,
                    "margin": margin,
                    "assumed": assumed,
                },
            )
        )
    if m.uncosted_sales and settings.default_margin is None:
        out.append(
            ScoringWarning(
                "missing_costs",
                {
                    "sales": m.uncosted_sales,
                    "revenue_share": _share(m.uncosted_revenue, m.window_revenue),
                    "assumed_margin": refs.assumed_margin if m.imputed_sales else None,
                },
            )
        )
    if (
        m.uncosted_sales
        and settings.default_margin is None
        and m.costed_revenue > 0
        and m.costed_cost > m.costed_revenue
    ):
        out.append(
            ScoringWarning(
                "costs_above_revenue",
                {"revenue": round(m.costed_revenue), "cost": round(m.costed_cost)},
            )
        )
    if m.window_revenue > 0 and m.timed_revenue < MISSING_SHARE * m.window_revenue:
        out.append(
            ScoringWarning(
                "missing_time",
                {
                    "revenue_share": _share(m.timed_revenue, m.window_revenue),
                    # A share that rounds to 0 is not "no time recorded".
                    "any_time": bool(m.timed_revenue > 0),
                },
            )
        )
    for (profile, criterion), known in sorted(fit.coverage.items()):
        if criterion in DEMOGRAPHIC_CODES and known < MISSING_SHARE:
            out.append(
                ScoringWarning(
                    "missing_demographics",
                    {"profile": profile, "criterion": criterion, "known_share": round(known, 3)},
                )
            )
    if team.dropped_sales:
        out.append(ScoringWarning("unknown_clients", {"sales": team.dropped_sales}))
    return (*out, *extra)


def _share(part: float, whole: float) -> float:
    return round(part / whole, 3) if whole > 0 else 0.0
