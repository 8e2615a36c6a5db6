"""Prospects (the Dutch text measures *potential* clients): a fit-only verdict with reasons.

A prospect has traits but no sales, so its verdict rests on three areas:

- demographics: each criterion of the best-fitting ideal profile for its kind (codes of
  `scoring.fit`: age, income, employees, city, education, gender, industry, decision,
  interests), match 0–1 or None when the prospect's data is unknown;
- fit: what similar existing clients bring — the up to `SIMILAR_CLIENTS` current clients of the
  same kind most alike in traits (similarity ≥ `MIN_SIMILARITY`, on at least
  `MIN_SHARED_TRAITS` traits both have). Checks: 'expected_profit' (median annual profit of
  the similar clients vs the team median), 'expected_profit_per_hour' (vs the profile's
  minimum) or 'profit_per_hour_vs_typical' (vs the team median, where the profile sets
  none), 'similar_ideal' (match: the share of them that are ideal clients; value: how many
  are; reference: how many similar clients there are);
- market: 'per_competitor' of the profile's market reality (see `scoring.market`).

A demographic criterion is *met* only in full (match ≥ `scoring.fit.FULL_MATCH`): partial
credit (8 employees against 10–100) is a miss, as the /check lines show it. The verdict agrees
with those lines:

- 'not_a_fit' when more than half of the known criteria are missed, or similar clients lose
  money;
- 'ideal' when every known criterion is met (at least one known; or the profile sets none),
  similar clients reach the profit per hour aimed at (when known), and the track record
  agrees: with similar clients, at least `IDEAL_SHARE` of them are ideal clients; without
  any, a profile that sets no criteria is no evidence, so that is not ideal;
- 'unknown' when nothing the profile asks is known of them and none of the team's clients is
  like them: no evidence either way, and "acceptable" would be made up;
- otherwise 'acceptable'.

Prospects are few, so they are assessed one at a time, each vectorised over the team's clients.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from scoring.analysis import TeamAnalysis
from scoring.arrays import TeamArrays, prepare
from scoring.fit import FULL_MATCH, criteria, fold
from scoring.frames import TeamFrames
from scoring.profile import IdealProfile

SIMILAR_CLIENTS = 5
MIN_SIMILARITY = 0.5
MIN_SHARED_TRAITS = 2
IDEAL_SHARE = 0.4
CATEGORIES = ("city", "industry", "decision", "education", "gender", "segment")
RANGES = {
    "age": ("min_age", "max_age"),
    "income": ("min_income", "max_income"),
    "employees": ("min_employees", "max_employees"),
}
SETS = {
    "city": "cities",
    "education": "educations",
    "gender": "genders",
    "industry": "industries",
    "decision": "decisions",
    "interests": "interests",
}


PER_HOUR_CHECKS = frozenset({"expected_profit_per_hour", "profit_per_hour_vs_typical"})


@dataclass(frozen=True, slots=True)
class Check:
    """One criterion: how well it matches (0–1, None unknown), the prospect's value and the bar."""

    code: str
    match: float | None
    value: Any
    reference: Any


@dataclass(frozen=True, slots=True)
class ProspectVerdict:
    client_id: int | None
    verdict: str  # 'ideal' | 'acceptable' | 'not_a_fit' | 'unknown'
    profile: str | None
    demographics: tuple[Check, ...]
    fit: tuple[Check, ...]
    market: tuple[Check, ...]
    similar_clients: tuple[int, ...]
    expected_profit: int | None


def assess_prospects(
    frames: TeamFrames, analysis: TeamAnalysis, profiles: Sequence[IdealProfile] = ()
) -> tuple[ProspectVerdict, ...]:
    """A verdict for every prospect in the frames, by client id."""
    team = prepare(frames, analysis.settings)
    used = tuple(profiles) or analysis.profiles
    return tuple(_assess(team, i, team, analysis, used) for i in np.flatnonzero(team.prospect))


