"""A sale typed with how it was paid ("contant", "per pin", «наличными») is paid when sold,
even where the team invoices its clients (issue 17): never an open invoice nobody will pay."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from bot.render.sales import paid_in_place
from locales import translator
from storage.models import Sale
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_team, rows

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("line", "amount", "minutes"),
    [
        ("/verkoop Jan Smit 200 contant", 20000, None),
        ("/verkoop jan smit € 200,- per pin 1u", 20000, 60),
        ("/verkoop Jan Smit 200 via tikkie", 20000, None),
        ("/verkoop Jan Smit, 200, 2u, cash", 20000, 120),
    ],
)
async def test_a_dutch_sale_paid_on_the_spot_is_no_invoice(
    chat: Chat, sqlite_engine: Engine, line: str, amount: int, minutes: int | None
) -> None:
    team = make_team(
        sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True, payment_days=14
    )
    make_client(sqlite_engine, team, "Jan Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, line)
    assert "Verkoop vastgelegd: € 200 — Jan Smit, vandaag." in seen, seen.text
    assert "Factuur" not in seen.text and "Al betaald" not in seen.buttons
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.minutes, sale.paid_on, sale.due_on) == (amount, minutes, TODAY, None)


async def test_without_saying_how_it_is_an_invoice(chat: Chat, sqlite_engine: Engine) -> None:
    team = make_team(
        sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True, payment_days=14
    )
    make_client(sqlite_engine, team, "Jan Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Jan Smit 200")
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.paid_on, sale.due_on) == (None, TODAY + dt.timedelta(days=14))


async def test_a_russian_sale_paid_in_cash(chat: Chat, sqlite_engine: Engine) -> None:
    team = make_team(
        sqlite_engine,
        chat_id=RU_OWNER,
        owner_id=RU_OWNER,
        personal=True,
        locale="ru",
        currency="RUB",
        timezone="Europe/Moscow",
        payment_days=14,
    )
    make_client(sqlite_engine, team, "Волкова Анна", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/sale Волкова 2500 наличными")
    await chat.send(olga, "/sale Волкова 3000 по карте")
    assert [(s.amount, s.paid_on) for s in rows(sqlite_engine, Sale)] == [
        (250000, TODAY),
        (300000, TODAY),
    ]


async def test_the_undo_under_a_sale_marked_paid_takes_back_the_payment_not_the_sale(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """After ✓ Al betaald the message kept the sale's own ↩ Undo where ✓ had been: a double tap
    on ✓ took the whole sale away (an attacker). The Undo there now takes back the payment."""
    team = make_team(
        sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True, payment_days=14
    )
    make_client(sqlite_engine, team, "Jan Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Jan Smit 200")
    paid = await chat.press(anna, "✓ Al betaald")
    assert "✓ Betaald." in paid.text and paid.buttons == ["↩ Ongedaan maken"], paid
    [sale] = rows(sqlite_engine, Sale)
    assert sale.paid_on == TODAY
    await chat.press(anna, "↩ Ongedaan maken")
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.paid_on, sale.due_on) == (20000, None, TODAY + dt.timedelta(days=14))


def test_a_sale_marked_paid_twice_says_it_once() -> None:
    """The attacker's double tap on ✓ Al betaald read "✓ Betaald." twice."""
    t = translator("nl")
    once = paid_in_place(t, "Verkoop vastgelegd: € 200 — Jan Smit, vandaag.")
    assert str(paid_in_place(t, once)) == str(once)
    assert str(once).count("✓ Betaald.") == 1
