"""A complaint's sentence is never a client's name: "fiets niet op tijd klaar" typed when asked
which client saved a complaint of "Fietsenwinkel" unasked (a Dutch reader found it)."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Event, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, make_client, rows


async def test_a_word_begun_then_a_sentence_names_no_client(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Fietsenwinkel")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/klacht")
    await chat.send(anna, "Spaak")
    seen = await chat.send(anna, "fiets niet op tijd klaar")
    assert "genoteerd" not in seen.text, seen.text
    seen = await chat.send(anna, "/klacht fiets niet op tijd klaar")
    assert "Welke klant heeft geklaagd?" in seen.text, seen.text
    assert not rows(sqlite_engine, Event)


async def test_a_whole_word_of_the_name_still_names_the_client(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij Jansen")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/klacht jansen te laat betaald")
    assert "Klacht genoteerd bij Bakkerij Jansen" in seen.text, seen.text
    [event] = rows(sqlite_engine, Event)
    assert event.note == "te laat betaald"
