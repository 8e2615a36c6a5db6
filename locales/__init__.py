"""Kompas speaks Dutch and Russian: catalogs, plural forms, locale-aware numbers and dates, and
every Dutch or Russian word and letter the code reads (tests/test_words_in_locales.py)."""

from locales.errors import N_, InputError
from locales.languages import LANGUAGE_NAMES, SUPPORTED_LOCALES, guess_locale
from locales.markup import Markup, escape
from locales.numbers import is_currency_token, is_multiplier_token
from locales.translator import Translator, translator

__all__ = [
    "LANGUAGE_NAMES",
    "N_",
    "SUPPORTED_LOCALES",
    "InputError",
    "Markup",
    "Translator",
    "escape",
    "guess_locale",
    "is_currency_token",
    "is_multiplier_token",
    "translator",
]
