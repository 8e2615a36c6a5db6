"""/paid typed as people type (issue 17): the rest of what is open, a full stop after the name,
one payment closing the oldest invoices it covers, and a payment dated before its sale."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from storage.models import Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, rows

TODAY = dt.date(2026, 11, 23)  # the chat's clock
DUE = dt.date(2026, 12, 31)


def _paid(engine: Engine) -> dict[int, tuple[int | None, dt.date | None]]:
    """Sale amount → (the part paid, the day paid in full)."""
    return {s.amount: (s.paid_amount, s.paid_on) for s in rows(engine, Sale)}


async def test_rest_words_pay_all_that_is_open(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    ru_client = make_client(sqlite_engine, ru_team, "ООО Ромашка")
    make_sale(sqlite_engine, ru_team, ru_client, 100_000, due_on=DUE)
    make_sale(sqlite_engine, ru_team, ru_client, 50_000, due_on=DUE, paid_amount=20_000)
    olga = chat.person(RU_OWNER, "Ольга", "ru")

    seen = await chat.send(olga, "/paid Ромашка остаток")

    assert "ООО Ромашка: оплачено 1 300 ₽, погашены 2 долга." in seen
    assert _paid(sqlite_engine) == {100_000: (None, TODAY), 50_000: (20_000, TODAY)}

    nl_client = make_client(sqlite_engine, nl_team, "De Roos")
    make_sale(sqlite_engine, nl_team, nl_client, 40_000, due_on=DUE)
    make_sale(sqlite_engine, nl_team, nl_client, 10_000, due_on=DUE)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/betaald De Roos rest")
    assert "De Roos heeft € 500 betaald: 2 facturen zijn voldaan." in seen


async def test_dutch_restant_pays_all_that_is_open(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, nl_team, "De Roos")
    make_sale(sqlite_engine, nl_team, client, 40_000, due_on=DUE)
    make_sale(sqlite_engine, nl_team, client, 10_000, due_on=DUE)
    anna = chat.person(NL_OWNER, "Anna", "nl")

    seen = await chat.send(anna, "/betaald de roos restant")

    assert "De Roos heeft € 500 betaald: 2 facturen zijn voldaan." in seen
    assert _paid(sqlite_engine) == {40_000: (None, TODAY), 10_000: (None, TODAY)}


async def test_full_stop_after_the_name_finds_the_client(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, ru_team, "ООО Вектор")
    make_sale(sqlite_engine, ru_team, client, 100_000, due_on=DUE)
    olga = chat.person(RU_OWNER, "Ольга", "ru")

    seen = await chat.send(olga, "/paid вектор.")

    assert "ООО Вектор: оплачено 1 000 ₽, погашен 1 долг." in seen
    assert _paid(sqlite_engine) == {100_000: (None, TODAY)}


async def test_one_look_alike_is_a_yes_or_no_question(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, ru_team, "ООО Вектор Плюс")
    make_sale(sqlite_engine, ru_team, client, 100_000, due_on=DUE)
    olga = chat.person(RU_OWNER, "Ольга", "ru")

    seen = await chat.send(olga, "/paid вектр плс")

    assert "Может быть, это ООО Вектор Плюс?" in seen  # the name stays nominative
    assert seen.buttons == ["Да", "Нет"]
    seen = await chat.press(olga, "Нет")
    assert _paid(sqlite_engine) == {100_000: (None, None)}

    await chat.send(olga, "/paid вектр плс")
    seen = await chat.press(olga, "Да")
    assert "ООО Вектор Плюс: оплачено 1 000 ₽, погашен 1 долг." in seen
    assert _paid(sqlite_engine) == {100_000: (None, TODAY)}


async def test_a_payment_closes_the_oldest_invoices_it_covers_and_says_which(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, ru_team, "Котова", kind="person")
    for amount, day in ((280_000, 10), (300_000, 15), (150_000, 20)):
        make_sale(
            sqlite_engine, ru_team, client, amount, sold_on=dt.date(2026, 11, day), due_on=DUE
        )
    olga = chat.person(RU_OWNER, "Ольга", "ru")

    seen = await chat.send(olga, "/paid Котова 5 800")

    # 2 800 + 3 000 = 5 800: the two oldest are paid in full, the newest stays open.
    assert "Котова: оплачено 5 800 ₽, погашены 2 долга. Осталось оплатить: 1 500 ₽." in seen
    assert (
        "Полностью оплачено: 2 800 ₽ (продажа 10 ноября); 3 000 ₽ (продажа 15 ноября)." in seen.text
    )
    assert _paid(sqlite_engine) == {
        280_000: (None, TODAY),
        300_000: (None, TODAY),
        150_000: (None, None),
    }


async def test_more_than_any_one_invoice_is_paid_oldest_first_without_a_question(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, ru_team, "Котова", kind="person")
    for amount, day in ((280_000, 10), (300_000, 15), (150_000, 20)):
        make_sale(
            sqlite_engine, ru_team, client, amount, sold_on=dt.date(2026, 11, day), due_on=DUE
        )
    olga = chat.person(RU_OWNER, "Ольга", "ru")

    seen = await chat.send(olga, "/paid Котова 6 000")

    # 2 800 and 3 000 closed, 200 of the 1 500: 1 300 stays open.
    assert "Котова: оплачено 6 000 ₽, осталось оплатить 1 300 ₽." in seen
    assert (
        "Полностью оплачено: 2 800 ₽ (продажа 10 ноября); 3 000 ₽ (продажа 15 ноября)." in seen.text
    )
    assert _paid(sqlite_engine) == {
        280_000: (None, TODAY),
        300_000: (None, TODAY),
        150_000: (20_000, None),
    }


async def test_a_payment_before_the_sale_is_refused_and_changes_nothing(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, ru_team, "Лиса", kind="person")
    make_sale(sqlite_engine, ru_team, client, 10_000, sold_on=TODAY, due_on=DUE)
    olga = chat.person(RU_OWNER, "Ольга", "ru")

    seen = await chat.send(olga, "/paid Лиса 100 позавчера")

    assert (
        "Продажа от 23 нояб. 2026 г.: её не могли оплатить раньше (21 нояб. 2026 г.). "
        "Ничего не изменено — отправьте /paid ещё раз с днём оплаты." in seen
    )
    assert _paid(sqlite_engine) == {10_000: (None, None)}
    # Refused after a question, the question ends as the refusal says: the next command stops
    # nothing (a Russian reader then read «(Отменил незаконченное: запись оплаты.)»)
    make_sale(sqlite_engine, ru_team, client, 20_000, sold_on=TODAY, due_on=DUE)
    await chat.send(olga, "/paid Лиса позавчера")
    await chat.press(olga, "сегодня · 100\xa0₽")
    seen = await chat.send(olga, "/clients")
    assert not seen.text.startswith("("), seen.text

    roos = make_client(sqlite_engine, nl_team, "De Roos")
    make_sale(sqlite_engine, nl_team, roos, 5_000, sold_on=TODAY, due_on=DUE)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/betaald De Roos alles gisteren")
    assert "De verkoop is van 23 nov 2026: die kan niet eerder betaald zijn (22 nov 2026)." in seen
    assert _paid(sqlite_engine)[5_000] == (None, None)


async def test_a_client_named_with_a_rest_word_keeps_their_name(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    rest = make_client(sqlite_engine, nl_team, "Hotel Rest")
    make_sale(sqlite_engine, nl_team, rest, 30_000, due_on=DUE)
    make_sale(sqlite_engine, nl_team, rest, 20_000, due_on=DUE)
    hotel = make_client(sqlite_engine, nl_team, "Hotel")
    make_sale(sqlite_engine, nl_team, hotel, 10_000, due_on=DUE)
    anna = chat.person(NL_OWNER, "Anna", "nl")

    seen = await chat.send(anna, "/betaald Hotel Rest")

    assert "Hoeveel heeft Hotel Rest betaald? In totaal staat er € 500 open." in seen
    assert _paid(sqlite_engine) == {
        30_000: (None, None),
        20_000: (None, None),
        10_000: (None, None),
    }


async def test_a_payment_of_yesterday_is_never_offered_a_sale_of_today(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """Second reader: `/betaald … 2000 gisteren` offered today's sale, then refused it."""
    roos = make_client(sqlite_engine, nl_team, "De Roos")
    make_sale(sqlite_engine, nl_team, roos, 150_000, due_on=DUE, sold_on=dt.date(2026, 11, 10))
    make_sale(sqlite_engine, nl_team, roos, 100_000, due_on=DUE, sold_on=TODAY)
    make_sale(sqlite_engine, nl_team, roos, 300_000, due_on=DUE, sold_on=TODAY)
    anna = chat.person(NL_OWNER, "Anna", "nl")

    seen = await chat.send(anna, "/betaald De Roos 2000 gisteren")  # only € 1.500 was open

    assert "kan niet eerder betaald zijn" in seen.text  # refused at once, with the reason
    assert not [b for b in seen.buttons if "vandaag" in b]
    assert all(paid == (None, None) for paid in _paid(sqlite_engine).values())

    bos = make_client(sqlite_engine, nl_team, "Bos")
    make_sale(sqlite_engine, nl_team, bos, 250_000, due_on=DUE, sold_on=dt.date(2026, 11, 5))
    make_sale(sqlite_engine, nl_team, bos, 300_000, due_on=DUE, sold_on=TODAY)
    seen = await chat.send(anna, "/betaald Bos 2000 gisteren")
    sales = [b.replace("\xa0", " ") for b in seen.buttons if "€" in b]
    assert sales == ["5 november · € 2.500"]  # not today's € 3.000
    seen = await chat.press(anna, seen.buttons[0])
    assert "2.000 betaald" in seen.text.replace("\xa0", " ")


