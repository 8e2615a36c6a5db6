"""The one grammar of one-line commands (issue 17, README: Typing commands): every line the
issue found, typed through the real Application, stores what its writer meant or asks one
question with buttons. Today is Monday 23 November 2026."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from bot.transports.updates import Person
from storage.models import Client, Event, Rating, Sale, Team
from tests.chat import Chat, Seen
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, make_team, rows

TODAY = dt.date(2026, 11, 23)
YESTERDAY = dt.date(2026, 11, 22)


def sales(engine: Engine) -> list[tuple[str, int, int | None, int | None, dt.date]]:
    """(client, amount, cost, minutes, sold on) of every stored sale, in minor units."""
    names = {c.id: c.name for c in rows(engine, Client)}
    return [
        (names[s.client_id], s.amount, s.cost, s.minutes, s.sold_on)
        for s in sorted(rows(engine, Sale), key=lambda s: s.id)
    ]


def names(engine: Engine) -> set[str]:
    return {c.name for c in rows(engine, Client)}


def labels(seen: Seen) -> list[str]:
    return [label.replace("\u00a0", " ") for label in seen.buttons]


async def press(chat: Chat, person: Person, label: str) -> Seen:
    return await chat.press(person, label.replace("€ ", "€\u00a0").replace(" ₽", "\u00a0₽"))


# Dutch ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # the cost became the amount, after offering a new client "Hotel De Linde 12.500"
        ("/sale Hotel De Linde 12.500, 2.000", (1_250_000, 200_000, None)),
        ("/sale Hotel De Linde 12.500, 2.000, 30u", (1_250_000, 200_000, 1800)),
        # no comma after the name: the same
        ("/sale Hotel De Linde 12.500 2.000 30u", (1_250_000, 200_000, 1800)),
        ("/verkoop hotel de linde €1.250 1u30", (125_000, None, 90)),
        ("/sale Hotel De Linde 1.250 €, 0, anderhalf uur", (125_000, 0, 90)),
        ("/sale  hotel de linde   450,-  !! 🎉", (45_000, None, None)),
        ("/sale Hotel De Linde 2,5k 90 min", (250_000, None, 90)),
    ],
)
async def test_dutch_sale_lines_store_what_was_meant(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, typed: str, stored: tuple
) -> None:
    make_client(sqlite_engine, nl_team, "Hotel De Linde")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, typed)
    assert "Verkoop vastgelegd" in seen
    assert sales(sqlite_engine) == [("Hotel De Linde", *stored, TODAY)]
    assert names(sqlite_engine) == {"Hotel De Linde"}


async def test_a_cost_of_nothing_is_fine(chat: Chat, nl_team: Team, sqlite_engine: Engine) -> None:
    make_client(sqlite_engine, nl_team, "Özdemir")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sale Özdemir 350, 0, 1,5 uur")
    assert "niet nul" not in seen
    await chat.send(anna, "/sale Özdemir 360, 1,5 uur")  # a time stands where it stands
    assert sales(sqlite_engine) == [
        ("Özdemir", 35_000, 0, 90, TODAY),
        ("Özdemir", 36_000, None, 90, TODAY),
    ]


@pytest.mark.parametrize("grades", ["5, 5, 4", "5 5 4", "5,5,4", "5; 5; 4."])
async def test_rate_in_one_line_with_commas_or_spaces(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, grades: str
) -> None:
    make_client(sqlite_engine, nl_team, "Tandarts Smit")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, f"/rate Smit {grades}")
    assert "Jouw oordeel over Tandarts Smit" in seen
    assert sorted((r.criterion, r.value) for r in rows(sqlite_engine, Rating)) == [
        ("pays_on_time", 4),
        ("pleasant", 5),
        ("reasonable", 5),
    ]


async def test_dutch_dates_at_the_end_of_a_sale(
    chat: Chat, sqlite_engine: Engine, clock: object
) -> None:
    # A team that invoices in 14 days: the due date counts from the day of the sale.
    team = make_team(
        sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True, payment_days=14
    )
    make_client(sqlite_engine, team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sale Bakkerij de Vries 500 gisteren")
    assert "Verkoop vastgelegd: € 500 — Bakkerij de Vries, gisteren." in seen
    await chat.send(anna, "/sale Bakkerij 500, 2u, eergisteren")
    await chat.send(anna, "/sale Bakkerij 500 23 nov")
    seen = await chat.send(anna, "/sale Bakkerij 500 25-11")  # 2 days ahead: not last year's
    assert "„25-11” ligt in de toekomst" in seen.text
    assert [s[4] for s in sales(sqlite_engine)] == [YESTERDAY, dt.date(2026, 11, 21), TODAY]
    first = min(rows(sqlite_engine, Sale), key=lambda s: s.id)
    assert first.due_on == YESTERDAY + dt.timedelta(days=14)
    seen = await chat.send(anna, "/sale Bakkerij 500 25-11-2026")
    assert seen.text == (
        "„25-11-2026” ligt in de toekomst. Typ de dag waarop het gebeurde, bijvoorbeeld gisteren."
    )
    assert len(rows(sqlite_engine, Sale)) == 3


async def test_a_sale_on_the_spot_is_paid_on_its_own_day(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Kapsalon Knip", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/sale knip 45 gisteren")
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.sold_on, sale.paid_on, sale.due_on) == (YESTERDAY, YESTERDAY, None)


async def test_space_grouped_pair_is_asked_with_buttons(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Tandarts Smit")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sale Smit 500 200")
    assert seen.text == "Eén bedrag, of het bedrag en de kosten?"
    assert labels(seen) == ["€ 500.200", "€ 500, kosten € 200", "Annuleren"]
    assert rows(sqlite_engine, Sale) == []
    await press(chat, anna, "€ 500, kosten € 200")
    await chat.send(anna, "/sale Smit 500 200")
    await press(chat, anna, "€ 500.200")
    await press(chat, anna, "Ja, € 500.200 vastleggen")  # a thousand times the usual sale
    # "1 250" is one number: an amount of 1 with a cost of 250 is nobody's meaning.
    await chat.send(anna, "/sale Smit 1 250")
    assert sales(sqlite_engine) == [
        ("Tandarts Smit", 50_000, 20_000, None, TODAY),
        ("Tandarts Smit", 50_020_000, None, None, TODAY),
        ("Tandarts Smit", 125_000, None, None, TODAY),
    ]


async def test_a_name_ending_in_a_number(chat: Chat, nl_team: Team, sqlite_engine: Engine) -> None:
    make_client(sqlite_engine, nl_team, "Studio 54")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/sale Studio 54 100")  # only the longer name is a client
    assert sales(sqlite_engine) == [("Studio 54", 10_000, None, None, TODAY)]
    make_client(sqlite_engine, nl_team, "Studio")
    seen = await chat.send(anna, "/sale Studio 54 100")  # both are: asked
    assert seen.text == "Welke bedoel je?"
    assert labels(seen) == ["Studio 54: € 100", "Studio: € 54.100", "Annuleren"]
    await press(chat, anna, "Studio: € 54.100")
    await press(chat, anna, "Ja, € 54.100 vastleggen")  # 541 times the team's usual sale
    assert sales(sqlite_engine)[-1] == ("Studio", 5_410_000, None, None, TODAY)


async def test_a_new_name_ending_in_a_number_is_asked_about(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sale Kapsalon 1, 10")  # a cost above the amount
    assert seen.text == "Welke bedoel je?"
    assert labels(seen) == ["Kapsalon 1: € 10", "Kapsalon: € 1, kosten € 10", "Annuleren"]
    seen = await press(chat, anna, "Kapsalon 1: € 10")
    # "Kapsalon" says a business: added as an organisation, not asked (issue 17)
    assert "Verkoop vastgelegd: € 10 — Kapsalon 1" in seen
    assert names(sqlite_engine) == {"Kapsalon 1"}


async def test_add_with_an_amount_or_a_date_hints_at_sale(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/add Bakkerij de Vries 1.250 gisteren")
    assert seen.text.startswith(
        "Dat lijkt op een verkoop: /verkoop Bakkerij de Vries 1.250 gisteren"
    )
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Волкова 2500 вчера")
    assert seen.text == (
        "Похоже на продажу: /sale Волкова 2500 вчера\nЕсли в имени клиента есть число или "
        "дата, отправьте /add и напишите имя, когда я спрошу."
    )
    assert names(sqlite_engine) == set()


# Russian -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("/sale Звездочка 30 тыс.", ("Салон «Звёздочка»", 3_000_000, None, None, TODAY)),
        ("/sale Волкова 2500 вчера", ("Волкова Анна", 250_000, None, None, YESTERDAY)),
        ("/sale Кузнецов 500 руб., 0, 2 ч", ("Кузнецов Олег", 50_000, 0, 120, TODAY)),
        ("/sale Кузнецов 500, 100, 2ч", ("Кузнецов Олег", 50_000, 10_000, 120, TODAY)),
        ("/sale Алиев 2.500", ("Алиев Руслан", 250_000, None, None, TODAY)),
        ("/sale Алиев 30к", ("Алиев Руслан", 3_000_000, None, None, TODAY)),
        ("/sale Алиев 1,5 млн", ("Алиев Руслан", 150_000_000, None, None, TODAY)),
        ("/sale Волкова 12 500 000", ("Волкова Анна", 1_250_000_000, None, None, TODAY)),
        (
            "/sale Волкова 1 250 ₽ позавчера",
            ("Волкова Анна", 125_000, None, None, dt.date(2026, 11, 21)),
        ),
        (
            "/sale Волкова, 1 250,50, 300, 1 ч 30 мин, 23.11",
            ("Волкова Анна", 125_050, 30_000, 90, TODAY),
        ),
        (
            "/sale Волкова 3000 500 1,5 ч 20 ноября",
            ("Волкова Анна", 300_000, 50_000, 90, dt.date(2026, 11, 20)),
        ),
        ("/sale кузнецов 500 руб", ("Кузнецов Олег", 50_000, None, None, TODAY)),
    ],
)
async def test_russian_sale_lines_store_what_was_meant(
    chat: Chat, ru_team: Team, sqlite_engine: Engine, typed: str, stored: tuple
) -> None:
    for name in ("Салон «Звёздочка»", "Волкова Анна", "Кузнецов Олег", "Алиев Руслан"):
        make_client(sqlite_engine, ru_team, name)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, typed)
    assert "Продажа записана" in seen
    assert "?" not in seen.text.splitlines()[0]
    assert sales(sqlite_engine) == [stored]
    assert len(names(sqlite_engine)) == 4  # no client «Звездочка 30 тыс.»


async def test_a_bare_time_is_asked_not_stored_as_minutes(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Волкова Анна")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Волкова, 1000, 0, 2")
    assert seen.text == "2 — минуты или часы? Напишите 2 ч или 2 мин."
    assert seen.buttons == ["2 мин", "2 ч", "Отмена"]
    await chat.press(olga, "2 ч")
    assert sales(sqlite_engine) == [("Волкова Анна", 100_000, 0, 120, TODAY)]


async def test_complaint_without_a_colon(chat: Chat, ru_team: Team, sqlite_engine: Engine) -> None:
    make_client(sqlite_engine, ru_team, "Жукова Анна")
    make_client(sqlite_engine, ru_team, "Салон «Лён»")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/complaint Жукова скандалила из-за цены")
    assert "Проблема записана: Жукова Анна." in seen
    seen = await chat.send(olga, "/compliment Жукова Анна очень довольна стрижкой")
    assert "Жукова Анна" in seen
    notes = [(e.kind, e.note) for e in sorted(rows(sqlite_engine, Event), key=lambda e: e.id)]
    assert notes == [
        ("complaint", "скандалила из-за цены"),
        ("compliment", "очень довольна стрижкой"),
    ]


async def test_complaint_naming_nobody_asks_which_client_and_keeps_the_note(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Жукова Анна")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/complaint опять опоздали на час")
    assert "С каким клиентом проблема?" in seen
    seen = await chat.send(olga, "Жукова")
    assert "Проблема записана: Жукова Анна." in seen
    [event] = rows(sqlite_engine, Event)
    assert event.note == "опять опоздали на час"


# /paid NAME [AMOUNT] [DATE] ------------------------------------------------------------------


def _invoices(engine: Engine, team: Team) -> None:
    """Open invoices of 1 000,00, 500,50 and 250,25 (1 750,75 in all)."""
    client = make_client(engine, team, "Schoonmaakbedrijf Glans")
    for amount, sold_on in (
        (100_000, dt.date(2026, 10, 1)),
        (50_050, dt.date(2026, 10, 20)),
        (25_025, dt.date(2026, 11, 1)),
    ):
        make_sale(engine, team, client, amount, sold_on=sold_on, due_on=dt.date(2026, 12, 31))


def _paid(engine: Engine) -> list[tuple[int, int | None, dt.date | None]]:
    return [
        (s.amount, s.paid_amount, s.paid_on) for s in sorted(rows(engine, Sale), key=lambda s: s.id)
    ]


async def test_paid_with_the_amount_of_one_invoice_pays_it(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    _invoices(sqlite_engine, nl_team)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/betaald glans 500,50 gisteren")
    assert "Betaald: gisteren." in seen
    assert _paid(sqlite_engine) == [
        (100_000, None, None),
        (50_050, None, YESTERDAY),
        (25_025, None, None),
    ]
    await chat.send(anna, "/paid glans 1.250,25")  # all that is open
    assert all(paid_on is not None for _, _, paid_on in _paid(sqlite_engine))


async def test_paid_with_a_part_asks_which_invoice(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    _invoices(sqlite_engine, nl_team)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/paid glans 300")
    assert seen.text == "Voor welke factuur is de € 300 van Schoonmaakbedrijf Glans?"
    assert labels(seen) == [
        "1 oktober · € 1.000",
        "20 oktober · € 500,50",
        "De oudste eerst",
        "Annuleren",
    ]
    await press(chat, anna, "20 oktober · € 500,50")
    assert _paid(sqlite_engine) == [
        (100_000, None, None),
        (50_050, 30_000, None),
        (25_025, None, None),
    ]
    seen = await chat.send(anna, "/paid glans 5000")
    assert "Dat is meer dan" in seen.text


async def test_readme_examples_of_the_other_commands(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    grain = make_client(sqlite_engine, ru_team, "Кофейня «Зерно»")
    make_sale(sqlite_engine, ru_team, grain, 100_000, due_on=dt.date(2026, 12, 1))
    make_client(sqlite_engine, ru_team, "Смирнова Анна")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/paid Зерно 1 000 позавчера")
    assert "Оплачено: 21 ноября" in seen.text.replace("\u00a0", " ")
    assert [s.paid_on for s in rows(sqlite_engine, Sale)] == [dt.date(2026, 11, 21)]
    seen = await chat.send(olga, "/rate Смирнова 5 5 4")
    assert "Смирнова Анна" in seen
    assert len(rows(sqlite_engine, Rating)) == 3
    seen = await chat.send(olga, "/refer Зерно, Отель 500 вчера")
    assert "не похоже на имя" in seen.text
    assert names(sqlite_engine) == {"Кофейня «Зерно»", "Смирнова Анна"}


async def test_a_name_question_then_an_amounts_question(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Studio")
    make_client(sqlite_engine, nl_team, "Studio 54")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/klacht studio te laat")  # Studio is a client by itself
    assert "Klacht genoteerd bij Studio." in seen
    seen = await chat.send(anna, "/sale Studio 54 500 200")
    assert labels(seen) == ["Studio 54: € 500.200", "Studio: € 54.500.200", "Annuleren"]
    seen = await press(chat, anna, "Studio 54: € 500.200")
    assert seen.text == "Eén bedrag, of het bedrag en de kosten?"
    await press(chat, anna, "€ 500, kosten € 200")
    assert sales(sqlite_engine) == [("Studio 54", 50_000, 20_000, None, TODAY)]


async def test_a_colon_inside_the_note_does_not_end_the_name(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Жукова Анна")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/complaint Жукова сказала: дорого")
    assert "Проблема записана: Жукова Анна." in seen
    seen = await chat.send(olga, "/complaint Жукова: опять опоздала")
    assert "Проблема записана: Жукова Анна." in seen
    notes = [e.note for e in sorted(rows(sqlite_engine, Event), key=lambda e: e.id)]
    assert notes == ["сказала: дорого", "опять опоздала"]


async def test_a_name_with_a_short_number_is_added_and_paid(
    chat: Chat, sqlite_engine: Engine
) -> None:
    make_team(sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True, payment_days=14)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/add Studio 54, organisatie")
    assert "Toegevoegd: Studio 54" in seen
    await chat.send(anna, "/sale Studio 54, 100")  # the comma: no question
    await chat.send(anna, "/sale Studio 54, 80, eergisteren")  # paid after it was sold
    assert [s.paid_on for s in rows(sqlite_engine, Sale)] == [None, None]  # invoices
    seen = await chat.send(anna, "/betaald Studio 54 80 gisteren")
    assert "Betaald: gisteren." in seen
    assert [s.paid_on for s in sorted(rows(sqlite_engine, Sale), key=lambda s: s.id)] == [
        None,
        YESTERDAY,
    ]


async def test_a_sale_for_tomorrow_is_refused_as_the_future(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Jan Smit")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/verkoop Jan Smit 200 morgen")
    assert seen.text == (
        "„morgen” ligt in de toekomst. Typ de dag waarop het gebeurde, bijvoorbeeld gisteren."
    )
    assert sales(sqlite_engine) == []


async def test_a_forged_reading_choice_is_refused_not_a_crash(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sale Studio 54 100")  # no clients: which reading is asked
    message = seen.last
    data = message.button_data(message.button_labels[0])
    forged = data[: data.rindex(":") + 1] + "²"  # str.isdigit() holds, int() fails
    seen = await chat.press_data(anna, message, forged)
    assert "iets mis" not in seen.text  # was: ValueError, "Er ging bij mij iets mis"
    assert rows(sqlite_engine, Sale) == []


async def test_a_clients_whole_name_ending_in_a_number_is_asked_its_amount(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """`/sale Studio 54` booked € 54 on Studio 54 (an attacker): the whole line is its name, and
    the amount is asked."""
    make_client(sqlite_engine, nl_team, "Studio 54")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sale Studio 54")
    assert sales(sqlite_engine) == []
    # an organisation gets an invoice until the team says how its clients pay
    assert seen.text == "Hoeveel heb je Studio 54 gefactureerd? Bijvoorbeeld 1250,50."


@pytest.mark.parametrize("line", ["/sale Smit € 500 200", "/sale Smit 500 200 euro"])
async def test_a_currency_sign_does_not_end_the_question(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, line: str
) -> None:
    """The attacker's "€ 500 200" was stored as € 500.200 without asking, while "500 200" asks."""
    make_client(sqlite_engine, nl_team, "Tandarts Smit")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, line)
    assert seen.text == "Eén bedrag, of het bedrag en de kosten?"
    assert rows(sqlite_engine, Sale) == []
    await press(chat, anna, "€ 500, kosten € 200")
    assert sales(sqlite_engine) == [("Tandarts Smit", 50_000, 20_000, None, TODAY)]
