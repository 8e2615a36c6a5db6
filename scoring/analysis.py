"""`analyse`: one team's whole picture — scores, grades, reasons, risks, portrait — in one pass.

Pure: no I/O, no clock (`settings.today`), deterministic and independent of row order. The
clients table holds one row per active client (prospects, declined and archived clients are
left out; lapsed clients are kept and flagged); `scoring.client_table` lists its columns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from scoring.arrays import TeamArrays, prepare
from scoring.client_inputs import client_inputs, history_days, losing_sales, portrait_inputs
from scoring.client_table import client_table
from scoring.concentration import Concentration, concentration, paying_clients, revenue_shares
from scoring.data_warnings import ScoringWarning, collect_warnings
from scoring.decline import (
    DeclineCandidate,
    DeclineInputs,
    NearCandidate,
    OffTheList,
    TeamMedians,
    decline_candidates,
)
from scoring.explain import ExplainInputs, Explanation, Explanations
from scoring.fit import profile_fit
from scoring.frames import TeamFrames
from scoring.grades import grade_indices, labels, raw_indices
from scoring.judgement import Disagreement, find_disagreements, team_judgement
from scoring.market import MarketReality, market_reality, minimum_per_competitor
from scoring.measured_references import fresh_references
from scoring.metrics import compute_metrics, referral_pairs
from scoring.owed import Owed, money_owed
from scoring.portrait import Portrait, portraits
from scoring.profile import IdealProfile, default_profile
from scoring.references import References
from scoring.retention import Overdue, ideal_run_rate_monthly, lapsed, overdue_ideal
from scoring.score import (
    Scales,
    component_matrix,
    shrunk_rate,
    typical_components,
    weighted_scores,
    weights_vector,
)
from scoring.settings import ScoringSettings
from scoring.time_eaters import TimeEater, time_eaters, time_shares
from scoring.trend import RevenueTrend, revenue_trend

# A lapsed client scores at most this (below the middle of every scale): they are shown apart,
# and what they used to bring does not make them a top client today.
LAPSED_SCORE_CAP = 45.0


@dataclass(frozen=True, eq=False)
class TeamAnalysis:
    """Everything the bot, the digest and `kompas report` show about one team."""

    clients: pd.DataFrame
    explanations: Mapping[int, Explanation]
    concentration: Concentration
    time_eaters: tuple[TimeEater, ...]
    # The four long lists are `Records`: tuple-like, each item built when first read.
    decline_candidates: Sequence[DeclineCandidate]
    decline_nearest: tuple[NearCandidate, ...]  # when nobody is a candidate: who came closest
    disagreements: Sequence[Disagreement]
    overdue_ideal: Sequence[Overdue]
    ideal_run_rate_monthly: int
    owed: Sequence[Owed]
    portraits: tuple[Portrait, ...]
    market: tuple[MarketReality, ...]
    warnings: tuple[ScoringWarning, ...]
    references: References
    settings: ScoringSettings
    profiles: tuple[IdealProfile, ...]  # the profiles fit was measured against
    # False when the team wrote no ideal profile: fit is then measured against the team's own
    # medians, and no screen calls that "your ideal client".
    profile_written: bool = True
    revenue_trend: RevenueTrend | None = None  # the last 4 weeks against the 4 before
    # Every client's name, declined and archived ones too: they can still owe money.
    all_names: Mapping[int, str] = field(default_factory=dict)
    decline_off: OffTheList | None = None  # what keeps each scored non-candidate off the list

    @property
    def names(self) -> Mapping[int, str]:
        """Names for every list: the scored clients', and anyone else's a list may name."""
        return self.all_names or self.clients["name"].to_dict()

    @property
    def grade_scale(self) -> str:
        return self.settings.grade_scale

    def explain(self, client_id: int) -> Explanation:
        """Why the client has their grade and what lifts it (KeyError for non-active ids)."""
        return self.explanations[client_id]


def analyse(
    frames: TeamFrames,
    settings: ScoringSettings,
    *,
    profiles: Sequence[IdealProfile] = (),
    references: References | None = None,
    previous_grades: Mapping[int, str] | None = None,
) -> TeamAnalysis:
    """Score and grade every active client and find the team's risks and ideal clients.

    Pass the week's frozen `references` (see `scoring.references`) so quiet clients keep their
    score; without them they are measured on today's data. `previous_grades` (client id →
    last week's grade) switches on hysteresis.
    """
    team = prepare(frames, settings)
    profiles = tuple(profiles)
    if references is None:
        refs, m, fit, used, judgement_all = fresh_references(team, settings, profiles)
    else:
        refs, judgement_all = references, team_judgement(team)
        m = compute_metrics(team, settings, refs.assumed_margin)
        used = profiles or (default_profile(refs),)
        fit = profile_fit(team, m, used, settings.today.year, team.active)
    scales = Scales.of(refs)
    a = np.flatnonzero(team.active)
    ids = team.ids[a]
    scale = settings.grade_scale

    def pick(values: np.ndarray) -> np.ndarray:
        return values[a]

    own_interval = pick(m.interval_days)
    interval = np.where(np.isnan(own_interval), scales.interval, own_interval)
    recency = pick(m.recency_days)
    is_lapsed = lapsed(recency, interval)
    current = ~is_lapsed
    factor = pick(m.annual_factor)
    annual_profit = pick(m.annual_profit)
    revenue = pick(m.revenue)
    annual_hours = pick(m.hours) * factor
    judgement = pick(judgement_all)
    young = pick(m.tenure_days) < settings.young_client_days
    history = history_days(team, m.tenure_days)[a]
    # Under 90 days of history (the client's or the team's): no year to compare or judge by.
    short = young | (history < settings.young_client_days)

    # Score and grade.
    inputs = client_inputs(m, a, fit, judgement, scales)
    components = component_matrix(inputs, scales)
    weights = weights_vector(settings.weights)
    score, known_weight, data_score = weighted_scores(components, weights)
    uncapped_grade = raw_indices(score, scale)
    score = np.where(is_lapsed, np.minimum(score, LAPSED_SCORE_CAP), score)
    data_score = np.where(is_lapsed, np.minimum(data_score, LAPSED_SCORE_CAP), data_score)
    losing = losing_sales(team, a)
    if losing is not None:
        # A sale that loses money never lifts a score: the clients with one are scored with
        # and without those sales, and keep the lower. Without this a losing sale counts as a
        # purchase — it makes a lapsed client current, or a young one's profit a year's.
        without = replace(team, sales=replace(team.sales, window=team.sales.window & ~losing))
        assumed = m.observed_margin if references is None else refs.assumed_margin
        m_without = compute_metrics(without, settings, assumed)
        x_without = client_inputs(m_without, a, fit, judgement, scales)
        s_without, _, d_without = weighted_scores(component_matrix(x_without, scales), weights)
        gone = lapsed(
            x_without.recency_days,
            np.where(
                np.isnan(x_without.own_interval_days), scales.interval, x_without.own_interval_days
            ),
        )
        s_without = np.where(gone, np.minimum(s_without, LAPSED_SCORE_CAP), s_without)
        d_without = np.where(gone, np.minimum(d_without, LAPSED_SCORE_CAP), d_without)
        has_loss = np.bincount(team.sales.pos[losing], minlength=team.n)[a] > 0
        score = np.where(has_loss, np.fmin(score, s_without), score)
        data_score = np.where(has_loss, np.fmin(data_score, d_without), data_score)
    previous = _previous(ids, previous_grades, scale)
    grade = grade_indices(score, scale, previous)
    data_grade = raw_indices(data_score, scale)

    # Who the team depends on, who eats time, who the ideal clients are.
    shares = revenue_shares(
        revenue,
        current,
        threshold=settings.concentration_threshold,
        watch_threshold=settings.watch_threshold,
        min_clients=settings.min_clients_for_alarms,
    )
    timing = time_shares(
        pick(m.seconds),
        pick(m.timed_sales_revenue),
        pick(m.value_per_hour),
        current,
        ratio=settings.time_eater_ratio,
        min_share=settings.time_eater_min_share,
    )
    current_all = np.zeros(team.n, bool)
    current_all[a[current]] = True
    graded_well = np.zeros(team.n, bool)
    graded_well[a] = 2 * grade < len(labels(scale))  # upper half of the scale, middle included
    portrait_list, ideal_all = portraits(
        team, portrait_inputs(team, m, current_all, graded_well, settings)
    )
    ideal = pick(ideal_all)
    owed_amount = pick(m.unpaid)
    replace_with = _replacement_revenue(
        team, m.revenue, ideal_all, a[shares.over_reliant | shares.watch]
    )
    concentration_figures = concentration(
        ids,
        revenue,
        current,
        is_lapsed,
        shares,
        owed_amount,
        pick(replace_with),
        min_clients=settings.min_clients_for_alarms,
    )

    # Decline candidates, money owed, retention, disagreements (said in money: value, median).
    money = (inputs.annual_value, scales.profit)
    late_rate = shrunk_rate(inputs.late, inputs.invoices, refs.late_payment_rate)
    position = np.full(team.n, -1, np.int64)
    position[a] = np.arange(len(a))
    referrer, referred = referral_pairs(team, window_only=False)
    both = (position[referrer] >= 0) & (position[referred] >= 0)
    candidates, candidate, nearest, off_the_list = decline_candidates(
        DeclineInputs(
            ids=ids,
            current=current,
            young=short,
            kept=pick(team.kept),
            # A client graded above the middle of the scale is not told to go.
            graded_low=grade >= len(labels(scale)) // 2,
            annual_profit=annual_profit,
            annual_revenue=pick(m.annual_revenue),
            profit_per_hour=inputs.profit_per_hour,
            complaints=inputs.complaints,
            late=inputs.late,
            late_rate=late_rate,
            judgement=judgement,
            # The default profile is the team's own medians: a poor fit with it only restates
            # low profit per hour, so it is a signal only against a profile the team wrote.
            fit=inputs.fit if profiles else np.full(len(ids), np.nan),
            time_eater=timing.flagged,
            annual_hours=annual_hours,
            share=shares.share,
            unpaid=owed_amount,
            ideal=ideal,
        ),
        medians=TeamMedians(
            annual_profit=refs.median_annual_profit,
            annual_revenue=refs.median_annual_revenue,
            profit_per_hour=refs.median_profit_per_hour,
            late_rate=refs.late_payment_rate,
        ),
        watch_threshold=settings.watch_threshold,
        referrals=(position[referrer[both]], position[referred[both]]),
    )
    big_all = np.zeros(team.n, bool)
    big_all[a] = shares.top20 | (shares.share >= settings.watch_threshold)
    owed = money_owed(
        team.ids,
        m.unpaid,
        m.overdue,
        ~team.prospect,
        big_all,
        m.open_invoices,
        m.oldest_due,
        team.today,
    )

    # Explanations: the inputs are kept, each explanation is computed when read.
    explanations = Explanations(
        ExplainInputs(
            ids=ids,
            x=inputs,
            components=components,
            typical=typical_components(refs, scales),
            weights=weights,
            known_weight=known_weight,
            score=score,
            grade=grade,
            met=pick(fit.met),
            known=pick(fit.known),
            annual_hours=annual_hours,
            hours=pick(m.hours),
            scale=scale,
            scales=scales,
            references=refs,
            value_margin=m.value_margin,
            young=short,
            no_profile=not profiles,
            lapsed=is_lapsed,
            uncapped_grade=uncapped_grade,
            previous=previous,
            team_recency_days=_median_or_none(inputs.recency_days),
            team_interval_days=_typical_interval(own_interval),
        )
    )

    market, market_warnings = market_reality(
        used, minimum_per_competitor(settings.market_too_narrow, int(current.sum()))
    )
    flags = {
        "over_reliant": shares.over_reliant,
        "watch": shares.watch,
        "time_eater": timing.flagged,
        "decline_candidate": candidate,
        "lapsed": is_lapsed,
        "young": young,
        "ideal": ideal,
        "uses_default_margin": pick(m.uses_default_margin),
        "value_from_revenue": inputs.value_from_revenue,
    }
    clients = client_table(
        team,
        a,
        m,
        fit,
        inputs,
        late_rate,
        shares,
        timing,
        score,
        data_score,
        grade,
        scale,
        flags,
        history=history,
        young_days=settings.young_client_days,
    )
    return TeamAnalysis(
        clients=clients,
        explanations=explanations,
        concentration=concentration_figures,
        time_eaters=time_eaters(ids, timing, pick(m.hours), revenue, inputs.profit_per_hour),
        decline_candidates=candidates,
        decline_nearest=nearest,
        decline_off=off_the_list,
        disagreements=find_disagreements(
            ids, judgement, data_grade, annual_profit, len(labels(scale)), young, money
        ),
        overdue_ideal=overdue_ideal(ids, ideal, inputs.purchases, own_interval, recency),
        ideal_run_rate_monthly=ideal_run_rate_monthly(team, ideal_all),
        owed=owed,
        portraits=portrait_list,
        market=market,
        warnings=collect_warnings(
            team, m, fit, settings, refs, paying_clients(revenue, current), market_warnings
        ),
        references=refs,
        settings=settings,
        profiles=used,
        profile_written=bool(profiles),
        revenue_trend=revenue_trend(team),
        all_names=dict(zip(team.ids.tolist(), team.clients["name"].tolist(), strict=True)),
    )


def _previous(ids: np.ndarray, previous: Mapping[int, str] | None, scale: str) -> np.ndarray:
    out = np.full(len(ids), -1, np.int64)
    if not previous:
        return out
    names = {label: i for i, label in enumerate(labels(scale))}
    known = np.fromiter(previous.keys(), np.int64, len(previous))
    index = np.fromiter((names.get(g, -1) for g in previous.values()), np.int64, len(previous))
    where = np.clip(np.searchsorted(ids, known), 0, max(len(ids) - 1, 0))
    hit = (where < len(ids)) & (ids[where] == known) if len(ids) else np.zeros(len(known), bool)
    out[where[hit]] = index[hit]
    return out


def _replacement_revenue(
    team: TeamArrays, revenue: np.ndarray, ideal: np.ndarray, flagged: np.ndarray
) -> np.ndarray:
    """Median window revenue of the other ideal clients of the same kind, for flagged clients."""
    out = np.full(team.n, np.nan)
    for i in flagged.tolist():  # a handful: only over-reliant and watched clients
        others = ideal & team.of_kind(str(team.kind[i]))
        others[i] = False
        if others.any():
            out[i] = float(np.median(revenue[others]))
    return out


MIN_INTERVAL_CLIENTS = 5  # fewer clients with a rhythm of their own make no "typical client"


def _typical_interval(intervals: np.ndarray) -> float | None:
    """The median days between purchase days, over clients who bought on two days or more;
    None with fewer than MIN_INTERVAL_CLIENTS of them."""
    known = intervals[~np.isnan(intervals)]
    return float(np.median(known)) if len(known) >= MIN_INTERVAL_CLIENTS else None


def _median_or_none(values: np.ndarray) -> float | None:
    known = values[~np.isnan(values)]
    return float(np.median(known)) if len(known) else None
