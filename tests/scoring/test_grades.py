"""Grades on each scale, with hysteresis so they do not flicker."""

from __future__ import annotations

import numpy as np
import pytest

from scoring.grades import HYSTERESIS, grade_for, grade_index, labels, lower_bound


@pytest.mark.parametrize(
    ("scale", "best", "worst"), [("A-D", "A", "D"), ("1-5", "5", "1"), ("1-10", "10", "1")]
)
def test_best_grade_is_first_on_every_scale(scale: str, best: str, worst: str) -> None:
    assert grade_for(100, scale) == best
    assert grade_for(0, scale) == worst
    assert grade_index(best, scale) == 0


@pytest.mark.parametrize(
    ("score", "grade"), [(75, "A"), (74.99, "B"), (50, "B"), (49.99, "C"), (25, "C"), (10, "D")]
)
def test_letter_bands_are_quarters(score: float, grade: str) -> None:
    assert grade_for(score, "A-D") == grade


def test_switching_scale_changes_labels_not_scores() -> None:
    assert [grade_for(80, s) for s in ("A-D", "1-5", "1-10")] == ["A", "5", "9"]
    assert grade_for(80, "1-5", previous="A") == "5"  # a grade from another scale is ignored


def test_grade_holds_within_the_margin_around_a_boundary() -> None:
    boundary = lower_bound("A-D", 0)  # 75
    assert grade_for(boundary + HYSTERESIS - 0.01, "A-D", previous="B") == "B"
    assert grade_for(boundary + HYSTERESIS + 0.01, "A-D", previous="B") == "A"
    assert grade_for(boundary - HYSTERESIS + 0.01, "A-D", previous="A") == "A"
    assert grade_for(boundary - HYSTERESIS - 0.01, "A-D", previous="A") == "B"


def test_scores_wobbling_around_a_boundary_do_not_flicker() -> None:
    wobble = 75 + np.array([0.5, -0.8, 1.2, -1.5, 0.9, -0.3, 1.9, -1.9])
    grade, seen = "B", []
    for score in wobble:
        grade = grade_for(float(score), "A-D", previous=grade)
        seen.append(grade)
    assert set(seen) == {"B"}


def test_a_big_jump_changes_grade_whatever_the_past() -> None:
    assert grade_for(90, "A-D", previous="D") == "A"
    assert grade_for(5, "1-10", previous="10") == "1"


def test_every_scale_has_distinct_labels() -> None:
    for scale in ("A-D", "1-5", "1-10"):
        assert len(set(labels(scale))) == len(labels(scale))


def test_the_worst_grade_is_kept_inside_the_margin_too() -> None:
    # A D is left only past 25 + 2, as every other grade is left only past its margin.
    assert grade_for(26.9, "A-D", previous="D") == "D"
    assert grade_for(27.0, "A-D", previous="D") == "C"
    assert grade_for(25.0, "A-D") == "C"  # no grade to keep: the band alone


def test_the_lowest_score_for_a_grade_counts_the_margin_only_from_a_kept_grade() -> None:
    from scoring.grades import lowest_score_for

    c, previous = np.full(5, 2), np.array([-1, 3, 2, 1, 0])  # to C, from none, D, C, B, A
    # None: C's bound 25; from a D: past its kept band (27); from a C, kept down to 23; from
    # a B or an A (better than C): C's bound, where the score alone gives C or better.
    assert lowest_score_for(c, previous, "A-D").tolist() == [25.0, 27.0, 23.0, 25.0, 25.0]
