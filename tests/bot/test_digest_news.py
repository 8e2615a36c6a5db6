"""The digest says more when there is something to say (issue 20): time-eaters, big spenders'
open invoices, revenue of the last 4 weeks against the 4 before — still one phone screen. The
figures are checked against a plain sum of the sales, written here by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from bot.kit.telegram_html import html_to_text
from tests.bot.test_truth import OWNER, TODAY, solo_team
from tests.chat import Chat
from tests.factories import make_client, make_sale

DAY = dt.timedelta(days=1)
# (days before today, amount in cents, minutes) per sale of the steady clients
RECENT = [(0, 100_000), (27, 50_000)]  # the last 4 weeks, today included
BEFORE = [(28, 80_000), (55, 40_000)]  # the 4 weeks before those
OLDER = [(56, 999_900)]  # eight weeks ago: in neither


def busy_team(engine: Engine, locale: str) -> None:
    team = solo_team(engine, locale)
    since = dt.date(2024, 1, 1)
    main = make_client(engine, team, "Atelier Noord", acquired_on=since)
    for days, amount in RECENT + BEFORE + OLDER:
        make_sale(engine, team, main, amount, sold_on=TODAY - days * DAY, minutes=60)
    # A time-eater: 20 hours for € 60.
    slow = make_client(engine, team, "Studio Traag", acquired_on=since)
    make_sale(engine, team, slow, 6_000, sold_on=TODAY - 10 * DAY, minutes=1_200)
    other = make_client(engine, team, "Bakkerij Vos", acquired_on=since)  # three timed clients
    make_sale(engine, team, other, 30_000, sold_on=TODAY - 12 * DAY, minutes=60)


@pytest.mark.parametrize(
    ("locale", "trend"),
    [
        (
            "nl",
            "📈 Omzet van de laatste 4 weken: € 1.860 (de 4 weken daarvoor: € 1.200, +55%)",
        ),
        (
            "ru",
            "📈 Выручка за последние 4 недели: 1 860 ₽ (за 4 недели до этого — 1 200 ₽, +55 %)",
        ),
    ],
)
async def test_the_digest_adds_revenue_trend_and_time_eaters_on_one_screen(
    chat: Chat, sqlite_engine: Engine, locale: str, trend: str
) -> None:
    busy_team(sqlite_engine, locale)
    # Every sale of the team by hand: the steady client's, Studio Traag's € 60 ten days ago and
    # Bakkerij Vos's € 300 twelve days ago are in the last four weeks.
    recent = (sum(amount for _, amount in RECENT) + 6_000 + 30_000) // 100
    before = sum(amount for _, amount in BEFORE) // 100
    assert (recent, before, round((recent / before - 1) * 100)) == (1860, 1200, 55)
    me = chat.person(OWNER, "Sanne", locale)
    text = (await chat.send(me, "/digest")).messages[-1].text
    lines = html_to_text(text).replace("\u00a0", " ").replace("\u202f", " ").splitlines()
    assert trend in lines, lines
    hours = {"nl": "Studio Traag: ", "ru": "Studio Traag: "}[locale]
    assert any(line.startswith(hours) for line in lines), lines
    assert len(lines) <= 15, lines


@pytest.mark.parametrize(
    ("locale", "trend"),
    [
        (
            "nl",
            "📈 Omzet van de laatste 4 weken: € 1.200"
            " (de 4 weken daarvoor: € 1.200, gelijk gebleven)",
        ),
        (
            "ru",
            "📈 Выручка за последние 4 недели: 1 200 ₽"
            " (за 4 недели до этого — 1 200 ₽, без изменений)",
        ),
    ],
)
async def test_revenue_that_did_not_change_says_so_not_plus_zero_percent(
    chat: Chat, sqlite_engine: Engine, locale: str, trend: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    since = dt.date(2024, 1, 1)
    for name, days in (("Atelier Noord", 3), ("Bakkerij Vos", 10), ("Studio Traag", 20)):
        client = make_client(sqlite_engine, team, name, acquired_on=since)
        make_sale(sqlite_engine, team, client, 40_000, sold_on=TODAY - days * DAY)
        make_sale(sqlite_engine, team, client, 40_000, sold_on=TODAY - (days + 28) * DAY)
    me = chat.person(OWNER, "Sanne", locale)
    text = (await chat.send(me, "/digest")).messages[-1].text
    lines = html_to_text(text).replace("\u00a0", " ").replace("\u202f", " ").splitlines()
    assert trend in lines, lines
    assert not any("+0" in line for line in lines), lines
