"""Time spent, written short for a phone and read in every way people type it."""

from __future__ import annotations

import contextlib
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from locales import InputError, translator
from locales import numbers as n
from locales.numbers import format_duration, parse_duration
from tests.locales.checks import LOCALES, NBSP, assert_said_in_both_languages


@pytest.mark.parametrize(
    ("minutes", "locale", "text"),
    [
        (0, "nl", "0 min"),
        (45, "nl", "45 min"),
        (60, "nl", "1 uur"),
        (90, "nl", "1 uur 30 min"),
        (150, "nl", "2 uur 30 min"),
        (45, "ru", "45 мин"),
        (60, "ru", "1 ч"),
        (90, "ru", "1 ч 30 мин"),
        (75030, "ru", f"1{NBSP}250 ч 30 мин"),
    ],
)
def test_durations_are_written_in_short_units(minutes: int, locale: str, text: str) -> None:
    assert format_duration(minutes, locale) == text


def test_a_negative_duration_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        format_duration(-1, "nl")


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("90", 90),
        ("1,5u", 90),
        ("1,5 uur", 90),
        ("1.5h", 90),
        ("2h", 120),
        ("2 uren", 120),
        ("1:30", 90),
        ("0:45", 45),
        ("90 min", 90),
        ("90 minuten", 90),
        ("2 ч", 120),
        ("2 ч.", 120),
        ("1,5 часа", 90),
        ("45 мин", 45),
        ("45 мин.", 45),
        ("1 час 30 минут", 90),
        ("1 ч 30 мин", 90),
        ("1 uur en 30 min", 90),
        ("1u30", 90),
        ("1h30m", 90),
        ("1 uur 30", 90),
        ("uur", 60),
        ("час", 60),
        ("een uur", 60),
        ("anderhalf uur", 90),
        ("een half uur", 30),
        ("halfuur", 30),
        ("полчаса", 30),
        ("полтора часа", 90),
        ("ПОЛТОРА ЧАСА", 90),
        ("1,33 uur", 80),
        ("90,5 min", 91),
    ],
)
@pytest.mark.parametrize("locale", LOCALES)
def test_durations_are_read_in_either_language(locale: str, text: str, minutes: int) -> None:
    assert parse_duration(text, locale) == minutes


def test_a_lone_dot_in_hours_follows_the_locale() -> None:
    assert parse_duration("1.000 uur", "nl") == 1000 * 60  # the most one sale may take
    assert parse_duration("1.250 ч", "ru") == 75


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "DURATION_EMPTY"),
        ("abc", "DURATION_UNREADABLE"),
        ("-30", "DURATION_UNREADABLE"),
        ("1:75", "DURATION_UNREADABLE"),
        ("2 30", "DURATION_UNREADABLE"),
        ("min", "DURATION_UNREADABLE"),
        ("1e3 min", "DURATION_UNREADABLE"),
        ("1,5", "DURATION_AMBIGUOUS"),
        ("20000 uur", "ABOVE_MAXIMUM"),  # over 1000 hours (issue 17)
        ("1001 uur", "ABOVE_MAXIMUM"),
        ("60001 min", "ABOVE_MAXIMUM"),
        ("99999999999999 min", "TOO_LARGE"),
    ],
)
@pytest.mark.parametrize("locale", LOCALES)
def test_unreadable_durations_are_refused_with_a_localised_hint(
    locale: str, text: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_duration(text, locale)
    assert caught.value.message == getattr(n, message)
    assert_said_in_both_languages(caught.value)


@given(minutes=st.integers(0, n.MAX_MINUTES - 1), locale=st.sampled_from(LOCALES))
def test_reading_a_written_duration_gives_the_same_minutes(minutes: int, locale: str) -> None:
    assert parse_duration(format_duration(minutes, locale), locale) == minutes


@given(text=st.text(max_size=30), locale=st.sampled_from(LOCALES))
def test_any_text_is_read_as_a_duration_or_refused_with_an_input_error(text: str, locale: str):
    with contextlib.suppress(InputError):
        assert parse_duration(text, locale) >= 0


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("2u", 120),
        ("2 uur", 120),
        ("1,5 u", 90),
        ("1u30", 90),
        ("1 u 30", 90),
        ("anderhalf uur", 90),
        ("half uur", 30),
        ("90 min", 90),
        ("90 minuten", 90),
        ("2 uren", 120),
        ("10 uur", 600),
        ("30u", 1800),
        ("1 uur 30 min", 90),
        ("1 uur 30", 90),
        ("1u 30m", 90),
        ("2 uur.", 120),
        ("een half uur", 30),
        ("Anderhalf uur", 90),
        ("anderhalve uur", 90),
        ("anderhalf uurtje", 90),
        ("een uurtje", 60),
        ("2 uurtjes", 120),
        ("half uurtje", 30),
        ("halfuurtje", 30),
        ("2 en een half uur", 150),
        ("2 en half uur", 150),
        ("kwartier", 15),
        ("een kwartiertje", 15),
        ("drie kwartier", 45),
        ("3 kwartier", 45),
        ("1 uur en een kwartier", 75),
        ("twee uur", 120),  # a count in words before its unit (issue 17)
        ("drie uur", 180),
        ("twee en een half uur", 150),
        ("tien minuten", 10),
        ("twintig min", 20),
    ],
)
def test_times_as_dutch_people_type_them(text: str, minutes: int) -> None:
    for bare in (n.BARE_MINUTES, n.BARE_HOURS, n.BARE_ASK):
        assert parse_duration(text, "nl", bare=bare) == minutes


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("2 ч", 120),
        ("2ч", 120),
        ("1,5 ч", 90),
        ("1 ч 30 мин", 90),
        ("1ч30м", 90),
        ("90 мин", 90),
        ("полтора часа", 90),
        ("2 часа", 120),
        ("два часа", 120),  # a count in words before its unit (issue 17)
        ("две минуты", 2),
        ("двадцать минут", 20),
        ("пол часа", 30),
        ("полчаса", 30),
        ("полчасика", 30),
        ("90 минут", 90),
        ("90 мин.", 90),
        ("90мин", 90),
        ("2 ч.", 120),
        ("1 ч. 30 мин.", 90),
        ("1 час 30", 90),
        ("1ч30", 90),
        ("1,5ч", 90),
        ("1.5 ч", 90),
        ("Полтора часа", 90),
        ("час с половиной", 90),
        ("2 с половиной часа", 150),
        ("четверть часа", 15),
    ],
)
def test_times_as_russian_people_type_them(text: str, minutes: int) -> None:
    for bare in (n.BARE_MINUTES, n.BARE_HOURS, n.BARE_ASK):
        assert parse_duration(text, "ru", bare=bare) == minutes


