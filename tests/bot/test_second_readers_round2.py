"""Lines the second readers of this round found untrue, each as they saw it."""

from __future__ import annotations

from sqlalchemy import Engine

from tests.bot.test_check import OWNER, demo_with_profile
from tests.chat import Chat

RUN_RATE = "Постоянные идеальные клиенты приносили"


async def test_what_ideal_clients_bring_in_is_said_under_the_whole_portrait_only(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """The Russian reader: «/portrait люди» said «Идеальных клиентов пока нет…» and then what
    the ideal organisations bring in a month, as if it were the private clients'."""
    demo_with_profile(sqlite_engine, "ru")
    olga = chat.person(OWNER, "Ольга", "ru")
    persons = await chat.send(olga, "/portrait люди")
    assert "Идеальных клиентов пока нет" in persons.text, persons.text
    assert RUN_RATE not in persons.text
    whole = await chat.send(olga, "/portrait")
    assert RUN_RATE in whole.text, whole.text
