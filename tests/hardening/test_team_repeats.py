"""Found by the attacker (h18): the same thing recorded twice because the "record it again?"
check covered one person and one kind of record only."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Sale
from tests.chat import Chat
from tests.factories import add_member, make_client, make_team, rows

JORIS, FATIMA, SANNE, GROUP = 31, 32, 33, -100111


async def _team(chat: Chat, engine: Engine):  # type: ignore[no-untyped-def]
    joris = chat.person(JORIS, "Joris", "nl")
    fatima, sanne = chat.person(FATIMA, "Fatima", "nl"), chat.person(SANNE, "Sanne", "nl")
    chat.group(GROUP, "Demo", creator=joris, members=(fatima, sanne))
    team = make_team(engine, chat_id=GROUP, owner_id=JORIS)
    add_member(engine, team, FATIMA, "admin")
    add_member(engine, team, SANNE)
    make_client(engine, team, "Yogastudio Lotus")
    make_client(engine, team, "Bakkerij de Vries")
    make_client(engine, team, "Dierenkliniek Poot")
    return team, joris, fatima, sanne


async def test_a_teammate_booking_the_same_sale_within_minutes_is_asked_first(
    chat: Chat, sqlite_engine: Engine
) -> None:
    _, _, fatima, sanne = await _team(chat, sqlite_engine)
    await chat.send(fatima, "/verkoop Yogastudio Lotus 333", chat=GROUP)
    assert len(rows(sqlite_engine, Sale)) == 1
    seen = await chat.send(sanne, "/verkoop Yogastudio Lotus 333", chat=GROUP)
    assert "minder dan 10 minuten geleden al vastgelegd" in seen.text
    assert "user32" in seen.text or "Fatima" in seen.text
    assert "Ja, nog een keer vastleggen" in seen.buttons
    assert len(rows(sqlite_engine, Sale)) == 1
    await chat.press(sanne, "Ja, nog een keer vastleggen", chat=GROUP)
    assert len(rows(sqlite_engine, Sale)) == 2