def assess_prospect(
    traits: Mapping[str, Any],
    frames: TeamFrames,
    analysis: TeamAnalysis,
    profiles: Sequence[IdealProfile] = (),
) -> ProspectVerdict:
    """A verdict for a prospect not saved yet (the bot's /check), from its traits."""
    record = {**traits, "id": 0, "status": "prospect"}
    single = prepare(TeamFrames.from_records(clients=[record]), analysis.settings)
    team = prepare(frames, analysis.settings)
    used = tuple(profiles) or analysis.profiles
    return _assess(single, 0, team, analysis, used, client_id=None)


def _assess(
    source: TeamArrays,
    i: int,
    team: TeamArrays,
    analysis: TeamAnalysis,
    profiles: tuple[IdealProfile, ...],
    client_id: int | None = -1,
) -> ProspectVerdict:
    kind = str(source.kind[i])
    year = analysis.settings.today.year
    best: tuple[float, IdealProfile | None, dict[str, float]] = (-1.0, None, {})
    for profile in profiles:
        if not profile.applies_to(kind):
            continue
        checks = {
            code: float(match[i]) for code, match in criteria(source, None, profile, year).items()
        }
        known = [v for v in checks.values() if not np.isnan(v)]
        fit = float(np.mean(known)) if known else np.nan
        rank = -0.5 if np.isnan(fit) else fit
        if best[1] is None or rank > best[0]:
            best = (rank, profile, checks)
    _, profile, checks = best
    demographics = tuple(
        Check(
            code,
            None if np.isnan(m) else round(m, 3),
            _trait(source, i, code, year),
            _bar(profile, code),
        )
        for code, m in checks.items()
    )
    known = [c.match for c in demographics if c.match is not None]
    met = sum(1 for m in known if m >= FULL_MATCH)

    similar = _similar(source, i, team, analysis, kind, year)
    table = analysis.clients
    refs = analysis.references
    expected = None
    fit_checks: list[Check] = []
    if len(similar):
        rows = table.loc[similar]
        profit = rows["annual_profit"].dropna()
        expected = int(profit.median()) if len(profit) else None
        median = refs.median_annual_profit
        if expected is not None:
            match = (
                None if not median or median <= 0 else round(min(max(expected / median, 0), 1), 3)
            )
            fit_checks.append(Check("expected_profit", match, expected, _whole(median)))
        per_hour = rows["profit_per_hour"].dropna()
        if len(per_hour):
            # The team's aim only when it wrote one: a team without a profile is judged by its
            # own medians (default_profile), which /check said as "you aim for €158" to a team
            # that had set no aim (the Dutch and the Russian second readers)
            aim = profile.min_profit_per_hour if profile and analysis.profile_written else None
            bar = aim or refs.median_profit_per_hour
            value = int(per_hour.median())
            match = round(float(np.clip(value / bar, 0, 1)), 3) if bar and bar > 0 else None
            code = "expected_profit_per_hour" if aim else "profit_per_hour_vs_typical"
            fit_checks.append(Check(code, match, value, _whole(bar)))
        ideal_count = int(rows["ideal"].sum())
        share = round(ideal_count / len(similar), 3)
        fit_checks.append(Check("similar_ideal", share, ideal_count, len(similar)))

    market: list[Check] = []
    for reality in analysis.market:
        if profile is not None and reality.profile_name == profile.name:
            match = None if reality.too_narrow is None else float(not reality.too_narrow)
            market.append(Check("per_competitor", match, reality.per_competitor, reality.minimum))

    verdict = _verdict(met, len(known), bool(checks), expected, fit_checks)
    return ProspectVerdict(
        client_id=int(source.ids[i]) if client_id is not None else None,
        verdict=verdict,
        profile=profile.name if profile is not None else None,
        demographics=demographics,
        fit=tuple(fit_checks),
        market=tuple(market),
        similar_clients=tuple(int(c) for c in similar),
        expected_profit=expected,
    )


