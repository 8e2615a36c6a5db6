"""Ranges on buttons: ids beyond what the database columns hold and absurd page numbers are
"no longer valid" before any query, and an Undo whose chain can no longer apply says so."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import Engine

from storage.models import Client, Sale
from tests.chat import Chat
from tests.factories import make_client, make_sale, make_team, rows

ANNA = 11
STALE = "Deze knop werkt niet meer."


@pytest.mark.parametrize(
    "forged",
    [
        "card:{team}:" + str(2**31),  # one past PostgreSQL's integer column
        "card:{team}:" + str(2**63 - 1),
        "sdel:{team}:" + str(2**40),
        "spage:{team}:{client}:" + str(2**63 - 1),  # a page no team has
        "spage:{team}:{client}:" + str(2**31 - 1),
        "card:" + str(2**31) + ":1",  # a team id out of range
    ],
)
async def test_forged_ids_and_pages_out_of_range_are_stale_on_both_databases(
    engine: Engine, clock, caplog: pytest.LogCaptureFixture, forged: str
) -> None:  # type: ignore[no-untyped-def]
    team = make_team(engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    client = make_client(engine, team, "Bakkerij de Vries")
    make_sale(engine, team, client, 1000)
    chat = await Chat.start(engine, clock)
    try:
        anna = chat.person(ANNA, "Anna", "nl")
        card = (await chat.send(anna, "/client bakkerij")).last
        seen = await chat.press_data(anna, card, forged.format(team=team.id, client=client))
    finally:
        await chat.stop()
    if forged.endswith(str(2**31 - 1)):  # a page past the end: the last page
        assert "Verkopen aan Bakkerij de Vries\n1. 1 oktober" in seen.text
    else:
        assert (seen.messages, chat.api.callback_answers[-1]["text"]) == ([], STALE)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_undoing_a_deletion_whose_client_was_undone_since_says_so(
    chat: Chat, sqlite_engine: Engine
) -> None:
    make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True, payment_days=0)
    anna = chat.person(ANNA, "Anna", "nl")
    added = (await chat.send(anna, "/add Bakkerij de Vries, organisatie")).last
    await chat.send(anna, "/sale Bakkerij de Vries 10")
    await chat.send(anna, "/skip")
    await chat.send(anna, "/skip")
    assert [s.amount for s in rows(sqlite_engine, Sale)] == [1000]
    await chat.send(anna, "/sales Bakkerij de Vries")
    await chat.press(anna, "✕ Verkoop 1")
    deleted = (await chat.press(anna, "Ja, verwijderen")).last
    assert rows(sqlite_engine, Sale) == []
    await chat.press(anna, "↩ Ongedaan maken", message=added)  # the client is gone again
    assert rows(sqlite_engine, Client) == []
    seen = await chat.press(anna, "↩ Ongedaan maken", message=deleted)
    answer = chat.api.callback_answers[-1]["text"]
    assert "Ongedaan" not in seen.text
    assert answer == (
        "Dit kun je niet meer ongedaan maken: de klant van die verkoop bestaat niet meer."
    )
    assert rows(sqlite_engine, Sale) == [] and rows(sqlite_engine, Client) == []


async def test_a_forged_approval_link_is_no_longer_valid_on_both_databases(
    engine: Engine, clock, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    """The link /start approve_<team id> is typed by hand as easily as it is tapped."""
    make_team(engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    chat = await Chat.start(engine, clock)
    try:
        seen = await chat.send(chat.person(ANNA, "Anna", "nl"), f"/start approve_{2**40}")
    finally:
        await chat.stop()
    assert seen.text == STALE
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
