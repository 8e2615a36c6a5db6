"""Every refusal storage raises by name (storage/refusals.py) has its words in render, in both
languages: a name without words would reach the user as the bare key."""

from __future__ import annotations

import pytest

from bot.render.kit_texts import refusal
from bot.render.stored_refusals import STORED_REFUSALS
from locales import InputError, translator
from storage.refusals import Refused

PARAMS = {
    Refused.ALREADY_IN_THE_TEAM: {"name": "Sanne"},
    Refused.ALREADY_LISTED: {"client": "Bakkerij Noord"},
    Refused.NAME_TOO_LONG: {"max": 120},
    Refused.RESERVED_NAME: {"name": "Klant #3"},
    Refused.PROFILE_EXISTS: {"name": "Bakkerijen"},
    Refused.NOTHING_TO_PAY: {"client": "Bakkerij Noord"},
    Refused.MORE_THAN_OWED: {"client": "Bakkerij Noord"},
    Refused.REFERRAL_CIRCLE: {"referrer": "Anna", "referred": "Piet"},
}


def test_every_stored_refusal_has_words() -> None:
    assert set(STORED_REFUSALS) == set(Refused)


@pytest.mark.parametrize("locale", ["nl", "ru"])
@pytest.mark.parametrize("name", list(Refused))
def test_every_stored_refusal_is_said_in_the_callers_language(locale: str, name: Refused) -> None:
    said = refusal(translator(locale), InputError(name, **PARAMS.get(name, {})))
    english = STORED_REFUSALS[name].format_map(PARAMS.get(name, {}))
    assert said.strip() and said != english and name not in said and "{" not in said


def test_a_stored_refusal_reads_as_its_message_did() -> None:
    t = translator("ru")
    said = refusal(t, InputError(Refused.ALREADY_LISTED, client="Кофейня"))
    assert said == t._("{client} is already on your list.", client="Кофейня")