def _verdict(
    met: int, known: int, has_criteria: bool, expected: int | None, fit_checks: list[Check]
) -> str:
    if 2 * (known - met) > known or (expected is not None and expected <= 0):
        return "not_a_fit"
    if has_criteria and known == 0 and not fit_checks:
        return "unknown"
    profile_says_ideal = (known > 0 and met == known) or not has_criteria
    # "467 per hour (you aim for 1 500)" beside "an ideal client" would contradict itself
    below_aim = any(
        c.code in PER_HOUR_CHECKS and c.match is not None and c.match < FULL_MATCH
        for c in fit_checks
    )
    profile_says_ideal = profile_says_ideal and not below_aim
    record = next((c.match for c in fit_checks if c.code == "similar_ideal"), None)
    if record is None:
        return "ideal" if profile_says_ideal and has_criteria else "acceptable"
    return "ideal" if profile_says_ideal and record >= IDEAL_SHARE else "acceptable"


def _whole(value: float | None) -> int | None:
    return None if value is None else int(np.rint(value))


def _trait(team: TeamArrays, i: int, code: str, year: int) -> Any:
    if code == "age":
        return None if np.isnan(team.birth_year[i]) else int(year - team.birth_year[i])
    if code in ("income", "employees"):
        value = getattr(team, code)[i]
        return None if np.isnan(value) else int(value)
    if code == "interests":
        owner, codes, values = team.interests()
        return sorted(str(values[c]) for c in codes[owner == i])
    codes, values = team.codes(code)
    return None if codes[i] < 0 else str(values[codes[i]])


def _bar(profile: IdealProfile | None, code: str) -> Any:
    if profile is None:
        return None
    if code in RANGES:
        low, high = (getattr(profile, name) for name in RANGES[code])
        return [low, high]
    if code in SETS:
        return sorted(getattr(profile, SETS[code]))
    return None


def _similar(
    source: TeamArrays, i: int, team: TeamArrays, analysis: TeamAnalysis, kind: str, year: int
) -> np.ndarray:
    """Ids of the current clients of the same kind most like the prospect."""
    table = analysis.clients
    pool = table.index[(table["kind"] == kind).to_numpy() & ~table["lapsed"].to_numpy()]
    positions = np.searchsorted(team.ids, pool.to_numpy(dtype=np.int64))
    if len(positions) == 0:
        return np.empty(0, np.int64)
    score = np.zeros(len(positions))
    shared = np.zeros(len(positions))
    for column in CATEGORIES:
        mine = _trait(source, i, column, year)
        if mine is None:
            continue
        codes, values = team.codes(column)
        folded = np.array([fold(v) for v in values], dtype=object)
        match = np.flatnonzero(folded == fold(mine))
        theirs = codes[positions]
        known = theirs >= 0
        score += known & (theirs == (match[0] if len(match) else -2))
        shared += known
    for name, soft in (("age", 10.0), ("income", 1.0), ("employees", 1.0)):
        mine = _trait(source, i, name, year)
        if mine is None:
            continue
        theirs = (year - team.birth_year if name == "age" else getattr(team, name))[positions]
        with np.errstate(invalid="ignore", divide="ignore"):
            if name == "age":
                close = 1.0 - np.abs(theirs - mine) / soft
            else:
                close = 1.0 - np.abs(np.log2(np.maximum(theirs, 1.0) / max(mine, 1.0)))
        known = ~np.isnan(theirs)
        score += np.where(known, np.clip(close, 0.0, 1.0), 0.0)
        shared += known
    with np.errstate(invalid="ignore", divide="ignore"):
        similarity = np.where(shared >= MIN_SHARED_TRAITS, score / shared, 0.0)
    ids = team.ids[positions]
    keep = np.flatnonzero(similarity >= MIN_SIMILARITY)
    keep = keep[np.lexsort((ids[keep], -similarity[keep]))][:SIMILAR_CLIENTS]
    return ids[keep]
