"""A form of address names a gender: "dhr jansen" was booked on Lisa Jansen, the team's only
Jansen, unasked (the Dutch reader). Nobody had entered her gender; now it is asked, and once
her gender is entered, "dhr" is never her."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows


async def test_a_gendered_title_is_asked_about_a_person_of_unknown_gender(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Lisa Jansen", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/verkoop dhr jansen 90")
    assert "Bedoel je Lisa Jansen?" in seen.text, seen.text
    assert rows(sqlite_engine, Sale) == []
    await chat.press(anna, "Ja")
    assert [s.amount for s in rows(sqlite_engine, Sale)] == [9_000]


async def test_a_title_of_the_other_gender_never_books_on_her(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    lisa = make_client(sqlite_engine, nl_team, "Lisa Jansen", kind="person", gender="f")
    make_client(sqlite_engine, nl_team, "Piet Jansen", kind="person", gender="m")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/verkoop mevr jansen 90")
    assert "Verkoop vastgelegd" in seen.text, seen.text
    assert [s.client_id for s in rows(sqlite_engine, Sale)] == [lisa]


async def test_a_person_of_the_other_gender_is_never_found_by_the_name_alone(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    """The re-tester: Lisa Jansen, entered as a woman, still got "dhr jansen 90" unasked; and
    «г-н Ким 100» was booked on Ким Александра, whose gender nobody entered."""
    lisa = make_client(sqlite_engine, nl_team, "Lisa Jansen", kind="person", gender="f")
    make_client(sqlite_engine, ru_team, "Ким Александра", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop dhr jansen 90")
    assert lisa not in {s.client_id for s in rows(sqlite_engine, Sale)}
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale г-н Ким 100")
    assert "Ким Александра" in seen.text and "?" in seen.text, seen.text  # asked, not booked
    assert len(rows(sqlite_engine, Sale)) == 1  # the new "dhr. Jansen"'s alone


async def test_a_title_in_the_clients_own_name_says_their_gender(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """A client added as "dhr Jan de Vries" is a man: "dhr de vries 450" is his, unasked."""
    jan = make_client(sqlite_engine, nl_team, "dhr Jan de Vries", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/verkoop dhr de vries 450")
    assert "Verkoop vastgelegd" in seen.text, seen.text
    assert [s.client_id for s in rows(sqlite_engine, Sale)] == [jan]
