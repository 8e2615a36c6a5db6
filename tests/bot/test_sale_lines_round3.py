"""One-line /sale lines native testers typed, third round (issue 17): a sale said to be unpaid
(«в долг», "op rekening") is an open invoice; «12.50» after a name is the amount; a date with a
month name is a date wherever it stands; «ноль»/"nul" is the amount 0; "55 ,-" is € 55."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from storage.models import Client, Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows

TODAY = dt.date(2026, 11, 23)  # a Monday (tests/conftest.py)
DUE = TODAY + dt.timedelta(days=14)


def _sales(engine: Engine) -> list[tuple[str, int, int | None, dt.date]]:
    names = {c.id: c.name for c in rows(engine, Client)}
    return [(names[s.client_id], s.amount, s.cost, s.sold_on) for s in rows(engine, Sale)]


@pytest.mark.parametrize(
    "line",
    [
        "/sale Петрова 2000 в долг",
        "/sale Петрова 2000 не оплачено",
        "/sale Петрова 2000 без оплаты",
        "/sale Петрова 2000, потом заплатит",
        "/sale Петрова 2000 в долг вчера",
        "/sale Петрова 2000 вчера, в долг",
    ],
)
async def test_a_russian_sale_said_to_be_unpaid_is_an_open_invoice(
    chat: Chat, ru_team: Team, sqlite_engine: Engine, line: str
) -> None:
    make_client(sqlite_engine, ru_team, "Петрова", kind="person")  # pays on the spot, usually
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, line)
    assert "Продажа записана: 2 000,00 ₽, Петрова" in seen.text, seen.text
    assert "Ещё не оплачено" in seen.text, seen.text
    [sale] = rows(sqlite_engine, Sale)
    sold_on = TODAY - dt.timedelta(days=1) if "вчера" in line else TODAY
    assert (sale.amount, sale.paid_on) == (200_000, None)
    assert sale.due_on == sold_on + dt.timedelta(days=14)


@pytest.mark.parametrize(
    "line",
    [
        "/verkoop Jan Smit 200 op rekening",
        "/verkoop Jan Smit 200 nog niet betaald",
        "/verkoop Jan Smit 200, niet betaald",
        "/verkoop Jan Smit 200 op de pof",
        "/verkoop jan smit 200,- op rekening 1u",
    ],
)
async def test_a_dutch_sale_said_to_be_unpaid_is_an_open_invoice(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, line: str
) -> None:
    make_client(sqlite_engine, nl_team, "Jan Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, line)
    assert "Verkoop vastgelegd: € 200,00 — Jan Smit, vandaag." in seen.text, seen.text
    assert "Nog niet betaald" in seen.text, seen.text
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.paid_on, sale.due_on) == (20_000, None, DUE)
