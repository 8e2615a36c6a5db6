"""Details in a team that counts an hour's cost: «убыток в час: 900 ₽» read as money lost to the
Russian reader, and the next reader found one client's hour said before the hour cost and
another's after it, so the cheaper client looked the better one. Every client's hour is now the
profit after the hour cost, as /risk counts it, and says so. Every figure is worked out here
from the amounts typed."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.kit.telegram_html import html_to_text
from tests.chat import Chat
from tests.factories import make_client, make_sale, make_team

SOLO = 610


def _plain(text: str) -> str:
    return html_to_text(text).replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize(
    ("locale", "amount", "cost", "said"),
    [
        # 1 500 ₽ for 1,5 h at 1 500 ₽ an hour: (1 500 − 2 250) / 1,5 = −500 ₽ an hour
        ("ru", 1_500, 0, "убыток в час: 500 ₽ с учётом стоимости часа 1 500 ₽"),
        # 4 500 ₽: (4 500 − 2 250) / 1,5 = 1 500 ₽ an hour
        ("ru", 4_500, 0, "прибыль в час: 1 500 ₽ с учётом стоимости часа 1 500 ₽"),
        # € 60 − € 15 − 1,5 h × € 40: −€ 15 / 1,5 = −€ 10 an hour
        ("nl", 60, 15, "verlies per uur € 10 na je uurkosten van € 40"),
        # € 120 − € 15 − € 60 = € 45: € 30 an hour
        ("nl", 120, 15, "winst per uur € 30 na je uurkosten van € 40"),
    ],
)
async def test_an_hour_is_said_after_the_hour_cost(
    chat: Chat, sqlite_engine: Engine, locale: str, amount: int, cost: int, said: str
) -> None:
    rate = 1_500 if locale == "ru" else 40
    team = make_team(
        sqlite_engine,
        chat_id=SOLO,
        owner_id=SOLO,
        personal=True,
        locale=locale,
        currency="RUB" if locale == "ru" else "EUR",
        hour_cost=rate * 100,
    )
    name = "Петрова" if locale == "ru" else "Jansen"
    client = make_client(sqlite_engine, team, name, kind="person")
    make_sale(sqlite_engine, team, client, amount * 100, cost=cost * 100, minutes=90)
    me = chat.person(SOLO, "Anna", locale)
    await chat.send(me, f"/client {name}")
    details = _plain((await chat.press(me, "Подробнее" if locale == "ru" else "Details")).text)
    assert said in details, details


async def test_without_an_hour_cost_the_hour_is_plain_profit(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(sqlite_engine, chat_id=SOLO, owner_id=SOLO, personal=True, locale="nl")
    client = make_client(sqlite_engine, team, "Jansen", kind="person")
    make_sale(sqlite_engine, team, client, 12_000, cost=1_500, minutes=90)  # € 105 / 1,5 h
    me = chat.person(SOLO, "Anna", "nl")
    await chat.send(me, "/klant Jansen")
    details = _plain((await chat.press(me, "Details")).text)
    assert "winst per uur € 70" in details and "uurkosten" not in details, details
