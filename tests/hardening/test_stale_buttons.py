"""Buttons pressed on older messages act on what holds now, never on what held when they were
sent (found by the attacker reader): an older Undo, a second decline, Keep on a declined
client, a list button under a message the whole group reads."""

from __future__ import annotations

from sqlalchemy import Engine

from bot.jobs.digest import deliver
from bot.kit.telegram_html import html_to_text
from storage import demo
from storage.engine import new_session
from storage.models import Client, PendingUndo, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, NOW, add_member, make_client, make_team, rows

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
        await chat.press(person, "Geld", chat=GROUP)
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


def _demo_group(chat: Chat, engine: Engine):  # type: ignore[no-untyped-def]
    """The Dutch demo agency as a group: Joris owns it, Fatima is an admin, Sanne a member."""
    joris, fatima = chat.person(JORIS, "Joris", "nl"), chat.person(FATIMA, "Fatima", "nl")
    sanne = chat.person(SANNE, "Sanne", "nl")
    chat.group(GROUP, "Kompas demo", creator=joris, admins=(fatima,), members=(sanne,))
    team = make_team(engine, chat_id=GROUP, owner_id=JORIS)
    add_member(engine, team, FATIMA, "admin")
    add_member(engine, team, SANNE, "member")
    with new_session(engine) as session:
        demo.seed_demo(session=session, team=team, today=NOW.date(), now=NOW)
        session.commit()
    return joris, fatima, sanne


async def test_decline_buttons_act_on_the_clients_status_now(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Two admins with /afscheid open: one declined X, the other's Houden then said "X blijft…"
    while X stayed declined; "Ja, afscheid nemen" pressed twice declined twice, wrote the letter
    twice and left a second Undo."""
    joris, fatima, _ = _demo_group(chat, sqlite_engine)
    mine = (await chat.send(joris, "/afscheid", chat=GROUP)).last
    theirs = (await chat.send(fatima, "/afscheid", chat=GROUP)).last
    name = html_to_text(mine.text).splitlines()[1]
    assert html_to_text(theirs.text).splitlines()[1] == name
    asked = (await chat.press(joris, "Afscheid nemen…", chat=GROUP, message=mine)).last
    yes = asked.button_data("Ja, afscheid nemen")
    done = await chat.press_data(joris, asked, yes)
    assert "Met vriendelijke groet" in done.text
    letters = [m for m in chat.api.in_chat(GROUP) if "Met vriendelijke groet" in m.text]
    undos = rows(sqlite_engine, PendingUndo, action="client_status")

    again = await chat.press_data(joris, asked, yes)  # the same button once more
    assert not again.messages
    assert chat.api.callback_answers[-1]["text"] == (
        f"Van {name} is al afscheid genomen; er is niets veranderd."
    )
    assert [m for m in chat.api.in_chat(GROUP) if "Met vriendelijke groet" in m.text] == letters
    assert rows(sqlite_engine, PendingUndo, action="client_status") == undos

    kept = await chat.press(fatima, "Houden", chat=GROUP, message=theirs)
    assert not any("blijft" in m.text for m in kept.messages)
    answer = chat.api.callback_answers[-1]["text"]
    assert answer.startswith(f"Van {name} is intussen afscheid genomen") and "Terugnemen" in answer
    client = _client(sqlite_engine, name)
    assert (client.status, client.kept_until) == ("declined", None)

    await chat.press(fatima, "Afscheid nemen…", chat=GROUP, message=theirs)
    assert "al afscheid genomen" in chat.api.callback_answers[-1]["text"]


async def test_take_back_twice_says_so(chat: Chat, sqlite_engine: Engine) -> None:
    joris, _, _ = _demo_group(chat, sqlite_engine)
    mine = (await chat.send(joris, "/afscheid", chat=GROUP)).last
    name = html_to_text(mine.text).splitlines()[1]
    await chat.press(joris, "Afscheid nemen…", chat=GROUP, message=mine)
    await chat.press(joris, "Ja, afscheid nemen", chat=GROUP)
    seen = await chat.send(joris, f"/klant {name}", chat=GROUP)
    if "Bedoel je" in seen.text:  # a declined client is asked about
        seen = await chat.press(joris, "Ja", chat=GROUP)
    card = seen.last
    back = card.button_data("Terugnemen")
    seen = await chat.press_data(joris, card, back)
    assert f"{name} is weer klant." in seen.text
    await chat.press_data(joris, card, back)
    assert chat.api.callback_answers[-1]["text"] == f"{name} is al klant; er is niets veranderd."
    assert len(rows(sqlite_engine, PendingUndo, action="client_status")) == 2


async def test_buttons_under_the_group_digest_never_replace_it(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """A member pressing "Alle klanten" under the digest turned the digest itself into a client
    list: the week's digest was gone for everybody in the group."""
    joris, _, sanne = _demo_group(chat, sqlite_engine)
    [team] = rows(sqlite_engine, Team)
    await deliver(chat.app, team.id or 0)
    digest = chat.api.in_chat(GROUP)[-1]
    assert "Alle klanten" in digest.button_labels
    week = digest.text

    for person, label in ((sanne, "Alle klanten"), (joris, "Risico's"), (joris, "Afscheid?")):
        if label not in digest.button_labels:
            continue
        seen = await chat.press(person, label, message=digest, chat=GROUP)
        assert seen.messages and all(m.message_id != digest.message_id for m in seen.messages)
        assert (digest.text, digest.edits) == (week, 0), label
    clients = await chat.press(sanne, "Alle klanten", chat=GROUP, message=digest)
    assert "klanten" in clients.text
    # The list's own paging still edits the list, as every list pages.
    listed = clients.last
    if "›" in listed.button_labels:
        paged = await chat.press(sanne, "›", chat=GROUP, message=listed)
        assert paged.last.message_id == listed.message_id

    # A digest sent before this fix carries the list's own button: it too leaves the digest.
    old = f"cl:{team.id}:a:grade:0"
    seen = await chat.press_data(sanne, digest, old)
    assert seen.messages and all(m.message_id != digest.message_id for m in seen.messages)
    assert (digest.text, digest.edits) == (week, 0)
