"""What native readers flagged (issue 20) in composed replies, not in one catalog text."""

from __future__ import annotations

import pytest

from bot.render.explain import about_money
from locales import translator
from tests.chat import Chat


@pytest.mark.parametrize(
    ("locale", "minor", "shown"),
    [
        ("ru", 6_849_837, "68 500 ₽"),  # «около 68 498 ₽» claimed a precision it lacks
        ("nl", 295_837, "€ 2.960"),
        ("nl", 4_150, "€ 42"),
    ],
)
def test_an_estimate_is_said_in_three_digits(locale: str, minor: int, shown: str) -> None:
    text = about_money(translator(locale), "RUB" if locale == "ru" else "EUR", minor)
    assert text.replace("\u00a0", " ").replace("\u202f", " ") == shown


async def test_the_swiss_franc_is_chf_not_the_french_franc_sign(chat: Chat) -> None:
    olga = chat.person(21, "Olga", "ru")
    group = chat.group(-500, "Студия", creator=olga)
    await chat.send(olga, "/start", chat=group)
    seen = await chat.press(olga, "Русский", chat=group)
    assert "CHF" in seen.buttons and not any("₣" in label for label in seen.buttons)
