"""Dates, weekdays and times of day: formatted by Babel/CLDR, parsed as people type them.

How typed dates are read (the same in nl and ru; case, ``ё``/``е`` and spaces do not matter)
-----------------------------------------------------------------------------------------
* Day first, always: ``23-11-2026``, ``23.11.2026``, ``23/11/2026``, ``3-1-2026``; the two
  separators must be the same. ISO ``2026-11-23`` is the one year-first form.
* Without a year, the day is in ``today``'s year: ``23-11``, ``23.11``, ``23.11.``.
* A two-digit year is in this century: ``23.11.26`` is 2026. Four-digit years run 1900–2199.
* Month names in Dutch or Russian, full, CLDR-abbreviated or any unambiguous start of three
  letters or more: ``23 november 2026``, ``3 nov``, ``3 нояб. 2026 г.``, ``23 ноября``, ``3 мар``.
  So every style ``format_date`` writes reads back.
* Words, in either language: ``vandaag`` (``vanochtend``, ``vanmorgen``, ``vanmiddag``,
  ``vanavond``)/``сегодня``, ``gisteren`` (``gisteravond`` …) (``gister``)/``вчера``,
  ``eergisteren`` (``eergister``)/``позавчера``, ``morgen``/``завтра``,
  ``overmorgen``/``послезавтра`` (so a sale typed for tomorrow is refused as still to come,
  not misread); a sentence's closing ``.`` or ``!`` after them does not matter. ``op 23 nov``,
  ``op 23-11``: a date after ``op``.
* Weekdays, in either language, for a day that has been: ``vrijdag``, ``op vrijdag``,
  ``afgelopen vrijdag``, ``vorige vrijdag``, ``vrijdag jl.``; ``пятница``, ``в пятницу``,
  ``в прошлую пятницу``, ``прошлая пятница``, ``во вторник``. Each is the most recent such day
  before today, 1–7 days ago (on a Friday, ``vrijdag`` is a week ago). ``vorige week vrijdag``,
  ``vrijdag vorige week``, ``на прошлой неделе в пятницу``, ``в пятницу на прошлой неделе``
  name the weekday of the previous calendar week (Monday to Sunday). Days or weeks counted back:
  ``3 dagen geleden``, ``een week geleden``, ``3 дня назад``, ``неделю назад``, ``две недели
  назад`` (and ``over 3
  dagen``, ``через 3 дня``, read so that they are refused as still to come). Full CLDR names and the
  abbreviations no one types for anything else (``wo``, ``vr``, ``za``, ``пн`` … ``вс``, with
  or without a dot); ``ma``, ``di``, ``do`` and ``zo`` are words and names too, so they count
  only after ``op``, ``afgelopen``, ``vorige`` or ``vorige week``, before a date (``ma 30 nov``),
  or where the caller says only a date can stand (``short_weekdays``). A weekday before a
  date (``vrijdag 20-11``, ``пятница, 20 ноября``) must be that date's weekday.
* ``past=True`` (a sale's or payment's date): a date without a year more than 61 days ahead
  is last year's (``23-12`` typed on 5 January); one up to 61 days ahead is this year's, so it
  is refused like every date after today (``15-12`` typed on 5 December is not last year's).
* A form that reads but names no real day (``31-02-2026``) gets its own error.

Why not the ``dateparser`` library: it reads ``23.11`` as 23:11 today, cannot read
``vorige week vrijdag``, ``afgelopen vrijdag`` or ``в прошлую пятницу``, and reads a bare ``2``
as the 2nd of this month, which would break the one-line grammar's split between name and
amount. The rules here are few and each is tested.

Times of day: ``9``, ``9:00``, ``09.30``, ``21:15``, optionally followed by ``u``, ``uur``, ``h``
or ``ч``; hours 0–23, minutes two digits 00–59.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from babel.dates import format_date as _babel_date
from babel.dates import format_time as _babel_time
from babel.dates import get_day_names, get_month_names

from locales.errors import N_, InputError
from locales.languages import SUPPORTED_LOCALES
from locales.numbers import BLANKS, shown_text

STYLES = ("short", "medium", "long")
YEARS = range(1900, 2200)
# A day-month without a year up to this many days ahead is this year's (and so refused as still
# to come in a sale or payment), not last year's: "15 декабря" typed on 5 December.
SOON_DAYS = 61

DATE_EMPTY = N_("Type a date, for example 23-11-2026 or today.")
DATE_UNREADABLE = N_("“{text}” is not a date I can read. Try 23-11-2026 or today.")
DATE_NOT_REAL = N_("“{text}” is not a real date. Check the day and the month.")
DATE_WRONG_WEEKDAY = N_(
    "“{text}”: that day is no {weekday}. Type just the date, or just the weekday."
)
DATE_IN_FUTURE = N_("“{text}” is still to come. Type a day that has been, for example yesterday.")
DATE_OUT_OF_YEARS = N_("“{text}” is outside the years I keep, {first} to {last}. Check the year.")
TIME_UNREADABLE = N_("“{text}” is not a time I can read. Try 9:00 or 21:15.")

_DAYS_AGO = {
    "vandaag": 0,
    "vanochtend": 0,  # a part of today: "this morning", "this afternoon", "tonight"
    "vanmorgen": 0,
    "vanmiddag": 0,
    "vanavond": 0,
    "сегодня": 0,
    "gisteren": 1,
    "gister": 1,  # as it is said: "gister", "eergister"
    "вчера": 1,
    "eergisteren": 2,
    "eergister": 2,
    "gisterochtend": 1,  # a part of yesterday
    "gistermorgen": 1,
    "gistermiddag": 1,
    "gisteravond": 1,
    "позавчера": 2,
    "morgen": -1,  # read so that a sale "morgen" is refused as still to come, not as no date
    "завтра": -1,
    "overmorgen": -2,
    "послезавтра": -2,
}
_DAY_FIRST = re.compile(
    r"(?P<day>[0-9]{1,2})(?P<sep>[-./])(?P<month>[0-9]{1,2})"
    r"(?:(?P=sep)(?P<year>[0-9]{4}|[0-9]{2})?)?"
)
_ISO = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})")
_NAMED = re.compile(r"(?P<day>[0-9]{1,2})\.? ?(?P<month>[^\W\d_]+)\.?(?: (?P<year>[0-9]{4}))?")
_YEAR_MARK = re.compile(r"(?<=[0-9]) ?(?:г|года?)\.?$")
# A weekday as people type it for a day that has been: "vorige week vrijdag", "в пятницу".
_WEEKDAY = re.compile(
    r"(?:(?P<week>vorige week|afgelopen week|на прошлой неделе),? )?"
    r"(?:(?P<on>op|в|во) )?"
    r"(?:(?P<last>afgelopen|vorige|прошл(?:ая|ую|ый|ое|ой)) )?"
    r"(?P<day>[^\W\d_]+)\.?"
    r"(?:,? (?P<week_after>(?:van )?vorige week|на прошлой неделе|прошлой недели)"
    r"|,? jl\.?|,? j\.l\.?)?"
)
# "3 дня назад", "3 dagen geleden", "неделю назад"; "через 3 дня", "over 3 dagen" lie ahead.
_UNITS = "dagen|dag|weken|week|дня|дней|день|недели|недель|неделю"
# A count in words: "две недели назад", "три дня назад" (the Dutch "een week geleden").
_COUNT_WORDS = {"een": 1, "одну": 1, "один": 1, "два": 2, "две": 2, "три": 3, "четыре": 4}
_COUNT_WORDS |= {"пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10}
# A plural unit needs its count ("1000 dagen geleden" is not "dagen geleden" = yesterday
# after a cost of 1000); a singular one may stand alone ("неделю назад", "dag geleden").
_COUNTED = (
    rf"(?:(?P<number>[0-9]{{1,5}}|(?:{'|'.join(_COUNT_WORDS)}) ) ?(?P<unit>{_UNITS})"
    r"|(?P<lone>dag|week|день|неделю))"
)
_DAYS_BACK = re.compile(_COUNTED + r" (?:назад|geleden)")
_DAYS_AHEAD = re.compile(r"(?P<ahead>через|over) " + _COUNTED)
_WEEK_UNITS = frozenset({"weken", "week", "недели", "недель", "неделю"})
_WEEKDAY_THEN_DATE = re.compile(r"(?P<day>[^\W\d_]+)\.?,? (?P<date>[0-9].*)")
# Abbreviations that are also everyday words or names ("zo" is "so", "Do" a name).
_WEEKDAYS_IN_CONTEXT = {"ma": 0, "di": 1, "do": 3, "zo": 6}
_ON_DATE = re.compile(r"op (?P<date>[0-9].*)")
# A weekday with a part of the day, written as one word: "dinsdagmiddag", "vrijdagavond".
_PART_OF_DAY = re.compile(
    r"(?P<day>.*(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag))"
    r"(?:ochtend|morgen|middag|avond)"
)
_TIME = re.compile(r"(?P<hour>[0-9]{1,2})(?:[:.](?P<minute>[0-9]{2}))?(?: ?(?:u|uur|h|ч))?")


def format_date(day: dt.date, locale: str, *, style: str = "medium") -> str:
    """A date in CLDR's short (`23-11-2026`), medium (`23 nov 2026`) or long style."""
    if style not in STYLES:
        raise ValueError(f"date style must be one of {STYLES}, not {style!r}")
    return _babel_date(day, format=style, locale=locale)


