"""The score's curves and weights: monotone, invertible, documented keys only."""

from __future__ import annotations

import numpy as np
import pytest

from scoring.score import (
    DEFAULT_WEIGHTS,
    rate_curve,
    ratio_curve,
    ratio_inverse,
    referral_curve,
    weighted_scores,
    weights_vector,
)


def test_ratio_curve_is_half_at_the_reference_and_rises_everywhere() -> None:
    x = np.linspace(-5_000, 50_000, 1_001)
    c = ratio_curve(x, 1_000.0)
    assert np.all(np.diff(c) > 0)
    assert float(ratio_curve(np.array([1_000.0]), 1_000.0)[0]) == pytest.approx(0.5)
    assert c.min() > 0 and c.max() < 1


def test_ratio_inverse_undoes_the_curve() -> None:
    x = np.array([-300.0, 0.0, 250.0, 1_000.0, 9_000.0])
    assert ratio_inverse(ratio_curve(x, 1_000.0), 1_000.0) == pytest.approx(x, abs=1e-6)


def test_more_referrals_and_fewer_complaints_score_higher() -> None:
    assert np.all(np.diff(referral_curve(np.arange(6.0))) > 0)
    assert np.all(np.diff(rate_curve(np.linspace(0, 1, 11), 0.05)) < 0)


def test_unknown_components_are_left_out_of_the_mean() -> None:
    weights = weights_vector(None)
    known = np.full((1, len(weights)), 0.8)
    partly = known.copy()
    partly[0, 2] = np.nan
    assert weighted_scores(known, weights)[0][0] == weighted_scores(partly, weights)[0][0] == 80.0


def test_data_score_leaves_the_teams_judgement_out() -> None:
    weights = weights_vector(None)
    components = np.full((1, len(weights)), 0.5)
    components[0, -1] = 1.0  # the team loves them
    score, _, data_score = weighted_scores(components, weights)
    assert score[0] > data_score[0] == 50.0


def test_default_weights_add_up_to_one_and_keys_are_checked() -> None:
    assert sum(DEFAULT_WEIGHTS.values()) == pytest.approx(1.0)
    assert weights_vector({"judgement": 0})[-1] == 0
    with pytest.raises(ValueError, match="at least one"):
        weights_vector(dict.fromkeys(DEFAULT_WEIGHTS, 0))
