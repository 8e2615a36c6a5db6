"""Russian lines with a lead-in before the name or the amount («для Смирновой», «за 2000») and
names in another case («Петрову И.С.», «Анне Волковой»), through the whole Application: the
lead-in is never part of a name, and a new client is stored in the nominative."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Sale, Team
from tests.chat import Chat
from tests.factories import RU_OWNER, make_client, make_sale, rows


def _sales(engine: Engine) -> list[tuple[str, int]]:
    names = {c.id: c.name for c in rows(engine, Client)}
    return [(names[s.client_id], s.amount) for s in rows(engine, Sale)]


async def test_a_client_whose_name_begins_with_a_lead_in_keeps_it(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    ashot = make_client(sqlite_engine, ru_team, "У Ашота", kind="organisation")
    make_sale(sqlite_engine, ru_team, ashot, 500_000)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale У Ашота 5000")
    assert "Продажа записана" in seen.text
    seen = await chat.send(olga, "/paid у ашота")
    assert "Ашот" in seen.text
    assert _sales(sqlite_engine)[-1] == ("У Ашота", 500_000)
    assert len(rows(sqlite_engine, Client)) == 1


async def test_the_complaint_again_question_keeps_the_name_in_the_nominative(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Жукова", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/complaint Жукова грубила")
    seen = await chat.send(olga, "/complaint Жукова грубила")
    # «на Жукова» would need «на Жукову»: the name stands after a colon.
    assert "эту проблему меньше 10 минут назад: Жукова." in seen.text
