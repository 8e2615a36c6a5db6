"""A one-word name with two letters swapped or one off: the Dutch reader's `/verkoop lsia 65`
offered to add a new client "lsia" beside Lisa de Vries. Now Lisa de Vries is asked about
(never booked without asking), and an unlike word still offers to add."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, make_client, rows


async def test_a_swapped_first_name_is_asked_about(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Lisa de Vries", kind="person")
    make_client(sqlite_engine, nl_team, "Bakkerij Noord")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/verkoop lsia 65")
    assert seen.text == "Bedoel je Lisa de Vries?", seen.text
    assert rows(sqlite_engine, Sale) == []
    await chat.press(anna, "Ja")
    [sale] = rows(sqlite_engine, Sale)
    assert sale.amount == 6_500 and len(rows(sqlite_engine, Client)) == 2
    other = await chat.send(anna, "/verkoop karel 65")
    assert "„karel” staat niet in je klantenlijst" in other.text, other.text
