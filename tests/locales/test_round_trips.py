"""Round trips: what Kompas shows, and what people type, reads back as the same value.

Amounts, times and dates are written here the way Dutch and Russian people type them (built
from their parts by the test, not by the code under test) and must read back to the value
they were built from; weekday words are checked against a day found by walking the calendar.

`make test` runs a small deterministic sample; `make fuzz` runs KOMPAS_FUZZ_EXAMPLES.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from babel.dates import get_month_names
from hypothesis import given, settings
from hypothesis import strategies as st

from locales import InputError, translator
from locales import dates as d
from locales.dates import format_date, parse_date
from locales.numbers import (
    BARE_ASK,
    BARE_HOURS,
    BARE_MINUTES,
    format_money,
    parse_duration,
    parse_money,
)
from tests.locales.checks import LOCALES

EXAMPLES = int(os.environ.get("KOMPAS_FUZZ_EXAMPLES", "100"))
SMALL_RUN = EXAMPLES <= 1000
RUNS = settings(max_examples=EXAMPLES, derandomize=SMALL_RUN, deadline=None)
pytestmark = pytest.mark.fuzz

CURRENCY = {"nl": "EUR", "ru": "RUB"}
SIGNS_BEFORE = {"nl": ("€", "€ ", "EUR "), "ru": ("RUB ",)}
SIGNS_AFTER = {"nl": (" €", "€", " euro", " EUR"), "ru": (" ₽", "₽", " руб.", " руб", " р.", "р")}
THOUSANDS = {"nl": ("k", "K", " k", " duizend"), "ru": ("к", "К", " тыс.", " тыс", " т.р.")}
DAYS = st.dates(dt.date(1950, 1, 1), dt.date(2190, 12, 31))


def _grouped(units: int, group: str) -> str:
    return f"{units:,}".replace(",", group)


@st.composite
def typed_amount(draw: st.DrawFn, locale: str) -> tuple[str, int]:
    """An amount as a local types it, and its minor units worked out from the parts."""
    units = draw(st.integers(0, 10**9))
    cents = draw(st.integers(0, 99) | st.just(0))
    thousands = draw(st.sampled_from(THOUSANDS[locale]))
    if cents == 0 and units >= 1000 and units % 100 == 0 and draw(st.booleans()):
        whole, tenths = divmod(units // 100, 10)
        number = f"{whole}{thousands}" if not tenths else f"{whole},{tenths}{thousands}"
        if thousands.endswith("т.р."):
            return number, units * 100  # the currency is in the word
    else:
        number = _grouped(units, draw(st.sampled_from(("", ".", " "))))
        if cents:
            number += f",{cents:02d}"
        else:
            number += draw(st.sampled_from(("", ",00", ",-")))
    place = draw(st.sampled_from(("none", "before", "after")))
    if place == "before":
        number = draw(st.sampled_from(SIGNS_BEFORE[locale])) + number
    elif place == "after":
        number += draw(st.sampled_from(SIGNS_AFTER[locale]))
    return number, units * 100 + cents


@RUNS
@given(data=st.data(), locale=st.sampled_from(LOCALES))
def test_an_amount_typed_the_local_way_reads_as_its_parts(data: st.DataObject, locale: str):
    text, minor = data.draw(typed_amount(locale))
    assert parse_money(text, CURRENCY[locale], locale) == minor, text


@RUNS
@given(
    minor=st.integers(0, 10**13 - 51),  # shown whole, still below the limit
    locale=st.sampled_from(LOCALES),
    whole=st.booleans(),
    shown_in=st.sampled_from(LOCALES),
)
def test_money_as_kompas_shows_it_reads_back_in_either_language(
    minor: int, locale: str, whole: bool, shown_in: str
) -> None:
    """A card shows € 1.250,50 or € 1.251 (whole); copied into a reply, in a team of either
    language, it reads back as shown."""
    currency = CURRENCY[locale]
    shown = format_money(minor, currency, shown_in, whole=whole)
    expected = (minor + 50) // 100 * 100 if whole else minor  # half up, as shown
    assert parse_money(shown, currency, locale) == expected, shown


TYPED_TIMES = {
    "nl": ("{h}u{m:02d}", "{h} uur {m} min", "{h}u {m}m", "{h} uur en {m} minuten", "{t} min"),
    "ru": ("{h} ч {m} мин", "{h}ч{m}м", "{h} ч. {m} мин.", "{h} час {m} минут", "{t} мин"),
}
SPOKEN_TIMES = {
    "nl": {
        30: ("half uur", "een half uur"),
        90: ("anderhalf uur", "anderhalve uur"),
        15: ("kwartier",),
        45: ("drie kwartier",),
        60: ("een uur", "een uurtje"),
    },
    "ru": {
        30: ("полчаса", "пол часа"),
        90: ("полтора часа", "час с половиной"),
        15: ("четверть часа",),
        60: ("час",),
    },
}


@RUNS
@given(
    hours=st.integers(1, 200),
    minutes=st.integers(1, 59),
    locale=st.sampled_from(LOCALES),
    bare=st.sampled_from((BARE_MINUTES, BARE_HOURS, BARE_ASK)),
    data=st.data(),
)
def test_a_time_typed_with_units_reads_as_its_hours_and_minutes(
    hours: int, minutes: int, locale: str, bare: str, data: st.DataObject
) -> None:
    form = data.draw(st.sampled_from(TYPED_TIMES[locale]))
    text = form.format(h=hours, m=minutes, t=hours * 60 + minutes)
    assert parse_duration(text, locale, bare=bare) == hours * 60 + minutes, text


@RUNS
@given(
    half_hours=st.integers(1, 400),
    locale=st.sampled_from(LOCALES),
    bare=st.sampled_from((BARE_MINUTES, BARE_HOURS, BARE_ASK)),
    data=st.data(),
)
def test_hours_with_a_decimal_comma_or_spoken_read_to_the_minute(
    half_hours: int, locale: str, bare: str, data: st.DataObject
) -> None:
    whole, half = divmod(half_hours, 2)
    unit = data.draw(
        st.sampled_from(("u", " uur", "h") if locale == "nl" else ("ч", " ч", " часа"))
    )
    text = f"{whole},5{unit}" if half else f"{whole}{unit}"
    assert parse_duration(text, locale, bare=bare) == half_hours * 30, text
    spoken = SPOKEN_TIMES[locale]
    minutes = data.draw(st.sampled_from(sorted(spoken)))
    text = data.draw(st.sampled_from(spoken[minutes]))
    assert parse_duration(text, locale, bare=bare) == minutes, text


# --- dates ---------------------------------------------------------------------------------------

NL_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
NL_SHORT = ("ma", "di", "wo", "do", "vr", "za", "zo")
RU_WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")
RU_ON = (
    "в понедельник",
    "во вторник",
    "в среду",
    "в четверг",
    "в пятницу",
    "в субботу",
    "в воскресенье",
)
RU_LAST = (
    "в прошлый понедельник",
    "в прошлый вторник",
    "в прошлую среду",
    "в прошлый четверг",
    "в прошлую пятницу",
    "в прошлую субботу",
    "в прошлое воскресенье",
)
RU_SHORT = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")


def _most_recent(today: dt.date, weekday: int) -> dt.date:
    """Walk back from yesterday to the first day with that weekday."""
    day = today - dt.timedelta(days=1)
    while day.weekday() != weekday:
        day -= dt.timedelta(days=1)
    return day


def _in_last_week(today: dt.date, weekday: int) -> dt.date:
    """The day with that weekday whose ISO week is the one before today's."""
    last_week = (today - dt.timedelta(days=7)).isocalendar()[:2]
    day = today
    while not (day.isocalendar()[:2] == last_week and day.weekday() == weekday):
        day -= dt.timedelta(days=1)
    return day


