"""Decline candidates: clients the team might let go, with reasons and what it would risk.

The Russian text: non-ideal clients sometimes have to be declined. Kompas only proposes; a
person decides, and nothing is declined automatically.

A current client (active, not lapsed) with at least `young_client_days` (90) of history — their
own, and the team's recorded sales (`young` covers both) — not kept by the
team after an earlier proposal (`kept_until`) and graded at or below the middle of the scale (a
client graded B is never told to go) is a candidate when it is **low in value** —

- **unprofitable** (annual profit < 0), or
- **low_profit**: in the bottom fifth by annual profit (at or below the ceil(20 %)-th lowest of
  the eligible clients) and more than 10 % below the team median; when some eligible client's
  profit is unknown (no costs, no margin to assume) every client is ranked by annual revenue
  instead (**low_revenue**), as if all had the team's margin; or
- **low_profit_per_hour**: in the bottom fifth by profit per hour among the eligible clients
  with recorded time, and more than 10 % below the team median —

(a fifth needs `MIN_TO_RANK` eligible clients with the figure to rank: with fewer, nobody is low
by rank and only an unprofitable client can be proposed — `few_clients`), **and** shows
at least one negative signal: **complaints** (≥ 1 in the window), **late_payments** (≥ 1 late and
a shrunk late share above the team rate), **low_rating** (the team's own rating ≤ 2 of 5),
**time_eater** or **poor_fit** (fit below 0.5). The team medians are the references' (the ones
the cards show).

cost_to_team (minor units a year) = how much less the client brings than a typical one: the
team's median annual profit minus the client's annual profit (revenue against the median
revenue where profit is unknown), at least 0. Candidates are ordered by it.

`nearest`: the one to three current clients closest to the list, each with what keeps it off —
`young` or `kept` (too new, or kept by the team: left out whatever else holds), `good_grade`
(low in value with a signal, but graded above the middle), `no_signal`
(low in value, no negative signal), `not_low` (a signal, but not low in value) or
`few_clients` (a signal, but too few clients to rank). The held back (low in value with a
signal, but too new, kept or graded well) come first, then the lowest in value. When no
current client is low or has a signal (one client, or a team of equals), the lowest in value
are named, `not_low` or `few_clients` without reasons. `OffTheList` says it for any scored
client not proposed (`lapsed` besides).

Risks — `Risk(code, client_id)`:

| code                      | client_id              | when                                   |
|---------------------------|------------------------|----------------------------------------|
| referred_ideal_client     | the referred client    | they brought an ideal (portrait) client|
| referred_by_ideal_client  | the ideal referrer     | an ideal client brought them           |
| big_revenue_share         | None                   | revenue share ≥ the watch threshold    |
| owes_money                | None                   | they have unpaid invoices              |
| team_likes_them           | None                   | the team's rating is 4 or more         |
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

from scoring.records import Records

POOR_FIT = 0.5
LOW_RATING = 2.0
LIKED = 4.0
MIN_TO_RANK = 5  # fewest eligible clients with a figure before a bottom fifth means anything
BELOW_MEDIAN = 0.9  # a low figure must be under 90 % of the team median to be a reason
NEAREST = 3
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Risk:
    code: str
    client_id: int | None = None


@dataclass(frozen=True, slots=True)
class DeclineCandidate:
    client_id: int
    annual_profit: int | None  # None when unknown (ranked by revenue)
    cost_to_team: int
    reasons: tuple[str, ...]
    risks: tuple[Risk, ...]


@dataclass(frozen=True, slots=True)
class NearCandidate:
    """A client close to the decline list, what it has against it and what keeps it off."""

    client_id: int
    why_not: str  # 'young' | 'kept' | 'good_grade' | 'no_signal' | 'not_low' | 'few_clients'
    # (and, in `OffTheList` only: 'lapsed')
    reasons: tuple[str, ...]
    ranked_by: str  # 'profit' | 'revenue': what "low in value" was measured by
    # How many clients were old enough to rank (the fifth needs MIN_TO_RANK): 'few_clients'.
    compared: int = field(default=0, compare=False)


@dataclass(frozen=True, eq=False)
class OffTheList:
    """For any scored client not on the decline list, what keeps them off (`get`), built when
    asked: `/decline <client>` says it for a client it does not propose."""

    ids: np.ndarray
    why: np.ndarray  # per client: a NearCandidate.why_not code, "" for the candidates
    reason_bits: np.ndarray
    ranked_by: str
    compared: int

    def get(self, client_id: int) -> NearCandidate | None:
        where = np.flatnonzero(self.ids == client_id)
        if not len(where) or not self.why[where[0]]:
            return None
        i = int(where[0])
        reasons = REASON_SETS[int(self.reason_bits[i])]
        return NearCandidate(client_id, str(self.why[i]), reasons, self.ranked_by, self.compared)


@dataclass(frozen=True, eq=False)
class DeclineInputs:
    """Arrays over the scored clients."""

    ids: np.ndarray
    current: np.ndarray  # not lapsed
    young: np.ndarray
    kept: np.ndarray
    graded_low: np.ndarray  # at or below the middle of the scale: only these are proposed
    annual_profit: np.ndarray  # NaN unknown
    annual_revenue: np.ndarray
    profit_per_hour: np.ndarray  # NaN without recorded time or known profit
    complaints: np.ndarray
    late: np.ndarray
    late_rate: np.ndarray  # shrunk
    judgement: np.ndarray  # 1–5, NaN unrated
    fit: np.ndarray
    time_eater: np.ndarray
    annual_hours: np.ndarray
    share: np.ndarray
    unpaid: np.ndarray
    ideal: np.ndarray


@dataclass(frozen=True)
class TeamMedians:
    """The references' medians a low figure is compared with (None unknown)."""

    annual_profit: float | None
    annual_revenue: float | None
    profit_per_hour: float | None
    late_rate: float


