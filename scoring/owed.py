"""Money owed: unpaid and overdue amounts per client, big spenders highlighted.

A sale is unpaid when it has a due date and no paid date; overdue when that due date has
passed. Sales without a due date are taken as paid on the spot. Every client but prospects is
listed (a declined client can still owe money). `big_spender` marks current clients in the
top 20 % by revenue or at or above the watch share: the Dutch text notes big clients get more
slack than small ones, so their debts deserve a look. Ordered by overdue, then unpaid amount;
`invoices` counts the unpaid invoices and `days_overdue` the days since the oldest was due.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from scoring.records import Records


@dataclass(frozen=True, slots=True)
class Owed:
    client_id: int
    unpaid: int
    overdue: int
    big_spender: bool
    invoices: int = 0  # unpaid invoices
    days_overdue: int = 0  # since the oldest unpaid invoice was due (negative: not due yet)


def money_owed(
    ids: np.ndarray,
    unpaid: np.ndarray,
    overdue: np.ndarray,
    counted: np.ndarray,
    big: np.ndarray,
    invoices: np.ndarray,
    oldest_due: np.ndarray,
    today: int,
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
        invoices[found].astype(np.int64).tolist(),
        (today - np.nan_to_num(oldest_due[found], nan=today)).astype(np.int64).tolist(),
    )


def oldest_first(owed: Sequence[Owed]) -> list[Owed]:
    """Who owes: the overdue, longest overdue first; then those not due yet, the biggest amount
    first (a list cut at eight must not hide the largest debt behind the ones due sooner)."""
    return sorted(owed, key=lambda o: (-max(o.days_overdue, 0), -o.unpaid))
