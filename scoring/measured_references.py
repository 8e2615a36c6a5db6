"""References measured on a team as it is today: what a fresh weekly snapshot freezes, and what
`analyse` measures with when it is given none (scoring/references.py says what they are)."""

from __future__ import annotations

import numpy as np

from scoring.arrays import TeamArrays, prepare
from scoring.client_inputs import history_days
from scoring.fit import Fit, profile_fit
from scoring.frames import TeamFrames
from scoring.judgement import team_judgement
from scoring.metrics import Metrics, compute_metrics
from scoring.profile import IdealProfile, default_profile
from scoring.references import References, references_from, with_median_fit
from scoring.settings import ScoringSettings

# Fewer settled clients than this make no team bar: a brand-new team is measured over everyone.
MIN_SETTLED_CLIENTS = 3


def measured_clients(team: TeamArrays, metrics: Metrics, young_days: int) -> np.ndarray:
    """The active clients the team medians are measured over: those whose figures rest on at
    least `young_days` of history (theirs and the team's, as the cards count it), when at least
    three of them bought in the window; otherwise every active client."""
    short = history_days(team, metrics.tenure_days) < young_days
    settled = team.active & ~short
    if np.count_nonzero(settled & (metrics.revenue > 0)) >= MIN_SETTLED_CLIENTS:
        return settled
    return team.active


def fresh_references(
    team: TeamArrays, settings: ScoringSettings, profiles: tuple[IdealProfile, ...]
) -> tuple[References, Metrics, Fit, tuple[IdealProfile, ...], np.ndarray]:
    """References measured on the team as it is today, and what they were measured from."""
    judgement = team_judgement(team)
    metrics = compute_metrics(team, settings)
    assumed = metrics.observed_margin if settings.default_margin is None else None
    measured = measured_clients(team, metrics, settings.young_client_days)
    refs = references_from(
        metrics,
        team.active,
        judgement,
        today=settings.today,
        window_days=settings.window_days,
        assumed_margin=assumed,
        measured=measured,
    )
    used = profiles or (default_profile(refs),)
    fit = profile_fit(team, metrics, used, settings.today.year, team.active)
    refs = with_median_fit(refs, fit.fit, measured & (metrics.revenue > 0))
    return refs, metrics, fit, used, judgement


def compute_references(
    frames: TeamFrames, settings: ScoringSettings, profiles: tuple[IdealProfile, ...] = ()
) -> References:
    """The references a fresh weekly snapshot freezes (the same ones `analyse` computes)."""
    return fresh_references(prepare(frames, settings), settings, tuple(profiles))[0]