def format_day(day: dt.date, locale: str) -> str:
    """A day of the coming weeks as a letter says it, month in full and no year: `6 januari`,
    «6 января» (a Russian reader: nobody writes «с 6 января 2027 г.» to a client)."""
    return _babel_date(day, format="d MMMM", locale=locale)


def format_days(first: dt.date, last: dt.date, locale: str) -> str:
    """A run of days as people write it, month names in full and no year: `1–7 december`,
    «27 ноября – 3 декабря» (the Russian reader: «5 дек.» reads like a form)."""
    if last < first:
        raise ValueError(f"a run of days ends on or after its first day, not {first}–{last}")
    end = _babel_date(last, format="d MMMM", locale=locale)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{end}"
    return f"{_babel_date(first, format='d MMMM', locale=locale)} – {end}"


def format_weekday(iso_weekday: int, locale: str) -> str:
    """The weekday's full name, 0 = Monday (as `date.weekday()`): `maandag`, `понедельник`."""
    if not 0 <= iso_weekday <= 6:
        raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {iso_weekday}")
    return get_day_names("wide", locale=locale)[iso_weekday]


def format_time(minutes_after_midnight: int, locale: str) -> str:
    """A time of day in CLDR's short style: `09:00`."""
    if not 0 <= minutes_after_midnight < 24 * 60:
        raise ValueError(f"a time of day is 0 to 1439 minutes, not {minutes_after_midnight}")
    hour, minute = divmod(minutes_after_midnight, 60)
    return _babel_time(dt.time(hour, minute), format="short", locale=locale)


