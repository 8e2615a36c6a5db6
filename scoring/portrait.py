"""The ideal-client portrait (the Russian text): who the best clients are and what they share.

For each client kind present among current clients (and, when the team uses segments, for each
of the `MAX_SEGMENTS` largest segments):

1. Rank the group by annual profit (by annual revenue, with a 'ranked_by_revenue' warning, when
   some profits are unknown). The top 20 % — ceil(0.2 · n), at least `MIN_PORTRAIT` — with
   positive profit are the ideal clients.
2. Narrow them to those who referred someone when at least `MIN_PORTRAIT` did
   (`based_on_referrers`); otherwise keep the top 20 % and warn 'few_referrers'.
3. Traits: for each value of a categorical trait, its share among the portrait clients versus
   its share among the *rest* of the group (not all clients, which would include the portrait
   itself). A trait is kept with support ≥ `MIN_SUPPORT` clients and ≥ `MIN_SUPPORT_SHARE` of
   the portrait, and lift = share / rest_share ≥ `MIN_LIFT` (rest_share floored at half a
   client, 0.5 / rest size, so a value absent from the rest has a finite lift). At most
   `MAX_TRAITS`, highest lift first.
4. Numeric traits: median and interquartile range where ≥ `MIN_SUPPORT` portrait clients have
   the figure. Sources: where the portrait clients came from, as shares of the portrait.

With fewer than `MIN_GROUP` clients in a group the portrait lists its clients but no traits:
`missing` says what is lacking instead of guessing ('clients', 'referrals', 'costs', or a trait
name known for under half the portrait).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from scoring.data_warnings import MISSING_SHARE, ScoringWarning
from scoring.prepared import Prepared

MIN_GROUP = 10
MIN_PORTRAIT = 3
MIN_SUPPORT = 3
MIN_SUPPORT_SHARE = 0.25
MIN_LIFT = 1.5
MAX_TRAITS = 5
MAX_SEGMENTS = 10
TRAITS = {
    "person": ("gender", "city", "education", "interests", "segment"),
    "organisation": ("industry", "city", "decision", "segment"),
    None: ("gender", "city", "education", "interests", "industry", "decision"),
}
DEMOGRAPHIC_NUMBERS = {
    "person": ("age", "income"),
    "organisation": ("employees",),
    None: ("age", "income", "employees"),
}
MONEY_NUMBERS = ("annual_revenue", "annual_profit", "purchases", "profit_per_hour")


@dataclass(frozen=True, slots=True)
class Trait:
    name: str
    value: str
    share: float
    rest_share: float
    lift: float


@dataclass(frozen=True, slots=True)
class NumericTrait:
    name: str
    median: float
    q1: float
    q3: float


@dataclass(frozen=True, slots=True)
class Portrait:
    kind: str | None
    segment: str | None
    client_ids: tuple[int, ...]
    based_on_referrers: bool
    traits: tuple[Trait, ...]
    numeric: tuple[NumericTrait, ...]
    sources: tuple[tuple[str, float], ...]
    median_revenue: int | None
    missing: tuple[str, ...]
    warnings: tuple[ScoringWarning, ...]


@dataclass(frozen=True, eq=False)
class PortraitInputs:
    """Arrays over all the team's clients (NaN / False outside the current clients)."""

    current: np.ndarray
    annual_profit: np.ndarray
    annual_revenue: np.ndarray
    revenue: np.ndarray
    referrals: np.ndarray
    numbers: dict[str, np.ndarray]


def portraits(team: Prepared, x: PortraitInputs) -> tuple[tuple[Portrait, ...], np.ndarray]:
    """The portraits and the mask of ideal clients (members of any kind's portrait)."""
    out = []
    ideal = np.zeros(team.n, bool)
    for kind in ("organisation", "person"):
        group = x.current & (team.kind == kind)
        if group.any():
            portrait, members = _portrait(team, x, group, kind, None)
            out.append(portrait)
            ideal |= members
    segment_codes, segment_values = team.codes("segment")
    in_segment = segment_codes[x.current & (segment_codes >= 0)]
    if len(in_segment):
        sizes = np.bincount(in_segment, minlength=len(segment_values))
        largest = np.lexsort((np.arange(len(sizes)), -sizes))[:MAX_SEGMENTS]
        for code in largest[sizes[largest] > 0]:
            group = x.current & (segment_codes == code)
            out.append(_portrait(team, x, group, None, str(segment_values[code]))[0])
    return tuple(out), ideal


