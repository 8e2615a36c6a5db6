"""The translator handed to every handler: gettext catalogs plus locale-aware formats."""

from __future__ import annotations

import datetime as dt
import gettext
import re
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from locales import dates, number_format, numbers
from locales.errors import InputError
from locales.languages import SUPPORTED_LOCALES
from locales.markup import Markup, escape

# The catalog context of a text a personal team reads instead of the team's (locales/solo.py):
# a solo specialist is spoken to as one person, never as a team.
SOLO = "solo"
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


_FIELD_THEN_STOP = re.compile(r"(?<!\{)\{(\w+)\}\.")
# A field the text puts in «»: a name with «» of its own nests them, «Салон „Лотос“».
_FIELD_IN_QUOTES = re.compile(r"«\{(\w+)\}»")
_INNER_QUOTES = str.maketrans("«»", "„“")


def _safe(params: dict[str, Any]) -> dict[str, Markup]:
    return {name: escape(value) for name, value in params.items()}


def _fill(text: str, params: dict[str, Any]) -> Markup:
    """The text with its fields filled; a value that ends in a full stop ("Smit & Zn.",
    "4 дек. 2026 г.") ends the sentence too, so the text's own full stop after it goes. A
    value put in «» has its own «» written as „“, as Russian nests quotes."""
    safe = _safe(params)
    for field in _FIELD_IN_QUOTES.findall(text):
        if field in safe:
            safe[field] = Markup(safe[field].translate(_INNER_QUOTES))

    def one_stop(field: re.Match[str]) -> str:
        value = safe.get(field.group(1), "")
        return field.group(0)[:-1] if value.endswith((".", "…")) else field.group(0)

    return Markup(_FIELD_THEN_STOP.sub(one_stop, text).format_map(safe))


_OPENING_WORD = re.compile(r"([A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё]*)(?=[\s,?!.:;…]|$)")
_MID_CAPITAL = re.compile(r"[a-zß-ÿа-яё,] ([A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё]*)\b")


@cache
def _sentence_openings(locale: str) -> tuple[str, ...]:
    """The catalog's texts up to their first field, tag or entity when they open with an
    ordinary word ("Hoe heet de nieuwe klant?", «Как зовут»): a word the catalog also writes
    with a capital inside a sentence ("Kompas", "Telegram", «Москва») is a name, not one."""
    texts = [
        text
        for value in _translations(locale)._catalog.values()  # type: ignore[attr-defined]
        for text in ([value] if isinstance(value, str) else value)
        if text
    ]
    names = {word for text in texts for word in _MID_CAPITAL.findall(text)}
    openings: set[str] = set()
    for text in texts:
        literal = re.split(r"[{<&]", text, maxsplit=1)[0]
        word = _OPENING_WORD.match(literal)
        if word and word.group(1) not in names:
            openings.add(literal)
    return tuple(sorted(openings, key=len, reverse=True))


def _large_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 10_000