@pytest.mark.parametrize(
    ("text", "number"),
    [("2", Decimal(2)), ("90", Decimal(90)), ("1,5", Decimal("1.5")), (" 45 ", Decimal(45))],
)
@pytest.mark.parametrize("locale", LOCALES)
def test_a_bare_number_can_be_reported_as_having_no_unit(
    locale: str, text: str, number: Decimal
) -> None:
    with pytest.raises(n.DurationUnitMissing) as caught:
        parse_duration(text, locale, bare=n.BARE_ASK)
    assert caught.value.number == number
    assert caught.value.message == n.DURATION_NO_UNIT
    assert caught.value.params == {"text": text.strip()}
    assert_said_in_both_languages(caught.value)


def test_the_no_unit_question_reads_naturally() -> None:
    error = n.DurationUnitMissing("2", Decimal(2))
    assert translator("nl")._(error.message, **error.params) == (
        "2 — minuten of uren? Schrijf 2u of 2 min."
    )
    assert translator("ru")._(error.message, **error.params) == (
        "2 — минуты или часы? Напишите 2 ч или 2 мин."
    )


@pytest.mark.parametrize(
    ("text", "minutes"), [("10", 600), ("2,5", 150), ("1.5", 90), ("0,25", 15), ("1:30", 90)]
)
def test_a_bare_number_is_hours_where_hours_are_asked(text: str, minutes: int) -> None:
    assert parse_duration(text, "nl", bare=n.BARE_HOURS) == minutes
    assert parse_duration(text.replace(".", ","), "ru", bare=n.BARE_HOURS) == minutes


@pytest.mark.parametrize("bare", [n.BARE_HOURS, n.BARE_ASK])
@pytest.mark.parametrize(
    ("text", "message"),
    [("", "DURATION_EMPTY"), ("abc", "DURATION_UNREADABLE"), ("2 30", "DURATION_UNREADABLE")],
)
def test_unreadable_times_stay_refused_whatever_a_bare_number_means(
    bare: str, text: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_duration(text, "nl", bare=bare)
    assert not isinstance(caught.value, n.DurationUnitMissing)
    assert caught.value.message == getattr(n, message)


def test_a_bare_number_too_large_for_its_meaning_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_duration("20000", "nl", bare=n.BARE_HOURS)
    assert caught.value.message == n.ABOVE_MAXIMUM
    with pytest.raises(InputError) as caught:
        parse_duration("1000000", "ru", bare=n.BARE_ASK)
    assert caught.value.message == n.ABOVE_MAXIMUM
    assert not isinstance(caught.value, n.TimeTooLong)  # a bare number may be an amount


@given(
    minutes=st.integers(0, n.MAX_MINUTES - 1),
    locale=st.sampled_from(LOCALES),
    bare=st.sampled_from([n.BARE_MINUTES, n.BARE_HOURS, n.BARE_ASK]),
)
def test_a_time_as_kompas_shows_it_reads_back_whatever_a_bare_number_means(
    minutes: int, locale: str, bare: str
) -> None:
    shown = translator(locale).duration(minutes)
    assert parse_duration(shown, locale, bare=bare) == minutes


@given(hours=st.decimals(min_value=0, max_value=999, places=2), locale=st.sampled_from(LOCALES))
def test_hours_typed_bare_read_back_to_the_minute(hours: Decimal, locale: str) -> None:
    typed = translator(locale).number(hours)
    expected = int((hours * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    assert parse_duration(typed, locale, bare=n.BARE_HOURS) == expected


@pytest.mark.parametrize(
    ("text", "locale"),
    [("een", "nl"), ("één", "nl"), ("Een", "nl"), ("anderhalf", "nl"), ("полтора", "ru")],
)
def test_a_number_word_without_a_unit_is_hours_where_asked_and_no_time_elsewhere(
    text: str, locale: str
) -> None:
    hours = {"een": 60, "één": 60, "anderhalf": 90, "полтора": 90}[text.casefold()]
    assert parse_duration(text, locale, bare=n.BARE_HOURS) == hours
    for bare in (n.BARE_MINUTES, n.BARE_ASK):  # "Een" may be a name: not a bare number
        with pytest.raises(InputError) as caught:
            parse_duration(text, locale, bare=bare)
        assert not isinstance(caught.value, n.DurationUnitMissing)
        assert caught.value.message == n.DURATION_UNREADABLE


@pytest.mark.parametrize("text", ["half", "2 en een halve", "kwartier uur", "с половиной"])
def test_half_words_without_their_hour_are_no_time(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_duration(text, "nl", bare=n.BARE_ASK)
    assert caught.value.message == n.DURATION_UNREADABLE
