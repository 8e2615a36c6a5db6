"""How much the team depends on a few clients: revenue shares, top-k, HHI, over-reliance.

Concentration describes *current* dependence: it is computed over active clients that have not
lapsed (declined, archived and prospect clients never count; lapsed clients are listed apart in
`lapsed`). Shares are fractions of that revenue in the scoring window.

- top1/top3 share; top20_share over the top ceil(0.2 · n) clients (Pareto), n = current clients;
- HHI = Σ (100 · share)² on 0–10 000, shown with its floor 10 000 / n (n equal clients);
  equivalent_clients = 10 000 / HHI;
- over_reliant: share ≥ the team's threshold (default 25 %, the Dutch text's "a quarter");
  watch: share ≥ 10 % (IFRS 8 / ASC 280 major customer) and below the threshold. Below
  `min_clients_for_alarms` (8) current clients with revenue in the window shares are computed
  but nobody is flagged: with four clients someone always has 25 %, and a team's first buyer
  always has 100 % however many clients were added without a sale.
- RelianceFlag.revenue_drop is the fraction of revenue lost if the client leaves;
  ideal_clients_to_replace = their revenue / the median revenue of the *other* ideal (portrait)
  clients of their kind; None when there are no other ideal clients.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

SHARE_TOLERANCE = 1e-12  # a share of exactly 25 % must count as 25 % despite float division


@dataclass(frozen=True, slots=True)
class RelianceFlag:
    client_id: int
    share: float
    revenue: int
    revenue_drop: float
    ideal_clients_to_replace: float | None
    owed: int


@dataclass(frozen=True, slots=True)
class Concentration:
    top1_share: float
    top3_share: float
    top20_share: float
    top20_count: int
    hhi: float
    hhi_floor: float | None
    equivalent_clients: float | None
    active_clients: int
    alarms_enabled: bool
    over_reliant: tuple[RelianceFlag, ...]
    watch: tuple[RelianceFlag, ...]
    lapsed: tuple[int, ...]
    paying_clients: int = 0  # current clients with revenue in the window: alarms count these


@dataclass(frozen=True, eq=False)
class Shares:
    """Concentration shares over the scored clients (0 for lapsed ones) and the flags."""

    share: np.ndarray
    over_reliant: np.ndarray
    watch: np.ndarray
    top20: np.ndarray


def paying_clients(revenue: np.ndarray, current: np.ndarray) -> int:
    """Current clients with revenue in the window: the ones a share is a share among. Clients
    added without a sale yet do not make a team's first buyer's 100 % an alarm."""
    return int(np.count_nonzero(current & (revenue > 0)))


def revenue_shares(
    revenue: np.ndarray,
    current: np.ndarray,
    *,
    threshold: float,
    watch_threshold: float,
    min_clients: int,
) -> Shares:
    """Each current client's share of current revenue, and who is flagged."""
    n = int(current.sum())
    current_revenue = np.where(current, revenue, 0.0)
    total = current_revenue.sum()
    share = current_revenue / total if total > 0 else np.zeros(len(revenue))
    alarms = paying_clients(revenue, current) >= min_clients and total > 0
    over = alarms & current & (share >= threshold - SHARE_TOLERANCE)
    watch = alarms & current & ~over & (share >= watch_threshold - SHARE_TOLERANCE)
    top20 = np.zeros(len(revenue), bool)
    if n:
        order = np.argsort(-current_revenue, kind="stable")[: math.ceil(0.2 * n)]
        top20[order] = current[order] & (current_revenue[order] > 0)
    return Shares(share, over, watch, top20)


def concentration(
    ids: np.ndarray,
    revenue: np.ndarray,
    current: np.ndarray,
    lapsed: np.ndarray,
    shares: Shares,
    owed: np.ndarray,
    replace_with: np.ndarray,
    *,
    min_clients: int,
) -> Concentration:
    """Team figures and flags; `replace_with` is the median revenue of the other ideal clients."""
    n = int(current.sum())
    top = np.sort(shares.share[current])[::-1]
    hhi = float(np.sum((100.0 * top) ** 2))

    def flags(mask: np.ndarray) -> tuple[RelianceFlag, ...]:
        found = np.flatnonzero(mask)
        found = found[np.argsort(-shares.share[found], kind="stable")]
        return tuple(
            RelianceFlag(
                client_id=int(ids[i]),
                share=float(shares.share[i]),
                revenue=int(revenue[i]),
                revenue_drop=float(shares.share[i]),
                ideal_clients_to_replace=(
                    round(float(revenue[i] / replace_with[i]), 1) if replace_with[i] > 0 else None
                ),
                owed=int(owed[i]),
            )
            for i in found
        )

    lapsed_ids = np.flatnonzero(lapsed)
    lapsed_ids = lapsed_ids[np.argsort(-revenue[lapsed_ids], kind="stable")]
    return Concentration(
        top1_share=float(top[:1].sum()),
        top3_share=float(top[:3].sum()),
        top20_share=float(top[: math.ceil(0.2 * n)].sum()),
        top20_count=math.ceil(0.2 * n),
        hhi=hhi,
        hhi_floor=10_000.0 / n if n else None,
        equivalent_clients=10_000.0 / hhi if hhi > 0 else None,
        active_clients=n,
        alarms_enabled=paying_clients(revenue, current) >= min_clients,
        paying_clients=paying_clients(revenue, current),
        over_reliant=flags(shares.over_reliant),
        watch=flags(shares.watch),
        lapsed=tuple(int(ids[i]) for i in lapsed_ids),
    )
