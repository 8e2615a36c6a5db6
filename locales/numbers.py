"""Numbers, money, percentages and durations: formatted by Babel/CLDR, parsed as people type them.

Formatting is CLDR's for the locale (``€ 1.250,50`` in nl, ``1 250,50 €`` in ru, with CLDR's
no-break spaces). Rounding for display is half away from zero (``€ 1.250,50`` shown whole is
``€ 1.251``), as people round, not banker's rounding.

How typed numbers are read (nl and ru alike unless said otherwise)
-------------------------------------------------------------------
* Spaces of every kind (normal, NBSP U+00A0, narrow NBSP U+202F, thin U+2009, figure U+2007)
  are one and the same; zero-width characters are dropped. Only ASCII digits count.
* Spaces inside a number group thousands; a single ``.`` or ``,`` next to them is the decimal
  separator: ``1 250,50``, ``1 250.50``.
* Both ``.`` and ``,``: the last one is the decimal separator, the other groups:
  ``1.250,50`` and ``1,250.50`` are both 1250.50.
* One separator used more than once groups: ``1.250.000``.
* A single ``,`` is the decimal comma (both languages write it so): ``1,250`` is 1.25.
* A single ``.`` is where the languages differ:
  - nl: it groups thousands when it stands like a thousands separator, i.e. 1–3 digits (not
    a lone 0) before it and exactly three after: ``1.250`` = 1250, ``12.500`` = 12500; any other
    dot is a decimal point: ``12.50``, ``1250.5``, ``0.250``.
  - ru: a decimal point. Russians group with spaces, and a phone keypad offers a dot for the
    decimal comma: ``1.25`` = 1,25.
  - Money only, both languages: a dot standing like a thousands separator groups, since no
    one types an amount to the tenth of a kopeck or cent: ``2.500`` is 2 500 in Russian too.
* Grouping is in threes or the text is not a number: ``1 25``, ``1,2,3``, ``1.2.3`` are errors.
* Money only: ``,-`` (or ``,--``/``.-``) after a whole amount means no cents: ``€ 1.250,-``.
* Money only: thousands and millions may be written as words after the number, before a
  currency: ``30k``, ``2,5K``, ``30 тыс.``, ``30к``, ``1,5 млн``, ``30 тыс. руб.``, ``€30k``,
  ``30 т.р.``, ``30 тр`` (k, K, к, т, duizend, тыс, тысяч, тыщ…; mln, miljoen, млн, миллион…).
* Money only: a thousand said in words, not a general number parser: ``тысяча``, ``тысячу``,
  ``duizend`` alone; a count of 1–9 in words or digits before it (``две тысячи``,
  ``drie duizend``) and ``полторы``/``полтора``/``anderhalf`` before a thousand or a million
  (``полторы тысячи``, ``полтора млн``); after ``тысяча``/``тысячи``/``тысяч`` written out, the
  hundreds in digits or words: ``2 тысячи 500``, ``две тысячи пятьсот``, ``тысяча двести``.
* Digits typed after the decimal separator count, trailing zeros included: ``12,500`` is an
  error for EUR, not 12,50, because its writer may have meant twelve thousand five hundred.
* A minus (``-``, ``−`` U+2212, or ``–`` which phones put in its place) may stand before or after
  the currency sign: ``-€ 12``, ``€ -12``, ``-12 €``. ``-0`` is zero.
* Nothing of 10^11 or more (money: major units) is real input here: such a number, an exponent
  (``1e5``), ``NaN`` or ``Infinity`` is an error. Money at or over the bound (``1e400``, ``∞``
  too) is ``AmountOutOfRange``, whose message names the bound: the one rule for amounts typed
  in chat and read from CSV or .xlsx. Text over 64 characters is not read at all.
* Money carries the team's currency only, before or after the number, written as its ISO code,
  its CLDR symbol in nl, ru or en, or a common word (``€``, ``EUR``, ``euro``, ``евро``, ``₽``,
  ``руб.``, ``р``, ``US$``, ``$`` …), any case. Another currency's sign or code is an error.
* Percentages: the number is in percent, with or without ``%``: ``25``, ``25%`` and ``12,5 %``
  read as 0.25 and 0.125; it must lie within 0–100 %.
* Durations: ``1:30`` is hours and minutes; otherwise numbers carry units, Dutch, Russian or
  English, long or short, with or without a space: ``2u``, ``1,5 uur``, ``2 uren``, ``2h``,
  ``1u30``, ``1 u 30``, ``90 min``, ``90 minuten``, ``2ч``, ``1,5 ч``, ``2 часа``, ``45 мин``,
  ``1 ч 30 мин``, ``1ч30м``, ``1 час 30``; spoken: ``anderhalf uur``, ``anderhalve uur``,
  ``(een) half uur``, ``een uurtje``, ``2 en een half uur``, ``(een) kwartier``,
  ``drie kwartier``, ``1 uur en een kwartier``, ``полтора часа``, ``полчаса``, ``пол часа``,
  ``час с половиной``, ``2 с половиной часа``, ``четверть часа``. A number word without a
  unit (``een``, ``полтора``) is hours where hours are asked and no duration anywhere else
  (so the one-line grammar never takes a name like "Een" for a time). A bare number (``2``)
  has no unit, and the caller says what it means: minutes (a question that asks for minutes),
  hours (one that asks for hours), or nothing — then it is a ``DurationUnitMissing`` error,
  so the caller can ask "minutes or hours?" instead of guessing. A bare number with decimals
  (``1,5``) is never minutes. Fractions of a minute round half up. The limit is 10^6 minutes.

Every error is an ``InputError`` whose message id says what to type instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
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
    list_currencies,
    parse_pattern,
)
from babel.numbers import format_percent as _babel_percent
from babel.units import format_unit

from locales.errors import N_, InputError

LIMIT = Decimal(10) ** 11  # at or above this (money: in major units) a number is a typo
MAX_MINUTES = 10**6  # some 16 700 hours: no sale takes that long
MAX_TEXT = 64  # longer text is not a number anyone typed
SHOWN_TEXT = 24  # how much of the user's text an error quotes back
BLANKS = re.compile(r"[\s\u200b\u2060\ufeff]+")  # \s covers NBSP, narrow NBSP and thin spaces

NUMBER_EMPTY = N_("Type a number, for example 12 or 12,5.")
NUMBER_UNREADABLE = N_("“{text}” is not a number I can read. Try 12 or 12,5.")
AMOUNT_EMPTY = N_("Type an amount, for example 1250,50.")
AMOUNT_UNREADABLE = N_("“{text}” is not an amount I can read. Try 1250,50.")
WRONG_CURRENCY = N_("“{text}” is not in {currency}, the team's currency. Type it like {example}.")
NEGATIVE = N_("“{text}” can't be below zero here. Type it without the minus.")
ZERO = N_("The amount can't be zero here. Type an amount above zero.")
TOO_PRECISE = N_("“{text}” has too many digits after the comma. Try {example}.")
TOO_LARGE = N_("“{text}” is too large to be real. Check the number of zeros.")
AMOUNT_TOO_LARGE = N_(
    "“{text}” is too large to be real: amounts stay below {limit}. Check the number of zeros."
)
ABOVE_MAXIMUM = N_("“{text}” is too high here: the most is {maximum}.")
PERCENT_EMPTY = N_("Type a percentage, for example 25 or 12,5%.")
PERCENT_UNREADABLE = N_("“{text}” is not a percentage I can read. Try 25 or 12,5%.")
PERCENT_RANGE = N_("“{text}” is not between 0 and 100%. Type a percentage from 0 to 100.")
DURATION_EMPTY = N_("Type how long it took, for example 90 min or 1,5 h.")
DURATION_UNREADABLE = N_("“{text}” is not a duration I can read. Try 90 min, 1,5 h or 1:30.")
DURATION_AMBIGUOUS = N_("Is “{text}” minutes or hours? Type 90 min or 1,5 h.")
DURATION_NO_UNIT = N_("{text} — minutes or hours? Write {text} h or {text} min.")

# What a bare number (no unit) means where a duration is typed.
BARE_MINUTES, BARE_HOURS, BARE_ASK = "minutes", "hours", "ask"
_SPOKEN = "spoken"  # a number word without a unit: no duration


class AmountOutOfRange(InputError):
    """An amount at or beyond the one bound for money from every source (chat, CSV, .xlsx):
    10^11 in major units (``LIMIT``), an exponent that large (``1e400``) or infinity. The
    message names the bound in the team's currency; nothing is stored."""

    def __init__(self, text: str, currency: str, locale: str) -> None:
        limit = format_money(
            int(LIMIT.scaleb(currency_digits(currency))), currency, locale, whole=True
        )
        super().__init__(AMOUNT_TOO_LARGE, text=shown_text(text), limit=limit)

    def __reduce__(self) -> tuple[object, ...]:  # comes back whole from an import's reader
        return (_out_of_range, (self.params,))


