"""Details of a client who pays less than the team's hour cost: «убыток в час: 900 ₽» read as
money lost to the Russian reader, who earned 600 ₽ an hour at a rate of 1 500 ₽. Now: what an
hour brings and how far below the rate; a loss only where even that is below nothing. Every
figure is worked out here from the amounts typed."""

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
        # 1 500 ₽ for 1,5 h at 1 500 ₽ an hour: (1 500 − 0) / 1,5 = 1 000 ₽ an hour, 500 short
        ("ru", 1_500, 0, "1 000 ₽ в час — на 500 ₽ ниже вашей ставки 1 500 ₽"),
        # € 60 − € 15 cost for 1,5 h at € 40 an hour: € 45 / 1,5 = € 30 an hour, € 10 short
        ("nl", 60, 15, "€ 30 per uur, € 10 onder je uurtarief van € 40"),
        # € 10 − € 40 cost: below nothing even before the hour is paid: a loss an hour
        # ((10 − 40 − 60) / 1,5 = − € 60)
        ("nl", 10, 40, "verlies per uur € 60"),
    ],
)
async def test_an_hour_below_the_rate_says_so_and_is_no_loss(
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
    if "verlies" not in said:
        assert "убыток в час" not in details and "verlies per uur" not in details, details
