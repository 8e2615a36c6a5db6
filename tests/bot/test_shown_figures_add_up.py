"""Figures shown together are what a checker recomputes by hand: each share in /clients its
client's revenue over all of it, rounded on its own (rounded together to make 100 %, a client
of 19,4 % read 20 %: the native readers of round 5), revenue − cost = profit in Details (€ 1.251 −
€ 250 = € 1.000 for € 1.250,50 − € 250,40), the digest's "this week" that was the last 7 days,
and Details saying that a grade rests on revenue where no cost was recorded. Every expected
figure is worked out here from the amounts typed, never taken from the engine."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from bot.kit.telegram_html import html_to_text
from tests.bot.test_truth import OWNER, TODAY, solo_team
from tests.chat import Chat
from tests.factories import make_client, make_sale

DAY = dt.timedelta(days=1)
REVENUE = {"nl": "van de omzet", "ru": "выручки"}
DETAILS = {"nl": "Details", "ru": "Подробнее"}


def plain(text: str) -> str:
    return html_to_text(text).replace("\u00a0", " ").replace("\u202f", " ")


def hand_shares(amounts: list[int]) -> list[int]:
    """Whole percents by hand: each amount over the total, rounded half up."""
    total = sum(amounts)
    return [int(Decimal(a) * 100 / total + Decimal("0.5")) for a in amounts]


# (name, euros): 40,6 %, 30,5 %, 28,7 % and 0,2 % of € 10.000. Each rounded half up on its own
# they read 41 + 31 + 29 + "<1" = 101.
SHARES = [("Atelier Noord", 4_060), ("Bakkerij Vos", 3_050), ("Garage Oost", 2_870), ("Kiosk", 20)]


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_each_share_in_the_client_list_is_its_own_revenue_rounded(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    for name, euros in SHARES:
        client = make_client(sqlite_engine, team, name, acquired_on=dt.date(2025, 1, 1))
        make_sale(sqlite_engine, team, client, euros * 100, sold_on=TODAY - 20 * DAY, cost=0)
    expected = hand_shares([euros for _, euros in SHARES])
    assert expected == [41, 31, 29, 0]
    me = chat.person(OWNER, "Sanne", locale)
    listed = plain((await chat.send(me, "/clients")).text)
    shown = {}
    for line in listed.splitlines():
        found = re.search(r"^\d+\. (.+?) · .* · (<?\d+) ?% " + REVENUE[locale], line)
        if found:
            shown[found[1]] = found[2]
    sign = "%" if locale == "nl" else " %"
    names = [name for name, _ in SHARES]
    said = ["<1" if share == 0 else str(share) for share in expected]
    assert shown == dict(zip(names, said, strict=True)), listed
    assert f"<1{sign} {REVENUE[locale]}" in listed  # a client with revenue never reads 0 %


MONEY_LINE = {
    "nl": "Omzet € 1.250,50 · kosten € 250,40 · winst € 1.000,10 (80% van de omzet)",
    "ru": "Выручка: 1 250,50 ₽ · затраты: 250,40 ₽ · прибыль: 1 000,10 ₽ (80 % выручки)",
}
AVERAGE = {"nl": "gemiddeld € 625,25", "ru": "средний чек: 625,25 ₽"}


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_details_show_revenue_minus_cost_as_the_profit_shown(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    client = make_client(sqlite_engine, team, "Atelier Noord", acquired_on=dt.date(2025, 1, 1))
    # € 1.250,50 in two sales (€ 700,25 and € 550,25) at a cost of € 250,40 (€ 150,20 + € 100,20).
    for days, amount, cost in ((20, 70_025, 15_020), (50, 55_025, 10_020)):
        make_sale(sqlite_engine, team, client, amount, sold_on=TODAY - days * DAY, cost=cost)
    revenue, cost = 70_025 + 55_025, 15_020 + 10_020
    assert (revenue, cost, revenue - cost) == (125_050, 25_040, 100_010)
    assert round((revenue - cost) / revenue * 100) == 80 and revenue // 2 == 62_525
    me = chat.person(OWNER, "Sanne", locale)
    await chat.send(me, "/client Atelier Noord")
    details = plain((await chat.press(me, DETAILS[locale])).text)
    assert MONEY_LINE[locale] in details.splitlines(), details
    assert AVERAGE[locale] in details, details  # the average of two sales, to the cent too


ACTIVITY = {
    "nl": "Afgelopen 7 dagen: 2 verkopen (samen € 300).",
    "ru": "За последние 7 дней: 2 продажи на 300 ₽.",
}


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_the_digest_says_the_last_7_days_it_counts_not_this_week(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    assert TODAY.weekday() == 0  # a Monday: the week began today
    client = make_client(sqlite_engine, team, "Atelier Noord", acquired_on=dt.date(2025, 1, 1))
    # Today and last Tuesday (6 days ago) are in the last 7 days, today included; last Monday
    # (7 days ago) is not. Only today's sale is in this calendar week.
    for days, amount in ((0, 10_000), (6, 20_000), (7, 40_000)):
        make_sale(sqlite_engine, team, client, amount, sold_on=TODAY - days * DAY, cost=0)
    me = chat.person(OWNER, "Sanne", locale)
    lines = plain((await chat.send(me, "/digest")).messages[-1].text).splitlines()
    assert ACTIVITY[locale] in lines, lines  # 2 sales, € 100 + € 200


GRADED_ON_REVENUE = {
    "nl": "Niet bij elke verkoop staan kosten, dus ik beoordeel op omzet.",
    "ru": "Не у всех продаж указаны затраты: оценка по выручке.",
}


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_details_say_a_grade_rests_on_revenue_where_costs_are_missing(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    # € 100 of € 1.100 has a cost (9 %, under the fifth of revenue a margin is taken from):
    # Groot's profit is unknown, so its grade weighs its revenue.
    small = make_client(sqlite_engine, team, "Atelier Noord", acquired_on=dt.date(2025, 1, 1))
    make_sale(sqlite_engine, team, small, 10_000, sold_on=TODAY - 20 * DAY, cost=4_000)
    big = make_client(sqlite_engine, team, "Groot BV", acquired_on=dt.date(2025, 1, 1))
    make_sale(sqlite_engine, team, big, 100_000, sold_on=TODAY - 20 * DAY)
    me = chat.person(OWNER, "Sanne", locale)
    card = plain((await chat.send(me, "/client Groot BV")).text)
    assert GRADED_ON_REVENUE[locale] in card, card
    details = plain((await chat.press(me, DETAILS[locale])).text)
    assert GRADED_ON_REVENUE[locale] in details.splitlines(), details
    # Atelier Noord's profit is known: no such line in its Details.
    await chat.send(me, "/client Atelier Noord")
    details = plain((await chat.press(me, DETAILS[locale])).text)
    assert GRADED_ON_REVENUE[locale] not in details, details