def _out_of_range(params: dict[str, str]) -> AmountOutOfRange:
    error = AmountOutOfRange.__new__(AmountOutOfRange)
    InputError.__init__(error, AMOUNT_TOO_LARGE, **params)
    return error


def amount_in_range(minor: int, text: str, currency: str, locale: str) -> int:
    """`minor` when it lies within the bound for money, else AmountOutOfRange (for amounts that
    did not come through `parse_money`: spreadsheet numbers, stored figures)."""
    if abs(minor) >= LIMIT.scaleb(currency_digits(currency)):
        raise AmountOutOfRange(text, currency, locale)
    return minor


class DurationUnitMissing(InputError):
    """A number without a unit where a time was typed: minutes or hours is the writer's to say.

    `number` is the number as read (1,5 is 1.5), so a caller can offer both readings."""

    def __init__(self, text: str, number: Decimal) -> None:
        super().__init__(DURATION_NO_UNIT, text=shown_text(text))
        self.number = number


_MINUS = "-−–"
_SIGN = r"[\-−–+]"
_NUMBER = r"[0-9.,](?:[0-9., ]*[0-9])?"
_WHOLE = r"[.,]-{1,2}"
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?: [0-9]{3})+")
_DIGITS = re.compile(r"[0-9]*")
# Words for thousands and millions after an amount, casefolded, with their power of ten.
_MULTIPLIERS = {
    **dict.fromkeys(("k", "к", "duizend", "тыс", "тыс.", "тысяч", "тысячи", "тысяча", "тысячу"), 3),
    **dict.fromkeys(("т", "т.", "тыщ", "тыщи", "тыща", "тыщу"), 3),  # "30 т.р.": thousand roubles
    **dict.fromkeys(("mln", "mln.", "miljoen", "млн", "млн.", "миллион", "миллиона"), 6),
    "миллионов": 6,
}

