"""Small truths from the Dutch florist's week (/tmp/read_nl.md A8, A9, A10, A12), each checked
against figures worked out by hand from the data the test enters."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import Engine

from bot.render.changes import grade_news
from locales import translator
from scoring import analyse
from storage.engine import new_session
from storage.models import Client
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, make_team
from tests.scoring.factories import client, sale, settings, team

TODAY = dt.date(2026, 11, 23)


def day(days_ago: int) -> dt.date:
    return TODAY - dt.timedelta(days=days_ago)


async def test_the_assumed_team_margin_and_the_clients_own_margin_read_apart(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    # Hotel: € 1.250,50 with € 300 cost. Gemeente: € 3.800 with € 1.100 cost (overdue since
    # 38 days), € 300 and € 1.350 without cost (the last one due in 14 days).
    hotel = make_client(sqlite_engine, nl_team, "Hotel Karel V", acquired_on=day(200))
    make_sale(sqlite_engine, nl_team, hotel, 125_050, sold_on=day(200), cost=30_000)
    gemeente = make_client(sqlite_engine, nl_team, "Gemeente Utrecht", acquired_on=day(52))
    make_sale(sqlite_engine, nl_team, gemeente, 380_000, sold_on=day(52), cost=110_000,
              due_on=day(38))  # fmt: skip
    make_sale(sqlite_engine, nl_team, gemeente, 30_000, sold_on=day(5), paid_on=day(5))
    make_sale(sqlite_engine, nl_team, gemeente, 135_000, sold_on=day(0), due_on=day(-14))
    # By hand: the margin of the sales with costs, assumed for the two without.
    team_margin = round(100 * (125_050 + 380_000 - 30_000 - 110_000) / (125_050 + 380_000))
    profit = 380_000 - 110_000 + (30_000 + 135_000) * (125_050 + 380_000 - 140_000) / 505_050
    own_margin = round(100 * profit / (380_000 + 30_000 + 135_000))
    assert (team_margin, own_margin) == (72, 71)  # as on the florist's card and Details

    me = chat.person(NL_OWNER, "Marieke", "nl")
    seen = await chat.send(me, "/client Gemeente Utrecht")
    # The assumed margin to a tenth, so the estimate can be recomputed: 365 050 / 505 050
    exact_margin = f"{100 * (125_050 + 380_000 - 140_000) / 505_050:.1f}".replace(".", ",")
    assert f"(schatting bij {exact_margin}% winstmarge)" in seen.text, seen.text
    # Two open invoices, one overdue and one within its term: not "1 van 1".
    assert "1 van 1 factuur" not in seen.text, seen.text
    details = await chat.press(me, "Details")
    assert f"({own_margin}% van de omzet)" in details.text, details.text
    assert "1 van 2 facturen nog open na de betaaltermijn" in details.text, details.text
    assert not re.search(r"winst € [0-9.]+ \([0-9]+%\)", details.text), details.text


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_the_teams_first_sale_raises_no_dependency_alarm(locale: str) -> None:
    # Nine clients added, one of them buys: 100 % of revenue, and no alarm (DESIGN "Few
    # clients": alarms from 8 clients, counted among those who bought).
    clients = [client(i, name=f"Klant {i}", acquired_on=TODAY) for i in range(1, 10)]
    before = analyse(team(clients), settings())
    after = analyse(team(clients, [sale(1, 125_050, days_ago=0)]), settings())
    buyers = 1
    assert buyers < 8 and not after.concentration.alarms_enabled
    lines = [str(line) for line in grade_news(translator(locale), before, after, 1)]
    assert not any("%" in line for line in lines), lines
    # Eight buyers do raise it: the big one is over the limit.
    sales = [sale(1, 125_050, days_ago=0)] + [sale(i, 10_000, days_ago=3) for i in range(2, 9)]
    after = analyse(team(clients, sales), settings())
    before = analyse(team(clients, sales[1:]), settings())
    lines = [str(line) for line in grade_news(translator("nl"), before, after, 1)]
    assert any("boven je grens van 25%" in line for line in lines), lines


@pytest.mark.parametrize(
    ("locale", "owner", "said"),
    [("nl", NL_OWNER, "afscheid genomen op 20 nov 2026"), ("ru", RU_OWNER, "отказались 20")],
)
async def test_declined_clients_are_listed_with_the_day_they_were_declined(
    chat: Chat, sqlite_engine: Engine, locale: str, owner: int, said: str
) -> None:
    home = make_team(sqlite_engine, chat_id=owner, owner_id=owner, personal=True, locale=locale)
    flits = make_client(sqlite_engine, home, "Evenementenbureau Flits")
    make_sale(sqlite_engine, home, flits, 42_000, sold_on=day(300))
    with new_session(sqlite_engine) as session:
        row = session.get(Client, flits)
        assert row is not None
        row.status = "declined"
        row.status_changed_at = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
        session.add(row)
        session.commit()
    me = chat.person(owner, "Marieke", locale)
    seen = await chat.send(me, "/clients declined")
    line = next(line for line in seen.text.splitlines() if "Flits" in line)
    assert said in line and "beoordeling" not in line and "оценки" not in line, seen.text
