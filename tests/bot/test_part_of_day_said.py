"""A part of the day after the day is no field: a Russian reader's «/sale Волкова 2500 вчера
вечером» was refused with «„вечером“ не похоже на сумму», though 2 500 ₽ stood right there.
The clock is Monday 23 November 2026."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from storage.models import Sale, Team
from tests.bot.one_line import owner_sends, team_named
from tests.chat import Chat
from tests.factories import NL_OWNER, make_client, rows


@pytest.mark.parametrize(
    ("team_name", "line", "day", "minutes"),
    [
        ("ru", "/sale Волкова 2500 вчера вечером", dt.date(2026, 11, 22), None),
        ("ru", "/sale Волкова 2500 сегодня утром", dt.date(2026, 11, 23), None),
        ("ru", "/sale Волкова 2500 маникюр 2 ч. вчера вечером", dt.date(2026, 11, 22), 120),
        ("ru", "/sale Волкова 2500 в воскресенье вечером", dt.date(2026, 11, 22), None),
        ("nl", "/verkoop Volkers 450 gisteren 's avonds", dt.date(2026, 11, 22), None),
        ("ru", "/sale Волкова 2550 вчера в обед", dt.date(2026, 11, 22), None),
        ("nl", "/verkoop Volkers 99 gisteren in de middag", dt.date(2026, 11, 22), None),
    ],
)
async def test_the_day_counts_the_part_of_it_is_dropped(
    chat: Chat,
    nl_team: Team,
    ru_team: Team,
    sqlite_engine: Engine,
    team_name: str,
    line: str,
    day: dt.date,
    minutes: int | None,
) -> None:
    client = "Volkers" if team_name == "nl" else "Волкова"
    team = team_named(team_name, nl_team, ru_team)
    text = await owner_sends(chat, sqlite_engine, team, client, line)
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.sold_on, sale.minutes) == (day, minutes), text


@pytest.mark.parametrize(
    ("line", "refusal"),
    [
        ("/verkoop Volkers 65 knippen 14.00", "„14.00” is een tijdstip"),
        ("/verkoop Volkers 62 knippen gisteren 14u", "„gisteren 14u” is een tijdstip"),
        ("/verkoop Volkers 62 knippen vrijdag 15 uur", "„vrijdag 15 uur” is een tijdstip"),
    ],
)
async def test_a_clock_time_after_a_day_or_with_a_dot_is_refused_never_hours(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, line: str, refusal: str
) -> None:
    """A Dutch reader's haircut "gisteren 14u" took 14 hours; "14.00" was "geen bestaande
    datum"."""
    text = await owner_sends(chat, sqlite_engine, nl_team, "Volkers", line)
    assert text.startswith(refusal), text
    assert not rows(sqlite_engine, Sale)
    await chat.send(chat.person(NL_OWNER, "Anna", "nl"), "/verkoop Volkers 450 vrijdag 8 uur")
    [sale] = rows(sqlite_engine, Sale)
    assert sale.minutes == 480  # a working day's hours after a day stay hours


async def test_a_part_of_the_day_in_a_clients_name_stays_in_it(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Café De Middag")
    await chat.send(chat.person(NL_OWNER, "Anna", "nl"), "/verkoop Café De Middag 45")
    [sale] = rows(sqlite_engine, Sale)
    assert sale.amount == 4_500


async def test_a_time_of_day_refusal_asks_for_the_whole_sale_again(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """The Dutch reader answered "typ hoe lang het duurde" with "30 min" and lost the sale: the
    refusal is no question, so it says to send the sale again."""
    make_client(sqlite_engine, nl_team, "dhr. Bakker", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/verkoop dhr bakker 32,50 om 14:00")
    assert "stuur de verkoop opnieuw" in seen.text, seen.text