# Words people write for a currency besides its code and CLDR symbols.
_CURRENCY_WORDS = {
    "EUR": ("euro", "euro's", "евро"),
    "RUB": ("руб", "руб.", "р", "р.", "рубль", "рубля", "рублей", "roebel", "roebels"),
    "USD": ("$", "dollar", "dollars", "долл", "долл.", "доллар", "доллара", "долларов"),
    "JPY": ("¥", "yen", "иен", "иена", "иены"),
}


def currency_digits(currency: str) -> int:
    """How many minor-unit digits the currency has (EUR 2, JPY 0), from CLDR."""
    return get_currency_precision(currency)


def format_money(minor: int, currency: str, locale: str, *, whole: bool = False) -> str:
    """Integer minor units as CLDR money text; `whole` rounds to whole units for compact cards.

    An amount that shows as zero has no sign: -0,40 shown whole is `€ 0`, not `€ -0`.
    """
    digits = currency_digits(currency)
    shape = _money_shape(locale, currency, whole)
    if shape is None:
        amount = Decimal(minor).scaleb(-digits)
        if not whole:
            return _currency_pattern(locale, None).apply(amount, _locale(locale), currency=currency)
        rounded = _rounded(amount, 0)
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
    return format_decimal(_rounded(value, decimals), format=pattern, locale=locale)


