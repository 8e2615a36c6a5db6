"""The analysis as plain JSON (`kompas report --json`): stable keys, shares as fractions 0–1.

Money is in integer minor units, hours in hours, unknown figures are null. Keys (stable; new
keys may be added, none renamed or removed):

    version (1), today, window_days, grade_scale, active_clients,
    concentration: {top1_share, top3_share, top20_share, top20_count, hhi, hhi_floor,
                    equivalent_clients, active_clients, alarms_enabled, lapsed: [client_id]},
    over_reliant, watch: [{client_id, share, revenue, revenue_drop,
                           ideal_clients_to_replace, owed}],
    time_eaters: [{client_id, time_share, revenue_share, ratio, hours, revenue,
                   profit_per_hour, revenue_share_of_all}],
    decline_candidates: [{client_id, annual_profit, cost_to_team, reasons: [code],
                          risks: [{code, client_id}]}],
    decline_nearest: [{client_id, why_not, reasons: [code]}],
    disagreements: [{client_id, judgement, data_grade_index, direction}],
    overdue_ideal: [{client_id, usual_interval_days, days_since_last}],
    ideal_run_rate_monthly,
    owed: [{client_id, unpaid, overdue, big_spender, invoices, days_overdue}],
    portrait: [{kind, segment, client_ids, based_on_referrers,
                traits: [{name, value, share, rest_share, lift}],
                numeric: [{name, median, q1, q3}], sources: [{source, share}],
                median_revenue, missing: [name], warnings: [{code, params}]}],
    market: [{profile_name, market_size, competitors, per_competitor, too_narrow}],
    grades: {"<client_id>": {score, grade}} (grade null: no sale in the window, no grade yet),
    warnings: [{code, params}],
    references: {see scoring.references.References}

A ratio with no revenue behind it (a time-eater who brought nothing) is null. A time-eater's
`revenue_share` is their share of the revenue of the sales with recorded time (what the flag
compares and `/risk` shows); `revenue_share_of_all` is their share of all current revenue.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from scoring.analysis import TeamAnalysis
from scoring.records import Records

VERSION = 1


def plain(value: Any) -> Any:
    """Dataclasses, tuples, numpy scalars and non-finite floats as JSON-ready Python values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | Records):
        if all(type(v) is int for v in value):  # client ids: thousands of lapsed clients
            return list(value)
        return [plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _share(value: Any) -> float:
    return 0.0 if value is None or value != value else float(value)  # NaN: no current revenue


def analysis_to_json(analysis: TeamAnalysis) -> dict[str, Any]:
    """The documented JSON form of an analysis."""
    c = analysis.concentration
    table = analysis.clients
    figures = plain(c)
    for key in ("over_reliant", "watch"):
        figures.pop(key)
    portrait = []
    for p in analysis.portraits:
        item = plain(p)
        item["sources"] = [{"source": s, "share": share} for s, share in p.sources]
        portrait.append(item)
    grades = {
        # A client without a sale in the window has no grade yet: null.
        str(client_id): {"score": float(score), "grade": grade if isinstance(grade, str) else None}
        for client_id, score, grade in zip(
            table.index.tolist(), table["score"].tolist(), table["grade"].tolist(), strict=True
        )
    }
    return {
        "version": VERSION,
        "today": analysis.settings.today.isoformat(),
        "window_days": analysis.settings.window_days,
        "grade_scale": analysis.grade_scale,
        "active_clients": len(table),
        "concentration": figures,
        "over_reliant": plain(c.over_reliant),
        "watch": plain(c.watch),
        "time_eaters": [
            {**plain(e), "revenue_share_of_all": _share(table.at[e.client_id, "revenue_share"])}
            for e in analysis.time_eaters
        ],
        "decline_candidates": plain(analysis.decline_candidates),
        "decline_nearest": plain(analysis.decline_nearest),
        "disagreements": plain(analysis.disagreements),
        "overdue_ideal": plain(analysis.overdue_ideal),
        "ideal_run_rate_monthly": analysis.ideal_run_rate_monthly,
        "owed": plain(analysis.owed),
        "portrait": portrait,
        "market": plain(analysis.market),
        "grades": grades,
        "warnings": plain(analysis.warnings),
        "references": plain(analysis.references.to_dict()),
    }
