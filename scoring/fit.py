"""How well each client fits the ideal profiles: per criterion 0–1, NaN when the data is unknown.

A client's fit to a profile is the weighted mean over the criteria whose data is known; unknown
data is left out (never counted as a match or a miss) and reported through the coverage
figures, which `analyse` turns into 'missing_demographics' warnings. With several profiles a
client gets the best fit among the profiles for their kind.

Criteria (the code is what prospects' reasons and warnings name):

| code            | profile fields               | 1 when                  | partial credit    |
|-----------------|------------------------------|-------------------------|-------------------|
| age             | min_age, max_age             | inside the range        | −0.1 per year out |
| income          | min_income, max_income       | inside the band         | to 0 at 25 % out  |
| employees       | min_employees, max_employees | inside the range        | to 0 at 50 % out  |
| city, education, gender, industry, decision | the sets | value in the set | none            |
| interests       | interests                    | any interest in the set | none              |
| profit_per_hour | min_profit_per_hour          | at or above             | in proportion     |
| margin          | min_margin                   | at or above             | in proportion     |
| hours_per_order | max_hours_per_order          | at or below             | in proportion     |
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scoring.arrays import TeamArrays
from scoring.metrics import Metrics
from scoring.profile import IdealProfile

TEAM_FIT_CODES = ("profit_per_hour", "margin", "hours_per_order")
POOR_FIT = 0.5
FULL_MATCH = 0.999  # a criterion counts as met in explanations only when met in full
SET_CRITERIA = {
    "city": ("city", "cities"),
    "education": ("education", "educations"),
    "gender": ("gender", "genders"),
    "industry": ("industry", "industries"),
    "decision": ("decision", "decisions"),
}


@dataclass(frozen=True, eq=False)
class Fit:
    """Best fit per client (NaN unknown); how many criteria of that profile it meets in full out
    of how many have known data (for explanations)."""

    fit: np.ndarray
    met: np.ndarray
    known: np.ndarray
    profile: np.ndarray  # index into the profiles, -1 none
    # (profile name, criterion code) -> share of the profile's clients whose data is known
    coverage: dict[tuple[str, str], float]


def fold(value: object) -> str:
    return " ".join(str(value).split()).casefold()


def _soft_range(
    value: np.ndarray, low: float | None, high: float | None, soft: float, relative: bool
) -> np.ndarray:
    """1 inside [low, high]; outside, falling linearly to 0 at `soft` (years, or × the bound)."""
    out = np.ones(len(value))
    with np.errstate(invalid="ignore"):
        for bound, gap in (
            (low, low - value if low is not None else None),
            (high, value - high if high is not None else None),
        ):
            if bound is None or gap is None:
                continue
            width = max(abs(bound) * soft, 1.0) if relative else soft
            out = np.minimum(out, np.clip(1.0 - np.maximum(gap, 0.0) / width, 0.0, 1.0))
    out[np.isnan(value)] = np.nan
    return out


def _set_match(team: TeamArrays, column: str, wanted: frozenset[str]) -> np.ndarray:
    codes, values = team.codes(column)
    folded = {fold(w) for w in wanted}
    hits = np.array([fold(v) in folded for v in values] + [False], dtype=np.float64)
    out = hits[codes]  # code -1 picks the trailing False ...
    out[codes < 0] = np.nan  # ... and is then marked unknown
    return out


def _interest_match(team: TeamArrays, wanted: frozenset[str]) -> np.ndarray:
    owner, codes, values = team.interests()
    folded = {fold(w) for w in wanted}
    hits = np.array([fold(v) in folded for v in values], dtype=np.float64)
    known = np.bincount(owner, minlength=team.n) > 0
    matched = np.bincount(owner, weights=hits[codes], minlength=team.n) > 0
    return np.where(known, matched.astype(np.float64), np.nan)


def criteria(
    team: TeamArrays, metrics: Metrics | None, profile: IdealProfile, year: int
) -> dict[str, np.ndarray]:
    """Each criterion the profile sets, as a 0–1 array over the team's clients (NaN unknown)."""
    out: dict[str, np.ndarray] = {}
    p = profile
    if p.min_age is not None or p.max_age is not None:
        out["age"] = _soft_range(year - team.birth_year, p.min_age, p.max_age, 10.0, False)
    if p.min_income is not None or p.max_income is not None:
        out["income"] = _soft_range(team.income, p.min_income, p.max_income, 0.25, True)
    if p.min_employees is not None or p.max_employees is not None:
        out["employees"] = _soft_range(team.employees, p.min_employees, p.max_employees, 0.5, True)
    for code, (column, attribute) in SET_CRITERIA.items():
        wanted = getattr(p, attribute)
        if wanted:
            out[code] = _set_match(team, column, wanted)
    if p.interests:
        out["interests"] = _interest_match(team, p.interests)
    if metrics is None:
        return out
    with np.errstate(invalid="ignore", divide="ignore"):
        if p.min_profit_per_hour is not None and p.min_profit_per_hour > 0:
            out["profit_per_hour"] = np.clip(metrics.profit_per_hour / p.min_profit_per_hour, 0, 1)
        if p.min_margin is not None:
            shortfall = np.maximum(p.min_margin - metrics.margin, 0.0)
            margin = np.clip(1.0 - shortfall / max(abs(p.min_margin), 0.1), 0.0, 1.0)
            # Only a margin the client's own costs show: an assumed one says nothing about them.
            unknown = np.isnan(metrics.margin) | metrics.uses_default_margin
            out["margin"] = np.where(unknown, np.nan, margin)
        if p.max_hours_per_order is not None and p.max_hours_per_order > 0:
            per_order = metrics.seconds / 3600.0 / metrics.purchases
            out["hours_per_order"] = np.clip(p.max_hours_per_order / per_order, 0.0, 1.0)
    return out


def profile_fit(
    team: TeamArrays,
    metrics: Metrics | None,
    profiles: tuple[IdealProfile, ...],
    year: int,
    population: np.ndarray,
) -> Fit:
    """Best fit over the profiles for each client's kind; coverage measured on `population`."""
    n = team.n
    best = np.full(n, np.nan)
    best_met, best_known = np.zeros(n), np.zeros(n)
    best_profile = np.full(n, -1, np.int64)
    coverage: dict[tuple[str, str], float] = {}
    for index, profile in enumerate(profiles):
        applies = np.ones(n, bool) if profile.kind is None else team.of_kind(profile.kind)
        checks = criteria(team, metrics, profile, year)
        if not checks:
            continue
        met, known = np.zeros(n), np.zeros(n)
        met_count, known_count = np.zeros(n), np.zeros(n)
        for code, match in checks.items():
            weight = float((profile.weights or {}).get(code, 1.0))
            seen = ~np.isnan(match)
            met += np.where(seen, match * weight, 0.0)
            known += seen * weight
            met_count += seen & (match >= FULL_MATCH)
            known_count += seen
            members = applies & population
            if members.any():
                coverage[(profile.name, code)] = float(seen[members].mean())
        with np.errstate(invalid="ignore", divide="ignore"):
            fit = np.where(applies & (known > 0), met / known, np.nan)
        better = ~np.isnan(fit) & (np.isnan(best) | (fit > best))
        best = np.where(better, fit, best)
        best_met = np.where(better, met_count, best_met)
        best_known = np.where(better, known_count, best_known)
        best_profile = np.where(better, index, best_profile)
    return Fit(best, best_met, best_known, best_profile, coverage)