def format_percent(fraction: float | Decimal, locale: str, *, decimals: int = 0) -> str:
    """A fraction as CLDR percent text: 0.25 is `25%` in nl, `25 %` in ru. A share that is not
    nothing never reads as nothing, nor one short of all as all: 0.003 is `<1%`, 0.997 `>99%`
    (a client with 0.3 % of the revenue is not "0% van de omzet")."""
    pattern = _fixed_decimals(Locale.parse(locale).percent_formats[None].pattern, decimals)
    rounded = _rounded(fraction, decimals + 2)
    exact = fraction if isinstance(fraction, Decimal) else Decimal(str(fraction))
    step = Decimal(1).scaleb(-2 - decimals)
    if rounded == 0 and exact > 0:
        return "<" + _babel_percent(step, format=pattern, locale=locale)
    if rounded == 1 and exact < 1:
        return ">" + _babel_percent(1 - step, format=pattern, locale=locale)
    return _babel_percent(rounded, format=pattern, locale=locale)


def format_duration(minutes: int, locale: str) -> str:
    """Minutes as short CLDR units: `1 uur 30 min`, `1 ч 30 мин`, `45 min`."""
    if minutes < 0:
        raise ValueError(f"a duration is never negative: {minutes}")
    hours, rest = divmod(minutes, 60)
    parts = [format_unit(hours, "duration-hour", length="short", locale=locale)] if hours else []
    if rest or not hours:
        parts.append(format_unit(rest, "duration-minute", length="short", locale=locale))
    return " ".join(parts)


def parse_number(
    text: str,
    locale: str,
    *,
    allow_negative: bool = False,
    max_decimals: int | None = None,
    maximum: Decimal | int | None = None,
) -> Decimal:
    """A number as typed in the locale (rules in the module docstring); `maximum` is inclusive."""
    cleaned = _clean(text, NUMBER_EMPTY, NUMBER_UNREADABLE)
    match = _NUMBER_TEXT.fullmatch(cleaned)
    typed = _read(match["number"], match["sign"], locale) if match else None
    if typed is None:
        raise InputError(NUMBER_UNREADABLE, text=shown_text(text))
    _check(typed, text, locale, allow_negative=allow_negative, max_decimals=max_decimals)
    if maximum is not None and typed.value > maximum:
        raise InputError(
            ABOVE_MAXIMUM, text=shown_text(text), maximum=format_number(maximum, locale)
        )
    return typed.value


def parse_money(
    text: str, currency: str, locale: str, *, allow_negative: bool = False, allow_zero: bool = True
) -> int:
    """An amount in the team's currency as typed in the locale, as integer minor units."""
    cleaned = _spoken_amount(_clean(text, AMOUNT_EMPTY, AMOUNT_UNREADABLE))
    if _beyond_any_amount(cleaned):
        raise AmountOutOfRange(text, currency, locale)
    match = _money_text(currency).fullmatch(cleaned)
    if match is None or (match["before"] and match["after"]) or (match["sign"] and match["sign2"]):
        if _names_other_currency(cleaned, currency):
            example = format_money(
                1250 * 10 ** currency_digits(currency), currency, locale, whole=True
            )
            symbol = get_currency_symbol(currency, locale)
            raise InputError(
                WRONG_CURRENCY, text=shown_text(text), currency=symbol, example=example
            )
        raise InputError(AMOUNT_UNREADABLE, text=shown_text(text))
    typed = _read(match["number"], match["sign"] or match["sign2"], locale, money=True)
    if typed is None:
        raise InputError(AMOUNT_UNREADABLE, text=shown_text(text))
    if match["times"]:
        power = _MULTIPLIERS[match["times"].casefold()]
        typed = _Typed(typed.value.scaleb(power), max(typed.decimals - power, 0))
    digits = currency_digits(currency)
    if abs(typed.value) >= LIMIT:
        raise AmountOutOfRange(text, currency, locale)
    _check(typed, text, locale, allow_negative=allow_negative, max_decimals=digits)
    if typed.value == 0 and not allow_zero:
        raise InputError(ZERO)
    return int(typed.value.scaleb(digits))


