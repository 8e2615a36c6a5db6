"""Market reality (the Dutch text's third area): is the ideal wide enough to live on?

For each profile with a market size: per_competitor = market_size / max(competitors, 1) —
the potential ideal clients each player in the market can hope for (competitors unknown:
the whole market, and no verdict). It is too narrow below the team's `market_too_narrow`
setting, or by default below twice the team's current client count (at least
`DEFAULT_MINIMUM`): a market that cannot even hold the team's present size twice over leaves
no room to replace anyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scoring.data_warnings import ScoringWarning
from scoring.profile import IdealProfile

DEFAULT_MINIMUM = 20


@dataclass(frozen=True, slots=True)
class MarketReality:
    profile_name: str
    market_size: int
    competitors: int | None
    per_competitor: float
    too_narrow: bool | None  # None when the competitors are unknown
    minimum: int  # the fewest potential ideal clients per competitor that is wide enough


def minimum_per_competitor(setting: int | None, current_clients: int) -> int:
    return setting if setting is not None else max(2 * current_clients, DEFAULT_MINIMUM)


def market_reality(
    profiles: Sequence[IdealProfile], minimum: int
) -> tuple[tuple[MarketReality, ...], tuple[ScoringWarning, ...]]:
    out, warnings = [], []
    for profile in profiles:
        if profile.market_size is None:
            continue
        competitors = profile.competitors
        per = profile.market_size / max(competitors, 1) if competitors is not None else None
        narrow = None if per is None else per < minimum
        out.append(
            MarketReality(
                profile_name=profile.name,
                market_size=int(profile.market_size),
                competitors=competitors,
                per_competitor=round(per if per is not None else float(profile.market_size), 1),
                too_narrow=narrow,
                minimum=minimum,
            )
        )
        if narrow:
            warnings.append(
                ScoringWarning(
                    "market_too_narrow",
                    {"profile": profile.name, "per_competitor": round(per, 1), "minimum": minimum},
                )
            )
    return tuple(out), tuple(warnings)
