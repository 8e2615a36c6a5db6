"""The card's debt line says an amount once: all of it overdue is said in words, a part in
brackets (a Dutch reader: "moet nog € 338 betalen (€ 338 achterstallig)")."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from storage.models import Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale

LONG_AGO = dt.date(2026, 9, 1)


@pytest.mark.parametrize(
    ("team_fixture", "owner", "all_overdue", "part_overdue"),
    [
        (
            "nl_team",
            NL_OWNER,
            "moet nog € 338 betalen, alles achterstallig",
            "moet nog € 438 betalen (€ 338 achterstallig)",
        ),
        (
            "ru_team",
            RU_OWNER,
            "долг 338 ₽, весь просрочен",
            "долг 438 ₽ (просрочено 338 ₽)",
        ),
    ],
)
async def test_a_debt_is_said_once_when_all_of_it_is_overdue(
    chat: Chat,
    sqlite_engine: Engine,
    request: pytest.FixtureRequest,
    team_fixture: str,
    owner: int,
    all_overdue: str,
    part_overdue: str,
) -> None:
    team: Team = request.getfixturevalue(team_fixture)
    locale = "nl" if team_fixture == "nl_team" else "ru"
    late = make_client(sqlite_engine, team, "Atelier Zon", acquired_on=LONG_AGO)
    make_sale(sqlite_engine, team, late, 33_800, sold_on=LONG_AGO, due_on=LONG_AGO)
    partly = make_client(sqlite_engine, team, "Studio Noord", acquired_on=LONG_AGO)
    make_sale(sqlite_engine, team, partly, 33_800, sold_on=LONG_AGO, due_on=LONG_AGO)
    today = dt.date(2026, 11, 23)
    make_sale(sqlite_engine, team, partly, 10_000, sold_on=today, due_on=today + dt.timedelta(14))
    me = chat.person(owner, "Anna", locale)

    card = await chat.send(me, "/client Atelier Zon")
    assert all_overdue in card.text.replace("\xa0", " "), card.text
    card = await chat.send(me, "/client Studio Noord")
    assert part_overdue in card.text.replace("\xa0", " "), card.text
