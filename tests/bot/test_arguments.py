"""One-line commands as typed on a phone: where the client's name ends and the amount begins."""

from __future__ import annotations

from bot.kit.arguments import name_kind_city


def test_an_empty_name_stays_empty_rather_than_taking_the_next_field() -> None:
    assert name_kind_city("   , organisatie, Utrecht") == (
        "",
        {"kind": "organisation", "city": "Utrecht"},
        [],
    )
    assert name_kind_city("Bakkerij de Vries, organisatie") == (
        "Bakkerij de Vries",
        {"kind": "organisation"},
        [],
    )
