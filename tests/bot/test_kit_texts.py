"""Every refusal the kit raises by name (bot/kit/texts.py) has its words in render, in both
languages: a name without words would reach the user as the bare key. And render's module has
every text the kit asks of it (`KitTexts`), or the kit would fail mid-update."""

from __future__ import annotations

import pytest

from bot.kit.texts import KitTexts, Refusal
from bot.render import kit_texts
from bot.render.kit_texts import KIT_REFUSALS, refusal
from locales import InputError, translator

PARAMS = {
    Refusal.TOO_OFTEN: {"seconds": 90.0},
    Refusal.TEAM_TOO_OFTEN: {"seconds": 12.5},
    Refusal.NOT_A_NAME: {"text": "hallo"},
    Refusal.COMMAND_IN_NAME: {"name": "jan /sale"},
    Refusal.NOT_FOUND: {"name": "Bakkerij"},
}


def test_every_refusal_has_words() -> None:
    assert set(KIT_REFUSALS) == set(Refusal)


@pytest.mark.parametrize("locale", ["nl", "ru"])
@pytest.mark.parametrize("name", list(Refusal))
def test_every_refusal_is_said_in_the_callers_language(locale: str, name: Refusal) -> None:
    said = refusal(translator(locale), InputError(name, **PARAMS.get(name, {})))
    assert said != KIT_REFUSALS[name] and "{" not in said


def test_a_wait_is_said_in_words() -> None:
    t = translator("nl")
    said = refusal(t, InputError(Refusal.TOO_OFTEN, seconds=90.0))
    assert "2 minuten" in said


def test_a_handlers_own_message_id_is_said_as_before() -> None:
    t = translator("nl")
    error = InputError("Only the team's owner can do that.")
    assert refusal(t, error) == t.error(error) == refusal(t, InputError(Refusal.OWNER_ONLY))


def test_render_says_everything_the_kit_asks_for() -> None:
    missing = [
        name for name in KitTexts.__annotations__ if not callable(getattr(kit_texts, name, None))
    ]
    assert missing == []
