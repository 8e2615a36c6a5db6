"""Amounts in /sale as Dutch and Russian people type them: thousands as k, тыс. or млн, a
Russian dot before three digits, a cost of nothing (issue 17)."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Sale
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows


async def test_russian_thousands_written_short_are_stored_in_full(
    chat: Chat, ru_team, sqlite_engine: Engine, clock
) -> None:
    make_client(sqlite_engine, ru_team, "Алиев")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    for typed in ("/sale Алиев, 2.500", "/sale Алиев, 30 тыс.", "/sale Алиев, 30к, 1,5 тыс"):
        clock.advance(minutes=11)  # the same sale within 10 minutes asks "again?"
        seen = await chat.send(olga, typed)
        assert "2,50" not in seen and "?" not in seen.text
    seen = await chat.send(olga, "/sale Алиев, 1,5 млн")  # 50 times the usual: asked first
    assert seen.text.startswith("1 500 000 ₽ — это в 50 раз больше"), seen.text
    seen = await chat.press(olga, "Да, записать 1\xa0500\xa0000\xa0₽")
    # 2 500 ₽, 30 000 ₽, 30 000 ₽ with 1 500 ₽ of costs, 1 500 000 ₽: in kopecks.
    assert [(s.amount, s.cost) for s in rows(sqlite_engine, Sale)] == [
        (250000, None),
        (3000000, None),
        (3000000, 150000),
        (150000000, None),
    ]
    assert "2,50" not in seen


async def test_dutch_k_amounts_and_a_cost_of_nothing(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Özdemir")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sale Özdemir, 2,5k, 0, 1,5 uur")
    assert "Verkoop vastgelegd: € 2.500 — Özdemir" in seen
    assert "niet nul" not in seen
    await chat.send(anna, "/sale Özdemir, 30K")
    await chat.send(anna, "/sale Özdemir, 450,-")
    # € 2.500 at no cost in 90 minutes, € 30.000, € 450: in cents.
    assert [(s.amount, s.cost, s.minutes) for s in rows(sqlite_engine, Sale)] == [
        (250000, 0, 90),
        (3000000, None, None),
        (45000, None, None),
    ]


async def test_an_amount_below_a_cent_suggests_the_smallest_one_not_zero(
    chat: Chat, nl_team, ru_team, sqlite_engine: Engine
) -> None:
    """Issue 17, second reader: `0,001` suggested «0,00?», an amount Kompas refuses in turn."""
    make_client(sqlite_engine, nl_team, "Jan Smit", kind="person")
    make_client(sqlite_engine, ru_team, "Волкова", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/verkoop Jan Smit 0,001")
    assert "Bedoel je 0,01?" in seen.text and "0,00?" not in seen.text
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Волкова 0,001")
    assert "Может быть, 0,01?" in seen.text and "0,00?" not in seen.text
    assert rows(sqlite_engine, Sale) == []


async def test_a_date_that_does_not_exist_is_called_so_not_an_amount(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    # Found by the attacker reader: "„29-02-2025” kan ik niet als bedrag lezen".
    make_client(sqlite_engine, nl_team, "Özdemir")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for line in (
        "/sale Özdemir 100 29-02-2025",
        "/sale Özdemir 100 31-02-2026",
        "/sale Özdemir 100 32 nov",
    ):
        seen = await chat.send(anna, line)
        assert "is geen bestaande datum" in seen, seen.text
    assert rows(sqlite_engine, Sale) == []
