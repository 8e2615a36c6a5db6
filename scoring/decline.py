"""Decline candidates: clients the team might let go, with reasons and what it would risk.

The Russian text: non-ideal clients sometimes have to be declined. Kompas only proposes; a
person decides, and nothing is declined automatically.

A current client (active, not lapsed) at least `young_client_days` (90) old, not kept by the
team after an earlier proposal (`kept_until`) and graded at or below the middle of the scale
(a client graded B is never told to go), is a candidate when its annual profit is known and

- it is **unprofitable** (annual profit < 0), or **low_profit**: among the bottom fifth
  (ceil(20 %) of eligible clients, by annual profit — never just "the bottom fifth" of a tiny
  team: this rule needs `min_clients_for_alarms` eligible clients), **and**
- it shows at least one negative signal: **complaints** (≥ 1 in the window), **late_payments**
  (≥ 1 late and a shrunk late share above the team rate), **poor_fit** (fit below 0.5) or
  **time_eater**.

cost_to_team (minor units a year) = the profit a typical client would bring in the hours this
client takes (annual hours × team median profit per hour) minus the client's annual profit,
at least 0; without recorded hours, the annual loss. Candidates are ordered by it.

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
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from scoring.records import Records

POOR_FIT = 0.5
LIKED = 4.0
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Risk:
    code: str
    client_id: int | None = None


@dataclass(frozen=True, slots=True)
class DeclineCandidate:
    client_id: int
    annual_profit: int
    cost_to_team: int
    reasons: tuple[str, ...]
    risks: tuple[Risk, ...]


@dataclass(frozen=True, eq=False)
class DeclineInputs:
    """Arrays over the scored clients."""

    ids: np.ndarray
    eligible: np.ndarray  # current and not young
    graded_low: np.ndarray  # at or below the middle of the scale: only these are proposed
    annual_profit: np.ndarray
    complaints: np.ndarray
    late: np.ndarray
    late_rate: np.ndarray  # shrunk
    fit: np.ndarray
    time_eater: np.ndarray
    annual_hours: np.ndarray
    share: np.ndarray
    unpaid: np.ndarray
    judgement: np.ndarray
    ideal: np.ndarray


REASONS = ("unprofitable", "low_profit", "complaints", "late_payments", "poor_fit", "time_eater")


def _reasons(
    x: DeclineInputs, team_late_rate: float, min_clients: int
) -> tuple[np.ndarray, np.ndarray]:
    eligible = x.eligible & ~np.isnan(x.annual_profit)
    unprofitable = eligible & (x.annual_profit < 0)
    low = np.zeros(len(x.ids), bool)
    count = int(eligible.sum())
    if count >= min_clients:
        pool = np.flatnonzero(eligible)
        bottom = pool[np.argsort(x.annual_profit[pool], kind="stable")][: math.ceil(0.2 * count)]
        low[bottom] = True
        low &= ~unprofitable
    with np.errstate(invalid="ignore"):
        signals = np.column_stack(
            (
                x.complaints >= 1,
                (x.late >= 1) & (x.late_rate > team_late_rate),
                x.fit < POOR_FIT,
                x.time_eater,
            )
        )
    reasons = np.column_stack((unprofitable, low, signals))
    candidate = (unprofitable | low) & signals.any(axis=1) & x.graded_low
    return candidate, reasons


def decline_candidates(
    x: DeclineInputs,
    *,
    team_late_rate: float,
    profit_per_hour: float | None,
    watch_threshold: float,
    min_clients: int,
    referrals: tuple[np.ndarray, np.ndarray],
) -> tuple[Records[DeclineCandidate], np.ndarray]:
    """The candidates, costliest first, and the candidate mask over the scored clients."""
    candidate, reasons = _reasons(x, team_late_rate, min_clients)
    with np.errstate(invalid="ignore"):
        typical = x.annual_hours * (profit_per_hour or 0.0)
        cost = np.maximum(np.where(np.isnan(typical), 0.0, typical) - x.annual_profit, 0.0)
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
    def make(i: int, client_id: int, profit: int, lost: int, why: int, risky: int):
        risks = (*brought.get(i, ()), *RISK_SETS[risky])
        return DeclineCandidate(client_id, profit, lost, REASON_SETS[why], risks)

    out = Records(
        make,
        found.tolist(),
        x.ids[found].tolist(),
        np.rint(x.annual_profit[found]).astype(np.int64).tolist(),
        np.rint(cost[found]).astype(np.int64).tolist(),
        _bits(reasons[found]).tolist(),
        _bits(flags[found]).tolist(),
    )
    return out, candidate


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
