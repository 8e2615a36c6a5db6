"""/sales names a sale's date once: a sale paid the day it was made says so in words, not the
date again (a Russian reader: «20 ноября · 1 800 ₽ · оплачено 20 ноября»)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from storage.models import Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale

SOLD = dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("team_fixture", "owner", "command", "same_day", "later"),
    [
        ("nl_team", NL_OWNER, "/verkopen Atelier", "dezelfde dag betaald", "betaald 25 nov"),
        ("ru_team", RU_OWNER, "/sales Atelier", "оплачено в тот же день", "оплачено 25 нояб"),
    ],
)
async def test_a_sale_paid_the_same_day_says_so_without_its_date_again(
    chat: Chat,
    sqlite_engine: Engine,
    request: pytest.FixtureRequest,
    team_fixture: str,
    owner: int,
    command: str,
    same_day: str,
    later: str,
) -> None:
    team: Team = request.getfixturevalue(team_fixture)
    client = make_client(sqlite_engine, team, "Atelier Zon")
    make_sale(sqlite_engine, team, client, 180_000, sold_on=SOLD, paid_on=SOLD)
    make_sale(
        sqlite_engine, team, client, 90_000, sold_on=SOLD, paid_on=SOLD + dt.timedelta(days=5)
    )
    locale = "nl" if team_fixture == "nl_team" else "ru"
    seen = await chat.send(chat.person(owner, "Anna", locale), command)

    lines = [line.replace("\xa0", " ") for line in seen.text.splitlines()]
    paid_at_once = next(line for line in lines if same_day in line)
    assert paid_at_once.count("20 ") == 1, paid_at_once  # the sale's own date only
    assert any(later in line for line in lines), lines