def _portrait(
    team: Prepared, x: PortraitInputs, group: np.ndarray, kind: str | None, segment: str | None
) -> tuple[Portrait, np.ndarray]:
    warnings: list[ScoringWarning] = []
    missing: list[str] = []
    n = int(group.sum())
    value = x.annual_profit
    if np.isnan(value[group]).any():
        value = x.annual_revenue
        warnings.append(ScoringWarning("ranked_by_revenue"))
        missing.append("costs")
    pool = np.flatnonzero(group & (value > 0))
    pool = pool[np.lexsort((team.ids[pool], -value[pool]))]
    top = pool[: max(math.ceil(0.2 * n), MIN_PORTRAIT)]
    referrers = top[x.referrals[top] >= 1]
    based_on_referrers = len(referrers) >= MIN_PORTRAIT
    if based_on_referrers:
        top = referrers
    elif len(top):
        warnings.append(
            ScoringWarning("few_referrers", {"referrers": len(referrers), "minimum": MIN_PORTRAIT})
        )
    if not x.referrals[group].any():
        missing.append("referrals")
    members = np.zeros(team.n, bool)
    members[top] = True
    positions = np.flatnonzero(group)
    member = members[positions]
    label = np.full(team.n, -1, np.int64)
    label[positions] = member
    enough = n >= MIN_GROUP and len(top) >= MIN_PORTRAIT
    if not enough:
        warnings.append(
            ScoringWarning("portrait_few_clients", {"clients": n, "minimum": MIN_GROUP})
        )
        missing.insert(0, "clients")

    traits: list[Trait] = []
    numeric: list[NumericTrait] = []
    uses_segments = bool((team.codes("segment")[0] >= 0).any())
    for name in TRAITS[kind] if segment is None else TRAITS[None]:
        if name == "segment" and not uses_segments:
            continue
        found, known = _categorical(team, name, positions, member, label)
        # A segment mixes kinds: there only traits every client can have count as missing.
        if known < MISSING_SHARE and len(top) and (kind is not None or name == "city"):
            missing.append(name)
        if enough:
            traits += found
    for name in (*DEMOGRAPHIC_NUMBERS[kind], *MONEY_NUMBERS):
        values = x.numbers[name][top]
        values = values[~np.isnan(values)]
        if (
            kind is not None
            and name in DEMOGRAPHIC_NUMBERS[kind]
            and len(top)
            and len(values) < MISSING_SHARE * len(top)
        ):
            missing.append(name)
        if enough and len(values) >= MIN_SUPPORT:
            q1, median, q3 = np.percentile(values, (25, 50, 75))
            digits = 0 if name in MONEY_NUMBERS[:2] or name == "profit_per_hour" else 1
            numeric.append(
                NumericTrait(
                    name,
                    round(float(median), digits),
                    round(float(q1), digits),
                    round(float(q3), digits),
                )
            )
    traits.sort(key=lambda t: (-t.lift, -t.share, t.name, t.value))
    revenue = x.revenue[top]
    return (
        Portrait(
            kind=kind,
            segment=segment,
            client_ids=tuple(int(i) for i in team.ids[top]),
            based_on_referrers=based_on_referrers,
            traits=tuple(traits[:MAX_TRAITS]),
            numeric=tuple(numeric),
            sources=_sources(team, top),
            median_revenue=int(np.median(revenue)) if len(revenue) else None,
            missing=tuple(dict.fromkeys(missing)),
            warnings=tuple(warnings),
        ),
        members,
    )


def _categorical(
    team: Prepared, name: str, group: np.ndarray, member: np.ndarray, label: np.ndarray
) -> tuple[list[Trait], float]:
    """Traits of one column that pass support and lift, and the portrait's known share.

    `group` holds the group's client positions and `member` whether each is in the portrait;
    `label` is the same over all clients (1 portrait, 0 rest, -1 outside the group).
    """
    if name == "interests":
        owner, codes, values = team.interests()
        side = label[owner]
        inside = side >= 0
        codes, side = codes[inside], side[inside]
        known = len(np.unique(owner[inside][side == 1]))
    else:
        codes, values = team.codes(name)
        codes, side = codes[group], member.astype(np.int64)
        inside = codes >= 0
        codes, side = codes[inside], side[inside]
        known = int(side.sum())
    size = int(member.sum())
    rest_size = len(member) - size
    if size == 0:
        return [], 0.0
    counts = np.bincount(codes * 2 + side, minlength=2 * len(values)).reshape(-1, 2)
    count, rest_count = counts[:, 1], counts[:, 0]
    share = count / size
    rest_share = rest_count / rest_size if rest_size else np.zeros(len(values))
    floor = 0.5 / rest_size if rest_size else np.inf
    lift = share / np.maximum(rest_share, floor)
    keep = (count >= MIN_SUPPORT) & (share >= MIN_SUPPORT_SHARE) & (lift >= MIN_LIFT)
    return [
        Trait(name, str(values[v]), float(share[v]), float(rest_share[v]), round(float(lift[v]), 2))
        for v in np.flatnonzero(keep)
    ], known / size


def _sources(team: Prepared, top: np.ndarray) -> tuple[tuple[str, float], ...]:
    codes, values = team.codes("source")
    if len(top) == 0:
        return ()
    seen = codes[top]
    count = np.bincount(seen[seen >= 0], minlength=len(values))
    order = np.lexsort((np.arange(len(values)), -count))
    return tuple((str(values[v]), float(count[v] / len(top))) for v in order if count[v] > 0)
