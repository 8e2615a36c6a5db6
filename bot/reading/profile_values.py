"""A profile criterion's value as people type it: ranges ("25-45", «от 25 до 45», "vanaf 30",
"€ 30 000 – 60 000"), amounts, shares, hours, counts and comma lists of words."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.render import refusals
from bot.render.profile import Criterion, hours
from locales import InputError, Translator
from locales.name_words import city_as_written
from locales.numbers import ABOVE_MAXIMUM, BARE_HOURS, MAX_HOURS, shown_text
from locales.scripts import fold_yo
from locales.vocabulary import RANGE_FROM, RANGE_UPTO

MAX_WORDS, MAX_WORD = 20, 60
NUMBER_RANGE_MAX = {"age": 120, "employees": 10_000_000}

_FROM_WORDS, _UPTO_WORDS = "|".join(RANGE_FROM), "|".join(RANGE_UPTO)
_FROM = re.compile(rf"^(?:{_FROM_WORDS}|>=|≥|>)(?=[\s\d])\s*", re.IGNORECASE)
_UPTO = re.compile(rf"^(?:{_UPTO_WORDS}|max\.?|<=|≤|<)(?=[\s\d])\s*", re.IGNORECASE)
_BETWEEN = re.compile(rf"\s*(?:–|—|\b(?:{_UPTO_WORDS})\b)\s*", re.IGNORECASE)
# A hyphen between numbers, but not the one of "€ 1.250,-" (no cents).
_HYPHEN = re.compile(r"\s*(?<![,.\-])-(?!-)\s*")
_FRACTION = re.compile(r"^\s*\d+[.,]\d{1,2}\s*$")  # "0,4", "2.5": a mark before 1–2 digits
_UNITS = re.compile(r"\s*[^\W\d_]+\.?$")  # "45 jaar", "50 сотрудников": the word goes


def read_value(t: Translator, criterion: Criterion, text: str, *, currency: str) -> dict[str, Any]:
    """The fields of `criterion` from what was typed; an InputError says what to type."""
    how = criterion.how
    if how == "number_range":
        maximum = NUMBER_RANGE_MAX[criterion.code]

        def whole(part: str) -> int:
            return int(t.parse_number(_UNITS.sub("", part), max_decimals=0, maximum=maximum))

        return dict(zip(criterion.fields, parse_range(text, whole), strict=True))
    if how == "money_range":

        def money(part: str) -> int:
            return t.parse_money(part, currency)

        return dict(zip(criterion.fields, parse_range(text, money), strict=True))
    if how == "words":
        words = parse_words(text)
        if words and criterion.code == "cities":  # "москва" as natives write it, as /add does
            words = [city_as_written(word) for word in words]
        return {criterion.fields[0]: words}
    field = criterion.fields[0]
    if how == "money":
        return {field: t.parse_money(text, currency, allow_zero=False)}
    if how == "percent":
        share = t.parse_percent(text)
        if share <= 0:
            raise InputError(refusals.PERCENT_ABOVE_ZERO)
        return {field: float(round(share, 4))}
    if how == "hours":  # "3", "2,5", "10 uur", "90 min", "1 ч 30 мин": a bare number is hours
        minutes = t.parse_duration(text, bare=BARE_HOURS)
        if minutes <= 0:
            raise InputError(refusals.HOURS_ABOVE_ZERO)
        if minutes > MAX_HOURS * 60:
            raise InputError(ABOVE_MAXIMUM, text=shown_text(text), maximum=hours(t, MAX_HOURS))
        return {field: round(minutes / 60, 2)}
    if criterion.code == "size" and _FRACTION.search(text):  # "0,4": no count of clients
        raise InputError(
            refusals.MARKET_FRACTION,
            text=shown_text(text),
        )
    number = int(t.parse_number(_UNITS.sub("", text), max_decimals=0, maximum=10**9))
    if criterion.code == "size" and number == 0:
        raise InputError(refusals.MARKET_OF_NONE)
    return {field: number}


def parse_range(text: str, read: Callable[[str], int]) -> tuple[int | None, int | None]:
    """'25-45', '25–45', 'от 25 до 45', 'vanaf 30', 'tot 50', '€ 30 000 – 60 000'."""
    cleaned = " ".join(text.split())
    opened = _FROM.match(cleaned)
    if opened:
        cleaned = cleaned[opened.end() :]
    if _UPTO.match(cleaned) and not opened:
        return None, read(_UPTO.sub("", cleaned, count=1))
    parts = _BETWEEN.split(cleaned, maxsplit=1)
    if len(parts) == 1:
        parts = _HYPHEN.split(cleaned, maxsplit=1)
    if len(parts) == 1:
        if opened:
            return read(parts[0]), None
        raise InputError(refusals.TYPE_A_RANGE)
    low = read(parts[0]) if parts[0].strip() else None
    high = read(parts[1]) if parts[1].strip() else None
    if low is None and high is None:
        raise InputError(refusals.TYPE_A_RANGE)
    if low is not None and high is not None and low > high:
        raise InputError(refusals.SMALLER_FIRST)
    return low, high


def parse_words(text: str) -> list[str] | None:
    """'Utrecht, Amersfoort; Zeist' → the words, each once, as typed."""
    words: list[str] = []
    seen: set[str] = set()
    for part in re.split(r"[,;\n]", text):
        word = " ".join(part.split())[:MAX_WORD]
        key = fold_yo(word.casefold())
        if word and key not in seen:
            seen.add(key)
            words.append(word)
    if len(words) > MAX_WORDS:
        raise InputError(refusals.TOO_MANY_WORDS, max=MAX_WORDS)
    return words or None
