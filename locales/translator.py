"""The translator handed to every handler: gettext catalogs plus locale-aware formats."""

from __future__ import annotations

import datetime as dt
import gettext
from decimal import Decimal
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from locales import dates, numbers
from locales.errors import InputError
from locales.markup import Markup, escape

SUPPORTED_LOCALES = ("nl", "ru")
CATALOG_DIR = Path(__file__).parent


@cache
def _translations(locale: str) -> gettext.GNUTranslations:
    """Compile the locale's .po in memory (no build step, no committed binaries)."""
    path = CATALOG_DIR / locale / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale=locale)
    mo = BytesIO()
    write_mo(mo, catalog, use_fuzzy=False)
    mo.seek(0)
    return gettext.GNUTranslations(mo)


def _safe(params: dict[str, Any]) -> dict[str, Markup]:
    return {name: escape(value) for name, value in params.items()}


class Translator:
    """Texts and formats for one language; every parameter is HTML-escaped unless Markup."""

    def __init__(self, locale: str) -> None:
        if locale not in SUPPORTED_LOCALES:
            raise ValueError(f"unsupported locale {locale!r}")
        self.locale = locale
        self._catalog = _translations(locale)

    def _(self, message: str, /, **params: Any) -> Markup:
        return Markup(self._catalog.gettext(message).format_map(_safe(params)))

    def n_(self, singular: str, plural: str, count: int, /, **params: Any) -> Markup:
        """A counted message; `{n}` is the count in the locale's number format."""
        params.setdefault("n", self.number(count))
        return Markup(self._catalog.ngettext(singular, plural, count).format_map(_safe(params)))

    def error(self, error: InputError) -> Markup:
        return self._(error.message, **error.params)

    # Formats: only this package turns numbers, money and dates into text.
    def money(self, minor: int, currency: str, *, whole: bool = False) -> str:
        return numbers.format_money(minor, currency, self.locale, whole=whole)

    def number(self, value: float | int | Decimal, *, decimals: int | None = None) -> str:
        return numbers.format_number(value, self.locale, decimals=decimals)

    def percent(self, fraction: float, *, decimals: int = 0) -> str:
        return numbers.format_percent(fraction, self.locale, decimals=decimals)

    def date(self, day: dt.date, *, style: str = "medium") -> str:
        return dates.format_date(day, self.locale, style=style)

    def weekday(self, iso_weekday: int) -> str:
        return dates.format_weekday(iso_weekday, self.locale)

    # Parsing what people type, by the same locale's conventions.
    def parse_money(self, text: str, currency: str, **limits: Any) -> int:
        return numbers.parse_money(text, currency, self.locale, **limits)

    def parse_number(self, text: str, **limits: Any) -> Decimal:
        return numbers.parse_number(text, self.locale, **limits)

    def parse_percent(self, text: str) -> Decimal:
        return numbers.parse_percent(text, self.locale)

    def parse_date(self, text: str, *, today: dt.date) -> dt.date:
        return dates.parse_date(text, self.locale, today=today)


@cache
def translator(locale: str) -> Translator:
    """The shared translator for a locale (catalogs are read once)."""
    return Translator(locale)