async def test_of_two_look_alikes_only_the_one_who_owes_is_paid(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """`/paid Петрова` offered «Петрова Светлана», who owed nothing, beside «Нотариус Петрова»
    (found by the Russian second reader): only a client with something open is a choice."""
    notary = make_client(sqlite_engine, ru_team, "Нотариус Петрова")
    make_sale(sqlite_engine, ru_team, notary, 100_000, due_on=DUE)
    paid_up = make_client(sqlite_engine, ru_team, "Петрова Светлана", kind="person")
    make_sale(sqlite_engine, ru_team, paid_up, 30_000, due_on=DUE, paid_on=TODAY)
    olga = chat.person(RU_OWNER, "Ольга", "ru")

    seen = await chat.send(olga, "/paid Петрова")

    assert "Петрова Светлана" not in seen.text and "Петрова Светлана" not in seen.buttons
    assert _paid(sqlite_engine) == {100_000: (None, TODAY), 30_000: (None, TODAY)}


async def test_when_no_look_alike_owes_anything_it_says_so(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    for name in ("Петрова Светлана", "Петрова Анна"):
        client = make_client(sqlite_engine, ru_team, name, kind="person")
        make_sale(sqlite_engine, ru_team, client, 30_000, due_on=DUE, paid_on=TODAY)
    olga = chat.person(RU_OWNER, "Ольга", "ru")

    seen = await chat.send(olga, "/paid Петрова")

    assert seen.text == "«Петрова»: долгов нет."
    assert seen.buttons == []


async def test_an_invoice_paid_late_says_how_late_in_one_line(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    """A Dutch reader's Café paid 52 days after the due date and the bot said nothing of it;
    paying every open invoice said the amounts twice ("… betaald: € 1.300,00. Helemaal betaald:
    € 650,00 (…); € 650,00 (…)")."""
    due = TODAY - dt.timedelta(days=52)
    cafe = make_client(sqlite_engine, nl_team, "Café De Zaak")
    make_sale(sqlite_engine, nl_team, cafe, 89_000, sold_on=due - dt.timedelta(days=14), due_on=due)
    lux = make_client(sqlite_engine, nl_team, "Fotostudio Lux")
    make_sale(sqlite_engine, nl_team, lux, 65_000, sold_on=TODAY, due_on=DUE)
    make_sale(sqlite_engine, nl_team, lux, 65_000, sold_on=TODAY, due_on=DUE)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/betaald Café De Zaak 890")
    assert seen.text.startswith(
        "Café De Zaak heeft € 890 betaald: de factuur is voldaan, 52 dagen te laat."
    )
    seen = await chat.send(anna, "/betaald Fotostudio Lux rest")
    assert seen.text.startswith("Fotostudio Lux heeft € 1.300 betaald: 2 facturen zijn voldaan.")
    assert "Helemaal betaald" not in seen.text and "Daarmee betaald" not in seen.text

    kotova = make_client(sqlite_engine, ru_team, "Котова", kind="person")
    make_sale(sqlite_engine, ru_team, kotova, 500_000, sold_on=due, due_on=due)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/paid Котова 5 000")
    assert "Котова: оплачено 5 000 ₽, погашен 1 долг — с опозданием на 52 дня." in seen


async def test_a_sale_paid_in_part_before_is_said_as_its_rest_of_the_whole(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """«Полностью оплачено: 25 000 ₽ (продажа …)» for a sale of 45 000 ₽ of which 20 000 ₽
    were paid before read as a sale of 25 000 ₽ (the Russian designer)."""
    client = make_client(sqlite_engine, ru_team, "Котова", kind="person")
    make_sale(
        sqlite_engine,
        ru_team,
        client,
        4_500_000,
        sold_on=dt.date(2026, 11, 10),
        due_on=DUE,
        paid_amount=2_000_000,
    )
    make_sale(sqlite_engine, ru_team, client, 1_000_000, sold_on=dt.date(2026, 11, 15), due_on=DUE)
    olga = chat.person(RU_OWNER, "Ольга", "ru")

    seen = await chat.send(olga, "/paid Котова 30 000")

    assert "Полностью оплачено: остаток 25 000 ₽ из 45 000 ₽ (продажа 10 ноября)." in seen.text, (
        seen.text
    )
