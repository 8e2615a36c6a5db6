"""Every refusal storage raises by name (storage/refusals.py) has its words in render, in both
languages: a name without words would reach the user as the bare key."""

from __future__ import annotations

from string import Formatter

import pytest

from bot.render.kit_texts import refusal
from bot.render.stored_refusals import STORED_REFUSALS
from locales import InputError, translator
from storage.refusals import Refused


def params(name: Refused) -> dict[str, str]:
    """A value for each of the key's params, as its words name them."""
    return {field: "Anna" for _, field, _, _ in Formatter().parse(STORED_REFUSALS[name]) if field}


def test_every_stored_refusal_has_words() -> None:
    assert set(STORED_REFUSALS) == set(Refused)


@pytest.mark.parametrize("locale", ["nl", "ru"])
@pytest.mark.parametrize("name", list(Refused))
def test_every_stored_refusal_is_said_in_the_callers_language(locale: str, name: Refused) -> None:
    said = refusal(translator(locale), InputError(name, **params(name)))
    english = STORED_REFUSALS[name].format_map(params(name))
    assert said.strip() and said != english and name not in said and "{" not in said


def test_a_stored_refusal_reads_as_its_message_did() -> None:
    t = translator("ru")
    said = refusal(t, InputError(Refused.ALREADY_LISTED, client="Кофейня"))
    assert said == t._("{client} is already on your list.", client="Кофейня")
