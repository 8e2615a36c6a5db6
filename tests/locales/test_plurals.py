"""Counts take the plural form CLDR gives: three in Russian, two in Dutch, from the catalogs."""

from __future__ import annotations

import pytest

from locales import translator
from tests.locales.checks import NBSP


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1, "1 клиент"),
        (2, "2 клиента"),
        (5, "5 клиентов"),
        (11, "11 клиентов"),
        (21, "21 клиент"),
        (22, "22 клиента"),
        (111, "111 клиентов"),
        (0, "0 клиентов"),
        (1001, f"1{NBSP}001 клиент"),
    ],
)
def test_russian_counts_take_one_of_three_forms(count: int, text: str) -> None:
    t = translator("ru")
    assert t.n_("{n} client", "{n} clients", count) == text
    assert t.client_count(count) == text


@pytest.mark.parametrize(
    ("count", "text"),
    [(0, "0 klanten"), (1, "1 klant"), (2, "2 klanten"), (1250, "1.250 klanten")],
)
def test_dutch_counts_take_one_of_two_forms(count: int, text: str) -> None:
    t = translator("nl")
    assert t.n_("{n} client", "{n} clients", count) == text
    assert t.client_count(count) == text
