"""A sale corrected from /sales is asked about as a new sale is: an amount 10 times the
client's habit (a zero typed too many) or a cost above the amount (a reader's correction to
€ 4.500 was stored unasked, where the same amount in a new sale is asked about)."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, make_client, make_sale, rows


async def test_a_corrected_amount_or_cost_that_looks_like_a_slip_is_asked_first(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, nl_team, "Jan Smit", kind="person")
    for _ in range(3):
        make_sale(sqlite_engine, nl_team, client, 45_000)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkopen Jan Smit")
    await chat.press(anna, "✎ Verkoop 1")
    await chat.press(anna, "Bedrag")
    seen = await chat.send(anna, "4500")
    assert seen.text == (
        "€ 4.500 is 10 keer zoveel als een gewone verkoop aan Jan Smit (€ 450). Vastleggen?"
    )
    assert [sale.amount for sale in rows(sqlite_engine, Sale)] == [45_000] * 3
    seen = await chat.press(anna, "Bedrag verbeteren")
    seen = await chat.send(anna, "460")
    assert "Verkoop gecorrigeerd: het bedrag is nu € 460." in seen.text
    assert sorted(sale.amount for sale in rows(sqlite_engine, Sale)) == [45_000, 45_000, 46_000]

    await chat.send(anna, "/verkopen Jan Smit")
    await chat.press(anna, "✎ Verkoop 1")
    await chat.press(anna, "Kosten")
    seen = await chat.send(anna, "600")
    assert seen.text == "De kosten (€ 600) zijn hoger dan het bedrag (€ 460). Toch zo vastleggen?"
    assert all(sale.cost is None for sale in rows(sqlite_engine, Sale))
    await chat.press(anna, "Ja, zo vastleggen")
    assert sorted(sale.cost or 0 for sale in rows(sqlite_engine, Sale)) == [0, 0, 60_000]


async def test_undoing_a_correction_or_a_deletion_says_which_sale_is_back(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """Readers were told "Ongedaan gemaakt: de verkoop is weer zoals hij was" and could tell
    which sale from /verkopen alone."""
    client = make_client(sqlite_engine, nl_team, "Jan Smit", kind="person")
    make_sale(sqlite_engine, nl_team, client, 45_000)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkopen Jan Smit")
    await chat.press(anna, "✎ Verkoop 1")
    await chat.press(anna, "Bedrag")
    await chat.send(anna, "460")
    seen = await chat.send(anna, "/ongedaan")
    assert seen.text.splitlines() == [
        "Ongedaan gemaakt: de verkoop is weer zoals hij was.",
        "Het ging om € 450 van Jan Smit, 1 oktober.",
    ]
    await chat.send(anna, "/verkopen Jan Smit")
    await chat.press(anna, "✕ Verkoop 1")
    await chat.press(anna, "Ja, verwijderen")
    seen = await chat.send(anna, "/ongedaan")
    assert seen.text.splitlines()[-1] == "Het ging om € 450 van Jan Smit, 1 oktober."
    assert [sale.amount for sale in rows(sqlite_engine, Sale)] == [45_000]
