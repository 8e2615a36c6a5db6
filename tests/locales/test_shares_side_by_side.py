"""Shares shown side by side read as a person works them out by hand from the amounts: each
rounded on its own, half up (locales.number_format.format_percents). Two native readers this
round recomputed "20 %" for a client of € 650 in € 3.356 (19,4 %) and a chart's "2 %" for one
/clients called 1 %: shares rounded together to add up to 100 % are not the client's share."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from locales.number_format import format_percents


def _by_hand(part: int, total: int) -> str:
    """The whole percent a person writes: 100 × part / total, half up; `<1%` for a sliver."""
    exact = Fraction(100 * part, total)
    whole = int(exact + Fraction(1, 2))
    if whole == 0 and part:
        return "<1%"
    if whole == 100 and part < total:
        return ">99%"
    return f"{whole}%"


def test_each_share_is_its_own_amount_rounded() -> None:
    # The Dutch reader: € 650 of € 3.356 is 19,4 %: 19 %, never 20 % to make the list 100 %.
    assert format_percents([650 / 3356, 2706 / 3356], "nl") == ["19%", "81%"]
    # 40,6 + 30,5 + 28,7 + 0,2: each on its own, 101 in all, as a calculator says.
    assert format_percents([0.406, 0.305, 0.287, 0.002], "nl") == ["41%", "31%", "29%", "<1%"]
    assert format_percents([0.994, 0.006], "ru") == ["99\u00a0%", "1\u00a0%"]
    assert format_percents([0.9965, 0.002, 0.0015], "nl") == [">99%", "<1%", "<1%"]
    assert format_percents([0.125] * 8, "nl") == ["13%"] * 8


@given(st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=60))
def test_every_share_reads_as_worked_out_by_hand(revenue: list[int]) -> None:
    total = sum(revenue)
    shown = format_percents([r / total for r in revenue], "nl")
    assert shown == [_by_hand(r, total) for r in revenue]