# A thousand said in words (module docstring): counts, hundreds, the words for a thousand.
_THOUSAND_COUNTS = {
    **dict.fromkeys(("один", "одна", "одну", "een", "één"), "1"),
    **dict.fromkeys(("два", "две", "twee"), "2"),
    **dict.fromkeys(("три", "drie"), "3"),
    **dict.fromkeys(("четыре", "vier"), "4"),
    **dict.fromkeys(("пять", "vijf"), "5"),
    **dict.fromkeys(("шесть", "zes"), "6"),
    **dict.fromkeys(("семь", "zeven"), "7"),
    **dict.fromkeys(("восемь", "acht"), "8"),
    **dict.fromkeys(("девять", "negen"), "9"),
    **dict.fromkeys(("полторы", "полтора", "anderhalf", "anderhalve"), "1,5"),
}
_HUNDRED_WORDS = {
    word: str(100 * n)
    for n, word in enumerate(
        "сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот".split(),
        start=1,
    )
}
_ONE_THOUSAND = frozenset(("тысяча", "тысячу", "тыща", "тыщу", "duizend"))
_THOUSAND_OUT = _ONE_THOUSAND | {"тысячи", "тысяч", "тыщи", "тыщ"}  # hundreds may follow


def _spoken_amount(cleaned: str) -> str:
    """A thousand said in words as digits, the rest as typed (`две тысячи пятьсот руб.` →
    `2500 руб.`, `полторы тысячи` → `1,5 тысячи`); other text unchanged."""
    words = cleaned.casefold().replace("ё", "е").split(" ")
    count = _THOUSAND_COUNTS.get(words[0], words[0] if re.fullmatch("[1-9]", words[0]) else None)
    if count is not None and len(words) > 1:
        words = words[1:]
    elif words[0] in _ONE_THOUSAND:
        count = None
    else:
        return cleaned
    times, rest = words[0], words[1:]
    if times not in _MULTIPLIERS:
        return cleaned
    hundreds = _HUNDRED_WORDS.get(rest[0], rest[0]) if rest else ""
    if re.fullmatch(r"[1-9][0-9]{2}", hundreds) and times in _THOUSAND_OUT and count != "1,5":
        return " ".join([str(int(count or 1) * 1000 + int(hundreds)), *rest[1:]])
    return " ".join([count or "1", times, *rest])


_EXPONENT = re.compile(r"[\-−–+]?[0-9]+(?:[.,][0-9]*)?[eE][+\-−–]?[0-9]+")


def _beyond_any_amount(cleaned: str) -> bool:
    """`1e400`, `1,5E+15`, `∞`: written as a number, and far past any amount (an exponent below
    the bound stays unreadable, as the module says)."""
    if "∞" in cleaned:
        return True
    if not _EXPONENT.fullmatch(cleaned):
        return False
    mantissa, exponent = re.split("[eE]", cleaned.translate(_PLAIN_SIGNS).replace(",", "."))
    if int(exponent) > 1000:  # past any bound, and past Decimal's comfort
        return Decimal(mantissa) != 0
    return abs(Decimal(mantissa).scaleb(int(exponent))) >= LIMIT


_PLAIN_SIGNS = str.maketrans({"−": "-", "–": "-"})


def parse_percent(text: str, locale: str) -> Decimal:
    """A percentage as typed (`25`, `25%`, `12,5 %`), returned as a fraction within 0–1."""
    cleaned = _clean(text, PERCENT_EMPTY, PERCENT_UNREADABLE)
    match = _PERCENT_TEXT.fullmatch(cleaned)
    typed = _read(match["number"], match["sign"], locale) if match else None
    if typed is None:
        raise InputError(PERCENT_UNREADABLE, text=shown_text(text))
    if not 0 <= typed.value <= 100:
        raise InputError(PERCENT_RANGE, text=shown_text(text))
    return typed.value.scaleb(-2)


