"""Found by the attacker (h18): buttons that vanished or could not be told apart."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Sale
from tests.chat import Chat
from tests.factories import make_client, make_team, rows

JORIS, GROUP = 31, -100111


async def test_already_paid_keeps_an_undo(chat: Chat, sqlite_engine: Engine) -> None:
    """The message keeps an ↩ Undo (h18: it vanished); since a later attacker's double tap on ✓
    took the whole sale away with the sale's own Undo, it takes back the payment, and /undo
    once more the sale."""
    joris = chat.person(JORIS, "Joris", "nl")
    chat.group(GROUP, "Demo", creator=joris)
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=JORIS)
    make_client(sqlite_engine, team, "Dierenkliniek Poot")
    seen = await chat.send(joris, "/verkoop Dierenkliniek Poot 321", chat=GROUP)
    assert seen.buttons[-2:] == ["✓ Al betaald", "↩ Ongedaan maken"]
    sale_text = seen.text
    seen = await chat.press(joris, "✓ Al betaald", chat=GROUP)
    assert seen.buttons == ["↩ Ongedaan maken"]
    assert seen.text.startswith(sale_text.split("\n")[0]) and seen.text.endswith("✓ Betaald.")
    [sale] = rows(sqlite_engine, Sale)
    assert sale.paid_on is not None
    await chat.press(joris, "↩ Ongedaan maken", chat=GROUP)
    [sale] = rows(sqlite_engine, Sale)
    assert sale.paid_on is None
    await chat.send(joris, "/ongedaan", chat=GROUP)
    assert rows(sqlite_engine, Sale) == []


async def test_two_teams_of_one_title_are_two_different_buttons(
    chat: Chat, sqlite_engine: Engine
) -> None:
    joris = chat.person(JORIS, "Joris", "nl")
    for group in (GROUP, GROUP - 1):
        chat.group(group, "Studio", creator=joris)
        make_team(sqlite_engine, chat_id=group, owner_id=JORIS, title="Studio")
    seen = await chat.send(joris, "/team")
    labels = [label.removeprefix("✓ ") for label in seen.buttons]
    assert len(labels) == 2 and len(set(labels)) == 2, labels
    assert labels == ["Studio (sinds 23 nov 2026) #1", "Studio (sinds 23 nov 2026) #2"]
    chosen = await chat.press(joris, seen.buttons[1])
    assert "Je werkt nu in: Studio." in chosen.text
