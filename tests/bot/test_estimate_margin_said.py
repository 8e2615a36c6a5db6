"""A profit estimated at the team's usual margin names that margin to a tenth where it has one:
"winst € 997 … (schatting bij 80% winstmarge)" beside € 1.250,50 left the Dutch reader € 3
short of € 1.000; 79,8 % was used. Worked out here: € 1.000 − € 202 cost is a margin of 79,8 %."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import Engine

from tests.chat import Chat
from tests.factories import make_client, make_sale, make_team

SOLO = 620
DAY = dt.date(2026, 11, 20)


async def test_the_margin_said_gives_the_profit_shown(chat: Chat, sqlite_engine: Engine) -> None:
    team = make_team(sqlite_engine, chat_id=SOLO, owner_id=SOLO, personal=True, locale="nl")
    bakker = make_client(sqlite_engine, team, "Bakkerij Noord", kind="organisation")
    make_sale(sqlite_engine, team, bakker, 100_000, cost=20_200, sold_on=DAY)
    jansen = make_client(sqlite_engine, team, "Jansen", kind="person")
    make_sale(sqlite_engine, team, jansen, 125_050, sold_on=DAY)
    me = chat.person(SOLO, "Anna", "nl")
    card = (await chat.send(me, "/klant Jansen")).text.replace("\u00a0", " ")
    found = re.search(r"winst € ([\d.]+) .*\(schatting bij ([\d,]+)% winstmarge\)", card)
    assert found, card
    profit, margin = int(found[1].replace(".", "")), float(found[2].replace(",", "."))
    assert margin == 79.8, card
    assert abs(1250.50 * margin / 100 - profit) <= 1, card  # € 997,90: € 998 by hand


async def test_a_profit_after_hour_costs_says_so(chat: Chat, sqlite_engine: Engine) -> None:
    """The Dutch reader read "winst € 44 tot nu toe (schatting bij 80% winstmarge)" on € 85 as a
    contradiction: the hour cost was off it too. € 100 − € 20: a margin of 80 %; € 85 at
    80 % is € 68, less 40 min × € 35 = € 23,33: € 44,67."""
    team = make_team(
        sqlite_engine, chat_id=SOLO, owner_id=SOLO, personal=True, locale="nl", hour_cost=3_500
    )
    bakker = make_client(sqlite_engine, team, "Bakkerij Noord", kind="organisation")
    make_sale(sqlite_engine, team, bakker, 10_000, cost=2_000, sold_on=DAY)
    mooi = make_client(sqlite_engine, team, "Kapsalon Mooi", kind="organisation")
    make_sale(sqlite_engine, team, mooi, 8_500, minutes=40, sold_on=DAY)
    me = chat.person(SOLO, "Anna", "nl")
    card = (await chat.send(me, "/klant Kapsalon Mooi")).text.replace("\u00a0", " ")
    assert "winst € 45" in card, card
    assert "(schatting bij 80% winstmarge, na uurkosten)" in card, card
