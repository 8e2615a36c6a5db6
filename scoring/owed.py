"""Money owed: unpaid and overdue amounts per client, big spenders highlighted.

A sale is unpaid when it has a due date and no paid date; overdue when that due date has
passed. Sales without a due date are taken as paid on the spot. Every client but prospects is
listed (a declined client can still owe money). `big_spender` marks current clients in the
top 20 % by revenue or at or above the watch share: the Dutch text notes big clients get more
slack than small ones, so their debts deserve a look. Ordered by overdue, then unpaid amount.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scoring.records import Records


@dataclass(frozen=True, slots=True)
class Owed:
    client_id: int
    unpaid: int
    overdue: int
    big_spender: bool


def money_owed(
    ids: np.ndarray, unpaid: np.ndarray, overdue: np.ndarray, counted: np.ndarray, big: np.ndarray
) -> Records[Owed]:
    found = np.flatnonzero(counted & (unpaid > 0))
    found = found[np.lexsort((-unpaid[found], -overdue[found]))]
    # Tens of thousands of clients can owe money in a big team: items are built when read.
    return Records(
        Owed,
        ids[found].tolist(),
        unpaid[found].astype(np.int64).tolist(),
        overdue[found].astype(np.int64).tolist(),
        big[found].tolist(),
    )
