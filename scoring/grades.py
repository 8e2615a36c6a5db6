"""Grades on the team's scale from the 0–100 score, with hysteresis so grades do not flicker.

The scale splits 0–100 into equal bands, best first (grade index 0 is the best):

| scale | grades (best first) | band width | lower bounds           |
|-------|---------------------|------------|------------------------|
| A-D   | A B C D             | 25         | 75, 50, 25, 0          |
| 1-5   | 5 4 3 2 1           | 20         | 80, 60, 40, 20, 0      |
| 1-10  | 10 9 … 1            | 10         | 90, 80, …, 10, 0       |

Hysteresis: a client keeps last week's grade while the score stays within `HYSTERESIS` (2.0)
points outside that grade's band; only a score that crosses a boundary by more than the margin
changes the grade. A previous grade on another scale is ignored (switching scale changes no
score, only the labels). A lift in the explanations aims at the next boundary plus the margin.
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


def grade_indices(scores: np.ndarray, scale: str, previous: np.ndarray) -> np.ndarray:
    """Grade index per score; `previous` holds last week's index or -1 for none."""
    raw = raw_indices(scores, scale)
    count = len(labels(scale))
    width = 100.0 / count
    had = previous >= 0
    low = 100.0 - (np.clip(previous, 0, count - 1) + 1) * width
    low = np.where(previous == count - 1, -np.inf, low) - HYSTERESIS
    high = np.where(previous == 0, np.inf, low + HYSTERESIS + width) + HYSTERESIS
    keep = had & (scores >= low) & (scores < high)
    return np.where(keep, previous, raw)


def grade_for(score: float, scale: str, previous: str | None = None) -> str:
    """The grade label for one score, keeping `previous` inside the hysteresis margin."""
    before = grade_index(previous, scale) if previous is not None else None
    index = grade_indices(
        np.array([float(score)]), scale, np.array([-1 if before is None else before])
    )
    return labels(scale)[int(index[0])]
