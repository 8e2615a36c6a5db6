"""Digits with their separators read by the locale's rules (locales/numbers.py says which):
spaces group, the last of `.` and `,` is the decimal separator, a lone dot groups in Dutch
where it stands like a thousands separator, and grouping is in threes or it is no number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from babel.numbers import get_decimal_symbol, get_group_symbol

BLANKS = re.compile(r"[\s\u200b\u2060\ufeff]+")  # \s covers NBSP, narrow NBSP and thin spaces
_MINUS = "-−–"
WHOLE = r"[.,]-{1,2}"
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?: [0-9]{3})+")
_DIGITS = re.compile(r"[0-9]*")


@dataclass(frozen=True)
class Typed:
    value: Decimal
    decimals: int  # digits typed after the decimal separator, trailing zeros included


def read_digits(number: str, sign: str | None, locale: str, *, money: bool = False) -> Typed | None:
    """Digits with separators read by the locale's rules, or None when they are not one number;
    `money`: a lone dot before three digits groups in every locale."""
    whole = re.search(rf"{WHOLE}$", number)
    if whole:
        number = number[: whole.start()]
    separators = _separators(
        number, locale, whole_mark=whole[0][0] if whole else None, dot_groups=money
    )
    if separators is None:
        return None
    group, decimal = separators
    if decimal and number.count(decimal) != 1:
        return None
    integer, fraction = number.split(decimal) if decimal else (number, "")
    if decimal and (not fraction or not _DIGITS.fullmatch(fraction)):
        return None
    if group:
        if not _GROUPED.fullmatch(integer.replace(group, " ")):
            return None
        integer = integer.replace(group, "")
    if not _DIGITS.fullmatch(integer) or not (integer or fraction):
        return None
    value = Decimal(f"{integer or 0}.{fraction}" if fraction else integer)
    if sign and sign in _MINUS and value:
        value = -value
    return Typed(value, len(fraction))


def _separators(
    number: str, locale: str, *, whole_mark: str | None, dot_groups: bool = False
) -> tuple[str | None, str | None] | None:
    """Which mark groups thousands and which is the decimal separator, by the docstring's rules."""
    marks = [c for c in number if c in ".,"]
    if " " in number:
        # Spaces group; a single mark besides them is the decimal separator.
        if len(marks) > 1 or (whole_mark and marks):
            return None
        return " ", (marks[0] if marks else None)
    if whole_mark:
        # "1.250,-": the comma was the decimal separator, so a dot can only group.
        return None if whole_mark in marks else ((marks[0] if marks else None), None)
    if len(set(marks)) == 2:
        decimal = number[max(number.rfind("."), number.rfind(","))]
        return ("," if decimal == "." else "."), decimal
    if len(marks) > 1 or (marks and _groups_thousands(number, marks[0], locale, dot_groups)):
        return marks[0], None
    return None, (marks[0] if marks else None)


@cache
def _symbols(locale: str) -> tuple[str, str]:
    """The locale's group and decimal marks: Babel looks them up anew each call (~30 µs)."""
    return BLANKS.sub(" ", get_group_symbol(locale)), get_decimal_symbol(locale)


def _groups_thousands(number: str, mark: str, locale: str, dot_groups: bool = False) -> bool:
    """Whether a lone `.` or `,` is the locale's thousands separator (nl `1.250`), not a decimal;
    `dot_groups`: a dot groups wherever it stands like a separator (money in ru: `2.500`)."""
    group_symbol, decimal_symbol = _symbols(locale)
    is_group = mark == group_symbol or (dot_groups and mark == ".")
    is_decimal = mark == decimal_symbol
    return is_group and not is_decimal and bool(_GROUPED.fullmatch(number.replace(mark, " ")))


# A whole number below a billion with one or two decimals after a dot or comma: a decimal in
# every locale (thousands group by three), what ``read_digits`` would find; tested against it.
_PLAIN_AMOUNT = re.compile(r"([0-9]{1,9})(?:[.,]([0-9]{1,2}))?")


def plain_amount(text: str, digits: int) -> int | None:
    """Plain digits with at most `digits` decimals (`52,02`, `1250`) in minor units, read
    without the locale's rules, which read them alike; None for anything else."""
    plain = _PLAIN_AMOUNT.fullmatch(text)
    if plain is None:
        return None
    whole, fraction = plain.groups()
    if fraction is not None and len(fraction) > digits:
        return None
    return int(whole) * 10**digits + int((fraction or "").ljust(digits, "0") or 0)


# A whole number in digits, grouped or not (`1.000.000`, `1 000 000`).
_WHOLE_DIGITS = re.compile(r"[0-9]+|[0-9]{1,3}(?:[.,'][0-9]{3})+")
ENDLESS = 64  # digits: more than any number anyone types


def endless_number(text: str) -> bool:
    """A whole number longer than anyone types (5 000 nines): far past any amount, whatever
    the locale's separators, so refused as too large rather than as unreadable."""
    plain = BLANKS.sub("", text or "")
    return len(plain) > ENDLESS and _WHOLE_DIGITS.fullmatch(plain) is not None
