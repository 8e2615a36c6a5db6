"""Native readers' third round (issue 20): a group set up in Russian by someone whose own
chat speaks Dutch (and the other way round) reads every step in the chosen language; plain
Dutch and Russian in /help, /risk, /portrait, the card and the decline letter."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.chat import Chat


@pytest.mark.parametrize(
    ("own", "chosen", "currency", "scale", "ready", "foreign"),
    [
        ("nl", "Русский", "В какой валюте", "Как оценивать клиентов?", "Всё готово", "valuta"),
        ("ru", "Nederlands", "In welke valuta", "Hoe wil je klanten", "Alles staat klaar", "валют"),
    ],
)
async def test_every_onboarding_step_after_the_choice_speaks_the_chosen_language(
    chat: Chat,
    sqlite_engine: Engine,
    own: str,
    chosen: str,
    currency: str,
    scale: str,
    ready: str,
    foreign: str,
) -> None:
    olga = chat.person(1, "Ольга", own)
    await chat.send(olga, f"/lang {own}")  # her own chat speaks the other language
    group = chat.group(-100, "Kompas demo", creator=olga)
    await chat.send(olga, "/start", chat=group)
    seen = await chat.press(olga, chosen, chat=group)
    assert currency in seen
    first_currency = seen.buttons[0]
    seen = await chat.press(olga, first_currency, chat=group)
    assert scale in seen and foreign not in seen.text.lower()
    seen = await chat.press(olga, "A–D", chat=group)
    assert ready in seen


async def test_a_line_typed_in_reply_to_the_bot_in_a_group_is_answered(chat: Chat) -> None:
    """Privacy mode shows the bot only replies to its own messages: such a reply was meant
    for it, and silence read as "the bot ignored me" (a second group, the language typed)."""
    olga = chat.person(1, "Ольга", "ru")
    sanne = chat.person(2, "Sanne", "nl")
    group = chat.group(-200, "Tweede groep", creator=olga, members=(sanne,))
    await chat.send(olga, "/start", chat=group)
    seen = await chat.reply(olga, "Русский", chat=group)
    assert seen.text == "Выберите одну из кнопок."
    await chat.press(olga, "Nederlands", chat=group)
    await chat.press(olga, "€ EUR", chat=group)
    await chat.press(olga, "A–D", chat=group)
    seen = await chat.send(sanne, "/start", chat=group)
    assert seen.text == "Je werkt in Tweede groep. Stuur /hulp om te zien wat ik kan."
    seen = await chat.reply(sanne, "hallo", chat=group)
    assert "Stuur een commando om te beginnen" in seen


async def test_help_names_the_languages_in_the_readers_language(chat: Chat) -> None:
    for person, more, line in (
        (chat.person(11, "Anna", "nl"), "Meer commando's", "/taal — Taal: Nederlands of Russisch"),
        (chat.person(12, "Ольга", "ru"), "Ещё команды", "/lang — Язык: русский или нидерландский"),
    ):
        seen = await chat.send(person, "/help")
        pages = [seen.text]
        while more in seen.buttons:
            seen = await chat.press(person, more)
            pages.append(seen.text)
        assert line in "\n".join(pages)
