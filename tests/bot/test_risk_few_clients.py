"""/risk with two or three paying clients names the biggest one's share only: "top 3: 100 %"
of two clients said nothing true a reader could use (the Russian re-read: «три крупнейших —
100 %» with two clients)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale


@pytest.mark.parametrize(
    ("locale", "command", "top", "absent"),
    [
        ("nl", "/risico", "Grootste klant: 75% van de omzet", "top 3"),
        ("ru", "/risk", "Крупнейший клиент — 75 % выручки", "три крупнейших"),
    ],
)
async def test_two_clients_are_not_called_a_top_three(
    chat: Chat, request, sqlite_engine: Engine, locale: str, command: str, top: str, absent: str
) -> None:  # type: ignore[no-untyped-def]
    team = request.getfixturevalue(f"{locale}_team")
    for name, amount in (("Ромашка", 300_000), ("Лотос", 100_000)):  # 3 000 of 4 000: 75 %
        client = make_client(sqlite_engine, team, name)
        make_sale(sqlite_engine, team, client, amount)
    owner = chat.person(NL_OWNER if locale == "nl" else RU_OWNER, "Anna", locale)
    seen = await chat.send(owner, command)
    text = seen.text.replace("\u00a0", " ").replace("\u202f", " ")
    assert top in text, text
    assert absent not in text, text
