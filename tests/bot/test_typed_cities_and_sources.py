"""Cities and sources as Dutch and Russian people type them in a one-line /add and in a file:
a short form is the city's full name in chat and import alike («Екб», «Питер», `A'dam`), a
source said with a preposition is the source («из ВКонтакте», «по сарафану», `via Marktplaats`),
and a part the bot did not understand is named back, never dropped in silence."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, rows


def _stored(engine: Engine) -> dict[str, tuple[str | None, str | None]]:
    """Name → (city, source)."""
    return {c.name: (c.city, c.source) for c in rows(engine, Client)}


async def test_russian_short_city_forms_are_stored_as_the_full_name(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Иванова Ольга, частное лицо, Екб")
    assert "Добавлено: Иванова Ольга (частное лицо, Екатеринбург)." in seen
    for line in (
        "/add Петрова Анна, частное лицо, Питер",
        "/add Сидорова Мария, частное лицо, Мск",
        "/add Козлова Ирина, частное лицо, Спб",
        "/add Орлова Яна, частное лицо, ебург",
    ):
        await chat.send(olga, line)
    assert {name: city for name, (city, _source) in _stored(sqlite_engine).items()} == {
        "Иванова Ольга": "Екатеринбург",
        "Петрова Анна": "Санкт-Петербург",
        "Сидорова Мария": "Москва",
        "Козлова Ирина": "Санкт-Петербург",
        "Орлова Яна": "Екатеринбург",
    }


async def test_dutch_short_city_forms_are_stored_as_the_full_name(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Jan de Vries, particulier, A'dam")
    assert "Toegevoegd: Jan de Vries (particulier, Amsterdam)." in seen
    await chat.send(anna, "/toevoegen Eva Smit, particulier, Den Bosch")
    await chat.send(anna, "/toevoegen Tom Bos, particulier, r'dam")
    assert {name: city for name, (city, _source) in _stored(sqlite_engine).items()} == {
        "Jan de Vries": "Amsterdam",
        "Eva Smit": "Den Bosch",
        "Tom Bos": "Rotterdam",
    }


async def test_an_imported_city_is_stored_as_chat_stores_it(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    clients = "Клиент;Город\nСалон Лотос;Екб\nКофейня Зерно;питер\nСтудия Лён;Казань\n"
    seen = await chat.upload(olga, "клиенты.csv", clients.encode())
    assert "• 3 новых клиента" in seen.text.splitlines()
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.upload(anna, "klanten.csv", b"Klant;Plaats\nHotel Zon;A'dam\nCafe Maan;den haag\n")
    assert {name: city for name, (city, _source) in _stored(sqlite_engine).items()} == {
        "Салон Лотос": "Екатеринбург",
        "Кофейня Зерно": "Санкт-Петербург",
        "Студия Лён": "Казань",
        "Hotel Zon": "Amsterdam",
        "Cafe Maan": "Den Haag",
    }
