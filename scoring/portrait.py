"""The ideal-client portrait (the Russian text): who the best clients are and what they share.

For each client kind present among current clients (and, when the team uses segments, for each
of the `MAX_SEGMENTS` largest segments):

0. A group of fewer than `MIN_IDEAL` (5) current clients has no ideal clients at all: the
   portrait is empty with an 'ideal_too_few' warning (clients, minimum) instead of calling one
   of two clients "ideal" by default.
1. Rank the group by annual profit (by annual revenue, with a 'ranked_by_revenue' warning, when
   some profits are unknown). The top 20 % — ceil(0.2 · n) of the group's n clients — with
   positive profit are the candidates, and with them every client as good as the last one in
   (equals are never cut apart: of 8 identical clients all 8 are candidates). A candidate graded
   below the middle of the scale is never ideal ("graded well": grade index i, 0 = best, with
   2·i < number of grades — A and B of A–D, 5, 4 and 3 of 1–5, 10 to 6 of 1–10); when no
   candidate is left, 'no_ideal' says why.
2. Narrow them to those who referred someone when at least `MIN_PORTRAIT` of them did, or all
   of a smaller top did (`based_on_referrers`); otherwise keep the top 20 % and warn
   'few_referrers'.
3. Traits: for each value of a categorical trait, its share among the portrait clients versus
   its share among the *rest* of the group (not all clients, which would include the portrait
   itself). A trait is kept with support ≥ `MIN_SUPPORT` clients and ≥ `MIN_SUPPORT_SHARE` of
   the portrait, and lift = share / rest_share ≥ `MIN_LIFT` (rest_share floored at half a
   client, 0.5 / rest size, so a value absent from the rest has a finite lift). At most
   `MAX_TRAITS`, highest lift first.
4. Numeric traits: median and interquartile range where ≥ `MIN_SUPPORT` portrait clients have
   the figure. Sources: where the portrait clients came from, as shares of the portrait.

With fewer than `MIN_GROUP` clients in a group ('portrait_few_clients'), or fewer than
`MIN_PORTRAIT` ideal clients ('portrait_few_ideal'), the portrait lists its clients but no
traits: `missing` says what is lacking instead of guessing ('clients', 'referrals', 'costs', or
a trait name known for under half the portrait).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from scoring.arrays import TeamArrays
from scoring.data_warnings import MISSING_SHARE, ScoringWarning

MIN_IDEAL = 5
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
WHOLE_NUMBERS = frozenset({"income", "annual_revenue", "annual_profit", "profit_per_hour"})


@dataclass(frozen=True, slots=True)
class Trait:
    name: str
    value: str
    share: float
    rest_share: float
    lift: float


@dataclass(frozen=True, slots=True)
class NumericTrait:
    """Median and quartiles. Money (income a year, annual_revenue, annual_profit,
    profit_per_hour) in whole minor units; age in years; employees; purchases in the window.
    `within` of `known` clients (those with the figure) lie from q1 to q3: "7 of 10"."""

    name: str
    median: float | int
    q1: float | int
    q3: float | int
    within: int = 0
    known: int = 0


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
    """Arrays over all the team's clients (NaN / False outside the current clients).

    `graded_well`: the client's grade is in the upper half of the scale, the middle included.
    """

    current: np.ndarray
    graded_well: np.ndarray
    annual_profit: np.ndarray
    annual_revenue: np.ndarray
    revenue: np.ndarray
    referrals: np.ndarray
    numbers: dict[str, np.ndarray]


def portraits(team: TeamArrays, x: PortraitInputs) -> tuple[tuple[Portrait, ...], np.ndarray]:
    """The portraits and the mask of ideal clients (members of any kind's portrait)."""
    current = np.flatnonzero(x.current)
    kinds = [
        ((kind, None), current[team.of_kind(kind)[current]]) for kind in ("organisation", "person")
    ]
    segment_codes, segment_values = team.codes("segment")
    in_segment = segment_codes[current]
    sizes = np.bincount(in_segment[in_segment >= 0], minlength=len(segment_values))
    largest = np.argsort(-sizes, kind="stable")[:MAX_SEGMENTS]
    segments = [
        ((None, str(segment_values[code])), current[in_segment == code])
        for code in largest[sizes[largest] > 0]
    ]
    out: list[Portrait] = []
    ideal = np.zeros(team.n, bool)
    # Kinds do not overlap, nor do segments: each partition's trait counts take one pass per
    # column over the team, whatever the number of portraits in it.
    for partition, is_kind in ((kinds, True), (segments, False)):
        groups = [(key, positions) for key, positions in partition if len(positions)]
        chosen = [_choose(x, positions) for _, positions in groups]
        label = np.full(team.n, -1, np.int64)
        for g, ((_, positions), choice) in enumerate(zip(groups, chosen, strict=True)):
            label[positions] = 2 * g
            label[choice.top] = 2 * g + 1
            if is_kind:
                ideal[choice.top] = True
        counts: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        for g, ((kind, segment), positions) in enumerate(groups):
            names = _trait_names(team, kind)
            for name in names:
                if name not in counts:
                    counts[name] = _counts(team, name, label, 2 * len(groups))
            out.append(_portrait(team, x, kind, segment, len(positions), chosen[g], counts, g))
    return tuple(out), ideal


@dataclass(frozen=True, eq=False)
class _Choice:
    top: np.ndarray
    based_on_referrers: bool
    ranked_by_revenue: bool
    referrers: int
    any_referrals: bool
    too_few: bool  # fewer than MIN_IDEAL clients in the group: nobody is ideal
    graded_low: int  # top-fifth clients left out for a grade below the middle


def _choose(x: PortraitInputs, positions: np.ndarray) -> _Choice:
    """The group's ideal clients: the top fifth by profit, graded well, narrowed to referrers."""
    value = x.annual_profit[positions]
    by_revenue = bool(np.isnan(value).any())
    if by_revenue:
        value = x.annual_revenue[positions]
    any_referrals = bool(x.referrals[positions].any())
    if len(positions) < MIN_IDEAL:
        empty = np.empty(0, np.int64)
        return _Choice(empty, False, by_revenue, 0, any_referrals, too_few=True, graded_low=0)
    ranked = np.flatnonzero(value > 0)
    ranked = ranked[np.argsort(-value[ranked], kind="stable")]
    within = ranked[: math.ceil(0.2 * len(positions))]
    if len(within):  # one as good as the last one in is in too: equals are never cut apart
        within = ranked[value[ranked] >= value[within[-1]]]
    fifth = positions[within]
    top = fifth[x.graded_well[fifth]]
    referrers = top[x.referrals[top] >= 1]
    narrowed = len(referrers) > 0 and len(referrers) >= min(MIN_PORTRAIT, len(top))
    return _Choice(
        top=referrers if narrowed else top,
        based_on_referrers=narrowed,
        ranked_by_revenue=by_revenue,
        referrers=len(referrers),
        any_referrals=any_referrals,
        too_few=False,
        graded_low=len(fifth) - len(top),
    )


def _trait_names(team: TeamArrays, kind: str | None) -> list[str]:
    uses_segments = bool((team.codes("segment")[0] >= 0).any())
    return [n for n in TRAITS[kind] if n != "segment" or (uses_segments and kind is not None)]


def _counts(
    team: TeamArrays, name: str, label: np.ndarray, slots: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per value and slot (2·group + in portrait) how many clients have it; known per slot."""
    if name == "interests":
        owner, codes, values = team.interests()
        side = label[owner]
        first = np.ones(len(owner), bool)
        first[1:] = owner[1:] != owner[:-1]  # owners come sorted: one row per client counts
        known = np.bincount(side[first & (side >= 0)], minlength=slots)
    else:
        codes, values = team.codes(name)
        side = label
        known = np.bincount(side[(codes >= 0) & (side >= 0)], minlength=slots)
    keep = (codes >= 0) & (side >= 0)
    table = np.bincount(codes[keep] * slots + side[keep], minlength=len(values) * slots)
    return table.reshape(len(values), slots), known, values


def _portrait(
    team: TeamArrays,
    x: PortraitInputs,
    kind: str | None,
    segment: str | None,
    n: int,
    choice: _Choice,
    counts: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]],
    g: int,
) -> Portrait:
    top = choice.top
    warnings: list[ScoringWarning] = []
    missing: list[str] = []
    if choice.too_few:
        return Portrait(
            kind=kind,
            segment=segment,
            client_ids=(),
            based_on_referrers=False,
            traits=(),
            numeric=(),
            sources=(),
            median_revenue=None,
            missing=("clients",),
            warnings=(ScoringWarning("ideal_too_few", {"clients": n, "minimum": MIN_IDEAL}),),
        )
    if not len(top):
        reason = "grades" if choice.graded_low else "profit"
        warnings.append(ScoringWarning("no_ideal", {"reason": reason}))
    if choice.ranked_by_revenue:
        warnings.append(ScoringWarning("ranked_by_revenue"))
        missing.append("costs")
    if not choice.based_on_referrers and len(top):
        warnings.append(
            ScoringWarning(
                "few_referrers", {"referrers": choice.referrers, "minimum": MIN_PORTRAIT}
            )
        )
    if not choice.any_referrals:
        missing.append("referrals")
    enough = n >= MIN_GROUP and len(top) >= MIN_PORTRAIT
    if n < MIN_GROUP:
        warnings.append(
            ScoringWarning("portrait_few_clients", {"clients": n, "minimum": MIN_GROUP})
        )
    elif len(top) and not enough:
        warnings.append(
            ScoringWarning("portrait_few_ideal", {"ideal": len(top), "minimum": MIN_PORTRAIT})
        )
    if not enough:
        missing.insert(0, "clients")

    traits: list[Trait] = []
    size, rest_size = len(top), n - len(top)
    for name in _trait_names(team, kind):
        table, known, values = counts[name]
        # A segment mixes kinds: there only traits every client can have count as missing.
        if (
            size
            and known[2 * g + 1] < MISSING_SHARE * size
            and (kind is not None or name == "city")
        ):
            missing.append(name)
        if enough and rest_size:
            traits += _traits(name, table[:, 2 * g + 1], table[:, 2 * g], values, size, rest_size)
    numeric: list[NumericTrait] = []
    for name in (*DEMOGRAPHIC_NUMBERS[kind], *MONEY_NUMBERS):
        values = x.numbers[name][top]
        values = values[~np.isnan(values)]
        demographic = kind is not None and name in DEMOGRAPHIC_NUMBERS[kind]
        if demographic and size and len(values) < MISSING_SHARE * size:
            missing.append(name)
        if enough and len(values) >= MIN_SUPPORT:
            if name in WHOLE_NUMBERS:  # money: whole minor units
                q1, median, q3 = (int(np.rint(q)) for q in _quartiles(values))
            else:
                q1, median, q3 = (round(q, 1) for q in _quartiles(values))
            within = int(((values >= q1) & (values <= q3)).sum())
            numeric.append(NumericTrait(name, median, q1, q3, within, len(values)))
    traits.sort(key=lambda t: (-t.lift, -t.share, t.name, t.value))
    revenue = x.revenue[top]
    return Portrait(
        kind=kind,
        segment=segment,
        client_ids=tuple(team.ids[top].tolist()),
        based_on_referrers=choice.based_on_referrers,
        traits=tuple(traits[:MAX_TRAITS]),
        numeric=tuple(numeric),
        sources=_sources(team, top),
        median_revenue=int(np.median(revenue)) if len(revenue) else None,
        missing=tuple(dict.fromkeys(missing)),
        warnings=tuple(warnings),
    )


def _traits(
    name: str,
    count: np.ndarray,
    rest_count: np.ndarray,
    values: np.ndarray,
    size: int,
    rest_size: int,
) -> list[Trait]:
    """The values of one column that pass support and lift against the rest of the group."""
    share = count / size
    rest_share = rest_count / rest_size
    lift = share / np.maximum(rest_share, 0.5 / rest_size)
    keep = (count >= MIN_SUPPORT) & (share >= MIN_SUPPORT_SHARE) & (lift >= MIN_LIFT)
    return [
        Trait(name, str(values[v]), float(share[v]), float(rest_share[v]), round(float(lift[v]), 2))
        for v in np.flatnonzero(keep)
    ]


def _sources(team: TeamArrays, top: np.ndarray) -> tuple[tuple[str, float], ...]:
    codes, values = team.codes("source")
    if len(top) == 0:
        return ()
    seen = codes[top]
    count = np.bincount(seen[seen >= 0], minlength=len(values))
    order = np.argsort(-count, kind="stable")
    return tuple((str(values[v]), float(count[v] / len(top))) for v in order if count[v] > 0)


def _quartiles(values: np.ndarray) -> tuple[float, float, float]:
    """25th, 50th and 75th percentiles (linear, as numpy's default), from one sort."""
    ordered = np.sort(values)
    at = np.array([0.25, 0.5, 0.75]) * (len(ordered) - 1)
    low = np.floor(at).astype(np.int64)
    high = np.minimum(low + 1, len(ordered) - 1)
    q1, median, q3 = ordered[low] + (ordered[high] - ordered[low]) * (at - low)
    return float(q1), float(median), float(q3)
