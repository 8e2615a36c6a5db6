"""Data warnings in words: what a person should know about the figures under the grades
(too few clients or sales, missing costs or time, an assumed margin, a narrow market).

Scoring gives the codes (scoring/data_warnings.py); only here do they become sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.render.explain import money
from locales import Markup, Translator
from scoring import ScoringWarning


def warning(t: Translator, currency: str, item: ScoringWarning) -> Markup | None:
    """A data warning worth telling a person; None for those that need no words."""
    p: Mapping[str, Any] = item.params
    code = item.code
    if code == "no_revenue":
        return t._("Nothing to rate yet: record a sale or import your sales, and I'll get to work.")
    if code == "few_clients":
        return t.n_(
            "With {n} current client, shares are shown but no alarms are raised "
            "(that takes {minimum}).",
            "With {n} current clients, shares are shown but no alarms are raised "
            "(that takes {minimum}).",
            int(p.get("active_clients", 0)),
            minimum=p.get("minimum", 8),
        )
    if code == "few_sales":
        return t.n_(
            "Only {n} sale in the scoring window: take the grades as a first sketch.",
            "Only {n} sales in the scoring window: take the grades as a first sketch.",
            int(p.get("sales", 0)),
        )
    if code == "default_margin_used":
        if p.get("assumed"):
            return t._(
                "Sales without costs get the {margin} margin your sales with costs had when this "
                "week's grades were set: profit figures there rest on it.",
                margin=t.percent(float(p["margin"])),
            )
        return t._(
            "Sales without costs use your default margin of {margin}: profit figures rest on it.",
            margin=t.percent(float(p["margin"])),
        )
    if code == "missing_costs":
        if p.get("assumed_margin") is not None:
            return None  # default_margin_used says which margin stands in
        if float(p.get("revenue_share") or 0) >= 1:  # «у продаж на 100 % выручки» is a riddle
            return t._(
                "No sale has its cost yet, so grades weigh revenue instead of profit. "
                "A default margin in /settings gives profit figures."
            )
        return t._(
            "{share} of revenue has no costs recorded, so grades weigh revenue there instead "
            "of profit. A default margin in /settings gives profit figures.",
            share=t.percent(float(p.get("revenue_share") or 0)),
        )
    if code == "costs_above_revenue":
        return t._(
            "Your sales with costs cost more than they bring in ({cost} against {revenue}): "
            "check those costs. Sales without costs get no margin from them, so grades weigh "
            "revenue there.",
            cost=money(t, currency, int(p["cost"])),
            revenue=money(t, currency, int(p["revenue"])),
        )
    if code == "missing_time":
        if not p.get("any_time", p.get("revenue_share")):
            return t._("No time recorded yet, so there are no per-hour figures.")
        return t._(
            "Time is recorded for only {share} of revenue: per-hour figures are shaky.",
            share=t.percent(float(p.get("revenue_share") or 0)),
        )
    if code == "market_too_narrow":
        return t._(
            "Your ideal profile “{profile}” leaves about {count} potential clients per "
            "competitor: too narrow to live on.",
            profile=p.get("profile", ""),
            count=t.number(round(float(p.get("per_competitor") or 0))),
        )
    if code in ("few_referrers", "portrait_few_clients", "ranked_by_revenue"):
        return None  # the portrait says these in its own words
    if code == "missing_demographics":
        return None  # the profile view says which traits are unknown
    if code == "unknown_clients":
        return None
    return None