VALUE_REASONS = ("unprofitable", "low_profit", "low_revenue", "low_profit_per_hour")
SIGNALS = ("complaints", "late_payments", "low_rating", "time_eater", "poor_fit")
REASONS = VALUE_REASONS + SIGNALS


def _bottom_fifth(
    values: np.ndarray, pool: np.ndarray, median: float | None
) -> tuple[np.ndarray, bool]:
    """Clients at or below the bottom fifth of `pool` and clearly below the median."""
    pool = pool & ~np.isnan(values)
    count = int(pool.sum())
    if count < MIN_TO_RANK:
        return np.zeros(len(values), bool), False
    cutoff = np.sort(values[pool])[math.ceil(0.2 * count) - 1]
    with np.errstate(invalid="ignore"):
        low = values <= cutoff
        if median is not None:
            low &= values < median - (1 - BELOW_MEDIAN) * abs(median)
    return low, True


def _reasons(
    x: DeclineInputs, medians: TeamMedians
) -> tuple[np.ndarray, np.ndarray, bool, np.ndarray, bool]:
    """Every reason per client (columns of REASONS), who is eligible, whether the team could be
    ranked, the value it was ranked by and whether that is annual profit (else revenue)."""
    eligible = x.current & ~x.young & ~x.kept
    by_profit = not np.isnan(x.annual_profit[eligible]).any()
    value = x.annual_profit if by_profit else x.annual_revenue
    median = medians.annual_profit if by_profit else medians.annual_revenue
    low, ranked = _bottom_fifth(value, eligible, median)
    low_hour, _ = _bottom_fifth(x.profit_per_hour, eligible, medians.profit_per_hour)
    with np.errstate(invalid="ignore"):
        unprofitable = x.annual_profit < 0
        low &= ~unprofitable
        reasons = np.column_stack(
            (
                unprofitable,
                low & by_profit,
                low & (not by_profit),
                low_hour & ~unprofitable,
                x.complaints >= 1,
                (x.late >= 1) & (x.late_rate > medians.late_rate),
                x.judgement <= LOW_RATING,
                x.time_eater,
                x.fit < POOR_FIT,
            )
        )
    reasons &= x.current[:, None]
    return reasons, eligible, ranked, value, by_profit


