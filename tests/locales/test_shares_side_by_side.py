"""Shares shown side by side add up as the shares do (locales.number_format.format_percents):
the examples are worked out by hand; the properties are checked on generated revenue."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from locales.number_format import format_percents, whole_percents


def test_the_points_left_go_to_the_largest_remainders() -> None:
    # 40,6 + 30,5 + 28,7 + 0,2: rounded down 40 + 30 + 28 + 0 = 98; the two points left go to
    # ,7 and ,6. Rounded half up on their own they read 41 + 31 + 29 + 0 = 101.
    assert whole_percents([0.406, 0.305, 0.287, 0.002]) == [41, 30, 29, 0]
    assert format_percents([0.406, 0.305, 0.287, 0.002], "nl") == ["41%", "30%", "29%", "<1%"]
    assert format_percents([0.994, 0.006], "ru") == ["99\u00a0%", "1\u00a0%"]
    assert format_percents([0.9945, 0.002, 0.002, 0.0015], "nl") == [">99%", "<1%", "<1%", "<1%"]


def test_equal_shares_read_alike_and_a_smaller_share_never_above_a_larger() -> None:
    # 4,5 % twice, 4,4 % and 86,6 %: the point left after 86,6 % cannot go to both 4,5 %, so
    # from there each is rounded on its own (5, 5, 4): equal clients read alike, 101 in all.
    assert whole_percents([0.045, 0.045, 0.044, 0.866]) == [5, 5, 4, 87]
    assert whole_percents([0.125] * 8) == [13] * 8  # 8 equal clients read alike
    # Eight clients of € 4.500 and one of € 31.000 (6,72 % each, 46,27 %): no point goes to
    # 46,27 % past the equal ones; each rounded as people round.
    assert whole_percents([4_500 / 67_000] * 8 + [31_000 / 67_000]) == [7] * 8 + [46]


@given(st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=60, unique=True))
def test_distinct_revenues_add_up_to_100_and_keep_their_order(revenue: list[int]) -> None:
    total = sum(revenue)
    whole = whole_percents([r / total for r in revenue])
    assert sum(whole) == 100
    pairs = sorted(zip(revenue, whole, strict=True))
    for (_, smaller), (_, larger) in pairwise(pairs):
        assert smaller <= larger  # a smaller share never reads above a larger one
    for r, w in pairs:
        assert abs(w - r * 100 / total) < 1  # each is its share rounded down or up


@given(st.lists(st.integers(min_value=1, max_value=20), min_size=1, max_size=40))
def test_equal_revenues_read_alike(revenue: list[int]) -> None:
    total = sum(revenue)
    whole = whole_percents([r / total for r in revenue])
    pairs = sorted(zip(revenue, whole, strict=True))
    for (r1, w1), (r2, w2) in pairwise(pairs):
        assert w1 <= w2 and (r1 != r2 or w1 == w2)
    assert all(abs(w - r * 100 / total) < 1 for r, w in pairs)
