"""A button under an undone change acts on nothing: the undone row's id is never handed to the
next row (SQLite gave a new row the largest id plus one, so "✓ Al betaald" under an undone sale
marked the next client's sale paid)."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Sale
from tests.chat import Chat
from tests.factories import NL_OWNER, make_client, make_team, rows


async def test_already_paid_under_an_undone_sale_leaves_the_next_sale_open(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(
        sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True, payment_days=14
    )
    make_client(sqlite_engine, team, "Bakkerij Jansen")
    make_client(sqlite_engine, team, "Hotel De Linde")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    undone = (await chat.send(anna, "/verkoop Bakkerij Jansen 444")).messages[-1]
    await chat.send(anna, "/ongedaan")
    await chat.send(anna, "/verkoop Hotel De Linde 888")

    await chat.press(anna, "✓ Al betaald", message=undone)

    assert chat.api.callback_answers[-1]["text"] == "Die verkoop staat er niet meer."
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.paid_on) == (88800, None)


async def test_record_a_sale_under_an_undone_client_names_no_other_client(
    chat: Chat, sqlite_engine: Engine
) -> None:
    make_team(sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    undone = (await chat.send(anna, "/toevoegen Garage Noord")).messages[-1]
    await chat.send(anna, "/ongedaan")
    await chat.send(anna, "/toevoegen Garage Zuid")

    seen = await chat.press(anna, "Verkoop vastleggen", message=undone)

    assert "Garage Zuid" not in seen.text
    assert chat.api.callback_answers[-1]["text"] == "Die klant staat er niet meer."
    assert [c.name for c in rows(sqlite_engine, Client)] == ["Garage Zuid"]
