"""A generated purchase log shaped like a real shop's: amounts only, a long tail of customers.

Most customers buy once, a few hundred buy dozens of times, order sizes are log-normal per
customer, and sales spread over 18 months, so some customers have lapsed. No costs, no time,
no invoices: what a sales export of a shop or a salon holds.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from scoring.frames import TeamFrames

DAYS = 548  # 18 months


def purchase_log(customers: int, sales: int, *, today: dt.date, seed: int = 2026) -> TeamFrames:
    """`customers` customers (ids with gaps) and about `sales` sales, amounts only."""
    rng = np.random.default_rng(seed)
    # How often each customer buys: a Zipf-like tail, at least once.
    weight = rng.pareto(1.2, customers) + 0.05
    extra = rng.multinomial(max(sales - customers, 0), weight / weight.sum())
    counts = 1 + extra
    owner = np.repeat(np.arange(customers), counts)
    # Each customer's typical basket (euros), and each order around it.
    basket = np.exp(rng.normal(3.5, 0.8, customers))
    amount = np.rint(basket[owner] * np.exp(rng.normal(0.0, 0.35, len(owner))) * 100)
    amount = np.maximum(amount, 100).astype(np.int64)
    # A customer is around for a stretch of the 18 months and buys within it.
    start = rng.integers(0, DAYS, customers)
    length = np.minimum(rng.integers(1, DAYS, customers), DAYS - start)
    day_back = DAYS - (start[owner] + (rng.random(len(owner)) * length[owner]).astype(np.int64))
    day_back = np.clip(day_back, 0, DAYS - 1)
    sold_on = np.datetime64(today, "D") - day_back.astype("timedelta64[D]")
    ids = 1 + np.arange(customers) * 2 + rng.integers(0, 2, customers)  # gaps, ascending
    first_day = np.full(customers, DAYS)
    np.minimum.at(first_day, owner, day_back)
    return TeamFrames.from_records(
        clients=[
            {"id": int(ids[i]), "name": f"Klant {i + 1}", "kind": "person"}
            for i in range(customers)
        ],
        sales=[
            {"client_id": int(ids[o]), "sold_on": s, "amount": int(a)}
            for o, s, a in zip(owner.tolist(), sold_on.tolist(), amount.tolist(), strict=True)
        ],
    )