class Translator:
    """Texts and formats for one language; every parameter is HTML-escaped unless Markup."""

    def __init__(self, locale: str, *, solo: bool = False) -> None:
        if locale not in SUPPORTED_LOCALES:
            raise ValueError(f"unsupported locale {locale!r}")
        self.locale = locale
        self.solo = solo
        self._catalog = _translations(locale)

    def _(self, message: str, /, **params: Any) -> Markup:
        text = self._catalog.gettext(message)
        if self.solo and (SOLO + "\x04" + message) in self._messages:
            text = self._catalog.pgettext(SOLO, message)
        return _fill(text, params)

    def n_(self, singular: str, plural: str, count: int, /, **params: Any) -> Markup:
        """A counted message; `{n}` is the count in the locale's number format."""
        params.setdefault("n", self.number(count))
        text = self._catalog.ngettext(singular, plural, count)
        if self.solo and (SOLO + "\x04" + singular, 0) in self._messages:
            text = self._catalog.npgettext(SOLO, singular, plural, count)
        return _fill(text, params)

    @property
    def _messages(self) -> dict[Any, str]:
        return self._catalog._catalog  # type: ignore[attr-defined,no-any-return]

    def error(self, error: InputError) -> Markup:
        """The error's text; a count from 10 000 up (a limit, a far line) in the locale's
        format, ``4.000.000`` / ``4 000 000``: seven bare digits are hard to read."""
        params = {
            name: self.number(value) if _large_count(value) else value
            for name, value in error.params.items()
        }
        return self._(error.message, **params)

    def after_address(self, text: Markup | str) -> Markup:
        """`text` as it reads after an addressed name and a comma: "Sanne, hoe heet…",
        «Ольга, как зовут…». Only a text that opens with one of the catalog's own ordinary
        words is lowered; a client's name, "Kompas" or an abbreviation opening it stays."""
        text = Markup(text) if isinstance(text, Markup) else escape(text)
        if any(text.startswith(opening) for opening in _sentence_openings(self.locale)):
            return Markup(text[:1].lower() + text[1:])
        return text

    def names(self, names: Sequence[str]) -> str:
        """`Marieke en Joris`, `Марина и Олег`: names joined as the language lists them."""
        return format_list(list(names), locale=self.locale)

    def client_count(self, count: int) -> Markup:
        """`1 klant`, `5 клиентов`: the count of clients with its plural form."""
        return self.n_("{n} client", "{n} clients", count)

    def relative_week(self, weeks_ago: int) -> Markup:
        """When a week was, said naturally: `deze week`, `на прошлой неделе`, `3 weken geleden`."""
        if weeks_ago < 0:
            raise ValueError(f"weeks_ago is never negative: {weeks_ago}")
        if weeks_ago == 0:
            return self._("this week")
        if weeks_ago == 1:
            return self._("last week")
        return self.n_("{n} week ago", "{n} weeks ago", weeks_ago)

    # Formats: only this package turns numbers, money and dates into text.
    def money(self, minor: int, currency: str, *, whole: bool = False) -> str:
        return numbers.format_money(minor, currency, self.locale, whole=whole)

    def number(self, value: float | int | Decimal, *, decimals: int | None = None) -> str:
        return numbers.format_number(value, self.locale, decimals=decimals)

    def typical_count(self, median: float) -> str:
        """A median of counts as people say it: "1", or "0–1" for a median of 0.5, never half
        a complaint (issue 20)."""
        low = int(median // 1)
        if median - low < 1e-9:
            return self.number(low)
        return f"{self.number(low)}–{self.number(low + 1)}"

    def percent(self, fraction: float | Decimal, *, decimals: int = 0) -> str:
        return numbers.format_percent(fraction, self.locale, decimals=decimals)

    def share(self, fraction: float, marks: Sequence[float] = ()) -> str:
        """A revenue share, never rounded onto a mark it has not reached (format_share)."""
        return number_format.format_share(fraction, self.locale, marks)

    def percents(self, fractions: Sequence[float | Decimal]) -> list[str]:
        """Shares shown side by side, each rounded on its own (locales.number_format)."""
        return numbers.format_percents(fractions, self.locale)

    def duration(self, minutes: int) -> str:
        return numbers.format_duration(minutes, self.locale)

    def date(self, day: dt.date, *, style: str = "medium") -> str:
        return dates.format_date(day, self.locale, style=style)

    def day(self, day: dt.date) -> str:
        return dates.format_day(day, self.locale)

    def days(self, first: dt.date, last: dt.date) -> str:
        return dates.format_days(first, last, self.locale)

    def weekday(self, iso_weekday: int) -> str:
        return dates.format_weekday(iso_weekday, self.locale)

    def time(self, minutes_after_midnight: int) -> str:
        return dates.format_time(minutes_after_midnight, self.locale)

    # Parsing what people type, by the same locale's conventions; bad input raises InputError.
    def parse_money(
        self, text: str, currency: str, *, allow_negative: bool = False, allow_zero: bool = True
    ) -> int:
        return numbers.parse_money(
            text, currency, self.locale, allow_negative=allow_negative, allow_zero=allow_zero
        )

    def parse_number(
        self,
        text: str,
        *,
        allow_negative: bool = False,
        max_decimals: int | None = None,
        maximum: Decimal | int | None = None,
    ) -> Decimal:
        return numbers.parse_number(
            text,
            self.locale,
            allow_negative=allow_negative,
            max_decimals=max_decimals,
            maximum=maximum,
        )

    def parse_percent(self, text: str) -> Decimal:
        return numbers.parse_percent(text, self.locale)

    def parse_duration(self, text: str, *, bare: str = numbers.BARE_MINUTES) -> int:
        return numbers.parse_duration(text, self.locale, bare=bare)

    def parse_date(self, text: str, *, today: dt.date, past: bool = False) -> dt.date:
        return dates.parse_date(text, self.locale, today=today, past=past)

    def parse_time(self, text: str) -> int:
        return dates.parse_time(text)


@cache
def translator(locale: str, *, solo: bool = False) -> Translator:
    """The shared translator for a locale (catalogs are read once); `solo`: for a personal
    team, which reads the solo texts where the catalog has them."""
    return Translator(locale, solo=solo)


def warm_up() -> None:
    """Read both catalogs and Babel's number and date data now, at start-up: otherwise the
    first message in each language waits ~0.15 s for them."""
    for locale in SUPPORTED_LOCALES:
        t = translator(locale)
        t.money(125050, "EUR")
        t.number(1.5, decimals=1)
        t.number(1250)
        t.date(dt.date(2026, 1, 1))
