"""How Kompas writes numbers, money, percentages and durations: Babel/CLDR's formats.

Formatting is CLDR's for the locale (``€ 1.250,50`` in nl, ``1 250,50 €`` in ru, with CLDR's
no-break spaces). Rounding for display is half away from zero (``€ 1.250,50`` shown whole is
``€ 1.251``), as people round, not banker's rounding. Reading what people type is
locales/numbers.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cache

from babel import Locale
from babel.numbers import (
    NumberPattern,
    format_decimal,
    get_currency_precision,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
    get_minus_sign_symbol,
    parse_pattern,
)
from babel.numbers import format_percent as _babel_percent
from babel.units import format_unit

# A share equal to a mark counts as at it despite float division (scoring/concentration.py).
SHARE_TOLERANCE = 1e-12


def currency_digits(currency: str) -> int:
    """How many minor-unit digits the currency has (EUR 2, JPY 0), from CLDR."""
    return get_currency_precision(currency)


def format_money(minor: int, currency: str, locale: str, *, whole: bool = False) -> str:
    """Integer minor units as CLDR money text; `whole` rounds to whole units for compact cards.

    An amount with no cents is written without them (`€ 1.250`, `4 500 ₽`), one with cents keeps
    them (`€ 1.250,50`): ",00" on every figure read as noise to native readers (issue 20).
    An amount that shows as zero has no sign: -0,40 shown whole is `€ 0`, not `€ -0`.
    """
    digits = currency_digits(currency)
    whole = whole or minor % 10**digits == 0
    shape = _money_shape(locale, currency, whole)
    if shape is None:
        amount = Decimal(minor).scaleb(-digits)
        if not whole:
            return _currency_pattern(locale, None).apply(amount, _locale(locale), currency=currency)
        rounded = round_half_up(amount, 0)
        return _currency_pattern(locale, 0).apply(
            rounded if rounded else abs(rounded),
            _locale(locale),
            currency=currency,
            currency_digits=False,
        )
    units, cents = divmod(abs(minor), 10**digits)
    if whole:
        units += 2 * cents >= 10**digits  # half away from zero
    text = f"{units:,}".replace(",", shape.group)
    if not whole and digits:
        text += f"{shape.decimal}{cents:0{digits}d}"
    negative = minor < 0 and bool(units or (cents and not whole))
    return f"{shape.prefixes[negative]}{text}{shape.suffixes[negative]}"


@dataclass(frozen=True)
class _MoneyShape:
    """How a locale writes money in a currency, read once from CLDR's pattern: Babel's own
    formatting costs ~60 µs an amount, and a card or digest shows dozens."""

    prefixes: tuple[str, str]  # positive, negative
    suffixes: tuple[str, str]
    group: str
    decimal: str


@cache
def _money_shape(locale: str, currency: str, whole: bool) -> _MoneyShape | None:
    """None for a pattern this shortcut can't write exactly (other grouping, quoted text …)."""
    pattern = _currency_pattern(locale, 0 if whole else None)
    affixes = (*pattern.prefix, *pattern.suffix)
    if pattern.grouping != (3, 3) or any(set(a) - set("¤-\xa0\u202f ") for a in affixes):
        return None
    symbol = get_currency_symbol(currency, locale)
    minus = get_minus_sign_symbol(locale)

    def fill(affix: str) -> str:
        return affix.replace("¤", symbol).replace("-", minus)

    prefixes = (fill(pattern.prefix[0]), fill(pattern.prefix[1]))
    suffixes = (fill(pattern.suffix[0]), fill(pattern.suffix[1]))
    return _MoneyShape(prefixes, suffixes, get_group_symbol(locale), get_decimal_symbol(locale))


@cache
def _locale(locale: str) -> Locale:
    return Locale.parse(locale)


@cache
def _currency_pattern(locale: str, decimals: int | None) -> NumberPattern:
    """CLDR's money pattern, parsed once: cards show dozens of amounts per reply."""
    pattern = _locale(locale).currency_formats["standard"].pattern
    return parse_pattern(pattern if decimals is None else _fixed_decimals(pattern, decimals))


