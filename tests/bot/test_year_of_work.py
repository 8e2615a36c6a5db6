"""A year the work was for is part of what was done, never the amount: a Dutch bookkeeper's
"/verkoop bakkerij 450 jaarrekening 2025" was booked at € 2.025 with "450 jaarrekening" as its
note."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from storage.models import Sale, Team
from tests.bot.one_line import owner_sends, team_named
from tests.chat import Chat
from tests.factories import rows


@pytest.mark.parametrize(
    ("team_name", "line", "amount", "minutes", "note"),
    [
        ("nl", "/verkoop Bakkerij 450 jaarrekening 2025", 45_000, None, "jaarrekening 2025"),
        ("nl", "/verkoop Bakkerij 380 aangifte vpb 2025 4 uur", 38_000, 240, "aangifte vpb 2025"),
        ("ru", "/sale Бакалея 4500 отчёт за 2025", 450_000, None, "отчёт 2025"),
        ("ru", "/sale Бакалея 4500 отчет 2025 год", 450_000, None, "отчет 2025 год"),
    ],
)
async def test_a_year_after_what_was_done_is_part_of_it(
    chat: Chat,
    nl_team: Team,
    ru_team: Team,
    sqlite_engine: Engine,
    team_name: str,
    line: str,
    amount: int,
    minutes: int | None,
    note: str,
) -> None:
    client = "Bakkerij" if team_name == "nl" else "Бакалея"
    team = team_named(team_name, nl_team, ru_team)
    text = await owner_sends(chat, sqlite_engine, team, client, line)
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.cost, sale.minutes, sale.note) == (amount, None, minutes, note), text


@pytest.mark.parametrize(
    ("line", "amount", "cost", "minutes", "note"),
    [
        ("/verkoop Emma 95 kosten 20 kleuren", 9_500, 2_000, None, "kleuren"),
        ("/verkoop Emma 120 kleuren 2u kosten 25", 12_000, 2_500, 120, "kleuren"),
        ("/verkoop Emma 150 balayage 2,5 uur kosten 30", 15_000, 3_000, 150, "balayage"),
    ],
)
async def test_a_number_after_a_cost_word_is_the_cost_never_a_count_of_things(
    chat: Chat,
    nl_team: Team,
    sqlite_engine: Engine,
    line: str,
    amount: int,
    cost: int,
    minutes: int | None,
    note: str,
) -> None:
    """A Dutch reader's "95 kosten 20 kleuren" was refused with "Zet eerst het bedrag…": the
    20 was read as twenty colours."""
    text = await owner_sends(chat, sqlite_engine, nl_team, "Emma", line)
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.cost, sale.minutes, sale.note) == (amount, cost, minutes, note), text
