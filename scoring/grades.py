"""Grades on the team's scale from the 0–100 score, with hysteresis so grades do not flicker.

The scale splits 0–100 into equal bands, best first (grade index 0 is the best):

| scale | grades (best first) | band width | lower bounds           |
|-------|---------------------|------------|------------------------|
| A-D   | A B C D             | 25         | 75, 50, 25, 0          |
| 1-5   | 5 4 3 2 1           | 20         | 80, 60, 40, 20, 0      |
| 1-10  | 10 9 … 1            | 10         | 90, 80, …, 10, 0       |

Hysteresis: a client keeps last week's grade while the score stays within `HYSTERESIS` (2.0)
points outside that grade's band; only a score that crosses a boundary by more than the margin
changes the grade (the worst grade too: a D stays a D up to 27). A previous grade on another
scale is ignored (switching scale changes no score, only the labels). A lift in the
explanations aims at the lowest score that really gives the next grade (`lowest_score_for`):
the boundary itself without last week's grade, the boundary plus the margin from a kept one.
"""

from __future__ import annotations

import numpy as np

from scoring.settings import GRADE_SCALES

HYSTERESIS = 2.0
LABELS: dict[str, tuple[str, ...]] = {
    "A-D": ("A", "B", "C", "D"),
    "1-5": ("5", "4", "3", "2", "1"),
    "1-10": tuple(str(g) for g in range(10, 0, -1)),
}
assert set(LABELS) == set(GRADE_SCALES)


def labels(scale: str) -> tuple[str, ...]:
    try:
        return LABELS[scale]
    except KeyError:
        raise ValueError(f"unknown grade scale {scale!r}") from None


def lower_bound(scale: str, index: int) -> float:
    """The lowest score of grade `index` (0 = best) on the scale."""
    count = len(labels(scale))
    return 100.0 * (count - 1 - index) / count


def grade_index(label: str | None, scale: str) -> int | None:
    """Position of a grade label on the scale (0 = best); None when not on this scale."""
    names = labels(scale)
    return names.index(label) if label in names else None


def raw_indices(scores: np.ndarray, scale: str) -> np.ndarray:
    """Grade index per score, without hysteresis."""
    count = len(labels(scale))
    band = np.floor(np.clip(scores, 0.0, 100.0) / (100.0 / count))
    return (count - 1 - np.minimum(band, count - 1)).astype(np.int64)


def _kept_band(previous: np.ndarray, scale: str) -> tuple[np.ndarray, np.ndarray]:
    """The scores [low, high) within which last week's grade is kept: its band widened by the
    margin on both sides (the worst grade has no floor, the best no ceiling)."""
    count = len(labels(scale))
    width = 100.0 / count
    bottom = 100.0 - (np.clip(previous, 0, count - 1) + 1) * width
    low = np.where(previous == count - 1, -np.inf, bottom - HYSTERESIS)
    high = np.where(previous == 0, np.inf, bottom + width + HYSTERESIS)
    return low, high


def grade_indices(scores: np.ndarray, scale: str, previous: np.ndarray) -> np.ndarray:
    """Grade index per score; `previous` holds last week's index or -1 for none."""
    raw = raw_indices(scores, scale)
    low, high = _kept_band(previous, scale)
    keep = (previous >= 0) & (scores >= low) & (scores < high)
    return np.where(keep, previous, raw)


def lowest_score_for(target: np.ndarray, previous: np.ndarray, scale: str) -> np.ndarray:
    """The lowest score that earns grade index `target` or better, given last week's grade
    (-1: none): the band's lower bound, reached without a margin when there is no grade to keep
    or last week's was `target` or better; past last week's kept band when it was worse."""
    count = len(labels(scale))
    bound = 100.0 * (count - 1 - target) / count
    low, high = _kept_band(previous, scale)
    return np.where(
        previous < 0,
        bound,
        np.where(previous <= target, np.minimum(low, bound), np.maximum(high, bound)),
    )


def grade_for(score: float, scale: str, previous: str | None = None) -> str:
    """The grade label for one score, keeping `previous` inside the hysteresis margin."""
    before = grade_index(previous, scale) if previous is not None else None
    index = grade_indices(
        np.array([float(score)]), scale, np.array([-1 if before is None else before])
    )
    return labels(scale)[int(index[0])]