def format_number(value: float | int | Decimal, locale: str, *, decimals: int | None = None) -> str:
    """A plain number; CLDR's default precision (up to 3 decimals) unless `decimals` fixes it."""
    if decimals is None:
        return format_decimal(value, locale=locale)
    pattern = _fixed_decimals(Locale.parse(locale).decimal_formats[None].pattern, decimals)
    return format_decimal(round_half_up(value, decimals), format=pattern, locale=locale)


def format_percent(fraction: float | Decimal, locale: str, *, decimals: int = 0) -> str:
    """A fraction as CLDR percent text: 0.25 is `25%` in nl, `25 %` in ru. A share that is not
    nothing never reads as nothing, nor one short of all as all: 0.003 is `<1%`, 0.997 `>99%`
    (a client with 0.3 % of the revenue is not "0% van de omzet")."""
    pattern = _fixed_decimals(Locale.parse(locale).percent_formats[None].pattern, decimals)
    rounded = round_half_up(fraction, decimals + 2)
    exact = fraction if isinstance(fraction, Decimal) else Decimal(str(fraction))
    step = Decimal(1).scaleb(-2 - decimals)
    if rounded == 0 and exact > 0:
        return "<" + _babel_percent(step, format=pattern, locale=locale)
    if rounded == 1 and exact < 1:
        return ">" + _babel_percent(1 - step, format=pattern, locale=locale)
    return _babel_percent(rounded, format=pattern, locale=locale)


def format_share(fraction: float, locale: str, marks: Sequence[float] = ()) -> str:
    """A revenue share as `format_percent` shows it, unless rounding would carry it onto a mark
    it has not reached (the 10 % watch line, the team's alarm line): then one decimal, and down
    where up would reach it too. 9,88 % was "10 %" on /clients while /risk, rightly, did not
    watch the client."""
    below = [m for m in marks if fraction < m - SHARE_TOLERANCE]
    if not any(round_half_up(fraction, 2) >= round_half_up(m, 2) for m in below):
        return format_percent(fraction, locale)
    exact = Decimal(str(fraction))
    shown = exact.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    if any(shown >= round_half_up(m, 3) for m in below):
        shown = exact.quantize(Decimal("0.001"), rounding=ROUND_DOWN)
    return format_percent(shown, locale, decimals=1)


def format_percents(fractions: Sequence[float | Decimal], locale: str) -> list[str]:
    """Shares shown side by side, each rounded on its own, half up, as a reader works it out by
    hand from the amounts: 19,4 % reads 19 %, even where the list then adds up to 99 or 101 %
    (two native readers found the 20 % a list "that adds up" gave a 19,4 % client, and the
    chart's 2 % where /clients said 1 %). `<1%` and `>99%` as with `format_percent`."""
    return [format_percent(f, locale) for f in fractions]


def format_duration(minutes: int, locale: str) -> str:
    """Minutes as short CLDR units: `1 uur 30 min`, `1 ч 30 мин`, `45 min`."""
    if minutes < 0:
        raise ValueError(f"a duration is never negative: {minutes}")
    hours, rest = divmod(minutes, 60)
    parts = [format_unit(hours, "duration-hour", length="short", locale=locale)] if hours else []
    if rest or not hours:
        parts.append(format_unit(rest, "duration-minute", length="short", locale=locale))
    return " ".join(parts)


def _fixed_decimals(pattern: str, decimals: int) -> str:
    """A CLDR number pattern with exactly `decimals` fraction digits, in both its halves."""
    fraction = "." + "0" * decimals if decimals else ""
    return re.sub(r"[#0,]*0(?:\.[0#]+)?", lambda m: m[0].split(".")[0] + fraction, pattern)


def round_half_up(value: float | int | Decimal, decimals: int) -> Decimal:
    """Half away from zero, as people round; floats go through their shortest repr."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
