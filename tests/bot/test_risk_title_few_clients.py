"""/risk's title with too few clients for alarms: "Afhankelijk van grote klanten" above "Met
maar 4 actieve klanten … waarschuwingen komen vanaf 8 klanten" sounded an alarm the next line
took back (the Dutch reader of round 5). With enough clients the title names the risk."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.bot.test_truth import OWNER, amounts_only, solo_team
from tests.chat import Chat

TITLES = {
    "nl": ("Zo is je omzet verdeeld", "Afhankelijk van grote klanten"),
    "ru": ("Как распределена выручка", "Зависимость от клиентов"),
}


@pytest.mark.parametrize("locale", ["nl", "ru"])
@pytest.mark.parametrize(("clients", "alarm"), [(4, False), (12, True)])
async def test_the_title_sounds_an_alarm_only_when_alarms_are_on(
    chat: Chat, sqlite_engine: Engine, locale: str, clients: int, alarm: bool
) -> None:
    amounts_only(sqlite_engine, solo_team(sqlite_engine, locale), clients)
    text = (await chat.send(chat.person(OWNER, "Anna", locale), "/risk")).text
    plain, alarmed = TITLES[locale]
    first = text.splitlines()[0]
    assert first == (alarmed if alarm else plain), text


@pytest.mark.parametrize(("clients", "fifth_said"), [(7, False), (15, False), (20, True)])
async def test_the_top_fifth_is_said_only_beyond_the_top_three(
    chat: Chat, sqlite_engine: Engine, clients: int, fifth_said: bool
) -> None:
    """7 clients: "grootste 3 klanten 87% · grootste 2 klanten 80%" came out of order (the
    Dutch reader), and «20 % самых крупных (2 клиента)» of 7 is 29 % (the Russian reader)."""
    amounts_only(sqlite_engine, solo_team(sqlite_engine, "nl"), clients)
    text = (await chat.send(chat.person(OWNER, "Anna", "nl"), "/risk")).text
    shares = text.splitlines()[1]
    assert shares.startswith("Grootste klant ") and "grootste 3 klanten" in shares, text
    assert ("grootste 4 klanten" in shares) == fifth_said, text
    assert "grootste 2 klanten" not in shares and "grootste 3 klanten" in shares, text
