"""A part of the day after the day is no field: a Russian reader's «/sale Волкова 2500 вчера
вечером» was refused with «„вечером“ не похоже на сумму», though 2 500 ₽ stood right there.
The clock is Monday 23 November 2026."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from storage.models import Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows


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
    team = nl_team if team_name == "nl" else ru_team
    make_client(sqlite_engine, team, "Volkers" if team_name == "nl" else "Волкова", kind="person")
    who = chat.person(NL_OWNER if team_name == "nl" else RU_OWNER, "Anna", team_name)
    seen = await chat.send(who, line)
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.sold_on, sale.minutes) == (day, minutes), seen.text


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
    make_client(sqlite_engine, nl_team, "Volkers", kind="person")
    seen = await chat.send(chat.person(NL_OWNER, "Anna", "nl"), line)
    assert seen.text.startswith(refusal), seen.text
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
