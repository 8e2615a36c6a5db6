"""The Russian nail-studio reader's week (/tmp notes, section A): amounts typed in chat read as
the CSV import reads them, hedges never become part of a name, and the rest of her findings."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from locales import numbers
from storage.models import Client, Sale
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows


@pytest.mark.parametrize(
    ("line", "roubles"),
    [
        ("/sale иванова около 3 тыс", 3000),
        ("/sale Иванова примерно 3000", 3000),
        ("/sale Иванова 2 тыс 500", 2500),
        ("/sale Иванова 2 тыс. 500 р", 2500),
        ("/sale Иванова 2к500", 2500),
        ("/sale Иванова 3к", 3000),
        ("/sale Иванова около 12 тыс 300", 12300),
    ],
)
async def test_a_hedge_or_thousands_word_in_a_sale_is_the_amount_never_the_name(
    chat: Chat, ru_team, sqlite_engine: Engine, line: str, roubles: int
) -> None:
    """A10: «/sale иванова около 3 тыс» took «иванова около» for a new name; «2 тыс 500»
    recorded 2 000 and lost the 500. The amount is the one the import's reader gives."""
    ivanova = make_client(sqlite_engine, ru_team, "Иванова Мария Сергеевна", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, line)
    assert "у меня пока нет" not in seen.text
    assert "Продажа записана" in seen.text
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.client_id, sale.amount, sale.cost) == (ivanova, roubles * 100, None)
    typed = line.split(maxsplit=2)[2]  # what the CSV import reads in its amount column
    assert numbers.parse_money(typed, "RUB", "ru") == roubles * 100
    assert len(rows(sqlite_engine, Client)) == 1


async def test_a_hedge_before_a_new_clients_amount_stays_out_of_the_name(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Белова около 3 тыс")
    assert seen.text.startswith("«Белова» у меня пока нет.")
    assert "около" not in " ".join(seen.buttons)


@pytest.mark.parametrize("line", ["/sale Jansen zo'n 300", "/sale Jansen ongeveer 300"])
async def test_a_dutch_hedge_in_a_sale_is_no_part_of_the_name(
    chat: Chat, nl_team, sqlite_engine: Engine, line: str
) -> None:
    jansen = make_client(sqlite_engine, nl_team, "Jansen", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, line)
    assert "Verkoop vastgelegd: € 300,00 — Jansen" in seen
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.client_id, sale.amount) == (jansen, 30000)


async def _profile_cities(chat: Chat, person, cities: str, *, lang: str) -> None:  # type: ignore[no-untyped-def]
    create, who, field = {
        "ru": ("+ Создать: Частные лица", "Кто они", "Города"),
        "nl": ("+ Nieuw: Particulieren", "Wie ze zijn", "Plaatsen"),
    }[lang]
    await chat.send(person, "/profile")
    await chat.press(person, create)
    await chat.press(person, who)
    await chat.press(person, field)
    await chat.send(person, cities)


async def _details(chat: Chat, person, name: str, button: str = "Подробнее") -> str:  # type: ignore[no-untyped-def]
    await chat.send(person, f"/client {name}")
    return (await chat.press(person, button)).text


async def test_a_city_abbreviation_is_the_city_for_the_ideal_profile(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    """A4: «Кзн» stayed «Кзн» and «Наб. Челны», «Наб.Челны» were two cities, so a Kazan client
    met 0 of 1 points of a profile of Kazan. Typed now, the full name is stored; stored before,
    it still matches."""
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await _profile_cities(chat, olga, "Казань, Набережные Челны", lang="ru")
    seen = await chat.send(olga, "/add Кузнецова Елена, частное лицо, Кзн")
    assert "Казань" in seen.text and "Кзн" not in seen.text
    await chat.send(olga, "/add Сафина Алия, частное лицо, Наб.Челны")
    make_client(sqlite_engine, ru_team, "Гарипова Алсу", kind="person", city="Наб. Челны")
    cities = {c.name: c.city for c in rows(sqlite_engine, Client)}
    assert cities["Кузнецова Елена"] == "Казань"
    assert cities["Сафина Алия"] == "Набережные Челны"
    for name in ("Кузнецова Елена", "Сафина Алия", "Гарипова Алсу"):
        assert "соответствует 1 из 1 пункта идеального клиента" in await _details(chat, olga, name)


async def test_a_dutch_city_short_form_is_the_city_for_the_ideal_profile(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await _profile_cities(chat, anna, "Amsterdam, Den Haag", lang="nl")
    make_client(sqlite_engine, nl_team, "Sanne Smit", kind="person", city="A'dam")
    make_client(sqlite_engine, nl_team, "Kees Bos", kind="person", city="'s-Gravenhage")
    for name in ("Sanne Smit", "Kees Bos"):
        assert "voldoet aan 1 van 1 punt" in await _details(chat, anna, name, "Details")
