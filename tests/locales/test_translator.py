"""The translator hands out texts, formats and parsers for one language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from locales import InputError, translator
from tests.locales.checks import NBSP


@pytest.mark.parametrize(
    ("locale", "weeks_ago", "text"),
    [
        ("nl", 0, "deze week"),
        ("nl", 1, "vorige week"),
        ("nl", 2, "2 weken geleden"),
        ("nl", 12, "12 weken geleden"),
        ("ru", 0, "на этой неделе"),
        ("ru", 1, "на прошлой неделе"),
        ("ru", 2, "2 недели назад"),
        ("ru", 5, "5 недель назад"),
        ("ru", 11, "11 недель назад"),
        ("ru", 21, "21 неделю назад"),
        ("ru", 22, "22 недели назад"),
    ],
)
def test_a_past_week_is_said_as_people_say_it(locale: str, weeks_ago: int, text: str) -> None:
    assert translator(locale).relative_week(weeks_ago) == text


def test_a_week_in_the_future_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        translator("nl").relative_week(-1)


def test_the_translator_formats_in_its_own_locale() -> None:
    nl, ru = translator("nl"), translator("ru")
    assert nl.money(125050, "EUR") == f"€{NBSP}1.250,50"
    assert ru.money(125050, "RUB", whole=True) == f"1{NBSP}251{NBSP}₽"
    assert nl.number(1250) == "1.250"
    assert ru.percent(0.25) == f"25{NBSP}%"
    assert nl.duration(90) == "1 uur 30 min"
    assert ru.duration(90) == "1 ч 30 мин"
    assert nl.time(540) == "09:00"
    assert nl.date(dt.date(2026, 11, 23), style="short") == "23-11-2026"
    assert ru.weekday(0) == "понедельник"


def test_the_translator_reads_in_its_own_locale() -> None:
    nl, ru = translator("nl"), translator("ru")
    assert nl.parse_money("€ 1.250,-", "EUR") == 125000
    assert ru.parse_money("-1 250,50 ₽", "RUB", allow_negative=True) == -125050
    assert nl.parse_number("1.250") == 1250
    assert ru.parse_number("1.250") == Decimal("1.25")
    assert ru.parse_percent("12,5 %") == Decimal("0.125")
    assert nl.parse_duration("1,5u") == 90
    assert ru.parse_time("21:15") == 1275
    assert ru.parse_date("вчера", today=dt.date(2026, 11, 23)) == dt.date(2026, 11, 22)


def test_an_input_error_is_answered_in_the_callers_language_with_the_text_escaped() -> None:
    with pytest.raises(InputError) as caught:
        translator("ru").parse_money("<b>много</b>", "RUB")
    said = translator("ru").error(caught.value)
    assert "&lt;b&gt;много&lt;/b&gt;" in said
    assert "<b>" not in said
    assert said.startswith("«")
