"""The team's own judgement of a client (the /rate criteria, 1–5) and where it disagrees with data.

The Dutch text warns that a client the team does not feel good about can be quite profitable,
and a client the team enjoys may not be profitable at all. Judgement per client is the mean of
each member's newest rating per criterion, weighted by recency: a rating's weight halves every
`HALF_LIFE_DAYS`.

Disagreements compare judgement with the grade the client would get from data alone (the score
without the judgement component):
- 'liked_but_unprofitable': judgement ≥ 4 and (annual profit ≤ 0 or a data grade in the lower
  half of the scale);
- 'disliked_but_profitable': judgement ≤ 2, a data grade in the upper half and positive profit.
A client younger than `young_client_days` has too little data to disagree with anyone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scoring.arrays import TeamArrays, epoch_days, lookup
from scoring.records import Records

HALF_LIFE_DAYS = 180.0
LIKED = 4.0
DISLIKED = 2.0


@dataclass(frozen=True, slots=True)
class Disagreement:
    client_id: int
    judgement: float
    data_grade_index: int
    direction: str  # 'liked_but_unprofitable' | 'disliked_but_profitable'


def team_judgement(team: TeamArrays) -> np.ndarray:
    """Recency-weighted mean of the newest rating per (client, member, criterion); NaN if none."""
    ratings = team.ratings
    out = np.full(team.n, np.nan)
    if ratings.empty:
        return out
    pos = lookup(team.ids, ratings["client_id"].to_numpy())
    day = epoch_days(ratings["rated_on"])
    value = ratings["value"].to_numpy(dtype=np.float64, na_value=np.nan)
    user = ratings["user_id"].to_numpy(dtype=np.int64)
    criterion, _ = pd.factorize(ratings["criterion"], sort=True)
    keep = (pos >= 0) & (day <= team.today) & (value >= 1) & (value <= 5)
    pos, day, value, user, criterion = (a[keep] for a in (pos, day, value, user, criterion))
    if len(pos) == 0:
        return out
    # Newest per (client, member, criterion); a same-day tie keeps the higher value.
    order = np.lexsort((value, day, criterion, user, pos))
    pos, day, value, user, criterion = (a[order] for a in (pos, day, value, user, criterion))
    last = np.ones(len(pos), bool)
    last[:-1] = (pos[1:] != pos[:-1]) | (user[1:] != user[:-1]) | (criterion[1:] != criterion[:-1])
    pos, day, value = pos[last], day[last], value[last]
    weight = 0.5 ** ((team.today - day) / HALF_LIFE_DAYS)
    total = np.bincount(pos, weights=weight, minlength=team.n)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.bincount(pos, weights=weight * value, minlength=team.n) / total
    out[total == 0] = np.nan
    return out


def find_disagreements(
    ids: np.ndarray,
    judgement: np.ndarray,
    data_grade_index: np.ndarray,
    annual_profit: np.ndarray,
    grades: int,
    young: np.ndarray,
) -> Records[Disagreement]:
    """Clients whose judgement and data point opposite ways, worst mismatch first."""
    lower_half = data_grade_index >= grades / 2
    liked = (judgement >= LIKED) & ((annual_profit <= 0) | lower_half) & ~young
    disliked = (judgement <= DISLIKED) & ~lower_half & (annual_profit > 0) & ~young
    found = np.flatnonzero(liked | disliked)
    gap = np.abs(judgement[found] - 3.0) + np.abs(data_grade_index[found] - (grades - 1) / 2)
    found = found[np.argsort(-gap, kind="stable")]
    direction = np.where(liked[found], "liked_but_unprofitable", "disliked_but_profitable")
    return Records(
        Disagreement,
        ids[found].tolist(),
        np.round(judgement[found], 2).tolist(),
        data_grade_index[found].tolist(),
        direction.tolist(),
    )
