"""Issue 18, round two: busy chats never cost another team its answer.

Found by the attacker: with 16 and more busy chats on SQLite the event loop froze waiting for a
database connection (15 in the pool, 16 updates holding one each, some while their replies
waited out Telegram's limits); and 16 file imports waiting for one of the two file readers held
every working slot, so another team's /help waited 35 s."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from bot.transports.delivery import Delivery, serve
from bot.transports.polling import poll
from storage import file_worker, inbox
from storage.models import Sale
from tests.chat import Chat
from tests.deploy.harness import OWNER, message, new_app, running_polling, said, until
from tests.factories import make_client, make_team, rows
from tests.stub_bot_api import StubBotApi

BUSY = 20  # chats at once: more than the 16 updates that work at once
OTHER = 9_000


async def _loop_stalls(stop: asyncio.Event) -> float:
    """The longest the event loop went without running this ticker."""
    worst, last = 0.0, time.monotonic()
    while not stop.is_set():
        await asyncio.sleep(0.02)
        now = time.monotonic()
        worst, last = max(worst, now - last - 0.02), now
    return worst


async def test_twenty_busy_groups_at_once_never_freeze_the_bot(engine: Engine, clock) -> None:  # type: ignore[no-untyped-def]
    """Each group's sale asks Telegram about its member inside the transaction, and each reply
    takes Telegram a second: no update holds a connection while its reply goes out, so the
    pool never runs dry and the event loop never waits for one."""
    chat = await Chat.start(engine, clock)
    try:
        groups = [-5000 - i for i in range(BUSY)]
        owners = [chat.person(100 + i, f"Eigenaar {i}", "nl") for i in range(BUSY)]
        for group, owner in zip(groups, owners, strict=True):
            chat.group(group, "Studio", creator=owner)
            make_client(
                engine, make_team(engine, chat_id=group, owner_id=owner.user_id), "Bakkerij"
            )
        chat.api.delays.update(getChatMember=0.05, sendMessage=1.0)
        delivery = Delivery(chat.app)
        stop = asyncio.Event()
        stalls = asyncio.create_task(_loop_stalls(stop))
        updates = [
            chat.factory.message(owner, group, "/sale Bakkerij 10")
            for owner, group in zip(owners, groups, strict=True)
        ]
        started = time.monotonic()
        done = await asyncio.gather(*(delivery.process(update) for update in updates))
        took = time.monotonic() - started
        stop.set()
        assert done == [True] * BUSY
        assert await stalls < 2  # waiting for a connection froze it for 30 s
        assert took < 8
        said = [m.text for m in chat.api.messages]
        assert sum("Verkoop vastgelegd" in text for text in said) == BUSY
        assert len(rows(engine, Sale)) == BUSY
    finally:
        await chat.stop()


@pytest.fixture
def slow_readers() -> Iterator[threading.Event]:
    """Every file takes its reader until the test lets go (then it is found unreadable), so
    the two readers stay busy and the other files wait for one."""
    let_go = threading.Event()
    original = file_worker._watched

    def held(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        let_go.wait(15)
        return 1, b"", b""

    file_worker._watched = held  # type: ignore[assignment]
    try:
        yield let_go
    finally:
        let_go.set()
        file_worker._watched = original  # type: ignore[assignment]


async def test_imports_waiting_for_a_file_reader_do_not_delay_another_team(
    chat: Chat, sqlite_engine: Engine, slow_readers: threading.Event
) -> None:
    importers = [chat.person(200 + i, f"Importeur {i}", "nl") for i in range(BUSY)]
    for person in importers:
        make_team(sqlite_engine, chat_id=person.user_id, owner_id=person.user_id, personal=True)
    make_team(sqlite_engine, chat_id=OTHER, owner_id=OTHER, personal=True)
    boris = chat.person(OTHER, "Boris", "nl")
    delivery = Delivery(chat.app)
    content = b"Naam\nBakkerij\n"
    imports = [
        asyncio.create_task(
            delivery.process(
                chat.factory.message(person, person.user_id, "", document=("k.csv", content))
            )
        )
        for person in importers
    ]
    try:
        await asyncio.sleep(0.3)  # all of them taken in, two being read, the rest waiting
        asked = time.monotonic()
        help_ = chat.factory.message(boris, OTHER, "/help")
        assert await asyncio.wait_for(delivery.process(help_), timeout=5)
        assert time.monotonic() - asked < 1.0
        assert any("Wat ik kan" in m.text for m in chat.api.in_chat(OTHER))
    finally:
        slow_readers.set()
        await asyncio.gather(*imports, return_exceptions=True)
    # Nobody's file was lost: each importer heard back.
    assert all(chat.api.in_chat(person.user_id) for person in importers)


FLOOD = 150  # /help from one group: more than Telegram's 100 updates a getUpdates serves


async def test_a_group_flooding_past_a_whole_batch_does_not_stop_other_teams_being_fetched(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    """With the offset held at the oldest unfinished update, every getUpdates served the
    flood's first 100 again, all in flight: another team's /help waited over a minute."""
    flooding, other = -500, -600
    make_team(sqlite_engine, chat_id=flooding, owner_id=OWNER)
    make_team(sqlite_engine, chat_id=other, owner_id=12)
    for update_id in range(1, FLOOD + 1):
        stub.push_update(message(update_id, "/help", chat_id=flooding))
    other_help = FLOOD + 1
    stub.push_update(message(other_help, "/help", user_id=12, chat_id=other, first_name="Boris"))
    stop = asyncio.Event()
    app = new_app(stub, sqlite_engine, clock)
    running = asyncio.create_task(
        serve(
            app,
            lambda s: poll(Delivery(app), s, long_poll=1, stop_grace=0.2),
            stop=stop,
            handle_signals=False,
        )
    )
    try:
        await until(lambda: stub.texts(flooding))
        flood_began = time.monotonic()
        await until(lambda: stub.texts(other), seconds=5)
        assert time.monotonic() - flood_began < 1.0
        assert "Wat ik kan" in said(stub, other)[0]
        assert len(stub.texts(flooding)) < FLOOD  # that group is served at Telegram's pace
    finally:
        stop.set()
        await asyncio.wait_for(running, 10)
    # Telegram may forget them all: what is not answered yet is kept in Kompas's own inbox.
    assert stub.pending_updates == 0
    left = [update_id for update_id, _ in inbox.waiting(sqlite_engine, app.bot.id)]
    assert 0 < len(left) < FLOOD and other_help not in left


async def test_updates_left_in_the_inbox_are_processed_once_at_the_next_start(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    """A run stopped (or killed) with updates kept but not processed: Telegram has forgotten
    them, the next run takes them from the inbox, before anything newer."""
    team = make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    make_client(sqlite_engine, team, "Bakkerij de Vries")
    app = new_app(stub, sqlite_engine, clock)
    left = [message(40, "/sale Bakkerij de Vries 40"), message(41, "/sale Bakkerij de Vries 41")]
    async with app:  # the bot's id, as the last run knew it
        bot_id = app.bot.id
    kept = [(u["update_id"], json.dumps(u)) for u in left]
    inbox.keep(sqlite_engine, bot_id, kept, clock())
    stub.push_update(message(41, "/sale Bakkerij de Vries 41"))  # also still at Telegram
    stub.push_update(message(42, "/sale Bakkerij de Vries 42"))
    async with running_polling(new_app(stub, sqlite_engine, clock)):
        await until(lambda: len(rows(sqlite_engine, Sale)) >= 3)
        await until(lambda: not inbox.waiting(sqlite_engine, bot_id))
    assert [s.amount for s in rows(sqlite_engine, Sale)] == [4000, 4100, 4200]
    assert stub.pending_updates == 0
