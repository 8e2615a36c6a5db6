"""/help fits one phone screen; the rest is one tap or one /help <command> away."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.chat import Chat
from tests.factories import make_team

GROUP = -900
MORE = {"nl": "Meer commando’s", "ru": "Что ещё я умею"}


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_help_fits_a_phone_screen_and_more_shows_every_command(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    owner = chat.person(31, "Anna", locale)
    chat.group(GROUP, "Studio", creator=owner)
    make_team(sqlite_engine, chat_id=GROUP, owner_id=31, locale=locale)
    seen = await chat.send(owner, "/help", chat=GROUP)
    assert len(seen.text.splitlines()) <= 15, seen.text
    assert ("/verkoop" if locale == "nl" else "/sale") in seen.text
    listed = set()
    pages = 0
    while True:
        pages += 1
        assert len(seen.text.splitlines()) <= 15, seen.text
        listed |= {line.split(" ")[0] for line in seen.text.splitlines() if line.startswith("/")}
        if seen.buttons != [MORE[locale]]:
            assert seen.buttons == []
            break
        seen = await chat.press(owner, MORE[locale], chat=GROUP)
    assert pages > 1
    for command in (
        ("/forget", "/export", "/members", "/help")
        if locale == "ru"
        else (
            "/vergeet",
            "/exporteer",
            "/leden",
            "/hulp",
        )
    ):
        assert command in listed


@pytest.mark.parametrize(
    ("locale", "typed", "says"),
    [
        ("nl", "/help verkoop", "Of in één regel: /verkoop Bakkerij de Vries 1250"),
        ("nl", "/hulp sale", "Of in één regel: /verkoop Bakkerij de Vries 1250"),
        ("ru", "/help sale", "Или одной строкой: /sale"),
    ],
)
async def test_help_for_one_command(chat: Chat, locale: str, typed: str, says: str) -> None:
    anna = chat.person(11, "Anna", locale)
    seen = await chat.send(anna, typed)
    assert says in seen.text and len(seen.text.splitlines()) <= 15


@pytest.mark.parametrize(
    ("locale", "typed", "says"),
    [
        # a Russian reader: «/help продажа» was «/продажа — такого я не знаю»
        ("ru", "/help продажа", "Или одной строкой: /sale"),
        ("ru", "/help Продажу", "Или одной строкой: /sale"),
        ("ru", "/help оплата", "/paid"),
        ("ru", "/help новый клиент", "/add"),
        ("ru", "/help отчёт", "/отчёт — такого я не знаю"),
        ("nl", "/hulp verkocht", "Of in één regel: /verkoop Bakkerij de Vries 1250"),
        ("nl", "/hulp Verkoop", "Of in één regel: /verkoop Bakkerij de Vries 1250"),
    ],
)
async def test_help_topic_in_the_callers_words(
    chat: Chat, locale: str, typed: str, says: str
) -> None:
    anna = chat.person(11, "Anna", locale)
    seen = await chat.send(anna, typed)
    assert says in seen.text, seen.text
