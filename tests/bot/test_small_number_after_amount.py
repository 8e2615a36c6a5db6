"""A bare small number after the amount that would be a cost under 1 % of it is the time,
asked in minutes or hours: a Russian reader's «/sale Петрова 2500 2» (2 hours) was stored
with a cost of 2 ₽. A cost word keeps it a cost; a cost of a few percent stays one."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows


async def test_a_tiny_cost_is_asked_as_the_time(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Петрова", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Петрова 2500 2")
    assert not rows(sqlite_engine, Sale)
    assert seen.text == "2 — минуты или часы? Напишите 2 ч или 2 мин.", seen.text
    await chat.press(olga, "2 ч")
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.cost, sale.minutes) == (250_000, None, 120)

    make_client(sqlite_engine, nl_team, "Jan Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Jan Smit 450 kosten 2")  # said to be the cost
    await chat.send(anna, "/verkoop Jan Smit 45 2")  # 4 % of the amount: a cost
    stored = [(s.amount, s.cost, s.minutes) for s in rows(sqlite_engine, Sale)][1:]
    assert stored == [(45_000, 200, None), (4_500, 200, None)]


async def test_a_tiny_cost_with_a_decimal_is_asked_as_the_time_too(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """The checker's «/sale Петрова 2520 1,5» stored a cost of 1,50 ₽."""
    make_client(sqlite_engine, ru_team, "Петрова", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Петрова 2520 1,5")
    assert not rows(sqlite_engine, Sale)
    assert seen.text.startswith("1,5 — минуты или часы?"), seen.text
    await chat.press(olga, "1 ч 30 мин")
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.cost, sale.minutes) == (252_000, None, 90)