def decline_candidates(
    x: DeclineInputs,
    *,
    medians: TeamMedians,
    watch_threshold: float,
    referrals: tuple[np.ndarray, np.ndarray],
) -> tuple[Records[DeclineCandidate], np.ndarray, tuple[NearCandidate, ...], OffTheList]:
    """The candidates, costliest first, the candidate mask, the nearest non-candidates and
    what keeps every other scored client off the list."""
    reasons, eligible, ranked, value, by_profit = _reasons(x, medians)
    lowish = reasons[:, : len(VALUE_REASONS)].any(axis=1)
    signal = reasons[:, len(VALUE_REASONS) :].any(axis=1)
    candidate = eligible & lowish & signal & x.graded_low
    with np.errstate(invalid="ignore"):
        known = ~np.isnan(x.annual_profit)
        typical = np.where(known, medians.annual_profit or 0.0, medians.annual_revenue or 0.0)
        own = np.where(known, x.annual_profit, x.annual_revenue)
        cost = np.maximum(typical - own, 0.0)
    cost = np.where(np.isnan(cost), 0.0, cost)
    found = np.flatnonzero(candidate)
    found = found[np.argsort(-cost[found], kind="stable")]

    referrer, referred = referrals
    pair = candidate[referrer] & x.ideal[referred]
    brought: dict[int, list[Risk]] = {}
    for a, b in zip(referrer[pair].tolist(), referred[pair].tolist(), strict=True):
        brought.setdefault(a, []).append(Risk("referred_ideal_client", int(x.ids[b])))
    pair = candidate[referred] & x.ideal[referrer]
    for a, b in zip(referred[pair].tolist(), referrer[pair].tolist(), strict=True):
        brought.setdefault(a, []).append(Risk("referred_by_ideal_client", int(x.ids[b])))

    flags = np.column_stack((x.share >= watch_threshold, x.unpaid > 0, x.judgement >= LIKED))

    # Reasons and plain risks as bit patterns, each pattern's tuple built once; candidates are
    # built when read: a big team can have thousands of them.
    def make(i: int, client_id: int, profit: float, lost: int, why: int, risky: int):
        risks = (*brought.get(i, ()), *RISK_SETS[risky])
        known = None if math.isnan(profit) else round(profit)
        return DeclineCandidate(client_id, known, lost, REASON_SETS[why], risks)

    out = Records(
        make,
        found.tolist(),
        x.ids[found].tolist(),
        x.annual_profit[found].tolist(),
        np.rint(cost[found]).astype(np.int64).tolist(),
        _bits(reasons[found]).tolist(),
        _bits(flags[found]).tolist(),
    )
    compared = int((eligible & ~np.isnan(value)).sum())
    nearest = _nearest(x, reasons, lowish, signal, candidate, ranked, value, by_profit, compared)
    off = OffTheList(
        x.ids,
        _why_off(x, lowish, signal, candidate, ranked),
        _bits(reasons),
        "profit" if by_profit else "revenue",
        compared,
    )
    return out, candidate, nearest, off


def _why_off(
    x: DeclineInputs, lowish: np.ndarray, signal: np.ndarray, candidate: np.ndarray, ranked: bool
) -> np.ndarray:
    """What keeps each scored non-candidate off the list, the first rule that does: lapsed,
    too new, kept, graded above the middle (while low with a signal), then no warning sign
    (while low), then not low in value (or too few clients to rank)."""
    why = np.full(len(x.ids), "", object)
    rest = ~candidate
    why[rest] = "not_low" if ranked else "few_clients"
    why[rest & lowish & ~signal] = "no_signal"
    why[rest & lowish & signal & ~x.graded_low] = "good_grade"
    why[rest & x.kept] = "kept"
    why[rest & x.young] = "young"
    why[rest & ~x.current] = "lapsed"
    return why


def _nearest(
    x: DeclineInputs,
    reasons: np.ndarray,
    lowish: np.ndarray,
    signal: np.ndarray,
    candidate: np.ndarray,
    ranked: bool,
    value: np.ndarray,
    by_profit: bool,
    compared: int,
) -> tuple[NearCandidate, ...]:
    """Up to three current non-candidates nearest the list: held back first, then lowest."""
    rest = x.current & ~candidate
    held = rest & lowish & signal  # too new or kept
    why = np.full(len(x.ids), "", object)
    why[rest & lowish & ~signal] = "no_signal"
    why[rest & signal & ~lowish] = "not_low" if ranked else "few_clients"
    if not (why != "").any():
        # Nobody low and nobody with a signal (one client, or a team of equals): the lowest in
        # value still come closest — whenever nobody is proposed, one to three are named.
        why[rest & ~lowish] = "not_low" if ranked else "few_clients"
    why[held & ~x.graded_low] = "good_grade"
    # Too new and kept are left out whatever else holds: that is what keeps them off.
    named = (why != "") | held
    why[named & x.kept] = "kept"
    why[named & x.young] = "young"
    near = why != ""
    found = np.flatnonzero(near)
    # Held back (low in value with a warning sign, but too new, kept or graded well) first;
    # a new client with only a warning sign is not nearer than an older one with several and
    # the lowest value (the florist's Flits was pushed off by three new clients).
    found = found[np.lexsort((value[found], ~held[found]))][:NEAREST]
    basis = "profit" if by_profit else "revenue"
    return tuple(
        NearCandidate(
            int(x.ids[i]),
            str(why[i]),
            REASON_SETS[int(_bits(reasons[i : i + 1])[0])],
            basis,
            compared,
        )
        for i in found
    )


PLAIN_RISKS = ("big_revenue_share", "owes_money", "team_likes_them")


def _bits(mask: np.ndarray) -> np.ndarray:
    return (mask.astype(np.int64) << np.arange(mask.shape[1])).sum(axis=1)


def _patterns(codes: tuple[str, ...], make: Callable[[str], T]) -> list[tuple[T, ...]]:
    return [
        tuple(make(code) for bit, code in enumerate(codes) if pattern >> bit & 1)
        for pattern in range(1 << len(codes))
    ]


REASON_SETS = _patterns(REASONS, str)
RISK_SETS = _patterns(PLAIN_RISKS, Risk)
