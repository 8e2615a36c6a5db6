"""Numbers, money, percentages and durations: formatted by Babel/CLDR, parsed as people type them.

Formatting is CLDR's (locales/number_format.py); the words people type in numbers (currencies,
thousands, a thousand or a duration said in words) are listed in locales/number_words.py.

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
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from babel.numbers import (
    get_currency_symbol,
)

from locales.digits import BLANKS as BLANKS
from locales.digits import WHOLE, Typed, endless_number, plain_amount, read_digits
from locales.errors import N_, InputError
from locales.number_format import currency_digits as currency_digits
from locales.number_format import format_duration as format_duration
from locales.number_format import format_money as format_money
from locales.number_format import format_number as format_number
from locales.number_format import format_percent as format_percent
from locales.number_format import format_percents as format_percents
from locales.number_format import round_half_up
from locales.number_words import (
    DURATION_WORDS,
    HOUR_UNITS,
    MINUTE_UNITS,
    MULTIPLIERS,
    currency_signs,
    names_other_currency,
    spoken_amount,
    without_hedge,
)
from locales.number_words import hedge_length as hedge_length
from locales.number_words import is_currency_token as is_currency_token
from locales.number_words import is_multiplier_token as is_multiplier_token
from locales.number_words import is_spelled_number as is_spelled_number
from locales.number_words import starts_spoken_amount as starts_spoken_amount

LIMIT = Decimal(10) ** 11  # at or above this (money: in major units) a number is a typo
MAX_HOURS = 1000  # more than this for one sale (or one order in /profile) is a typo
MAX_MINUTES = MAX_HOURS * 60 + 1  # a time of this many minutes or more is refused
MAX_TEXT = 64  # longer text is not a number anyone typed
SHOWN_TEXT = 24  # how much of the user's text an error quotes back

NUMBER_EMPTY = N_("Type a number, for example 12 or 12,5.")
NUMBER_UNREADABLE = N_("“{text}” is not a number I can read. Try 12 or 12,5.")
AMOUNT_EMPTY = N_("Type an amount, for example 1250,50.")
AMOUNT_UNREADABLE = N_("“{text}” is not an amount I can read. Try 1250,50.")
WRONG_CURRENCY = N_("“{text}” is not in {currency}, the team's currency. Type it like {example}.")
NEGATIVE = N_("“{text}” can't be below zero here. Type it without the minus.")
ZERO = N_("The amount can't be zero here. Type an amount above zero.")
TOO_PRECISE = N_("“{text}” has too many digits after the comma. Try {example}.")
WHICH_OF_TWO = N_("“{text}”: do you mean {whole} or {example}?")
_THOUSANDS_BY_COMMA = re.compile(r"-?[1-9]\d{0,2},\d{3}")
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


class DurationUnitMissing(InputError):
    """A number without a unit where a time was typed: minutes or hours is the writer's to say.

    `number` is the number as read (1,5 is 1.5), so a caller can offer both readings."""

    def __init__(self, text: str, number: Decimal) -> None:
        super().__init__(DURATION_NO_UNIT, text=shown_text(text))
        self.number = number


_SIGN = r"[\-−–+]"
_NUMBER = r"[0-9.,](?:[0-9., ]*[0-9])?"


def parse_number(
    text: str,
    locale: str,
    *,
    allow_negative: bool = False,
    max_decimals: int | None = None,
    maximum: Decimal | int | None = None,
) -> Decimal:
    """A number as typed in the locale (rules in the module docstring); `maximum` is inclusive."""
    cleaned = without_hedge(_clean(text, NUMBER_EMPTY, NUMBER_UNREADABLE))
    match = _NUMBER_TEXT.fullmatch(cleaned)
    typed = read_digits(match["number"], match["sign"], locale) if match else None
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
    minor = plain_amount(text, _minor_digits(currency))  # an import's 52,02: the short way
    if minor is not None and (minor or allow_zero):
        return minor
    if endless_number(text):  # 5 000 nines: too large, not unreadable
        raise AmountOutOfRange(text, currency, locale)
    cleaned = spoken_amount(without_hedge(_clean(text, AMOUNT_EMPTY, AMOUNT_UNREADABLE)))
    if _beyond_any_amount(cleaned):
        raise AmountOutOfRange(text, currency, locale)
    match = _money_text(currency).fullmatch(cleaned)
    if match is None or (match["before"] and match["after"]) or (match["sign"] and match["sign2"]):
        if names_other_currency(cleaned, currency):
            minor = _EXAMPLE_AMOUNT.get(locale, 1250) * 10 ** currency_digits(currency)
            example = format_money(minor, currency, locale, whole=True)
            symbol = get_currency_symbol(currency, locale)
            raise InputError(
                WRONG_CURRENCY, text=shown_text(text), currency=symbol, example=example
            )
        raise InputError(AMOUNT_UNREADABLE, text=shown_text(text))
    typed = read_digits(match["number"], match["sign"] or match["sign2"], locale, money=True)
    if typed is None:
        raise InputError(AMOUNT_UNREADABLE, text=shown_text(text))
    if match["times"]:
        power = MULTIPLIERS[match["times"].casefold()]
        typed = Typed(typed.value.scaleb(power), max(typed.decimals - power, 0))
    digits = currency_digits(currency)
    if abs(typed.value) >= LIMIT:
        raise AmountOutOfRange(text, currency, locale)
    _check(typed, text, locale, allow_negative=allow_negative, max_decimals=digits)
    if typed.value == 0 and not allow_zero:
        raise InputError(ZERO)
    return int(typed.value.scaleb(digits))


_minor_digits = cache(currency_digits)  # Babel looks it up anew each call
# A refusal's example amount as each language's prompts write it (Russian: a round 2 500).
_EXAMPLE_AMOUNT = {"nl": 1250, "ru": 2500}
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
    typed = read_digits(match["number"], match["sign"], locale) if match else None
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
    for word, replacement in DURATION_WORDS:
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
        raise time_too_long(text, locale, int(round_half_up(total, 0)))
    return int(round_half_up(total, 0))


class TimeTooLong(InputError):
    """A time over MAX_HOURS: plainly a time, and plainly too long for one sale. `minutes`:
    what it says, for a sale line's reader to weigh before it refuses (bot/reading)."""

    minutes: int = 0


