"""A team's scoring settings: the day to score on, the window, thresholds and weights."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

# Below this many clients with revenue a team raises no concentration alarms and freezes no
# references for the week (DESIGN "Few clients"; scoring.references).
FEW_CLIENTS = 8

GRADE_SCALES = ("A-D", "1-5", "1-10")

# What a team may set (README, "Setting a team up in the chat"), inclusive. A typed value outside
# is refused with the range; a stored one outside (an older version's, a hand-edited row) is
# ignored at load with a warning, so one bad value never stops a team's cards and digest.
MARGIN_RANGE = (0.01, 0.99)  # a margin of 100 % would make every sale's cost nothing
THRESHOLD_RANGE = (0.10, 1.0)  # from the watch line to all of the revenue
VAT_RANGE = (0.0, 0.50)  # the highest VAT rate anywhere is 27 %
HOUR_COST_MAX_UNITS = 1_000_000  # whole units of the team's currency (₸ 1 000 000 ≈ € 1 800)


def within(bounds: tuple[float, float], value: float) -> bool:
    """Whether a setting's value lies in its range (both ends included)."""
    low, high = bounds
    return low <= value <= high


@dataclass(frozen=True)
class ScoringSettings:
    """Everything a team can tune; `today` is the team's local date, never read from a clock.

    - window_days: the scoring window (sales and events in (today - window, today]).
    - concentration_threshold: revenue share at or above which a client is over-relied on.
    - watch_threshold: revenue share at or above which a client is watched (IFRS 8 / ASC 280).
    - default_margin: margin (0–1) assumed for a sale with no cost; None = not set.
    - vat_rate: the VAT rate (fraction) inside every amount and cost the team entered; figures
      are then taken net of it. None = amounts are without VAT.
    - hour_cost: what an hour of the team's work costs (minor units); profit then subtracts
      recorded hours × it. None = not set.
    - grade_scale: 'A-D', '1-5' or '1-10'.
    - weights: per-team component weights (keys in `scoring.score.DEFAULT_WEIGHTS`); missing
      keys keep their default, so {'judgement': 0} switches the team's judgement off.
    - time_eater_ratio / time_eater_min_share: a client is a time-eater when their share of
      recorded time is at least ratio × their revenue share and at least min_share.
    - min_clients_for_alarms: below this many active clients no concentration alarms.
    - young_client_days: clients younger than this are never decline candidates.
    - market_too_narrow: fewest potential ideal clients per competitor a profile's market may
      have; None = twice the team's active clients, at least 20.
    """

    today: dt.date
    window_days: int = 365
    concentration_threshold: float = 0.25
    watch_threshold: float = 0.10
    default_margin: float | None = None
    vat_rate: float | None = None
    hour_cost: float | None = None
    grade_scale: str = "A-D"
    weights: Mapping[str, float] | None = None
    time_eater_ratio: float = 1.5
    time_eater_min_share: float = 0.05
    min_clients_for_alarms: int = FEW_CLIENTS
    young_client_days: int = 90
    market_too_narrow: int | None = None

    def __post_init__(self) -> None:
        if isinstance(self.today, dt.datetime) or not isinstance(self.today, dt.date):
            raise ValueError("today must be a date (the team's local day), not a timestamp")
        if self.window_days < 1:
            raise ValueError("window_days must be positive")
        if not 0 < self.watch_threshold <= self.concentration_threshold <= 1:
            raise ValueError("need 0 < watch_threshold <= concentration_threshold <= 1")
        if self.default_margin is not None and not -1 <= self.default_margin < 1:
            raise ValueError("default_margin must be a fraction below 1")
        if self.vat_rate is not None and not 0 <= self.vat_rate < 1:
            raise ValueError("vat_rate must be a fraction in [0, 1)")
        if self.hour_cost is not None and self.hour_cost < 0:
            raise ValueError("hour_cost cannot be negative")
        if self.grade_scale not in GRADE_SCALES:
            raise ValueError(f"grade_scale must be one of {GRADE_SCALES}")
        if self.time_eater_ratio <= 0 or not 0 <= self.time_eater_min_share <= 1:
            raise ValueError("time-eater ratio must be positive and min share a fraction")
        if self.weights is not None and any(w < 0 for w in self.weights.values()):
            raise ValueError("weights cannot be negative")
