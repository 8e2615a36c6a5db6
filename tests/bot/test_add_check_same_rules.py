"""/add and /check follow one set of rules for a typed line (found by a second reader in the
offline chat): no phone number or e-mail address is kept, /check's save asks the look-alike
question /add asks, and a year alone after a person's name is their year of birth."""

from __future__ import annotations

from sqlalchemy import Engine

from bot.transports.updates import Person
from storage.models import Client, Team
from tests.chat import Chat, Seen
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows


def _names(engine: Engine) -> list[str]:
    return sorted(c.name for c in rows(engine, Client))


async def test_check_keeps_no_phone_number_in_a_name(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    """`/check Иванова Ольга +7 916 123-45-67`, saved as a client, listed «Иванова Ольга +7 916
    123-45-67» while /add refused the same line: now /check refuses it too, typed in one line
    or at the name question."""
    make_client(sqlite_engine, ru_team, "Анна Смирнова", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/check Иванова Ольга +7 916 123-45-67")
    assert seen.text == (
        "Kompas не хранит номера телефонов. Проверить клиента без номера: /check Иванова Ольга"
    )
    assert seen.buttons == []  # no kind asked, nothing to save
    await chat.send(olga, "/check")
    seen = await chat.send(olga, "Иванова Ольга 89161234567")
    assert seen.text.endswith("/check Иванова Ольга")
    make_client(sqlite_engine, nl_team, "Bakkerij Bos")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toets Sanne Jansen, Utrecht, 06-12345678")
    assert seen.text == (
        "Telefoonnummers bewaar ik niet. De klant zonder nummer toetsen: "
        "/toets Sanne Jansen, Utrecht"
    )
    assert _names(sqlite_engine) == ["Bakkerij Bos", "Анна Смирнова"]


async def test_an_email_address_is_never_a_city(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    """`/add Петрова Ира, ivanova@mail.ru` answered «Добавлено: Петрова Ира (частное лицо,
    Ivanova@mail.ru)»: an e-mail address is contact data Kompas does not keep, like a phone."""
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Петрова Ира, ivanova@mail.ru")
    assert seen.text == (
        "Kompas не хранит адреса электронной почты; ничего не добавлено. "
        "Добавить клиента без адреса: /add Петрова Ира"
    )
    seen = await chat.send(olga, "/add Петрова Ира, ivanova@mail.ru, Казань")
    assert seen.text.endswith("/add Петрова Ира, Казань")
    await chat.send(olga, "/add")
    seen = await chat.send(olga, "Петрова Ира ivanova@mail.ru")
    assert seen.text.endswith("/add Петрова Ира")
    await chat.send(olga, "/cancel")
    make_client(sqlite_engine, ru_team, "Анна Смирнова", kind="person")
    seen = await chat.send(olga, "/check Петрова Ира, Казань, ira.p@gmail.com")
    assert seen.text == (
        "Kompas не хранит адреса электронной почты. Проверить клиента без адреса: "
        "/check Петрова Ира, Казань"
    )
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Sanne Jansen, sanne@ziggo.nl")
    assert seen.text == (
        "E-mailadressen bewaar ik niet, dus ik heb niets toegevoegd. De klant zonder "
        "e-mailadres toevoegen: /toevoegen Sanne Jansen"
    )
    assert _names(sqlite_engine) == ["Анна Смирнова"]
    assert [c.city for c in rows(sqlite_engine, Client)] == [None]


async def _check_and_save(chat: Chat, olga: Person) -> Seen:
    """`/check Иванова Анна Сергеевна`, no city, no year, «Сделать клиентом»: what follows."""
    await chat.send(olga, "/check Иванова Анна Сергеевна")
    await chat.press(olga, "Пропустить")  # city
    seen = await chat.press(olga, "Пропустить")  # year of birth: the verdict
    assert "Сделать клиентом" in seen.buttons
    return await chat.press(olga, "Сделать клиентом")


async def test_saving_from_check_asks_about_a_look_alike_as_add_does(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """With «Анна Иванова» listed, `/check Иванова Анна Сергеевна` → «Сделать клиентом» added a
    second client (then `/sale Иванова 500` offered both) where /add asks «Это Анна Иванова?»."""
    anna = make_client(sqlite_engine, ru_team, "Анна Иванова", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await _check_and_save(chat, olga)
    assert seen.text == "Это Анна Иванова?"
    assert seen.buttons == ["Да", "Нет, добавить «Иванова Анна Сергеевна»"]
    seen = await chat.press(olga, "Да")  # her card, nothing added
    assert seen.text.startswith("Анна Иванова ·")
    assert _names(sqlite_engine) == ["Анна Иванова"]
    await _check_and_save(chat, olga)
    seen = await chat.press(olga, "Нет, добавить «Иванова Анна Сергеевна»")
    assert "Иванова Анна Сергеевна" in seen.text
    added = {c.name: (c.status, c.id == anna) for c in rows(sqlite_engine, Client)}
    assert added == {"Анна Иванова": ("active", True), "Иванова Анна Сергеевна": ("active", False)}


async def test_a_prospect_checked_again_under_a_longer_or_latin_spelt_name_is_asked_about(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """A prospect «Новикова Дина»: `/check Новикова Дина Петровна` → «В потенциальные клиенты»
    made two prospects, and «Новиковa Дина» (a Latin "a") was someone new."""
    make_client(sqlite_engine, ru_team, "Анна Смирнова", kind="person")
    make_client(sqlite_engine, ru_team, "Новикова Дина", kind="person", status="prospect")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    for typed in ("Новикова Дина Петровна", "Новиковa Дина"):
        seen = await chat.send(olga, f"/check {typed}, Казань")
        if "Частное лицо" in seen.buttons:  # a Latin letter: the name says no kind
            seen = await chat.press(olga, "Частное лицо")
        seen = await chat.press(olga, "В потенциальные клиенты")
        assert seen.text == "Это Новикова Дина?", typed
        await chat.press(olga, "Да")
    assert _names(sqlite_engine) == ["Анна Смирнова", "Новикова Дина"]


async def test_a_year_alone_after_a_persons_name_is_her_year_of_birth(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    """`/add Петрова Ольга, 1990` answered «Похоже на продажу…» and `/check Новикова Дина, 1990`
    dropped 1990 unsaid and asked the year of birth: a year an adult was born in, in its own
    part after a person's name, is the year of birth; after a business's name it is not, and
    without a comma it is still asked about, never dropped."""
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Петрова Ольга, 1990")
    assert "Добавлено: Петрова Ольга (частное лицо, 1990 г. р.)." in seen
    seen = await chat.send(olga, "/add Сидорова Яна 1990")  # no comma: which is it?
    assert seen.text.startswith("Похоже на продажу: /sale Сидорова Яна 1990")
    seen = await chat.send(olga, "/check Сидорова Яна 1990, Казань")  # never in her name
    assert seen.text == (
        "1990 — это год рождения? Тогда отправьте: /check Сидорова Яна, 1990, Казань"
    )
    await chat.send(olga, "/check")
    seen = await chat.send(olga, "Сидорова Яна 1990")
    assert seen.text == "1990 — это год рождения? Тогда отправьте: /check Сидорова Яна, 1990"
    await chat.send(olga, "/cancel")
    seen = await chat.send(olga, "/check Новикова Дина, 1990")
    assert seen.text.startswith("❔ Новикова Дина:")  # no question: the verdict
    await chat.press(olga, "В потенциальные клиенты")
    seen = await chat.send(olga, "/check Лебедева Дина, 2015")  # a child's year: said back
    await chat.press(olga, "Пропустить")
    seen = await chat.press(olga, "Пропустить")
    assert "Не понял, поэтому не учёл при проверке: «2015»." in seen.text
    await chat.press(olga, "Отмена")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/toevoegen Jan de Vries, 1985")
    assert "Toegevoegd: Jan de Vries (particulier, geboren in 1985)." in seen
    seen = await chat.send(anna, "/toets Kees van Dam, 1979")
    await chat.press(anna, "Opslaan als mogelijke klant")
    seen = await chat.send(anna, "/toets Kees van Dam 1979")
    assert seen.text == "Is 1979 het geboortejaar? Stuur dan: /toets Kees van Dam, 1979"
    seen = await chat.send(anna, "/toevoegen Bakkerij de Vries, 2000")
    assert seen.text.startswith("Dat lijkt op een verkoop: /verkoop Bakkerij de Vries, 2000")
    born = {c.name: (c.kind, c.birth_year, c.status) for c in rows(sqlite_engine, Client)}
    assert born == {
        "Петрова Ольга": ("person", 1990, "active"),
        "Новикова Дина": ("person", 1990, "prospect"),
        "Jan de Vries": ("person", 1985, "active"),
        "Kees van Dam": ("person", 1979, "prospect"),
    }
