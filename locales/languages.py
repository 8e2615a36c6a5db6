"""The languages Kompas speaks: their codes, their names, and the guess from Telegram's."""

from __future__ import annotations

from typing import Literal, get_args

Locale = Literal["nl", "ru"]
SUPPORTED_LOCALES: tuple[str, ...] = get_args(Locale)
# Each language by its own name, as a choice of language shows it.
LANGUAGE_NAMES = {"nl": "Nederlands", "ru": "Русский"}
# The same inside a sentence ("Taal: Nederlands", «Язык: русский»): Russian writes a language
# in lower case there (a Russian reader); the names above stand alone, on buttons.
LANGUAGE_NAMES_IN_TEXT = {"nl": "Nederlands", "ru": "русский"}


def guess_locale(language_code: str | None, default: str) -> str:
    """The language of a Telegram user's app ("nl-BE" → nl) when Kompas speaks it, else
    `default`."""
    code = (language_code or "").split("-")[0].lower()
    return code if code in SUPPORTED_LOCALES else default
