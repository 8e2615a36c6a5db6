"""A share is never rounded onto a line it has not reached (the Dutch reader: a client at
9,88 % of revenue read "10 %" on /klanten, yet /risico, which watches from 10 %, left it out).
Figures worked out by hand: € 988 of € 10.000 is 9,88 %."""

from __future__ import annotations

from sqlalchemy import Engine

from bot.transports.updates import Person
from storage.models import Team
from tests.chat import Chat
from tests.factories import NL_OWNER, make_client, make_sale

AMOUNTS = {
    "Atelier Noord": 2_500,  # 25 %: at the alarm line
    "Bakkerij Zuid": 2_000,
    "Café West": 1_500,
    "Drukkerij Oost": 1_000,  # 10 %: at the watch line
    "Eetcafé De Hoek": 988,  # 9,88 %
    "Fietsen Jansen": 800,
    "Garage Smit": 600,
    "Hotel De Linde": 400,
    "IJssalon Roma": 212,
}


def _team_with_sales(chat: Chat, engine: Engine, team: Team, amounts: dict[str, int]) -> Person:
    """A sale of each amount (whole euros) to a client of that name; the team's owner."""
    for name, amount in amounts.items():
        make_sale(engine, team, make_client(engine, team, name), amount * 100)
    return chat.person(NL_OWNER, "Anna", "nl")


async def test_a_share_just_under_a_line_keeps_a_decimal_everywhere(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    assert sum(AMOUNTS.values()) == 10_000
    anna = _team_with_sales(chat, sqlite_engine, nl_team, AMOUNTS)
    listed = (await chat.send(anna, "/klanten")).text
    assert "9,9% van de omzet" in listed, listed
    assert "10% van de omzet" in listed  # Drukkerij Oost, at the line
    card = (await chat.send(anna, "/klant Eetcafé De Hoek")).text
    assert "9,9% van de omzet" in card and "10%" not in card, card
    risk = (await chat.send(anna, "/risico")).text
    assert "Drukkerij Oost" in risk and "Eetcafé De Hoek" not in risk, risk


async def test_risks_watch_list_says_the_share_every_screen_says(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """The attacker: /risico listed Bakkerij Jansen (€ 6.150 of € 25.000, 24,6 %) as "25%"
    under "watch, from 10 %", right beside the 25 % alarm list that, rightly, left her out."""
    amounts = {"Bakkerij Jansen": 6_150, "Atelier Noord": 8_000, "Café West": 2_450}
    amounts |= {f"Klant {k}": 1_400 for k in range(6)}
    assert sum(amounts.values()) == 25_000
    anna = _team_with_sales(chat, sqlite_engine, nl_team, amounts)
    risk = (await chat.send(anna, "/risico")).text
    assert "Bakkerij Jansen 24,6%" in risk, risk
    assert "Bakkerij Jansen 25%" not in risk
