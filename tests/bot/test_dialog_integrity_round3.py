"""Dialog integrity, round three (issue 17, DESIGN.md "Dialogs"), as native testers found it:
a command typed while a question waits ends that question even when the command itself is
refused."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import DialogState, Event, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows


async def test_a_refused_command_still_ends_the_waiting_complaint(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """`/complaint Иванова`, then a `/rate` that fails, then «привет»: no complaint «привет»."""
    make_client(sqlite_engine, ru_team, "Иванова Анна", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/complaint Иванова")
    assert seen.text.startswith("Коротко: что было?")
    seen = await chat.send(olga, "/rate Иванова 11")
    assert seen.messages[0].text == "(Начатое для клиента Иванова Анна прервано.)"
    assert seen.last.text.startswith("Нужно 3 числа от 1 до 5")
    seen = await chat.send(olga, "привет")
    assert "Жалоба записана" not in seen
    assert seen.text.startswith("Начните, например, с /add или /sale.")
    assert rows(sqlite_engine, Event) == []
    assert rows(sqlite_engine, DialogState) == []


async def test_an_unknown_command_ends_the_waiting_complaint_in_dutch(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/klacht bakkerij de vries")
    seen = await chat.send(anna, "/beoordeel bakkerij de vries 11")
    assert seen.messages[0].text == "(Wat je voor Bakkerij de Vries begon, is afgebroken.)"
    seen = await chat.send(anna, "hallo")
    assert "Klacht" not in seen.text
    assert rows(sqlite_engine, Event) == []
