"""Dates, weekdays and times of day written as CLDR does and read as people type them."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from locales import InputError
from locales import dates as d
from locales.dates import format_date, format_time, format_weekday, parse_date, parse_time
from tests.locales.checks import LOCALES, NARROW_NBSP, NBSP, assert_said_in_both_languages

TODAY = dt.date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize(
    ("locale", "style", "text"),
    [
        ("nl", "short", "03-11-2026"),
        ("nl", "medium", "3 nov 2026"),
        ("nl", "long", "3 november 2026"),
        ("ru", "short", "03.11.2026"),
        ("ru", "medium", f"3 нояб. 2026{NARROW_NBSP}г."),
        ("ru", "long", f"3 ноября 2026{NARROW_NBSP}г."),
    ],
)
def test_dates_are_written_in_cldr_styles(locale: str, style: str, text: str) -> None:
    assert format_date(dt.date(2026, 11, 3), locale, style=style) == text


def test_an_unknown_date_style_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        format_date(TODAY, "nl", style="full")


@pytest.mark.parametrize(
    ("weekday", "locale", "name"),
    [
        (0, "nl", "maandag"),
        (6, "nl", "zondag"),
        (0, "ru", "понедельник"),
        (4, "ru", "пятница"),
        (6, "ru", "воскресенье"),
    ],
)
def test_weekday_zero_is_monday_as_in_date_weekday(weekday: int, locale: str, name: str) -> None:
    assert format_weekday(weekday, locale) == name


def test_weekday_matches_python_for_a_known_monday() -> None:
    assert format_weekday(TODAY.weekday(), "nl") == "maandag"


@pytest.mark.parametrize("weekday", [-1, 7])
def test_a_weekday_outside_the_week_is_a_programming_error(weekday: int) -> None:
    with pytest.raises(ValueError):
        format_weekday(weekday, "nl")


@pytest.mark.parametrize(
    ("minutes", "text"), [(0, "00:00"), (540, "09:00"), (570, "09:30"), (1275, "21:15")]
)
@pytest.mark.parametrize("locale", LOCALES)
def test_times_of_day_are_written_with_two_digit_hours(locale: str, minutes: int, text: str):
    assert format_time(minutes, locale) == text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("23-11-2026", dt.date(2026, 11, 23)),
        ("23.11.2026", dt.date(2026, 11, 23)),
        ("23/11/2026", dt.date(2026, 11, 23)),
        ("3-1-2026", dt.date(2026, 1, 3)),
        ("2026-11-23", dt.date(2026, 11, 23)),
        ("23-11", dt.date(2026, 11, 23)),
        ("23.11", dt.date(2026, 11, 23)),
        ("23.11.", dt.date(2026, 11, 23)),
        ("1.2", dt.date(2026, 2, 1)),
        ("23.11.26", dt.date(2026, 11, 23)),
        ("23-11-25", dt.date(2025, 11, 23)),
        ("23.11.2026 г.", dt.date(2026, 11, 23)),
        ("23.11.2026г", dt.date(2026, 11, 23)),
        (f" 23.11.2026{NBSP}", dt.date(2026, 11, 23)),
        ("vandaag", TODAY),
        ("Vandaag", TODAY),
        ("gisteravond", dt.date(2026, 11, 22)),  # parts of yesterday (issue 17)
        ("gisterochtend", dt.date(2026, 11, 22)),
        ("vrijdagmiddag", dt.date(2026, 11, 20)),  # a weekday's part of the day
        ("vorige week dinsdagavond", dt.date(2026, 11, 17)),
        ("vanochtend", TODAY),  # parts of today (issue 17)
        ("vanmorgen", TODAY),
        ("vanmiddag", TODAY),
        ("Vanavond", TODAY),
        ("сегодня", TODAY),
        ("СЕГОДНЯ", TODAY),
        ("gisteren", dt.date(2026, 11, 22)),
        ("вчера", dt.date(2026, 11, 22)),
        ("eergisteren", dt.date(2026, 11, 21)),
        ("Gisteren.", dt.date(2026, 11, 22)),
        ("вчера!", dt.date(2026, 11, 22)),
        ("позавчера", dt.date(2026, 11, 21)),
        ("3 november 2026", dt.date(2026, 11, 3)),
        ("3 nov 2026", dt.date(2026, 11, 3)),
        ("3 mrt", dt.date(2026, 3, 3)),
        ("1 mei", dt.date(2026, 5, 1)),
        ("3 ноября 2026 г.", dt.date(2026, 11, 3)),
        ("3 нояб. 2026", dt.date(2026, 11, 3)),
        ("3 ноя", dt.date(2026, 11, 3)),
        ("9 мая", dt.date(2026, 5, 9)),
        ("1 сентября 2026 года", dt.date(2026, 9, 1)),
        ("23 авг", dt.date(2026, 8, 23)),
        ("1 февраля", dt.date(2026, 2, 1)),
        ("23 Ноября", dt.date(2026, 11, 23)),
    ],
)
@pytest.mark.parametrize("locale", LOCALES)
def test_dates_are_read_as_people_type_them(locale: str, text: str, day: dt.date) -> None:
    assert parse_date(text, locale, today=TODAY) == day


def test_e_with_dots_and_without_are_the_same_letter() -> None:
    # Folded as the client resolver folds names, so ё never decides whether text is read.
    assert parse_date("вчёра", "ru", today=TODAY) == dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "DATE_EMPTY"),
        ("   ", "DATE_EMPTY"),
        ("abc", "DATE_UNREADABLE"),
        ("23112026", "DATE_UNREADABLE"),
        ("23-11.2026", "DATE_UNREADABLE"),
        ("11/23/2026/1", "DATE_UNREADABLE"),
        ("23 foo 2026", "DATE_UNREADABLE"),
        ("3 ju", "DATE_UNREADABLE"),
        ("3 ju 2026", "DATE_UNREADABLE"),
        ("overmorgenavond", "DATE_UNREADABLE"),
        ("23.11.202", "DATE_UNREADABLE"),
        ("31-02-2026", "DATE_NOT_REAL"),
        ("29.02.2026", "DATE_NOT_REAL"),
        ("23.13.2026", "DATE_NOT_REAL"),
        ("0.11.2026", "DATE_NOT_REAL"),
        ("23.11.1850", "DATE_OUT_OF_YEARS"),
        ("0001-01-01", "DATE_OUT_OF_YEARS"),
        ("31-12-9999", "DATE_OUT_OF_YEARS"),
        ("31-02-1850", "DATE_OUT_OF_YEARS"),
        ("31 april", "DATE_NOT_REAL"),
    ],
)
@pytest.mark.parametrize("locale", LOCALES)
def test_unreadable_or_unreal_dates_are_refused_with_a_localised_hint(
    locale: str, text: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(text, locale, today=TODAY)
    assert caught.value.message == getattr(d, message)
    assert_said_in_both_languages(caught.value)


def test_a_leap_day_is_real_in_a_leap_year() -> None:
    assert parse_date("29-02-2028", "nl", today=TODAY) == dt.date(2028, 2, 29)


@given(
    day=st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)),
    style=st.sampled_from(d.STYLES),
    locale=st.sampled_from(LOCALES),
)
def test_reading_a_written_date_gives_the_same_day(day: dt.date, style: str, locale: str):
    assert parse_date(format_date(day, locale, style=style), locale, today=TODAY) == day


@given(text=st.text(max_size=30), locale=st.sampled_from(LOCALES))
def test_any_text_is_read_as_a_date_or_refused_with_an_input_error(text: str, locale: str):
    with contextlib.suppress(InputError):
        parse_date(text, locale, today=TODAY)
    with contextlib.suppress(InputError):
        assert 0 <= parse_time(text) < 24 * 60


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("9", 540),
        ("9:00", 540),
        ("09.30", 570),
        ("21:15", 1275),
        ("0:00", 0),
        ("23:59", 1439),
        ("9u", 540),
        ("9 uur", 540),
        ("9h", 540),
        ("9 ч", 540),
        (" 9:00 ", 540),
    ],
)
def test_times_of_day_are_read_as_people_type_them(text: str, minutes: int) -> None:
    assert parse_time(text) == minutes


@pytest.mark.parametrize(
    "text", ["", "abc", "24:00", "9:60", "9:5", "9.305", "-1", "9 30", "9pm", "930"]
)
def test_unreadable_times_are_refused_with_a_localised_hint(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_time(text)
    assert caught.value.message == d.TIME_UNREADABLE
    assert_said_in_both_languages(caught.value)


@given(minutes=st.integers(0, 24 * 60 - 1), locale=st.sampled_from(LOCALES))
def test_reading_a_written_time_gives_the_same_minutes(minutes: int, locale: str) -> None:
    assert parse_time(format_time(minutes, locale)) == minutes


# TODAY is Monday 23 November 2026: the Friday before it is the 20th, the week before ran
# from Monday 16 to Sunday 22 November.
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("vrijdag", dt.date(2026, 11, 20)),
        ("Vrijdag", dt.date(2026, 11, 20)),
        ("op vrijdag", dt.date(2026, 11, 20)),
        ("afgelopen vrijdag", dt.date(2026, 11, 20)),
        ("vorige vrijdag", dt.date(2026, 11, 20)),
        ("vrijdag jl.", dt.date(2026, 11, 20)),
        ("vrijdag j.l.", dt.date(2026, 11, 20)),
        ("Vrijdag!", dt.date(2026, 11, 20)),
        ("в пятницу.", dt.date(2026, 11, 20)),
        ("vorige week vrijdag", dt.date(2026, 11, 20)),
        ("vorige week op vrijdag", dt.date(2026, 11, 20)),
        ("vrijdag vorige week", dt.date(2026, 11, 20)),
        ("vrijdag van vorige week", dt.date(2026, 11, 20)),
        ("vr", dt.date(2026, 11, 20)),
        ("vr.", dt.date(2026, 11, 20)),
        ("zondag", dt.date(2026, 11, 22)),
        ("zaterdag", dt.date(2026, 11, 21)),
        ("za", dt.date(2026, 11, 21)),
        ("wo", dt.date(2026, 11, 18)),
        ("dinsdag", dt.date(2026, 11, 17)),
        ("maandag", dt.date(2026, 11, 16)),  # today is Monday: a week ago
        ("vorige week maandag", dt.date(2026, 11, 16)),
        ("vorige week zondag", dt.date(2026, 11, 22)),
        ("op ma", dt.date(2026, 11, 16)),
        ("afgelopen di", dt.date(2026, 11, 17)),
        ("vorige do", dt.date(2026, 11, 19)),
        ("vorige week zo", dt.date(2026, 11, 22)),
        ("пятница", dt.date(2026, 11, 20)),
        ("Пятница", dt.date(2026, 11, 20)),
        ("в пятницу", dt.date(2026, 11, 20)),
        ("в прошлую пятницу", dt.date(2026, 11, 20)),
        ("прошлая пятница", dt.date(2026, 11, 20)),
        ("пт", dt.date(2026, 11, 20)),
        ("в пт.", dt.date(2026, 11, 20)),
        ("на прошлой неделе в пятницу", dt.date(2026, 11, 20)),
        ("в пятницу на прошлой неделе", dt.date(2026, 11, 20)),
        ("в понедельник", dt.date(2026, 11, 16)),
        ("в прошлый понедельник", dt.date(2026, 11, 16)),
        ("во вторник", dt.date(2026, 11, 17)),
        ("в среду", dt.date(2026, 11, 18)),
        ("в четверг", dt.date(2026, 11, 19)),
        ("в субботу", dt.date(2026, 11, 21)),
        ("в прошлое воскресенье", dt.date(2026, 11, 22)),
        ("сб", dt.date(2026, 11, 21)),
        ("вс", dt.date(2026, 11, 22)),
        ("vrijdag 20-11", dt.date(2026, 11, 20)),
        ("vr 20 nov", dt.date(2026, 11, 20)),
        ("ma 16 nov", dt.date(2026, 11, 16)),  # "ma" before a date is the weekday (issue 17)
        ("do 19-11", dt.date(2026, 11, 19)),
        ("пятница, 20 ноября", dt.date(2026, 11, 20)),
        ("пт 20.11.2026", dt.date(2026, 11, 20)),
    ],
)
@pytest.mark.parametrize("locale", LOCALES)
def test_weekdays_name_the_most_recent_such_day_before_today(
    locale: str, text: str, day: dt.date
) -> None:
    assert parse_date(text, locale, today=TODAY) == day


@pytest.mark.parametrize(
    ("today", "text", "day"),
    [
        (dt.date(2026, 11, 27), "vrijdag", dt.date(2026, 11, 20)),  # on a Friday: a week ago
        (dt.date(2026, 11, 28), "vrijdag", dt.date(2026, 11, 27)),  # on a Saturday: yesterday
        (dt.date(2026, 11, 28), "vorige week vrijdag", dt.date(2026, 11, 20)),
        (dt.date(2026, 11, 29), "vorige week vrijdag", dt.date(2026, 11, 20)),
        (dt.date(2026, 11, 29), "в пятницу", dt.date(2026, 11, 27)),
        (dt.date(2026, 11, 29), "на прошлой неделе в пятницу", dt.date(2026, 11, 20)),
        (dt.date(2026, 11, 25), "vorige week woensdag", dt.date(2026, 11, 18)),
        (dt.date(2026, 11, 25), "woensdag", dt.date(2026, 11, 18)),
        (dt.date(2026, 11, 25), "dinsdag", dt.date(2026, 11, 24)),
        (dt.date(2027, 1, 1), "в прошлую среду", dt.date(2026, 12, 30)),
    ],
)
def test_weekdays_count_back_from_any_day_of_the_week(
    today: dt.date, text: str, day: dt.date
) -> None:
    assert parse_date(text, "nl", today=today) == day
    assert parse_date(text, "ru", today=today) == day


@pytest.mark.parametrize(
    "text",
    ["ma", "di", "do", "zo", "Zo", "vorige week", "afgelopen", "op", "в", "в прошлую", "week"],
)
def test_abbreviations_that_are_everyday_words_are_no_weekday_alone(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(text, "nl", today=TODAY)
    assert caught.value.message == d.DATE_UNREADABLE


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("morgen", dt.date(2026, 11, 24)),
        ("завтра", dt.date(2026, 11, 24)),
        ("overmorgen", dt.date(2026, 11, 25)),
        ("послезавтра", dt.date(2026, 11, 25)),
    ],
)
def test_tomorrow_is_read_as_a_day_so_a_sale_for_it_can_be_refused(text: str, day: dt.date):
    assert parse_date(text, "nl", today=TODAY) == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ma", dt.date(2026, 11, 16)),
        ("di", dt.date(2026, 11, 17)),
        ("do", dt.date(2026, 11, 19)),
        ("zo", dt.date(2026, 11, 22)),
        ("Do.", dt.date(2026, 11, 19)),
    ],
)
def test_everyday_word_abbreviations_are_weekdays_where_only_a_date_can_stand(
    text: str, day: dt.date
) -> None:
    assert parse_date(text, "nl", today=TODAY, short_weekdays=True) == day


@pytest.mark.parametrize("text", ["maandag 20-11", "пн, 20 ноября", "вс 20.11.2026"])
def test_a_weekday_that_is_not_the_dates_own_is_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(text, "ru", today=TODAY)
    assert caught.value.message == d.DATE_WRONG_WEEKDAY
    assert_said_in_both_languages(caught.value)


@pytest.mark.parametrize(
    ("today", "text", "day"),
    [
        (dt.date(2027, 1, 5), "23-12", dt.date(2026, 12, 23)),
        (dt.date(2027, 1, 5), "23 дек", dt.date(2026, 12, 23)),
        (dt.date(2027, 1, 5), "5-1", dt.date(2027, 1, 5)),  # today is not the future
        (dt.date(2027, 1, 5), "4.1", dt.date(2027, 1, 4)),
        (dt.date(2027, 1, 5), "6 april", dt.date(2026, 4, 6)),  # 91 days ahead: last year's
        (dt.date(2027, 1, 5), "8 maart", dt.date(2026, 3, 8)),  # 62 days ahead
        (dt.date(2026, 9, 1), "24.11", dt.date(2025, 11, 24)),
        (dt.date(2026, 11, 23), "23-11-2026", dt.date(2026, 11, 23)),
        (dt.date(2026, 11, 23), "vrijdag", dt.date(2026, 11, 20)),
    ],
)
def test_a_past_date_without_a_year_is_last_years_when_this_years_is_to_come(
    today: dt.date, text: str, day: dt.date
) -> None:
    assert parse_date(text, "nl", today=today, past=True) == day


@pytest.mark.parametrize(
    ("today", "text"),
    [
        (dt.date(2026, 12, 5), "7.12"),
        (dt.date(2026, 12, 5), "15 декабря"),
        (dt.date(2026, 12, 5), "7-12"),
        (dt.date(2026, 12, 5), "15 dec"),
        (dt.date(2027, 1, 5), "6 januari"),
        (dt.date(2027, 1, 5), "7 maart"),  # 61 days ahead: still this year's
        (dt.date(2026, 11, 23), "24.11"),
    ],
)
def test_a_day_and_month_up_to_61_days_ahead_is_refused_not_moved_to_last_year(
    today: dt.date, text: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(text, "ru", today=today, past=True)
    assert caught.value.message == d.DATE_IN_FUTURE


def test_without_past_a_date_without_a_year_stays_in_this_year() -> None:
    assert parse_date("23-12", "nl", today=dt.date(2027, 1, 5)) == dt.date(2027, 12, 23)
    assert parse_date("24-11-2026", "nl", today=TODAY) == dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    "text",
    ["24-11-2026", "2026-12-01", "1 januari 2027", "23.11.27", "vrijdag 27-11", "morgen", "Завтра"],
)
@pytest.mark.parametrize("locale", LOCALES)
def test_a_past_date_after_today_is_refused_with_a_localised_hint(locale: str, text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(text, locale, today=TODAY, past=True)
    assert caught.value.message == d.DATE_IN_FUTURE
    assert caught.value.params == {"text": text}
    assert_said_in_both_languages(caught.value)


@pytest.mark.parametrize(
    ("text", "days"),
    [("две недели назад", 14), ("три дня назад", 3), ("одну неделю назад", 7), ("неделю назад", 7)],
)
def test_days_counted_back_in_russian_words(text: str, days: int) -> None:
    assert parse_date(text, "ru", today=TODAY, past=True) == TODAY - dt.timedelta(days=days)


@pytest.mark.parametrize(
    ("text", "locale", "back"),
    [("1000 dagen geleden", "nl", 1000), ("1000 дней назад", "ru", 1000),
     ("dag geleden", "nl", 1), ("неделю назад", "ru", 7)],
)  # fmt: skip
def test_days_ago_read_any_count_and_a_plural_needs_one(text: str, locale: str, back: int) -> None:
    # Found by the attacker reader: "/sale Evil BW 3000 1000 dagen geleden" stored a cost of
    # 1000 on yesterday, "dagen geleden" alone having been read as one day back.
    today = dt.date(2026, 12, 6)
    assert parse_date(text, locale, today=today) == today - dt.timedelta(days=back)
    with pytest.raises(InputError):
        parse_date("dagen geleden" if locale == "nl" else "дней назад", locale, today=today)


@pytest.mark.parametrize(("locale", "said"), [("nl", "6 januari"), ("ru", "6 января")])
def test_a_day_in_a_letter_has_no_year(locale: str, said: str) -> None:
    """A Russian reader: «с 6 января 2027 г.» in the decline letter; nobody writes the year
    of a day a few weeks ahead."""
    assert d.format_day(dt.date(2027, 1, 6), locale) == said
