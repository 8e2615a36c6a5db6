"""A command typed in Cyrillic: Telegram's commands are Latin, so «/продажа Иванова 4500» came as
text and got "send a command to get going" (the Russian reader); `/sael` was already pointed to
/sale. Now both name the command meant, and nothing is recorded."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from storage.models import Sale, Team
from tests.chat import Chat
from tests.factories import RU_OWNER, make_client, rows


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("/продажа Иванова 4500", "/sale"), ("/Клиенты", "/clients"), ("/оплата Иванова", "/paid")],
)
async def test_the_command_meant_is_named(
    chat: Chat, ru_team: Team, sqlite_engine: Engine, typed: str, meant: str
) -> None:
    make_client(sqlite_engine, ru_team, "Иванова", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, typed)
    word = typed.split()[0]
    assert seen.text == f"{word} — такого я не знаю. Вы имели в виду {meant}?", seen.text
    assert rows(sqlite_engine, Sale) == []


async def test_a_slash_word_that_is_no_command_gets_the_general_pointer(
    chat: Chat, ru_team: Team
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/привет")
    assert seen.text == "Начните, например, с /add или /sale. Что я умею — /help.", seen.text
