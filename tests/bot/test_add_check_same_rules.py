"""/add and /check follow one set of rules for a typed line (found by a second reader in the
offline chat): no phone number or e-mail address is kept, /check's save asks the look-alike
question /add asks, and a year alone after a person's name is their year of birth."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Team
from tests.chat import Chat
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
        "Kompas bewaart geen telefoonnummers. De klant zonder nummer toetsen: "
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
        "Kompas bewaart geen e-mailadressen; er is niets toegevoegd. De klant zonder "
        "e-mailadres toevoegen: /toevoegen Sanne Jansen"
    )
    assert _names(sqlite_engine) == ["Анна Смирнова"]
    assert [c.city for c in rows(sqlite_engine, Client)] == [None]
