"""TeamFrames: the input contract, built from plain records."""

from __future__ import annotations

import datetime as dt

from scoring import TeamFrames
from scoring.frames import CLIENT_COLUMNS, EVENT_COLUMNS, RATING_COLUMNS, SALE_COLUMNS


def test_empty_team_has_every_column_with_its_type() -> None:
    frames = TeamFrames.empty()
    assert frames.clients.index.name == "client_id"
    assert list(frames.clients.columns) == list(CLIENT_COLUMNS)
    for frame, columns in (
        (frames.sales, SALE_COLUMNS),
        (frames.events, EVENT_COLUMNS),
        (frames.ratings, RATING_COLUMNS),
    ):
        assert {c: str(t) for c, t in frame.dtypes.items()} == columns


def test_records_fill_missing_traits_as_unknown() -> None:
    frames = TeamFrames.from_records(
        clients=[{"id": 7, "name": "Bakkerij", "birth_year": None, "interests": ["food"]}],
        sales=[{"client_id": 7, "sold_on": dt.date(2026, 1, 2), "amount": 1250}],
    )
    row = frames.clients.loc[7]
    assert (row["kind"], row["status"]) == ("organisation", "active")
    assert row["interests"] == ["food"] and str(frames.clients["income"].dtype) == "Int64"
    sale = frames.sales.iloc[0]
    assert sale["amount"] == 1250 and sale["sold_on"] == dt.datetime(2026, 1, 2)
    assert sale[["cost", "minutes"]].isna().all()
