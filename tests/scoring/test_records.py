"""Records: the tuple-like sequence long result lists use, built item by item when read."""

from __future__ import annotations

import pytest

from scoring.owed import Owed
from scoring.records import Records


def owed() -> Records[Owed]:
    return Records(
        Owed, [1, 2, 3, 4], [500, 400, 300, 200], [0, 400, 0, 0], [True, False, False, False]
    )


def test_records_behave_like_the_tuple_they_stand_for() -> None:
    records = owed()
    expected = (
        Owed(1, 500, 0, True),
        Owed(2, 400, 400, False),
        Owed(3, 300, 0, False),
        Owed(4, 200, 0, False),
    )
    assert len(records) == 4 and records == expected and tuple(records) == expected
    assert records[0] == expected[0] and records[-1] == expected[-1]
    assert records[1:3] == expected[1:3] and isinstance(records[:2], tuple)
    assert Owed(3, 300, 0, False) in records
    assert [o.client_id for o in records] == [1, 2, 3, 4]
    with pytest.raises(IndexError):
        records[4]


def test_an_item_is_built_once() -> None:
    records = owed()
    assert records[2] is records[2]


def test_empty_records_equal_the_empty_tuple() -> None:
    empty = Records(Owed, [], [], [], [])
    assert empty == () and not empty and len(empty) == 0
    assert "Records" in repr(owed())