def _weekday_phrases(weekday: int) -> list[str]:
    nl, ru = NL_WEEKDAYS[weekday], RU_WEEKDAYS[weekday]
    short = NL_SHORT[weekday]
    return [
        nl,
        nl.capitalize(),
        f"op {nl}",
        f"afgelopen {nl}",
        f"vorige {nl}",
        f"{nl} jl.",
        f"op {short}",
        f"vorige {short}",
        ru,
        ru.capitalize(),
        RU_ON[weekday],
        RU_LAST[weekday],
        RU_SHORT[weekday],
        f"{RU_SHORT[weekday]}.",
    ]


def _last_week_phrases(weekday: int) -> list[str]:
    nl = NL_WEEKDAYS[weekday]
    return [
        f"vorige week {nl}",
        f"{nl} vorige week",
        f"vorige week op {NL_SHORT[weekday]}",
        f"на прошлой неделе {RU_ON[weekday]}",
        f"{RU_ON[weekday]} на прошлой неделе",
    ]


@RUNS
@given(today=DAYS, weekday=st.integers(0, 6), locale=st.sampled_from(LOCALES), data=st.data())
def test_a_weekday_is_the_most_recent_such_day_before_today(
    today: dt.date, weekday: int, locale: str, data: st.DataObject
) -> None:
    text = data.draw(st.sampled_from(_weekday_phrases(weekday)))
    expected = _most_recent(today, weekday)
    assert parse_date(text, locale, today=today) == expected, text
    assert parse_date(text, locale, today=today, past=True) == expected, text


