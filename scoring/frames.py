"""The input of scoring: one team's clients, sales, events and ratings as pandas frames.

`storage.frames.load_team` builds these from the database; tests and benchmarks build them
with `TeamFrames.from_records` or directly. Column contract (extra columns are ignored):

clients, indexed by client_id (int64)
    name, kind ('person' | 'organisation'), status ('prospect' | 'active' | 'declined' |
    'archived'), gender, birth_year (Int64), city, income (Int64, yearly minor units),
    education, interests (object: list[str] or None), industry, employees (Int64), decision,
    source, segment, acquired_on (datetime64), referred_by_id (Int64), created_at (datetime64).
    Optional: first_sold_on, last_sold_on (datetime64) — the client's first and last sale
    outside the loaded sales (storage gives those before the window); scoring takes the
    earliest and latest of these and the loaded sales, so tenure and recency do not depend on
    how much history was loaded. kept_until (datetime64): the team looked at a proposal to
    decline the client and keeps them until then; no decline proposal before that day.
sales
    client_id (int64), sold_on (datetime64), amount (int64 minor units), cost (float64, NaN
    unknown), minutes (float64, NaN unknown), due_on, paid_on (datetime64, NaT unknown/unpaid),
    paid_amount (float64, NaN none: the part already paid on an open invoice).
events
    client_id, kind ('referral' | 'complaint' | 'compliment'), happened_on (datetime64),
    referred_client_id (Int64).
ratings
    client_id, user_id, rated_on (datetime64), criterion, value (1–5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

CLIENT_COLUMNS: dict[str, str] = {
    "name": "str",
    "kind": "str",
    "status": "str",
    "gender": "str",
    "birth_year": "Int64",
    "city": "str",
    "income": "Int64",
    "education": "str",
    "interests": "object",
    "industry": "str",
    "employees": "Int64",
    "decision": "str",
    "source": "str",
    "segment": "str",
    "acquired_on": "datetime64[ns]",
    "referred_by_id": "Int64",
    "created_at": "datetime64[ns]",
}
OPTIONAL_CLIENT_COLUMNS: dict[str, str] = {
    "first_sold_on": "datetime64[ns]",
    "last_sold_on": "datetime64[ns]",
    "kept_until": "datetime64[ns]",
}
SALE_COLUMNS: dict[str, str] = {
    "client_id": "int64",
    "sold_on": "datetime64[ns]",
    "amount": "int64",
    "cost": "float64",
    "minutes": "float64",
    "due_on": "datetime64[ns]",
    "paid_on": "datetime64[ns]",
    "paid_amount": "float64",
}
EVENT_COLUMNS: dict[str, str] = {
    "client_id": "int64",
    "kind": "str",
    "happened_on": "datetime64[ns]",
    "referred_client_id": "Int64",
}
RATING_COLUMNS: dict[str, str] = {
    "client_id": "int64",
    "user_id": "int64",
    "rated_on": "datetime64[ns]",
    "criterion": "str",
    "value": "int64",
}
# What a client row gets when a record leaves a column out.
CLIENT_DEFAULTS: dict[str, Any] = {"kind": "organisation", "status": "active", "name": ""}


@dataclass(frozen=True)
class TeamFrames:
    """One team's data, as the scoring functions read it."""

    clients: pd.DataFrame
    sales: pd.DataFrame
    events: pd.DataFrame
    ratings: pd.DataFrame

    @classmethod
    def empty(cls) -> TeamFrames:
        """A team with nothing in it yet."""
        return cls.from_records()

    @classmethod
    def from_records(
        cls,
        clients: Iterable[Mapping[str, Any]] = (),
        sales: Iterable[Mapping[str, Any]] = (),
        events: Iterable[Mapping[str, Any]] = (),
        ratings: Iterable[Mapping[str, Any]] = (),
    ) -> TeamFrames:
        """Frames from plain dicts (each client needs an 'id'); missing columns become unknown."""
        client_rows = [{**CLIENT_DEFAULTS, **row} for row in clients]
        client_frame = _frame(client_rows, {"id": "int64", **CLIENT_COLUMNS})
        client_frame = client_frame.set_index("id").rename_axis("client_id")
        for name, dtype in OPTIONAL_CLIENT_COLUMNS.items():
            if any(name in row for row in client_rows):
                client_frame[name] = _column([row.get(name) for row in client_rows], dtype)
        return cls(
            clients=client_frame,
            sales=_frame(list(sales), SALE_COLUMNS),
            events=_frame(list(events), EVENT_COLUMNS),
            ratings=_frame(list(ratings), RATING_COLUMNS),
        )


def _frame(rows: list[Mapping[str, Any]], columns: Mapping[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {name: _column([row.get(name) for row in rows], dtype) for name, dtype in columns.items()}
    )


def _column(values: list[Any], dtype: str) -> Any:
    if dtype.startswith("datetime64"):
        days = [v.date() if isinstance(v, dt.datetime) else v for v in values]
        return np.array(days, dtype="datetime64[D]").astype(dtype)
    if dtype == "object":
        return pd.Series(values, dtype=object)
    if dtype == "float64":
        return np.array(values, dtype=np.float64)
    return pd.array(values, dtype=dtype)