def parse_date(
    text: str, locale: str, *, today: dt.date, past: bool = False, short_weekdays: bool = False
) -> dt.date:
    """A date as typed, day first (rules in the module docstring); `today` anchors the words.

    `past`: the date must have been (a sale, a payment): a date without a year more than
    SOON_DAYS ahead is last year's, and one after today is refused with DATE_IN_FUTURE.
    `short_weekdays`: `ma`, `di`, `do`, `zo` alone are weekdays (where only a date can stand,
    as at the end of a sale line after its amount)."""
    cleaned = BLANKS.sub(" ", text or "").strip().casefold().replace("ё", "е").rstrip("!")
    if not any(c.isdigit() for c in cleaned):  # "Gisteren." ends a sentence, not a month
        cleaned = cleaned.rstrip(".")
    if not cleaned:
        raise InputError(DATE_EMPTY)
    if short_weekdays and cleaned.rstrip(".") in _WEEKDAYS_IN_CONTEXT:
        cleaned = f"op {cleaned}"
    day = _read_date(cleaned, text, today, past)
    if past and day > today:
        raise InputError(DATE_IN_FUTURE, text=shown_text(text))
    return day


def _read_date(cleaned: str, text: str, today: dt.date, past: bool) -> dt.date:
    if part := _PART_OF_DAY.fullmatch(cleaned):  # "dinsdagmiddag", "vorige week vrijdagavond"
        cleaned = part["day"]
    if cleaned in _DAYS_AGO:
        return today - dt.timedelta(days=_DAYS_AGO[cleaned])
    if (weekday := _WEEKDAY.fullmatch(cleaned)) and (day := _weekday(weekday, today)):
        return day
    if counted := _DAYS_BACK.fullmatch(cleaned) or _DAYS_AHEAD.fullmatch(cleaned):
        return today - dt.timedelta(days=_days_counted(counted))
    if (named := _WEEKDAY_THEN_DATE.fullmatch(cleaned)) and (
        (number := _weekday_named(named["day"], qualified=True)) is not None
    ):
        day = _read_date(named["date"], text, today, past)
        if day.weekday() != number and past:  # "vrijdag 27-11" meant this year's, still to come
            day = _read_date(named["date"], text, today, past=False)
        if day.weekday() != number:
            raise InputError(DATE_WRONG_WEEKDAY, text=shown_text(text), weekday=named["day"])
        return day
    if (on := _ON_DATE.fullmatch(cleaned)) is not None:  # "op 23 nov", "op 23-11"
        return _read_date(on["date"], text, today, past)
    cleaned = _YEAR_MARK.sub("", cleaned)
    for form in (_ISO, _DAY_FIRST, _NAMED):
        if match := form.fullmatch(cleaned):
            return _day(match, text, today, past)
    raise InputError(DATE_UNREADABLE, text=shown_text(text))


