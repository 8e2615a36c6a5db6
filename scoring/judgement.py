"""The team's own judgement of a client (the /rate criteria, 1–5) and where it disagrees with data.

The Dutch text warns that a client the team does not feel good about can be quite profitable,
and a client the team enjoys may not be profitable at all. Judgement per client is the mean of
each member's newest rating per criterion, weighted by recency: a rating's weight halves every
`HALF_LIFE_DAYS`.

Judgement is said in five words, rounded half up (`experience_rung`): very hard (under 1.5),
hard (1.5 to under 2.5), so-so, good (3.5 to under 4.5), very good. Liked and disliked follow the
same words, so a rating the card calls "hard" is never silently disliked-or-not:

Disagreements compare judgement with the grade the client would get from data alone (the score
without the judgement component):
- 'liked_but_unprofitable': said good or very good (≥ 3.5) and (annual profit ≤ 0 or a data grade
  in the lower half of the scale with a year's value over 10 % under the team's median);
- 'disliked_but_profitable': said hard or very hard (< 2.5), a data grade in the upper half,
  positive profit and a value over 10 % above the median.
The card says these as "barely pays off" and "pays off well", so the money must say it too: a
client low on the figures for complaints but with a good profit is no 'unprofitable' one.
A client younger than `young_client_days` has too little data to disagree with anyone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scoring.arrays import TeamArrays, epoch_days, lookup
from scoring.records import Records

HALF_LIFE_DAYS = 180.0
LIKED_RUNG = 3  # good, very good
DISLIKED_RUNG = 1  # hard, very hard
MONEY_GAP = 0.10  # as a reason on the card: more than 10 % from the team's median


@dataclass(frozen=True, slots=True)
class Disagreement:
    client_id: int
    judgement: float
    data_grade_index: int
    direction: str  # 'liked_but_unprofitable' | 'disliked_but_profitable'


def experience_rung(judgement: np.ndarray) -> np.ndarray:
    """The 1–5 judgement on the ladder of the five experience words, 0 (very hard) to 4 (very
    good), rounded half up: 2.3 is "hard", 2.5 "so-so", 3.5 "good". NaN stays NaN."""
    return np.clip(np.floor(judgement + 0.5) - 1.0, 0.0, 4.0)


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
    money: tuple[np.ndarray, float] | None = None,
) -> Records[Disagreement]:
    """Clients whose judgement and data point opposite ways, worst mismatch first. With `money`
    (each client's year's value, the team's median value) the figures must say it in money too:
    "barely pays off" needs a value clearly (10 %) under the median, "pays off well" over it."""
    lower_half = data_grade_index >= grades / 2
    rung = experience_rung(judgement)
    with np.errstate(invalid="ignore"):
        low = high = np.ones(len(ids), bool)
        if money is not None:
            value, median = money
            low, high = value <= (1 - MONEY_GAP) * median, value >= (1 + MONEY_GAP) * median
        poor = (annual_profit <= 0) | (lower_half & low)
        liked = (rung >= LIKED_RUNG) & poor & ~young
        disliked = (rung <= DISLIKED_RUNG) & ~lower_half & (annual_profit > 0) & high & ~young
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
