"""Kompas speaks Dutch and Russian: catalogs, plural forms, and locale-aware numbers and dates."""

from locales.errors import N_, InputError
from locales.markup import Markup, escape
from locales.numbers import is_currency_token, is_multiplier_token
from locales.translator import SUPPORTED_LOCALES, Translator, translator

__all__ = [
    "N_",
    "SUPPORTED_LOCALES",
    "InputError",
    "Markup",
    "Translator",
    "escape",
    "is_currency_token",
    "is_multiplier_token",
    "translator",
]