@RUNS
@given(today=DAYS, weekday=st.integers(0, 6), locale=st.sampled_from(LOCALES), data=st.data())
def test_last_weeks_weekday_is_in_the_calendar_week_before_this_one(
    today: dt.date, weekday: int, locale: str, data: st.DataObject
) -> None:
    text = data.draw(st.sampled_from(_last_week_phrases(weekday)))
    assert parse_date(text, locale, today=today, past=True) == _in_last_week(today, weekday), text


@RUNS
@given(
    today=DAYS,
    days_ago=st.integers(0, 3650),
    style=st.sampled_from(d.STYLES),
    locale=st.sampled_from(LOCALES),
)
def test_a_past_date_as_kompas_shows_it_reads_back_as_the_same_day(
    today: dt.date, days_ago: int, style: str, locale: str
) -> None:
    day = today - dt.timedelta(days=days_ago)
    shown = translator(locale).date(day, style=style)
    assert parse_date(shown, locale, today=today, past=True) == day, shown


@RUNS
@given(today=DAYS, days_ago=st.integers(0, 303), locale=st.sampled_from(LOCALES), data=st.data())
def test_a_past_day_typed_without_a_year_is_the_most_recent_such_day(
    today: dt.date, days_ago: int, locale: str, data: st.DataObject
) -> None:
    """Up to 303 days ago: this year's same day lies more than 61 days ahead (see the next)."""
    day = today - dt.timedelta(days=days_ago)
    if (day.month, day.day) == (2, 29):
        return  # a leap day typed without a year is four years' question, not this one's
    month = get_month_names("wide", locale=locale)[day.month]
    short = get_month_names("abbreviated", locale=locale)[day.month]
    text = data.draw(
        st.sampled_from(
            (
                f"{day.day}-{day.month}",
                f"{day.day:02d}.{day.month:02d}",
                f"{day.day}/{day.month}",
                f"{day.day} {month}",
                f"{day.day} {short}",
            )
        )
    )
    assert parse_date(text, locale, today=today, past=True) == day, text


@RUNS
@given(today=DAYS, days_ahead=st.integers(1, 61), locale=st.sampled_from(LOCALES))
def test_a_day_typed_without_a_year_up_to_61_days_ahead_is_refused_not_last_years(
    today: dt.date, days_ahead: int, locale: str
) -> None:
    day = today + dt.timedelta(days=days_ahead)
    if day.year != today.year:
        return  # "3-1" typed on 20 December is last January's, a question for another day
    with pytest.raises(InputError):
        parse_date(f"{day.day}-{day.month}", locale, today=today, past=True)


@RUNS
@given(
    today=st.dates(dt.date(1950, 1, 1), dt.date(2180, 12, 31)),
    days_ahead=st.integers(1, 3650),
    style=st.sampled_from(d.STYLES),
    locale=st.sampled_from(LOCALES),
)
def test_a_day_still_to_come_is_refused_where_it_must_have_been(
    today: dt.date, days_ahead: int, style: str, locale: str
) -> None:
    day = today + dt.timedelta(days=days_ahead)
    shown = format_date(day, locale, style=style)
    assert parse_date(shown, locale, today=today) == day
    with pytest.raises(InputError) as caught:
        parse_date(shown, locale, today=today, past=True)
    assert caught.value.message == d.DATE_IN_FUTURE
