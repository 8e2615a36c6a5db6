"""/paid (issue 16, finding 12): one open sale is paid at once; of several, the one that was
paid, all of them, or part of it — and "owed" then shows exactly the rest, to the cent."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from bot.transports.updates import Person
from storage.models import Sale, Team
from tests.chat import Chat, Seen
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, rows

TODAY = dt.date(2026, 11, 23)


def _invoices(engine: Engine, team: Team, name: str) -> int:
    """Three open invoices: 1 000,00, 500,50 and 250,25 (1 750,75 in all)."""
    client = make_client(engine, team, name)
    for amount, sold_on in (
        (100_000, dt.date(2026, 10, 1)),
        (50_050, dt.date(2026, 10, 20)),
        (25_025, dt.date(2026, 11, 1)),
    ):
        make_sale(engine, team, client, amount, sold_on=sold_on, due_on=dt.date(2026, 12, 31))
    return client


def _labels(seen: Seen) -> list[str]:
    """Button labels as a phone shows them (money has a no-break space)."""
    return [label.replace("\u00a0", " ") for label in seen.buttons]


async def _press(chat: Chat, person: Person, label: str) -> Seen:
    return await chat.press(person, label.replace("€ ", "€\u00a0").replace(" ₽", "\u00a0₽"))


def _open(engine: Engine) -> list[tuple[int, int | None]]:
    return [
        (s.amount, s.paid_amount)
        for s in sorted(rows(engine, Sale), key=lambda s: s.id)
        if s.paid_on is None
    ]


async def test_dutch_paid_picks_one_invoice_or_part_of_it_and_owed_is_the_rest(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    _invoices(sqlite_engine, nl_team, "Schoonmaakbedrijf Glans")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/paid glans")

    assert (
        "Hoeveel heeft Schoonmaakbedrijf Glans betaald? In totaal staat er € 1.750,75 open." in seen
    )
    assert _labels(seen) == [
        "1 oktober · € 1.000",
        "20 oktober · € 500,50",
        "1 november · € 250,25",
        "Alles: € 1.750,75",
        "Een deel",
        "Annuleren",
    ]
    seen = await _press(chat, anna, "20 oktober · € 500,50")
    assert (
        "Schoonmaakbedrijf Glans heeft € 500,50 betaald: de factuur is voldaan. "
        "Nog open: € 1.250,25." in seen
    )
    assert _open(sqlite_engine) == [(100_000, None), (25_025, None)]
    seen = await chat.press(anna, "↩ Ongedaan maken")
    # One sale was paid: no "those sales", but the money that is owed again.
    assert seen.text == "Ongedaan gemaakt: € 500,50 staat weer open."
    assert len(_open(sqlite_engine)) == 3

    await chat.send(anna, "/paid glans")
    seen = await chat.press(anna, "Een deel")
    assert "Hoeveel heeft Schoonmaakbedrijf Glans betaald? Er staat € 1.750,75 open" in seen
    seen = await chat.send(anna, "2000")
    assert "Dat is meer dan Schoonmaakbedrijf Glans nog moet betalen: € 1.750,75." in seen
    seen = await chat.send(anna, "1.200")
    assert "Schoonmaakbedrijf Glans: € 1.200 betaald; € 550,75 staat nog open." in seen
    # The oldest invoice is settled, € 200 of the second is paid: 300,50 + 250,25 left.
    assert _open(sqlite_engine) == [(50_050, 20_000), (25_025, None)]
    seen = await chat.send(anna, "/sales glans")
    assert "2. 20 oktober · € 500,50 · € 200 van € 500,50 betaald" in seen.text
    seen = await chat.send(anna, "/client glans")
    assert "€ 550,75" in seen.text and "€ 1.750,75" not in seen.text
    seen = await chat.send(anna, "/paid glans")
    assert _labels(seen)[:3] == [
        "20 oktober · € 300,50",
        "1 november · € 250,25",
        "Alles: € 550,75",
    ]
    seen = await _press(chat, anna, "Alles: € 550,75")
    assert "Schoonmaakbedrijf Glans heeft € 550,75 betaald: 2 facturen zijn voldaan." in seen
    assert _open(sqlite_engine) == []
    await chat.press(anna, "↩ Ongedaan maken")
    assert _open(sqlite_engine) == [(50_050, 20_000), (25_025, None)]


async def test_russian_paid_one_open_sale_at_once_and_part_of_several(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, ru_team, "Кофейня «Зерно»")
    make_sale(sqlite_engine, ru_team, client, 1_250_050, due_on=dt.date(2026, 12, 1))
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/paid зерно")

    assert "Кофейня «Зерно»: оплачено 12 500,50 ₽, погашен 1 долг." in seen
    assert _labels(seen) == ["↩ Отменить"]
    seen = await chat.press(olga, "↩ Отменить")
    assert seen.text == "Отменено: 12 500,50 ₽ снова числится долгом."
    assert _open(sqlite_engine) == [(1_250_050, None)]

    _invoices(sqlite_engine, ru_team, "Салон «Ёлка»")
    seen = await chat.send(olga, "/paid ёлка")

    assert "Салон «Ёлка»: что оплачено? Не оплачено 1 750,75 ₽." in seen
    assert _labels(seen)[3:5] == ["Всё: 1 750,75 ₽", "Часть"]
    await chat.press(olga, "Часть")
    seen = await chat.send(olga, "1 000,50")
    assert "Салон «Ёлка»: оплачено 1 000,50 ₽, осталось оплатить 750,25 ₽." in seen
    assert _open(sqlite_engine)[1:] == [(50_050, 50), (25_025, None)]
