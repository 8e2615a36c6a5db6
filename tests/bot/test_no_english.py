"""Everything the bot says reads in the user's language: a long transcript, no English left."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine

from bot import menu
from storage import demo
from storage.engine import new_session
from tests.chat import Chat
from tests.factories import NOW, make_team

LATIN_WORD = re.compile(r"(?<![/\w])[A-Za-z][A-Za-z’']{2,}")
# Words that are Latin in a Russian reply on purpose: the product, formats and command names.
ALLOWED_IN_RUSSIAN = {
    "Kompas",
    "HHI",
    "CSV",
    "Excel",
    "Instagram",
    "Telegram",
    "Google",
    "xlsx",
    "csv",
    "Nederlands",
    "prospects",
    "declined",
    "persons",
    "organisations",
    "off",
    "nl",
    "ru",
    "EUR",
    "RUB",
    "USD",
    "GBP",
    "CHF",
    "KZT",
    "BYN",
    "UAH",
    "TRY",
    "UTC",
    "JSON",
    "json",
}
ENGLISH_ONLY = {
    "the",
    "and",
    "your",
    "you",
    "with",
    "this",
    "that",
    "have",
    "are",
    "not",
    "for",
    "from",
    "what",
    "which",
    "who",
    "will",
    "would",
    "there",
    "their",
    "they",
    "them",
    "been",
    "shall",
    "please",
    "client",
    "clients",
    "sale",
    "sales",
    "grade",
    "share",
    "revenue",
    "profit",
    "team's",
    "undo",
    "cancel",
    "skip",
    "settings",
}
SCRIPT = [
    "/start",
    "/help",
    *[f"/help {c.name}" for c in menu.COMMANDS],
    "/client Hotel",
    "/clients",
    "/clients prospects",
    "/risk",
    "/portrait",
    "/decline",
    "/digest",
    "/settings",
    "/profile",
    "/team",
    "/members",
    "/lang",
    "/sale",
    "xyz",
    "/cancel",
    "/add",
    "/cancel",
    "/check",
    "/cancel",
    "/sale Nobody Known 12,5",
    "/rate",
    "/cancel",
    "/paid",
    "/cancel",
    "/frobnicate",
    "/complaint",
    "/cancel",
    "/refer",
    "/cancel",
    "/export",
    "/edit",
    "/cancel",
    "/sale Hotel, -5",
    "/sale Hotel, 1,2,3",
    "/skip",
    "hallo",
]


async def _transcript(chat: Chat, person, extra: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    said: list[str] = []
    for line in [*SCRIPT, *extra]:
        seen = await chat.send(person, line)
        said += [seen.text, *seen.buttons]
        buttons = [b for b in seen.buttons if b not in ("Annuleren", "Отмена")]
        # Press the first real button too: menus and dialogs say things. Not the language
        # buttons: they would switch the language mid-transcript.
        if buttons and line != "/lang":
            pressed = await chat.press(person, buttons[0])
            said += [pressed.text, *pressed.buttons]
    answers = [a["text"] for a in chat.api.callback_answers if a.get("text")]
    return said + answers


def _without_names(text: str, names: list[str]) -> str:
    """Drop what the user or the test typed (names, a command's name after /help)."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    return re.sub(r"/help \w+", " ", text)


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_a_long_session_has_no_english(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    team = make_team(
        sqlite_engine,
        chat_id=11,
        owner_id=11,
        personal=True,
        locale=locale,
        currency="EUR" if locale == "nl" else "RUB",
    )
    with new_session(sqlite_engine) as session:
        demo.seed_demo(session=session, team=team, today=NOW.date(), now=NOW)
        session.commit()
    person = chat.person(11, "Anna" if locale == "nl" else "Анна", locale)
    names = [
        *(row[0] for row in (demo.NL_ORGS + demo.RU_ORGS)),
        *(row[0] for row in (demo.NL_PERSONS + demo.RU_PERSONS)),
        "Nobody Known",
        "Anna",
        "Анна",
        "Hotel",
        "Xyz",
        "xyz",
        "Studio",
        "owner11",
    ]
    said = "\n".join(await _transcript(chat, person, []))
    text = _without_names(said, names)
    if locale == "ru":
        latin = set(LATIN_WORD.findall(text)) - ALLOWED_IN_RUSSIAN
        assert latin == set(), sorted(latin)[:30]
    else:
        words = {w.lower() for w in LATIN_WORD.findall(text)}
        assert words & ENGLISH_ONLY == set(), sorted(words & ENGLISH_ONLY)


async def test_switching_language_mid_session(chat: Chat, sqlite_engine: Engine) -> None:
    make_team(sqlite_engine, chat_id=11, owner_id=11, personal=True, locale="ru", currency="RUB")
    person = chat.person(11, "Анна", "ru")
    assert "Что я умею" in await chat.send(person, "/help")
    await chat.send(person, "/lang nl")
    seen = await chat.send(person, "/risk")
    assert "Nog niets te beoordelen" in seen.text
