"""Buttons pressed on older messages act on what holds now, never on what held when they were
sent (found by the attacker reader): an older Undo, a second decline, Keep on a declined
client, a list button under a message the whole group reads."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, add_member, make_client, make_team, rows

UNDO = "↩ Ongedaan maken"
CHANGED_SINCE = "sindsdien gewijzigd"
ALREADY_UNDONE = "Dit is al ongedaan gemaakt."
JORIS, FATIMA, SANNE, GROUP = 1001, 1002, 1003, -100111


def _client(engine: Engine, name: str) -> Client:
    [client] = [c for c in rows(engine, Client) if c.name == name]
    return client


async def _edit_city(chat: Chat, person, name: str, city: str):  # type: ignore[no-untyped-def]
    await chat.send(person, f"/wijzig {name}")
    await chat.press(person, "Plaats")
    seen = await chat.send(person, city)
    [confirmation] = [m for m in seen.messages if UNDO in m.button_labels]
    return confirmation


async def test_an_older_undo_never_wipes_a_later_edit(chat: Chat, sqlite_engine: Engine) -> None:
    """/wijzig X Plaats Amersfoort (Undo A), then Breda (Undo B): Undo A put the original city
    back and lost Breda without a word; Undo B then brought Amersfoort, a value already undone."""
    team = make_team(sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True)
    make_client(sqlite_engine, team, "Notariskantoor Peters", city="Zeist")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    first = await _edit_city(chat, anna, "Notariskantoor Peters", "Amersfoort")
    second = await _edit_city(chat, anna, "Notariskantoor Peters", "Breda")
    second_undo = second.button_data(UNDO)

    await chat.press(anna, UNDO, message=first)
    assert CHANGED_SINCE in chat.api.callback_answers[-1]["text"]
    assert _client(sqlite_engine, "Notariskantoor Peters").city == "Breda"

    seen = await chat.press(anna, UNDO, message=second)
    assert "weer zoals ze waren" in seen.text
    assert _client(sqlite_engine, "Notariskantoor Peters").city == "Amersfoort"
    await chat.press(anna, UNDO, message=first)  # now it is the latest: it applies
    assert _client(sqlite_engine, "Notariskantoor Peters").city == "Zeist"

    await chat.press_data(anna, second, second_undo)  # the button of a message edited since
    assert chat.api.callback_answers[-1]["text"] == ALREADY_UNDONE
    assert _client(sqlite_engine, "Notariskantoor Peters").city == "Zeist"


async def test_an_admins_older_settings_undo_never_wipes_another_admins_change(
    chat: Chat, sqlite_engine: Engine
) -> None:
    joris, fatima = chat.person(JORIS, "Joris", "nl"), chat.person(FATIMA, "Fatima", "nl")
    chat.group(GROUP, "Kompas demo", creator=joris, admins=(fatima,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=JORIS)
    add_member(sqlite_engine, team, FATIMA, "admin")
    confirmations = []
    for person, margin in ((joris, "30%"), (fatima, "40%")):
        await chat.send(person, "/instellingen", chat=GROUP)
        await chat.press(person, "Standaardmarge", chat=GROUP)
        seen = await chat.press(person, margin, chat=GROUP)
        confirmations.append(seen.last)
    await chat.press(joris, UNDO, chat=GROUP, message=confirmations[0])
    assert CHANGED_SINCE in chat.api.callback_answers[-1]["text"]
    [row] = rows(sqlite_engine, Team)
    assert row.default_margin == 0.4
    await chat.press(fatima, UNDO, chat=GROUP, message=confirmations[1])
    [row] = rows(sqlite_engine, Team)
    assert row.default_margin == 0.3
