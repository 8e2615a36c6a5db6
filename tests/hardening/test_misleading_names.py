"""Found by the attacker (h18): names that pass one client off as another."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client
from tests.chat import Chat
from tests.factories import add_member, make_client, make_team, rows

JORIS, SANNE, GROUP = 31, 33, -100111


async def test_a_client_cannot_be_renamed_to_the_label_of_an_erased_client(
    chat: Chat, sqlite_engine: Engine
) -> None:
    joris, sanne = chat.person(JORIS, "Joris", "nl"), chat.person(SANNE, "Sanne", "nl")
    chat.group(GROUP, "Demo", creator=joris, members=(sanne,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=JORIS)
    add_member(sqlite_engine, team, SANNE)
    make_client(sqlite_engine, team, "Yogastudio Lotus")
    for typed in ("Klant #12", "klant  # 7-2", "Клиент #3", "Client #12"):
        await chat.send(sanne, "/wijzig Yogastudio Lotus", chat=GROUP)
        await chat.press(sanne, "Naam", chat=GROUP)
        seen = await chat.reply(sanne, typed, chat=GROUP)
        assert "is hoe Kompas een gewiste klant noemt: kies een andere naam" in seen.text, typed
        assert [c.name for c in rows(sqlite_engine, Client)] == ["Yogastudio Lotus"]
        await chat.send(sanne, "/annuleren", chat=GROUP)
    seen = await chat.send(sanne, "/toevoegen Klant #12", chat=GROUP)
    assert "is hoe Kompas een gewiste klant noemt" in seen.text
    assert len(rows(sqlite_engine, Client)) == 1
    await chat.send(sanne, "/annuleren", chat=GROUP)
    await chat.send(sanne, "/wijzig Yogastudio Lotus", chat=GROUP)
    await chat.press(sanne, "Naam", chat=GROUP)
    seen = await chat.reply(sanne, "Klant 12 Yoga", chat=GROUP)  # a name like any other
    assert [c.name for c in rows(sqlite_engine, Client)] == ["Klant 12 Yoga"]


async def test_a_name_mixing_scripts_that_reads_as_an_existing_client_is_asked(
    chat: Chat, sqlite_engine: Engine
) -> None:
    joris = chat.person(JORIS, "Joris", "nl")
    chat.group(GROUP, "Demo", creator=joris)
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=JORIS)
    make_client(sqlite_engine, team, "Hotel De Linde")
    seen = await chat.send(joris, "/toevoegen \u041dotel De Linde", chat=GROUP)  # Cyrillic Н
    assert "Is dit Hotel De Linde?" in seen.text
    assert len(rows(sqlite_engine, Client)) == 1