def parse_duration(text: str, locale: str, *, bare: str = BARE_MINUTES) -> int:
    """A duration as typed (`90 min`, `1,5 uur`, `1:30`, `2 ч`), in whole minutes.

    `bare` says what a number without a unit is: BARE_MINUTES, BARE_HOURS, or BARE_ASK
    (raise DurationUnitMissing so the caller asks)."""
    typed = _clean(text, DURATION_EMPTY, DURATION_UNREADABLE).casefold().replace("ё", "е")
    cleaned = typed
    for word, replacement in _DURATION_WORDS:
        cleaned = word.sub(replacement, cleaned)
    if clock := _CLOCK.fullmatch(cleaned):
        total = Decimal(int(clock["hours"]) * 60 + int(clock["minutes"]))
    else:
        # A number word alone ("een", "полтора") is hours where hours are asked, and no
        # duration anywhere else: not even a bare number, so a name like "Een" stays a name.
        spoken = cleaned != typed
        if spoken and bare != BARE_HOURS:
            bare = _SPOKEN
        total = _duration_in_minutes(cleaned, text, locale, bare)
    if total >= MAX_MINUTES:
        raise InputError(TOO_LARGE, text=shown_text(text))
    return int(_rounded(total, 0))


def shown_text(text: str) -> str:
    """The user's text as quoted back in an error: one line, short enough for a phone."""
    cleaned = BLANKS.sub(" ", text or "").strip()
    return cleaned if len(cleaned) <= SHOWN_TEXT else cleaned[: SHOWN_TEXT - 1] + "…"


@dataclass(frozen=True)
class _Typed:
    value: Decimal
    decimals: int  # digits typed after the decimal separator, trailing zeros included


