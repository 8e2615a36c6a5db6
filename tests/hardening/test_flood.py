"""Issue 18, finding 2: one group flooding the bot stalled every team (another team's /help
answered after 120 s). Each chat now has a lane of its own (bot/kit/lanes.py)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import Engine

from bot.app import build_application
from bot.settings import Settings
from bot.transports.delivery import Delivery
from bot.transports.local_bot_api import LocalBotApi
from storage.models import Sale
from tests.chat import Chat
from tests.factories import make_client, make_team, rows

ANNA, BORIS, FLOOD_GROUP, OTHER_GROUP = 31, 41, -800, -900
FLOOD = 60  # /help in one group: three times Telegram's 20 messages a minute for a group


@pytest.fixture
async def limited_chat(sqlite_engine: Engine, clock) -> AsyncIterator[Chat]:  # type: ignore[no-untyped-def]
    """The real Application with Telegram's rate limits, as in production."""
    api = LocalBotApi()
    app = build_application(Settings(), sqlite_engine, request=api, clock=clock, rate_limited=True)
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    harness = Chat(app, api)
    yield harness
    await harness.stop()


async def test_a_flooding_group_does_not_delay_another_team(
    limited_chat: Chat, sqlite_engine: Engine
) -> None:
    chat = limited_chat
    anna, boris = chat.person(ANNA, "Anna", "nl"), chat.person(BORIS, "Boris", "nl")
    chat.group(FLOOD_GROUP, "Studio", creator=anna)
    chat.group(OTHER_GROUP, "Kapsalon", creator=boris)
    make_team(sqlite_engine, chat_id=FLOOD_GROUP, owner_id=ANNA)
    make_team(sqlite_engine, chat_id=OTHER_GROUP, owner_id=BORIS)
    delivery = Delivery(chat.app)
    # As Telegram delivers them: the whole flood first, then the other team's command.
    flood = [
        asyncio.create_task(delivery.process(chat.factory.message(anna, FLOOD_GROUP, "/help")))
        for _ in range(FLOOD)
    ]
    asked = time.monotonic()
    other = asyncio.create_task(delivery.process(chat.factory.message(boris, OTHER_GROUP, "/help")))
    try:
        assert await asyncio.wait_for(other, timeout=1.0)
        answered = time.monotonic() - asked
        [answer] = chat.api.in_chat(OTHER_GROUP)
        assert "Wat ik kan" in answer.text
        assert answered < 1.0
        # The flooding group is served at Telegram's pace, and only it waits.
        assert 0 < len(chat.api.in_chat(FLOOD_GROUP)) < FLOOD
    finally:
        for task in flood:
            task.cancel()
        await asyncio.gather(*flood, return_exceptions=True)


async def test_one_chats_updates_are_processed_in_the_order_they_came(
    limited_chat: Chat, sqlite_engine: Engine
) -> None:
    """A dialog's answer after its question, though both are in flight at once."""
    chat = limited_chat
    team = make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    make_client(sqlite_engine, team, "Bakkerij")
    anna = chat.person(ANNA, "Anna", "nl")
    delivery = Delivery(chat.app)
    steps = ["/sale Bakkerij", "250", "/skip", "/skip"]  # amount, then skip cost and time
    updates = [chat.factory.message(anna, ANNA, text) for text in steps]
    done = await asyncio.gather(*(delivery.process(update) for update in updates))
    assert done == [True] * len(steps)
    assert [s.amount for s in rows(sqlite_engine, Sale)] == [25000]


async def test_asking_telegram_about_a_flooding_group_does_not_wait_behind_its_replies(
    limited_chat: Chat,
) -> None:
    """A membership check runs inside an update's transaction: it must not queue behind the
    group's backlog of rate-limited replies (python-telegram-bot counts it as a message)."""
    chat = limited_chat
    anna = chat.person(ANNA, "Anna", "nl")
    chat.group(FLOOD_GROUP, "Studio", creator=anna)
    bot = chat.app.bot
    replies = [asyncio.create_task(bot.send_message(FLOOD_GROUP, "…")) for _ in range(30)]
    try:
        await asyncio.sleep(0.1)  # the first 20 went out, the rest wait their minute
        asked = time.monotonic()
        member = await asyncio.wait_for(bot.get_chat_member(FLOOD_GROUP, ANNA), timeout=1.0)
        assert member.status == "creator"
        assert time.monotonic() - asked < 0.5
        assert len(chat.api.in_chat(FLOOD_GROUP)) < 30
    finally:
        for task in replies:
            task.cancel()
        await asyncio.gather(*replies, return_exceptions=True)


async def test_chats_whose_transactions_wait_on_telegram_at_once_all_land(
    engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    """Two groups' sales at the same time, each update's membership check taking Telegram
    0.3 s inside its transaction. SQLite's writers take turns instead of one busy-waiting on
    the event loop (30 s, then "database is locked"); PostgreSQL's run side by side."""
    chat = await Chat.start(engine, clock)
    try:
        anna, boris = chat.person(ANNA, "Anna", "nl"), chat.person(BORIS, "Boris", "nl")
        for group, owner in ((FLOOD_GROUP, anna), (OTHER_GROUP, boris)):
            chat.group(group, "Studio", creator=owner)
            team = make_team(engine, chat_id=group, owner_id=owner.user_id)
            make_client(engine, team, "Bakkerij")
        chat.api.delays["getChatMember"] = 0.3
        delivery = Delivery(chat.app)
        updates = [
            chat.factory.message(person, group, f"/sale Bakkerij {amount}")
            for amount in (10, 20, 30)
            for person, group in ((anna, FLOOD_GROUP), (boris, OTHER_GROUP))
        ]
        started = time.monotonic()
        done = await asyncio.wait_for(
            asyncio.gather(*(delivery.process(update) for update in updates)), timeout=10
        )
        assert done == [True] * 6
        assert time.monotonic() - started < 5
        said = [m.text for m in chat.api.messages]
        assert sum("Verkoop vastgelegd" in text for text in said) == 6, said
        assert sorted(s.amount for s in rows(engine, Sale)) == [1000, 1000, 2000, 2000, 3000, 3000]
    finally:
        await chat.stop()
