"""Updates of one chat in the order they came; different chats at the same time.

python-telegram-bot processes one update at a time by default: a group flooding the bot, or
waiting out Telegram's limit of 20 messages a minute per group, held up every other team
(issue 18: another team's /help answered after 120 s). Here each chat has a lane: its updates
run one after another, as a conversation needs (a dialog's answer after its question), while
other chats' lanes run alongside. A bounded number of updates do work at once, so a burst of
chats cannot exhaust the database's connections.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from collections.abc import AsyncIterator, Awaitable, Coroutine, Hashable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import AIORateLimiter, BaseUpdateProcessor

WAITING = 1_024  # updates held at once, most of them waiting in their chat's lane
WORKING = 16  # updates doing work at once, across all lanes


@dataclass
class _Slot:
    """One of the WORKING places, held by an update doing work."""

    working: asyncio.Semaphore
    held: bool = False


_SLOT: contextvars.ContextVar[_Slot | None] = contextvars.ContextVar("lane_slot", default=None)


@contextlib.asynccontextmanager
async def waiting_aside() -> AsyncIterator[None]:
    """While an update waits for something slow that is not the database (a file reader),
    its working place goes to another chat's update; its chat's lane stays its own, so the
    chat's order holds. Issue 18: 16 imports waiting for the 2 file readers held every place,
    and another team's /help waited 35 s."""
    slot = _SLOT.get()
    if slot is None or not slot.held:
        yield
        return
    slot.working.release()
    slot.held = False
    try:
        yield
    finally:
        await slot.working.acquire()
        slot.held = True


@dataclass
class _Lane:
    turn: asyncio.Lock = field(default_factory=asyncio.Lock)  # FIFO: arrival order
    queued: int = 0


class ChatLanes(BaseUpdateProcessor):
    """A `BaseUpdateProcessor` keyed by chat: in order within a chat, concurrent across chats."""

    def __init__(self, *, working: int = WORKING, waiting: int = WAITING) -> None:
        super().__init__(max(waiting, working))
        self._working = asyncio.Semaphore(working)
        self._lanes: dict[Hashable, _Lane] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = lane_of(update)
        lane = self._lanes.setdefault(key, _Lane())
        lane.queued += 1
        started = False
        slot = _Slot(self._working)
        try:
            async with lane.turn:
                await self._working.acquire()
                slot.held = started = True
                token = _SLOT.set(slot)
                try:
                    await coroutine
                finally:
                    _SLOT.reset(token)
                    if slot.held:
                        self._working.release()
        finally:
            lane.queued -= 1
            if lane.queued == 0:
                del self._lanes[key]
            if not started and isinstance(coroutine, Coroutine):
                coroutine.close()  # cancelled while waiting: never ran, never will

    @property
    def lanes(self) -> int:
        """Chats with an update in progress or waiting."""
        return len(self._lanes)

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None


class MessageRateLimiter(AIORateLimiter):
    """Telegram's limits count the messages a bot sends: 30 a second, 20 a minute per group.
    python-telegram-bot's limiter counts every call that names a chat, so a flooding group made
    a membership check there (getChatMember) wait behind its backlog of replies, minutes,
    inside that update's transaction. Questions to Telegram (get…) are not messages."""

    async def process_request(
        self,
        callback: Any,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        if endpoint.startswith("get"):
            data = {}  # counted against no chat; a 429 is still waited out and retried
        return await super().process_request(
            callback, args, kwargs, endpoint, data, rate_limit_args
        )


def lane_of(update: object) -> Hashable:
    """The chat an update belongs to; without one (not something Kompas asks Telegram for),
    the person; else a lane of its own."""
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return ("chat", update.effective_chat.id)
        if update.effective_user is not None:
            return ("user", update.effective_user.id)
    return ("alone", id(update))
