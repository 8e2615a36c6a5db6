"""The one grammar on its own (bot/reading/grammar.py, bot/reading/sale_grammar.py): where a
name ends, which words are the amount, the cost, the time and the date. Today is Monday 23
November 2026."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.reading.grammar import (
    PaidLine,
    Reader,
    has_sale_fields,
    leading_names,
    read_grades,
    read_paid,
    tokens,
)
from bot.reading.sale_grammar import SaleFields, read_sale
from bot.reading.words import FUTURE_DATE
from locales import InputError
from locales.numbers import parse_duration

TODAY = dt.date(2026, 11, 23)
NL = Reader("nl", "EUR", TODAY)
RU = Reader("ru", "RUB", TODAY)


def test_words_know_their_field_and_decoration_is_dropped() -> None:
    words = tokens("  Волкова,1000, 1.250,50; 450,-  2ч 🎉!! ")
    assert [(w.text, w.field) for w in words] == [
        ("Волкова", 0),
        ("1000", 1),
        ("1.250,50", 2),
        ("450,-", 3),
        ("2ч", 3),
    ]
    assert [w.text for w in tokens("Смирнова 💇‍♀️ 2500.")] == ["Смирнова", "2500"]
    assert [w.text for w in tokens("Bakkerij B.V.")] == ["Bakkerij", "B.V."]


@pytest.mark.parametrize(
    ("reader", "typed", "name", "fields"),
    [
        # the currency written apart stays with its amount
        (NL, "Bakkerij de Vries 1 250", "Bakkerij de Vries", SaleFields(amount=125_000)),
        (RU, "Кофейня «Зерно» 1 250,50 ₽", "Кофейня «Зерно»", SaleFields(amount=125_050)),
        (NL, "Bakkerij 1.250 €", "Bakkerij", SaleFields(amount=125_000)),
        (NL, "Bakkerij € 1.250", "Bakkerij", SaleFields(amount=125_000)),
        (NL, "Bakkerij EUR 1250", "Bakkerij", SaleFields(amount=125_000)),
        (NL, "Bakkerij 1250 euro", "Bakkerij", SaleFields(amount=125_000)),
        (RU, "Анна 1250 руб.", "Анна", SaleFields(amount=125_000)),
        (NL, "Kapsalon Top 100", "Kapsalon Top", SaleFields(amount=10_000)),  # TOP: a currency
        (NL, "3D Studio 100", "3D Studio", SaleFields(amount=10_000)),
        (NL, "Hotel 30K", "Hotel", SaleFields(amount=3_000_000)),
        (RU, "Звездочка 30 тыс.", "Звездочка", SaleFields(amount=3_000_000)),
        (RU, "Алиев 2.500", "Алиев", SaleFields(amount=250_000)),
        (RU, "Волкова 12 500 000", "Волкова", SaleFields(amount=1_250_000_000)),
        # amount, cost and time, by commas or by spaces; a time goes where it belongs
        (NL, "Özdemir 350, 0, 1,5 uur", "Özdemir", SaleFields(amount=35_000, cost=0, minutes=90)),
        (NL, "Özdemir 350 anderhalf uur", "Özdemir", SaleFields(amount=35_000, minutes=90)),
        (
            NL,
            "Hotel 12.500 2.000 30u",
            "Hotel",
            SaleFields(amount=1_250_000, cost=200_000, minutes=1800),
        ),
        (
            RU,
            "Зерно 12 500 3 000 1 ч 30 мин",
            "Зерно",
            SaleFields(amount=1_250_000, cost=300_000, minutes=90),
        ),
        (
            RU,
            "Кузнецов 500 руб., 0, 2 ч",
            "Кузнецов",
            SaleFields(amount=50_000, cost=0, minutes=120),
        ),
        (
            RU,
            "Волкова, 1000, 0, 2",
            "Волкова",
            SaleFields(amount=100_000, cost=0, bare_time="2", bare_text="2"),
        ),
        # a date only at the end, never the only amount
        (
            RU,
            "Волкова 2500 вчера",
            "Волкова",
            SaleFields(amount=250_000, sold_on=TODAY - dt.timedelta(days=1)),
        ),
        (RU, "Волкова вчера", "Волкова", SaleFields(sold_on=TODAY - dt.timedelta(days=1))),
        (RU, "Волкова 1000 23.11", "Волкова", SaleFields(amount=100_000, sold_on=TODAY)),
        (NL, "Hotel 23.11", "Hotel", SaleFields(amount=2311)),
        (NL, "Hotel 500 23 nov", "Hotel", SaleFields(amount=50_000, sold_on=TODAY)),
    ],
)
def test_a_sale_line_reads_as_meant(
    reader: Reader, typed: str, name: str, fields: SaleFields
) -> None:
    line = read_sale(reader, typed)
    assert (line.name, line.readings) == (name, (fields,))


def test_a_space_grouped_pair_reads_two_ways_only_when_the_first_is_not_smaller() -> None:
    assert read_sale(NL, "Smit 500 200").readings == (
        SaleFields(amount=50_020_000),
        SaleFields(amount=50_000, cost=20_000),
    )
    assert read_sale(NL, "Smit 1 250").readings == (SaleFields(amount=125_000),)
    assert read_sale(NL, "Smit 3 000").readings == (SaleFields(amount=300_000),)
    # a currency sign says money, not where the amount ends: asked as well (the attacker)
    assert read_sale(NL, "Smit 500 200 €").readings == (
        SaleFields(amount=50_020_000),
        SaleFields(amount=50_000, cost=20_000),
    )
    assert read_sale(NL, "Smit 500 200 duizend").readings == (SaleFields(amount=50_020_000_000),)
    # a sign glued to the number is the same sign (the attacker's "€500 200", stored unasked)
    assert read_sale(NL, "Smit €500 200").readings == (
        SaleFields(amount=50_020_000),
        SaleFields(amount=50_000, cost=20_000),
    )


@pytest.mark.parametrize(
    ("typed", "fields"),
    [
        # a number its time unit follows is that time, never a group of the number before it
        # (the attacker's "90000 50 120 uur": € 50.120 and one hour)
        ("Smit 90000 50 120 uur", SaleFields(amount=9_000_000, cost=5_000, minutes=7_200)),
        ("Smit 500 50 120 min", SaleFields(amount=50_000, cost=5_000, minutes=120)),
        ("Smit 1 250 2 uur", SaleFields(amount=125_000, minutes=120)),
    ],
)
def test_a_timed_number_is_no_thousands_group(typed: str, fields: SaleFields) -> None:
    assert read_sale(NL, typed).readings == (fields,)


def test_a_number_after_the_name_may_belong_to_it() -> None:
    line = read_sale(NL, "Studio 54 100")
    assert (line.name, line.readings) == ("Studio", (SaleFields(amount=5_410_000),))
    assert line.longer is not None
    assert (line.longer.name, line.longer.readings) == ("Studio 54", (SaleFields(amount=10_000),))
    assert read_sale(NL, "Studio, 54, 100").longer is None  # the comma says where it ends


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        (
            "Hotel 500 25-11-2026",
            "“{text}” is in the future. Type the day it happened, for example yesterday.",
        ),
        (  # 38 days ahead without a year: refused, not last year's
            "Hotel 500 31-12",
            "“{text}” is in the future. Type the day it happened, for example yesterday.",
        ),
        (
            "Hotel 2u",
            "Start with the amount, then the cost and the time: /sale Bakkerij 1250 300 2h",
        ),
        ("Hotel 500 2u 3u", "That's two times. Type one, for example 1,5 h or 90 min."),
        (
            "Hotel, 1, 2, 3, 4",
            "That's more than amount, cost and time. Try: /sale Bakkerij de Vries, 1250, 300, 2h",
        ),
        ("Hotel, 0", "The amount can't be zero here. Type an amount above zero."),
    ],
)
def test_lines_that_cannot_be_a_sale_say_why(typed: str, error: str) -> None:
    with pytest.raises(InputError) as raised:
        read_sale(NL, typed)
    assert raised.value.message == error


def test_paid_reads_name_amount_and_date() -> None:
    line = read_paid(NL, "Glans 500,50 gisteren")
    assert (line.name, line.amount, line.paid_on) == ("Glans", 50_050, dt.date(2026, 11, 22))
    assert read_paid(RU, "Зерно").data() == {}
    line = read_paid(NL, "Kapsalon 1")
    assert (line.name, line.amount) == ("Kapsalon", 100)
    assert line.longer == PaidLine("Kapsalon 1")
    line = read_paid(NL, "Studio 54 50 gisteren")  # "54 50" is no amount: the 54 is the name's
    assert (line.name, line.amount, line.paid_on) == ("Studio 54", 5000, dt.date(2026, 11, 22))


@pytest.mark.parametrize(
    "typed", ["Smit 5, 5, 4", "Smit 5 5 4", "Smit 5,5,4", "Smit 5;5;4.", "Smit 5/5/4", "Smit 5-5-4"]
)
def test_grades_by_commas_or_spaces(typed: str) -> None:
    assert read_grades(typed) == ("Smit", ["5", "5", "4"])


def test_grades_leave_a_number_of_the_name_with_it() -> None:
    assert read_grades("Studio 54 5 4 3") == ("Studio 54", ["5", "4", "3"])
    assert read_grades("Bakkerij de Vries") == ("Bakkerij de Vries", [])


@pytest.mark.parametrize(
    ("typed", "sale"),
    [
        ("Волкова 2500 вчера", True),
        ("Волкова, 2500, вчера", True),
        ("Anna 23-11", True),
        ("Bakkerij de Vries 1.250", True),
        ("Bakkerij de Vries, organisatie, Utrecht", False),
        ("Bakkerij B.V.", False),
        ("Studio 54", False),  # one or two digits: the name's own
        ("Studio 54, organisatie", False),
        ("Bar 2000", True),
        ("Anna Smit", False),
    ],
)
def test_add_lines_that_are_sales(typed: str, sale: bool) -> None:
    assert has_sale_fields(RU, typed) is sale


def test_a_complaint_splits_longest_name_first() -> None:
    assert leading_names("Жукова скандалила из-за цены") == [
        ("Жукова скандалила из-за цены", ""),
        ("Жукова скандалила из-за", "цены"),
        ("Жукова скандалила", "из-за цены"),
        ("Жукова", "скандалила из-за цены"),
    ]


# Every spoken time locales.numbers.parse_duration reads, as its README list names them.
SPOKEN_TIMES = {
    "nl": [
        "anderhalf uur",
        "anderhalve uur",
        "half uur",
        "een half uur",
        "een uurtje",
        "2 en een half uur",
        "kwartier",
        "een kwartier",
        "drie kwartier",
        "1 uur en een kwartier",
        "2 uur en 15 min",
        "2 uur en een kwartier",
    ],
    "ru": [
        "полтора часа",
        "полчаса",
        "пол часа",
        "час с половиной",
        "2 с половиной часа",
        "четверть часа",
        "2 часа 15 минут",
        "2 ч 15 мин",
        "1 ч 30 мин",
    ],
}


@pytest.mark.parametrize(
    ("reader", "spoken"),
    [(NL, s) for s in SPOKEN_TIMES["nl"]] + [(RU, s) for s in SPOKEN_TIMES["ru"]],
)
def test_every_time_the_parser_reads_is_read_in_a_sale_line(reader: Reader, spoken: str) -> None:
    minutes = parse_duration(spoken, reader.locale)
    assert read_sale(reader, f"Smit 200 {spoken}").readings == (
        SaleFields(amount=20_000, minutes=minutes),
    )
    assert read_sale(reader, f"Smit 200, 50, {spoken}, 20-11").readings == (
        SaleFields(amount=20_000, cost=5_000, minutes=minutes, sold_on=dt.date(2026, 11, 20)),
    )


@pytest.mark.parametrize(
    ("typed", "fields"),
    [
        ("Knipperij 2 uur 95", SaleFields(amount=9_500, minutes=120)),
        ("Knipperij 2 uur 45", SaleFields(amount=4_500, minutes=120)),
        ("Knipperij 1 uur 350 50", SaleFields(amount=35_000, cost=5_000, minutes=60)),
        ("Zwaan 210 kwartier", SaleFields(amount=21_000, minutes=15)),
        ("Алиев 3000 час с половиной", SaleFields(amount=300_000, minutes=90)),
        ("Knipperij 200 1 uur 30", SaleFields(amount=20_000, minutes=90)),  # "1 ч 30" stays
    ],
)
def test_a_time_with_its_unit_may_stand_before_the_amount(typed: str, fields: SaleFields) -> None:
    assert read_sale(NL, typed).readings == (fields,)


@pytest.mark.parametrize(
    "typed",
    [
        "Berg 1250 euro, 150 kosten, 4 uur",
        "Berg 1250 kosten 150 4 uur",
        "Berg 1250 150 kosten 4u",
        "Berg 1250, cost 150, 4u",
        "Berg 1250 4 uur 150 kosten",
    ],
)
def test_a_cost_word_marks_the_cost(typed: str) -> None:
    assert read_sale(NL, typed).readings == (SaleFields(amount=125_000, cost=15_000, minutes=240),)


@pytest.mark.parametrize(
    "typed",
    ["Волкова 500, 150 затраты, 2ч", "Волкова 500 затраты 150 2ч", "Волкова 500 150 расходы 2ч"],
)
def test_a_russian_cost_word_marks_the_cost(typed: str) -> None:
    assert read_sale(RU, typed).readings == (SaleFields(amount=50_000, cost=15_000, minutes=120),)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("kees 80 ma", dt.date(2026, 11, 16)),
        ("kees 80 di", dt.date(2026, 11, 17)),
        ("Hotel Anker 1500 1,5u do", dt.date(2026, 11, 19)),
        ("kees 80, zo", dt.date(2026, 11, 22)),
        ("Волкова 500 пн", dt.date(2026, 11, 16)),
        ("Волкова 500 2 ч вс", dt.date(2026, 11, 22)),
    ],
)
def test_short_weekdays_after_an_amount_or_a_time_are_the_date(typed: str, day: dt.date) -> None:
    assert read_sale(NL, typed).readings[0].sold_on == day


def test_short_weekday_words_stay_in_a_name_before_the_amount() -> None:
    assert read_sale(NL, "Café Do 80").name == "Café Do"
    assert read_paid(NL, "Jan Do").name == "Jan Do"


@pytest.mark.parametrize("typed", ["Smit 200 morgen", "Smit 200, 1u, overmorgen"])
def test_tomorrow_is_refused_as_the_future(typed: str) -> None:
    with pytest.raises(InputError) as raised:
        read_sale(NL, typed)
    assert raised.value.message == FUTURE_DATE
    with pytest.raises(InputError) as raised:
        read_sale(RU, "Волкова 500 завтра")
    assert raised.value.message == FUTURE_DATE


def test_a_number_of_three_digits_or_more_goes_into_a_name_only_as_a_last_resort() -> None:
    line = read_sale(NL, "de boer 1250 EUR 2 uur en 15 min 22-11-26")
    assert (line.name, line.refusal) == ("de boer", None)
    line = read_sale(NL, "de boer 1250 2u 300 100")  # only "de boer 1250" reads
    assert line.name == "de boer 1250"
    assert line.refusal is not None  # the handler refuses unless that client exists


@pytest.mark.parametrize(
    ("reader", "typed", "name"),
    [
        (NL, "de roos alles", "de roos"),
        (NL, "De Roos alles!", "De Roos"),
        (RU, "Кузнецов всё", "Кузнецов"),
        (RU, "Кузнецов все", "Кузнецов"),
    ],
)
def test_paid_everything(reader: Reader, typed: str, name: str) -> None:
    line = read_paid(reader, typed)
    assert (line.name, line.everything, line.amount) == (name, True, None)
    assert read_paid(NL, "de roos alles gisteren").paid_on == dt.date(2026, 11, 22)
