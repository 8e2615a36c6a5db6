"""A client added on the way of a sale stays when the sale is stopped, and the stop says so:
the attacker's "/verkoop Pluto", Particulier, /annuleer answered "Er is niets veranderd" while
Pluto stayed on the list (and in the digest's new clients)."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, rows


async def test_stopping_a_sale_after_its_new_client_was_added_says_the_client_stays(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Pluto")
    await chat.press(anna, "„Pluto” toevoegen als particulier")
    seen = await chat.send(anna, "/annuleer")
    assert seen.text == "Gestopt. Wat je al had gewijzigd, blijft zo: de nieuwe klant Pluto."
    assert [c.name for c in rows(sqlite_engine, Client)] == ["Pluto"]
    seen = await chat.send(anna, "/ongedaan")  # what stays can be taken back
    assert seen.text == "Ongedaan gemaakt: de nieuwe klant is verwijderd."
    assert rows(sqlite_engine, Client) == []

    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/sale Ромашка")
    await chat.press(olga, "Добавить «Ромашка» как организацию")
    seen = await chat.send(olga, "/cancel")
    assert "новый клиент Ромашка" in seen.text, seen.text
    assert [c.name for c in rows(sqlite_engine, Client)] == ["Ромашка"]
