"""In a group a question names the person it asks; the question then goes on in lower case."""

from __future__ import annotations

import pytest

from locales import Markup, translator
from tests.chat import Chat


async def _group(chat: Chat, name: str, locale: str):  # type: ignore[no-untyped-def]
    owner = chat.person(21, name, locale)
    group = chat.group(-500, "Studio", creator=owner)
    await chat.send(owner, "/start", chat=group)
    await chat.press(owner, "Nederlands" if locale == "nl" else "Русский", chat=group)
    await chat.press(owner, "€ EUR" if locale == "nl" else "₽ RUB", chat=group)
    await chat.press(owner, "1–10", chat=group)
    return owner, group


async def test_dutch_group_prompt_goes_on_in_lower_case(chat: Chat) -> None:
    sanne, group = await _group(chat, "Sanne", "nl")
    seen = await chat.send(sanne, "/add", chat=group)
    assert "Sanne, hoe heet de nieuwe klant?" in seen
    assert "Hoe heet" not in seen


async def test_russian_group_prompt_goes_on_in_lower_case(chat: Chat) -> None:
    olga, group = await _group(chat, "Ольга", "ru")
    seen = await chat.send(olga, "/add", chat=group)
    assert "Ольга, как зовут нового клиента?" in seen
    assert "Как зовут" not in seen


@pytest.mark.parametrize(
    ("locale", "prompt"),
    [
        ("nl", "Hotel De Linde: wat wil je wijzigen?"),  # a client's name opens it
        ("nl", "Kompas heeft je klant niet gevonden."),  # the bot's name
        ("nl", "KvK-nummer?"),
        ("ru", "Москва или другой город?"),
        ("ru", "ИНН клиента?"),
        ("ru", "Kompas не нашёл клиента."),
    ],
)
def test_a_name_opening_the_prompt_keeps_its_capital(locale: str, prompt: str) -> None:
    assert translator(locale).after_address(prompt) == prompt


def test_the_lowered_prompt_stays_escaped() -> None:
    t = translator("nl")
    said = t.after_address(t._("What's the new client's name?"))
    assert said.startswith("hoe heet") and isinstance(said, Markup)
    assert t.after_address("Hoe heet de nieuwe klant? <b>") == "hoe heet de nieuwe klant? &lt;b&gt;"