_NUMBER_TEXT = re.compile(rf"(?P<sign>{_SIGN})? ?(?P<number>{_NUMBER})")
# "marge 60 procent", "маржа: 60 процентов": the setting's name before the number is no part of it
_PERCENT_LABEL = r"(?:marge|margin|маржа|маржу|наценка)\s*:?\s*"
_PERCENT_TEXT = re.compile(
    rf"(?:{_PERCENT_LABEL})?(?P<sign>{_SIGN})? ?(?P<number>{_NUMBER}) ?"
    r"(?:%|procent|percent|проц\.?|процент(?:а|ов)?)?",
    re.IGNORECASE,
)
_HOUR_UNITS = "h|hr|hrs|hour|hours|u|uur|uren|ч|час|часа|часов"
_MINUTE_UNITS = "m|min|mins|minute|minutes|minuut|minuten|м|мин|минута|минуты|минут|минуту"
_DURATION = re.compile(
    rf"(?:(?P<hours>{_NUMBER})? ?(?P<hour_unit>{_HOUR_UNITS})\.?)?"
    rf"(?: ?(?:en |и )?(?P<minutes>{_NUMBER}) ?(?P<minute_unit>(?:{_MINUTE_UNITS})\.?)?)?"
)
_CLOCK = re.compile(r"(?P<hours>[0-9]{1,4}):(?P<minutes>[0-5][0-9])")
# Spoken amounts, in this order: "een half uur" is not "1 half uur", "2 en een half uur" is
# 2,5 uur, "1 uur en een kwartier" is 1 uur en 15 min.
# Counts written as words before a unit: "twee uur", "tien minuten", «два часа», «пять минут».
_COUNT_WORDS = {
    **dict.fromkeys(("twee", "два", "две"), 2),
    **{"drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9},
    **{"tien": 10, "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50},
    **{"три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9},
    **{"десять": 10, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50},
}
_COUNTED = rf"({'|'.join(_COUNT_WORDS)})(?= ?(?:{_HOUR_UNITS}|{_MINUTE_UNITS})\b| en (?:een )?half)"
_DURATION_WORDS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(rf"\b(?:{words})\b"), value)
    for words, value in (
        (_COUNTED, lambda m: str(_COUNT_WORDS[m[1]])),
        ("(half ?)?uurtjes?", r"\1uur"),
        ("(?<=[0-9]) en (?:een )?half(?= ?(?:uur|u)\\b)", ",5"),
        ("(?:een )?half ?uur", "30 min"),
        ("anderhal(?:f|ve)", "1,5"),
        ("(?:(een|één|drie|[0-9]{1,3}) )?kwartier(?:tje)?", lambda m: f"{_quarters(m[1])} min"),
        ("een|één", "1"),
        ("час с половиной", "1,5 часа"),
        ("(?<=[0-9]) с половиной", ",5"),
        ("полтора", "1,5"),
        ("четверть часа", "15 мин"),
        ("пол ?час(?:а|ика)", "30 мин"),
        ("(?<![0-9] )(?<![0-9])час", "1 ч"),  # "2500 час": an hour, as "полчаса" is half
    )
]


def starts_spoken_duration(text: str) -> bool:
    """Whether the text begins with a word the duration parser reads as a number of hours or
    minutes (`drie kwartier`, `anderhalve uur`, `четверть часа`): the one-line grammar tries
    such words as a time, and no other words without a digit (`u` alone is no time)."""
    cleaned = BLANKS.sub(" ", text or "").strip().casefold().replace("ё", "е")
    return any(word.match(cleaned) for word, _ in _DURATION_WORDS)


def _quarters(count: str | None) -> int:
    """Minutes in "een kwartier", "drie kwartier", "5 kwartier"."""
    if count is None or not count.isdigit():
        return 45 if count == "drie" else 15
    return 15 * int(count)


def _clean(text: str, empty: str, unreadable: str) -> str:
    """The text with its spaces made plain and single; errors for empty or overlong text."""
    cleaned = BLANKS.sub(" ", text or "").strip()
    if not cleaned:
        raise InputError(empty)
    if len(cleaned) > MAX_TEXT:
        raise InputError(unreadable, text=shown_text(text))
    return cleaned


def _read(number: str, sign: str | None, locale: str, *, money: bool = False) -> _Typed | None:
    """Digits with separators read by the locale's rules, or None when they are not one number;
    `money`: a lone dot before three digits groups in every locale."""
    whole = re.search(rf"{_WHOLE}$", number)
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
    return _Typed(value, len(fraction))


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


def _check(
    typed: _Typed, text: str, locale: str, *, allow_negative: bool, max_decimals: int | None
) -> None:
    if typed.value < 0 and not allow_negative:
        raise InputError(NEGATIVE, text=shown_text(text))
    if abs(typed.value) >= LIMIT:
        raise InputError(TOO_LARGE, text=shown_text(text))
    if max_decimals is not None and typed.decimals > max_decimals:
        # "0,001" rounded is "0,00", which is no amount: the example is the smallest one there
        # is (0,01 or 1), never a zero that would then be refused in turn.
        step = Decimal(1).scaleb(-max_decimals)
        rounded = typed.value.quantize(step, rounding=ROUND_HALF_UP)
        shown = rounded if rounded else step.copy_sign(typed.value)
        example = format_number(shown, locale, decimals=max_decimals)
        raise InputError(TOO_PRECISE, text=shown_text(text), example=example)


def _duration_in_minutes(cleaned: str, text: str, locale: str, bare: str) -> Decimal:
    """Hours and minutes read with their units, in minutes, before rounding."""
    match = _DURATION.fullmatch(cleaned)
    if match is None or not (match["hour_unit"] or match["minutes"]):
        raise InputError(DURATION_UNREADABLE, text=shown_text(text))
    hours = (
        _read(match["hours"] or "1", None, locale) if match["hour_unit"] else _Typed(Decimal(0), 0)
    )
    minutes = _read(match["minutes"] or "0", None, locale)
    if hours is None or minutes is None:
        raise InputError(DURATION_UNREADABLE, text=shown_text(text))
    if max(hours.value, minutes.value) >= LIMIT:
        raise InputError(TOO_LARGE, text=shown_text(text))
    if not (match["hour_unit"] or match["minute_unit"]):  # a bare number
        if bare == _SPOKEN:
            raise InputError(DURATION_UNREADABLE, text=shown_text(text))
        if bare == BARE_HOURS:
            return minutes.value * 60
        if bare == BARE_ASK:
            if minutes.value >= MAX_MINUTES:  # too long even as minutes: no need to ask
                raise InputError(TOO_LARGE, text=shown_text(text))
            raise DurationUnitMissing(text, minutes.value)
        if minutes.decimals:
            raise InputError(DURATION_AMBIGUOUS, text=shown_text(text))
    return hours.value * 60 + minutes.value


@cache
def _currency_signs(currency: str) -> frozenset[str]:
    """Every way of writing the currency we accept, casefolded."""
    signs = {currency, *_CURRENCY_WORDS.get(currency, ())}
    signs.update(get_currency_symbol(currency, locale) for locale in ("nl", "ru", "en"))
    return frozenset(sign.casefold() for sign in signs)


@cache
def _money_text(currency: str) -> re.Pattern[str]:
    signs = "|".join(re.escape(s) for s in sorted(_currency_signs(currency), key=len, reverse=True))
    times = "|".join(re.escape(w) for w in sorted(_MULTIPLIERS, key=len, reverse=True))
    return re.compile(
        rf"(?P<sign>{_SIGN})? ?(?P<before>{signs})? ?(?P<sign2>{_SIGN})? ?"
        rf"(?P<number>{_NUMBER}(?:{_WHOLE})?) ?(?:(?P<times>{times}) ?)?(?P<after>{signs})?",
        re.IGNORECASE,
    )


@cache
def _all_currency_signs() -> frozenset[str]:
    codes = list_currencies()
    words = {w.casefold() for ws in _CURRENCY_WORDS.values() for w in ws}
    return frozenset({c.casefold() for c in codes} | words)


def is_currency_token(token: str, *, sign_only: bool = False) -> bool:
    """A currency sign, code or word standing on its own, as in `1 250 ₽` or `1250 EUR`;
    `sign_only`: a sign like `€` only (a code could as well be the end of a name)."""
    if token and all(unicodedata.category(c) == "Sc" for c in token):
        return True
    return not sign_only and token.casefold() in _all_currency_signs()


def is_multiplier_token(token: str) -> bool:
    """A word for thousands or millions standing on its own after an amount, as in `30 тыс.`,
    `1,5 млн`, `3 duizend` or `30 т.р.`: the one-line grammar keeps it with its amount."""
    word = token.casefold()
    return word in _MULTIPLIERS or word in ("тр", "т.р.", "т.р")  # thousand roubles


def starts_spoken_amount(token: str) -> bool:
    """Whether a word may begin an amount said in words (`две` in `две тысячи`, `тысяча`): the
    one-line grammar then tries it with the words after it as an amount."""
    word = token.casefold().replace("ё", "е")
    return word in _THOUSAND_COUNTS or word in _ONE_THOUSAND


def _names_other_currency(cleaned: str, currency: str) -> bool:
    """Whether the text carries a currency sign, code or word that is not the team's."""
    own = _currency_signs(currency)
    for token in re.sub(r"[0-9.,\-−–+ ]+", " ", cleaned).casefold().split():
        if token in own:
            continue
        foreign_sign = any(unicodedata.category(c) == "Sc" and c not in "".join(own) for c in token)
        if foreign_sign or token in _all_currency_signs():
            return True
    return False


def _fixed_decimals(pattern: str, decimals: int) -> str:
    """A CLDR number pattern with exactly `decimals` fraction digits, in both its halves."""
    fraction = "." + "0" * decimals if decimals else ""
    return re.sub(r"[#0,]*0(?:\.[0#]+)?", lambda m: m[0].split(".")[0] + fraction, pattern)


def _rounded(value: float | int | Decimal, decimals: int) -> Decimal:
    """Half away from zero, as people round; floats go through their shortest repr."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
