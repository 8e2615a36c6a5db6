"""Kompas speaks Dutch and Russian: catalogs, plural forms, locale-aware numbers and dates, and
every Dutch or Russian word and letter the code reads (tests/test_words_in_locales.py)."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what editors and type checkers see
    from locales.errors import N_, InputError
    from locales.languages import LANGUAGE_NAMES, SUPPORTED_LOCALES, guess_locale
    from locales.markup import Markup, escape
    from locales.numbers import is_currency_token, is_multiplier_token
    from locales.translation import Translator, translator

# Where each name offered here lives. They load on first use, not with the package: reading
# `locales.languages` (the settings, the models) then costs no catalogs, Babel or date parsing,
# and `kompas report --json` starts without them. No module may be named like a name here: its
# import would put the module where the name is (hence `translation` for `translator`).
_HOMES = {
    "N_": "locales.errors",
    "InputError": "locales.errors",
    "LANGUAGE_NAMES": "locales.languages",
    "SUPPORTED_LOCALES": "locales.languages",
    "guess_locale": "locales.languages",
    "Markup": "locales.markup",
    "escape": "locales.markup",
    "is_currency_token": "locales.numbers",
    "is_multiplier_token": "locales.numbers",
    "Translator": "locales.translation",
    "translator": "locales.translation",
}

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


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'locales' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
