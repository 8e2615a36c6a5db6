"""One-line commands as typed on a phone: where the client's name ends and the amount begins."""

from __future__ import annotations

import pytest

from bot.arguments import name_kind_city, split_trailing_numbers


@pytest.mark.parametrize(
    ("typed", "name", "numbers"),
    [
        ("Bakkerij de Vries 1 250", "Bakkerij de Vries", ["1", "250"]),
        ("Кофейня «Зерно» 1 250,50 ₽", "Кофейня «Зерно»", ["1", "250,50", "₽"]),
        ("Bakkerij 1.250 €", "Bakkerij", ["1.250", "€"]),
        ("Bakkerij € 1.250", "Bakkerij", ["€", "1.250"]),
        ("Bakkerij 1250 EUR", "Bakkerij", ["1250", "EUR"]),
        ("Анна 1250 руб.", "Анна", ["1250", "руб."]),
        ("Kapsalon Top 100", "Kapsalon Top", ["100"]),  # TOP is a currency code, and a word
        ("Hotel €", "Hotel €", []),
        ("Bakkerij de Vries", "Bakkerij de Vries", []),
    ],
)
def test_a_currency_written_apart_stays_with_its_amount(
    typed: str, name: str, numbers: list[str]
) -> None:
    assert split_trailing_numbers(typed) == (name, numbers)


def test_an_empty_name_stays_empty_rather_than_taking_the_next_field() -> None:
    assert name_kind_city("   , organisatie, Utrecht") == (
        "",
        {"kind": "organisation", "city": "Utrecht"},
    )
    assert name_kind_city("Bakkerij de Vries, organisatie") == (
        "Bakkerij de Vries",
        {"kind": "organisation"},
    )
