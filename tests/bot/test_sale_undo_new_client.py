"""A /sale that added its client is taken back whole by its ↩ Undo (issue 17): the sale and
the client it added are gone, and the reply says both; a client who has more by then stays."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.transports.updates import Person
from storage.models import Client, Sale
from tests.chat import Chat
from tests.factories import make_team, rows

CASES = {
    "nl": (
        "/verkoop Jansen 45",
        "„Jansen” toevoegen als particulier",
        "↩ Ongedaan maken",
        "Ongedaan gemaakt: de verkoop en de nieuwe klant zijn verwijderd.",
        "Ongedaan gemaakt: de verkoop is verwijderd.",
    ),
    "ru": (
        "/sale Кузнецова 1500",
        "Добавить «Кузнецова» как частное лицо",
        "↩ Отменить",
        "Отменено: продажа и новый клиент удалены.",
        "Отменено: продажа удалена.",
    ),
}


WHICH = {"nl": "Het ging om € ", "ru": "Это была продажа: "}


def _personal_team(chat: Chat, engine: Engine, locale: str) -> Person:
    """Anna's own team, in her language and currency."""
    anna = chat.person(21, "Anna", locale)
    make_team(
        engine,
        chat_id=21,
        owner_id=21,
        personal=True,
        locale=locale,
        currency="EUR" if locale == "nl" else "RUB",
    )
    return anna


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_undo_of_a_sale_that_added_its_client_removes_both(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    line, kind, undo, both, _sale_only = CASES[locale]
    anna = _personal_team(chat, sqlite_engine, locale)
    await chat.send(anna, line)
    await chat.press(anna, kind)
    assert len(rows(sqlite_engine, Client)) == 1 and len(rows(sqlite_engine, Sale)) == 1

    seen = await chat.press(anna, undo)
    said, which = seen.text.splitlines()  # what was undone, then which sale it was
    assert said == both and which.startswith(WHICH[locale]), seen.text
    # Said once (issue 20, the Russian reader): no toast with the same words over the message.
    assert not chat.api.callback_answers[-1].get("text"), chat.api.callback_answers[-1]
    assert rows(sqlite_engine, Sale) == [] and rows(sqlite_engine, Client) == []


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_a_new_client_with_a_second_sale_stays(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    line, kind, undo, _both, sale_only = CASES[locale]
    anna = _personal_team(chat, sqlite_engine, locale)
    await chat.send(anna, line)
    first = await chat.press(anna, kind)
    await chat.send(anna, line.replace("45", "60").replace("1500", "1700"))

    seen = await chat.press_data(anna, first.messages[-1], first.messages[-1].button_data(undo))
    said, which = seen.text.splitlines()
    assert said == sale_only and which.startswith(WHICH[locale]), seen.text
    assert len(rows(sqlite_engine, Client)) == 1 and len(rows(sqlite_engine, Sale)) == 1


NOTHING_LEFT = {
    "nl": ("Je hebt hier niets meer om ongedaan te maken: dat kan tot 24 uur na een wijziging."),
    "ru": ("Отменять больше нечего: отменить можно в течение 24 часов после изменения."),
}


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_undo_command_takes_the_sale_and_its_new_client_back_as_one_change(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    """/undo (/ongedaan) as the button: both go; a second /undo doesn't claim to remove the
    client again (the client's own undo went with the sale's)."""
    line, kind, _undo, both, _sale_only = CASES[locale]
    anna = _personal_team(chat, sqlite_engine, locale)
    await chat.send(anna, line)
    await chat.press(anna, kind)

    command = "/ongedaan" if locale == "nl" else "/undo"
    seen = await chat.send(anna, command)
    said, which = seen.text.splitlines()  # /undo then names the sale it took back
    assert said == both and line.split(" ", 1)[1].rsplit(" ", 1)[0] in which, seen.text
    assert rows(sqlite_engine, Sale) == [] and rows(sqlite_engine, Client) == []
    seen = await chat.send(anna, command)
    assert seen.text == NOTHING_LEFT[locale]
