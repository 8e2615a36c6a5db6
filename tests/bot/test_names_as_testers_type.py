"""Client names as native-speaker testers typed them (issue 17): a look-alike on an article or a
first name alone is no match, initials find the one client they fit, a referrer never refers
themselves, a referred person typed in the accusative is added in the nominative, and a name
that ends in a number takes a client's full name."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Event, Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows


def _sales(engine: Engine) -> list[tuple[str, int, int | None]]:
    names = {c.id: c.name for c in rows(engine, Client)}
    return [(names[s.client_id], s.amount, s.cost) for s in rows(engine, Sale)]


async def test_an_article_or_a_first_name_alone_is_no_look_alike(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "de Vries", kind="person")
    make_client(sqlite_engine, nl_team, "Jan van den Berg", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/verkoop bakkerij de zon 1.250,50")
    assert "de Vries" not in seen.buttons
    assert "Jan van den Berg" not in (await chat.send(anna, "/verkoop 250 Jan Smit")).buttons
    seen = await chat.send(anna, "/verkoop jan smit 40 euro drie kwartier eergisteren")
    assert "Jan van den Berg" not in seen.buttons
    seen = await chat.send(anna, "/verkoop Jan van den Bergh 60")  # a typo: asked (issue 17)
    assert "Bedoel je Jan van den Berg?" in seen.text
    seen = await chat.press(anna, "Ja")
    assert "Verkoop vastgelegd: € 60 — Jan van den Berg, vandaag." in seen
    # "bakkerij" says a business, "Jan Smit" a person: both are recorded unasked (issue 17)
    assert sorted(_sales(sqlite_engine)) == [
        ("Bakkerij de Zon", 125_050, None),  # written as natives write it
        ("Jan Smit", 4_000, None),
        ("Jan Smit", 25_000, None),
        ("Jan van den Berg", 6_000, None),
    ]


async def test_a_surname_with_initials_finds_the_one_client_they_fit(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Петров Иван Сергеевич", kind="person")
    make_client(sqlite_engine, ru_team, "Петрова Анна", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Петров И.С. 1 500")
    assert "Продажа записана: 1 500 ₽, Петров Иван Сергеевич" in seen
    assert _sales(sqlite_engine) == [("Петров Иван Сергеевич", 150_000, None)]


async def test_a_referrer_named_twice_is_refused_at_once(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Петров Иван Сергеевич", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/refer Петров, Петров Иван")
    assert seen.text == "Клиент не может порекомендовать сам себя."
    assert rows(sqlite_engine, Event) == []


async def test_a_referred_person_in_the_accusative_is_added_in_the_nominative(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Кузнецова Анна", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/refer кузнецова привела Смирнову Ольгу")
    assert "Рекомендация записана: Кузнецова Анна → Смирнова Ольга." in seen  # a person, unasked
    seen = await chat.send(olga, "/compliment Ольга Смирнова принесла торт")
    assert "Смирнова Ольга" in seen
    names = {c.name for c in rows(sqlite_engine, Client)}
    assert names == {"Кузнецова Анна", "Смирнова Ольга"}
    assert [e.note for e in rows(sqlite_engine, Event) if e.note] == ["принесла торт"]


async def test_a_name_ending_in_a_number_takes_the_clients_full_name(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "ООО «Бьюти Лаб 24»")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Бьюти Лаб 24 12 500")
    assert "Продажа записана: 12 500 ₽, ООО «Бьюти Лаб 24»" in seen
    assert _sales(sqlite_engine) == [("ООО «Бьюти Лаб 24»", 1_250_000, None)]