def counts_days(text: str) -> bool:
    """Whether `text` counts days from today (`через 3 дня`): never moved to last year."""
    cleaned = BLANKS.sub(" ", text or "").strip().casefold().rstrip(".!")
    return bool(_DAYS_BACK.fullmatch(cleaned) or _DAYS_AHEAD.fullmatch(cleaned))


def _days_counted(match: re.Match[str]) -> int:
    """How many days back "3 дня назад" or "een week geleden" is; negative for "over 3 dagen"."""
    number = (match["number"] or "").strip()
    count = int(number) if number.isdigit() else _COUNT_WORDS.get(number, 1)
    unit = match["unit"] or match["lone"]
    days = count * (7 if unit in _WEEK_UNITS else 1)
    return -days if "ahead" in match.groupdict() else days


def parse_time(text: str) -> int:
    """A time of day as typed (`9`, `9:00`, `09.30`, `21:15`), in minutes after midnight."""
    cleaned = BLANKS.sub(" ", text or "").strip().casefold()
    match = _TIME.fullmatch(cleaned)
    if match is None:
        raise InputError(TIME_UNREADABLE, text=shown_text(text))
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if hour > 23 or minute > 59:
        raise InputError(TIME_UNREADABLE, text=shown_text(text))
    return hour * 60 + minute


def _weekday(match: re.Match[str], today: dt.date) -> dt.date | None:
    """The day a weekday phrase names, or None when its word is no weekday."""
    qualified = any(match[group] for group in ("week", "on", "last", "week_after"))
    number = _weekday_named(match["day"], qualified=qualified)
    if number is None:
        return None
    if match["week"] or match["week_after"]:
        return today - dt.timedelta(days=today.weekday() + 7 - number)
    return today - dt.timedelta(days=(today.weekday() - number - 1) % 7 + 1)


def _weekday_named(word: str, *, qualified: bool = False) -> int | None:
    """0 (Monday) to 6 for a weekday's Dutch or Russian name or abbreviation, else None."""
    names = _weekday_names()
    if word in names:
        return names[word]
    return _WEEKDAYS_IN_CONTEXT.get(word) if qualified else None


@cache
def _weekday_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for locale in SUPPORTED_LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in get_day_names(width, locale=locale).items():
                names[name.casefold().replace("ё", "е")] = number
    for word in _WEEKDAYS_IN_CONTEXT:
        names.pop(word)
    # Russian says "в пятницу": the accusative of the three feminine days.
    names.update({"среду": 2, "пятницу": 4, "субботу": 5})
    return names


def _day(match: re.Match[str], text: str, today: dt.date, past: bool = False) -> dt.date:
    month = match["month"]
    number = int(month) if month.isascii() and month.isdigit() else _month_named(month)
    if number is None:
        raise InputError(DATE_UNREADABLE, text=shown_text(text))
    year = match["year"]
    if year is None:
        full_year = today.year
        if past and (number, int(match["day"])) > (today.month, today.day):
            full_year -= not _soon(today, number, int(match["day"]))
    elif len(year) == 2:
        full_year = today.year // 100 * 100 + int(year)
    else:
        full_year = int(year)
    try:
        day = dt.date(full_year, number, int(match["day"]))
    except ValueError:
        if full_year in YEARS:
            raise InputError(DATE_NOT_REAL, text=shown_text(text)) from None
        day = dt.date(max(1, min(full_year, 9999)), 1, 1)  # the year is what's wrong
    return within_years(day, text)


def _soon(today: dt.date, month: int, day: int) -> bool:
    """Whether this year's `day`-`month` lies at most SOON_DAYS ahead: then it was typed for
    the coming weeks (a slip, or a plan), never meant as last year's."""
    try:
        return (dt.date(today.year, month, day) - today).days <= SOON_DAYS
    except ValueError:  # 29 February in a common year: not this year's
        return False


def within_years(day: dt.date, text: str) -> dt.date:
    """`day` when its year is one Kompas keeps (YEARS), from chat or a file alike; else an
    InputError quoting `text`, the day as it was written."""
    if day.year not in YEARS:
        raise InputError(DATE_OUT_OF_YEARS, text=shown_text(text), first=YEARS[0], last=YEARS[-1])
    return day


def _month_named(word: str) -> int | None:
    """The month a Dutch or Russian name, abbreviation or unambiguous start (3+ letters) names."""
    names = _month_names()
    if word in names:
        return names[word]
    if len(word) < 3:
        return None
    months = {month for name, month in names.items() if name.startswith(word)}
    return months.pop() if len(months) == 1 else None


@cache
def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for locale in SUPPORTED_LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for month, name in get_month_names(width, context, locale=locale).items():
                    names[name.casefold().replace("ё", "е").rstrip(".")] = month
    return names