def time_too_long(text: str, locale: str, minutes: int = 0) -> TimeTooLong:
    """The refusal of a time over MAX_HOURS, wherever a time is typed, as /profile words it:
    "„1200 uur” is hier te veel: het maximum is 1000 uur." (issue 17)."""
    maximum = format_duration(MAX_HOURS * 60, locale)
    error = TimeTooLong(ABOVE_MAXIMUM, text=shown_text(text), maximum=maximum)
    error.minutes = minutes
    return error


def shown_text(text: str) -> str:
    """The user's text as quoted back in an error: one line, short enough for a phone."""
    cleaned = BLANKS.sub(" ", text or "").strip()
    return cleaned if len(cleaned) <= SHOWN_TEXT else cleaned[: SHOWN_TEXT - 1] + "…"


_NUMBER_TEXT = re.compile(rf"(?P<sign>{_SIGN})? ?(?P<number>{_NUMBER})")
# "marge 60 procent", "маржа: 60 процентов": the setting's name before the number is no part of it
_PERCENT_LABEL = r"(?:marge|margin|маржа|маржу|наценка)\s*:?\s*"
_PERCENT_TEXT = re.compile(
    rf"(?:{_PERCENT_LABEL})?(?P<sign>{_SIGN})? ?(?P<number>{_NUMBER}) ?"
    r"(?:%|procent|percent|проц\.?|процент(?:а|ов)?)?",
    re.IGNORECASE,
)
_DURATION = re.compile(
    rf"(?:(?P<hours>{_NUMBER})? ?(?P<hour_unit>{HOUR_UNITS})\.?)?"
    rf"(?: ?(?:en |и )?(?P<minutes>{_NUMBER}) ?(?P<minute_unit>(?:{MINUTE_UNITS})\.?)?)?"
)
_CLOCK = re.compile(r"(?P<hours>[0-9]{1,4}):(?P<minutes>[0-5][0-9])")


def starts_spoken_duration(text: str) -> bool:
    """Whether the text begins with a word the duration parser reads as a number of hours or
    minutes (`drie kwartier`, `anderhalve uur`, `четверть часа`): the one-line grammar tries
    such words as a time, and no other words without a digit (`u` alone is no time)."""
    cleaned = BLANKS.sub(" ", text or "").strip().casefold().replace("ё", "е")
    return any(word.match(cleaned) for word, _ in DURATION_WORDS)


def _clean(text: str, empty: str, unreadable: str) -> str:
    """The text with its spaces made plain and single; errors for empty or overlong text."""
    cleaned = BLANKS.sub(" ", text or "").strip()
    if not cleaned:
        raise InputError(empty)
    if len(cleaned) > MAX_TEXT:
        raise InputError(unreadable, text=shown_text(text))
    return cleaned


def _check(
    typed: Typed, text: str, locale: str, *, allow_negative: bool, max_decimals: int | None
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
        if max_decimals == 2 and _THOUSANDS_BY_COMMA.fullmatch(text.strip()):
            # "1,250" is 1,25 to the parser, but may be 1.250 typed the English way: ask which.
            whole = format_number(typed.value.scaleb(3), locale, decimals=0)
            raise InputError(WHICH_OF_TWO, text=shown_text(text), whole=whole, example=example)
        raise InputError(TOO_PRECISE, text=shown_text(text), example=example)


def _duration_in_minutes(cleaned: str, text: str, locale: str, bare: str) -> Decimal:
    """Hours and minutes read with their units, in minutes, before rounding."""
    match = _DURATION.fullmatch(cleaned)
    if match is None or not (match["hour_unit"] or match["minutes"]):
        raise InputError(DURATION_UNREADABLE, text=shown_text(text))
    hours = (
        read_digits(match["hours"] or "1", None, locale)
        if match["hour_unit"]
        else Typed(Decimal(0), 0)
    )
    minutes = read_digits(match["minutes"] or "0", None, locale)
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
                # (a plain refusal: a bare number in a sale line may be its amount)
                too_long = time_too_long(text, locale)
                raise InputError(too_long.message, **too_long.params)
            raise DurationUnitMissing(text, minutes.value)
        if minutes.decimals:
            raise InputError(DURATION_AMBIGUOUS, text=shown_text(text))
    return hours.value * 60 + minutes.value


@cache
def _money_text(currency: str) -> re.Pattern[str]:
    signs = "|".join(re.escape(s) for s in sorted(currency_signs(currency), key=len, reverse=True))
    times = "|".join(re.escape(w) for w in sorted(MULTIPLIERS, key=len, reverse=True))
    return re.compile(
        rf"(?P<sign>{_SIGN})? ?(?P<before>{signs})? ?(?P<sign2>{_SIGN})? ?"
        rf"(?P<number>{_NUMBER}(?:{WHOLE})?) ?(?:(?P<times>{times}) ?)?(?P<after>{signs})?",
        re.IGNORECASE,
    )
