"""A time's unit typed between two numbers, and a count of things beside a time: the attacker's
`/verkoop Jansen 450 uren 2` was booked as € 2 for 450 hours of work, `uren 2 450` as a sale
of € 2.450 to a new client "Jansen uren", and `85 knippen 40 min` was refused."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from storage.models import Client, Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows


@pytest.mark.parametrize(
    ("locale", "line", "figures"),
    [
        ("nl", "/verkoop Jansen 450 uren 2", (45_000, 120)),
        ("nl", "/verkoop Jansen uren 2 450", (45_000, 120)),
        ("nl", "/verkoop Jansen 30 uur 5", (3_000, 300)),
        ("nl", "/verkoop Jansen 85 knippen 40 min", (8_500, 40)),
        ("nl", "/verkoop Jansen 2 uur 45", (4_500, 120)),  # two hours fit a day: € 45
        ("ru", "/sale Петрова часы 2 3000", (300_000, 120)),
        ("ru", "/sale Петрова 3000 часов 2", (300_000, 120)),
        ("ru", "/sale Петрова 2500 стрижка 40 мин", (250_000, 40)),
    ],
)
async def test_the_amount_and_the_time_are_the_ones_meant(
    chat: Chat,
    nl_team: Team,
    ru_team: Team,
    sqlite_engine: Engine,
    locale: str,
    line: str,
    figures: tuple[int, int],
) -> None:
    team = nl_team if locale == "nl" else ru_team
    name = "Jansen" if locale == "nl" else "Петрова"
    make_client(sqlite_engine, team, name, kind="person")
    person = chat.person(NL_OWNER if locale == "nl" else RU_OWNER, "Anna", locale)
    seen = await chat.send(person, line)
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.minutes) == figures, seen.text
    assert [client.name for client in rows(sqlite_engine, Client)] == [name]
    amount = f"{figures[0] // 100:,}".replace(",", ".") if locale == "nl" else ""
    assert amount in seen.text, seen.text
