"""Long polling that never loses an update and never lets one chat's backlog hide the others.

Telegram forgets every update below the `offset` of the next getUpdates call, and serves at
most 100 from it. An update is confirmed (the offset moves past it) once it is safely kept in
Kompas's own inbox (storage/inbox.py), or else once it has been processed. A process that dies
finds the kept ones in the inbox at its next start, and is served the unconfirmed ones again by
Telegram; the processed-update ledger turns the ones already done into no-ops.

Updates are processed as they come, each chat's in order and different chats at once
(bot/kit/lanes.py): a group waiting out Telegram's rate limit holds up no other chat. Its backlog is
kept in the inbox, so the next getUpdates goes on past it (issue 18: with the offset held at
the oldest unfinished update, 150 /help from one group filled every batch and another team
waited more than a minute). Only while the database cannot keep them does the offset stay at
the oldest unfinished update.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError
from telegram import Update
from telegram.error import NetworkError, RetryAfter, TimedOut

from bot.app import HANDLED_UPDATES
from bot.kit.runtime import KOMPAS
from bot.transports.delivery import Delivery
from storage import inbox

log = logging.getLogger(__name__)
T = TypeVar("T")

LONG_POLL_SECONDS = 30  # Telegram holds getUpdates open this long when there is nothing new
BATCH = 100  # Telegram's maximum per getUpdates
MAX_BACKOFF = 30.0  # seconds between attempts while Telegram or the database is unreachable
BUSY_PAUSE = 0.2  # seconds between asks while updates are in flight and nothing new came
STOP_GRACE = 25.0  # seconds the updates in flight get to finish at a stop


async def poll(
    delivery: Delivery,
    stop: asyncio.Event,
    *,
    long_poll: int = LONG_POLL_SECONDS,
    stop_grace: float = STOP_GRACE,
) -> None:
    """Fetch, process and confirm updates until `stop` is set; those in flight finish."""
    bot = delivery.application.bot
    # A bot has either a webhook or polling; keep what Telegram holds (drop nothing).
    await bot.delete_webhook(drop_pending_updates=False)
    flight = InFlight(delivery)
    kept = Inbox(delivery)
    backoff = 1.0
    while not stop.is_set():
        await kept.processed(flight.take_finished())
        if flight.failed:  # database down: the others finish, then the failed ones again
            await flight.settle()
            await _sleep(backoff, stop)
            backoff = min(backoff * 2, MAX_BACKOFF)
            flight.restart(await kept.waiting())
            continue
        if not kept.loaded:  # those the last run left in the inbox, before anything newer
            flight.restart(await kept.waiting())
        try:
            updates = await _until_stopped(
                bot.get_updates(
                    offset=flight.offset,
                    limit=BATCH,
                    timeout=0 if flight.busy else long_poll,
                    allowed_updates=list(HANDLED_UPDATES),
                ),
                stop,
            )
        except RetryAfter as exc:
            await _sleep(_seconds(exc.retry_after), stop)
            continue
        except TimedOut:
            continue  # a long poll that outlived its read timeout: ask again
        except NetworkError as exc:
            log.warning("cannot reach the Bot API (%s); retrying", type(exc).__name__)
            await _sleep(backoff, stop)
            backoff = min(backoff * 2, MAX_BACKOFF)
            continue
        if updates is None:  # stopped while waiting: nothing was taken
            break
        fresh = [update for update in updates if flight.is_new(update)]
        safe = await kept.keep(fresh)
        for update in fresh:
            flight.start(update, kept=safe)
        if fresh:
            backoff = 1.0
        elif flight.busy:
            await flight.wait(stop, BUSY_PAUSE)
    await flight.settle(stop_grace)
    await kept.processed(flight.take_finished())
    if flight.offset is not None:
        await _confirm(delivery, flight.offset)


class Inbox:
    """Kompas's own inbox for this bot's polled updates (storage/inbox.py)."""

    def __init__(self, delivery: Delivery) -> None:
        self.bot = delivery.application.bot
        self.kompas = delivery.application.bot_data[KOMPAS]
        self.loaded = False

    async def waiting(self) -> list[Update]:
        """Left by the last run, the first time it can be read; then nothing."""
        if self.loaded:
            return []
        try:
            rows = await self.kompas.db(inbox.waiting, self.kompas.engine, self.bot.id)
        except SQLAlchemyError as exc:
            log.warning("cannot read the inbox (%s); retrying", type(exc).__name__)
            return []
        self.loaded = True
        return [Update.de_json(json.loads(body), self.bot) for _, body in rows]

    async def keep(self, updates: list[Update]) -> bool:
        """Whether the updates are kept, so Telegram may forget them."""
        if not updates:
            return True
        bodies = [(update.update_id, json.dumps(update.to_dict())) for update in updates]
        try:
            await self.kompas.db(
                inbox.keep, self.kompas.engine, self.bot.id, bodies, self.kompas.clock()
            )
        except SQLAlchemyError as exc:
            log.warning("cannot keep updates in the inbox (%s)", type(exc).__name__)
            return False
        return True

    async def processed(self, update_ids: list[int]) -> None:
        if not update_ids:
            return
        try:
            await self.kompas.db(inbox.processed, self.kompas.engine, self.bot.id, update_ids)
        except SQLAlchemyError as exc:  # done all the same: at the next start, a no-op
            log.warning("cannot clear processed updates (%s)", type(exc).__name__)


class InFlight:
    """The updates taken from Telegram and not yet done, and the offset that confirms the rest."""

    def __init__(self, delivery: Delivery) -> None:
        self.delivery = delivery
        self.tasks: dict[int, asyncio.Task[bool]] = {}
        self.failed: set[int] = set()
        self.highest: int | None = None  # the newest update started
        self.kept: dict[int, Update] = {}  # in the inbox: Telegram may forget them
        self.finished: list[int] = []  # kept and processed: to leave the inbox

    @property
    def busy(self) -> bool:
        return bool(self.tasks)

    @property
    def offset(self) -> int | None:
        """Below the oldest update neither done nor kept (None: start from the oldest
        Telegram holds)."""
        pending = (self.tasks.keys() | self.failed) - self.kept.keys()
        if pending:
            return min(pending)
        return None if self.highest is None else self.highest + 1

    def is_new(self, update: Update) -> bool:
        return self.highest is None or update.update_id > self.highest

    def start(self, update: Update, *, kept: bool) -> None:
        """Start `update`; started in order, so each chat's lane (bot/kit/lanes.py) takes them in
        order."""
        update_id = update.update_id
        self.highest = max(update_id, self.highest or update_id)
        if kept:
            self.kept[update_id] = update
        if update_id in self.tasks:  # served again while it runs
            return
        task = asyncio.create_task(self.delivery.process(update))
        self.tasks[update_id] = task
        task.add_done_callback(lambda done: self._done(update_id, done))

    def take_finished(self) -> list[int]:
        finished, self.finished = self.finished, []
        return finished

    def _done(self, update_id: int, task: asyncio.Task[bool]) -> None:
        del self.tasks[update_id]
        if task.cancelled():  # stopped before it was done: kept or unconfirmed, served again
            self.failed.add(update_id)
            return
        error = task.exception()
        if error is not None:
            log.error("update %s: delivery failed (%s)", update_id, type(error).__name__)
        if error is not None or not task.result():
            self.failed.add(update_id)
        elif self.kept.pop(update_id, None) is not None:
            self.finished.append(update_id)

    def restart(self, left_over: list[Update]) -> None:
        """Start again what failed, oldest first: the kept ones (and those the last run left
        in the inbox) from here, the others fetched again from the oldest of them; those after
        it that were done are no-ops the second time (the ledger)."""
        again = {update.update_id: update for update in left_over}
        again.update(
            (update_id, self.kept[update_id]) for update_id in self.failed & self.kept.keys()
        )
        unkept = self.failed - again.keys()
        self.failed.clear()
        for update_id in sorted(again):
            self.start(again[update_id], kept=True)
        if unkept:
            self.highest = min(unkept) - 1

    async def wait(self, stop: asyncio.Event, seconds: float) -> None:
        """Until an update finishes, `stop` is set, or `seconds` pass."""
        stopped = asyncio.ensure_future(stop.wait())
        try:
            await asyncio.wait(
                {stopped, *self.tasks.values()},
                timeout=seconds,
                return_when=asyncio.FIRST_COMPLETED,
            )
        finally:
            stopped.cancel()

    async def settle(self, grace: float | None = None) -> None:
        """Let the updates in flight finish (within `grace`); the rest are cancelled, stay
        unconfirmed and come again at the next start."""
        tasks = list(self.tasks.values())
        if not tasks:
            return
        _, late = await asyncio.wait(tasks, timeout=grace)
        for task in late:
            task.cancel()
        if late:
            log.warning("%d update(s) still running at the stop: served again next time", len(late))
            await asyncio.wait(late)


async def _until_stopped(request: Awaitable[T], stop: asyncio.Event) -> T | None:
    """The request's result, or None (request cancelled) when `stop` comes first."""
    fetch = asyncio.ensure_future(request)
    stopped = asyncio.ensure_future(stop.wait())
    done, _ = await asyncio.wait({fetch, stopped}, return_when=asyncio.FIRST_COMPLETED)
    if fetch in done:
        stopped.cancel()
        return fetch.result()
    fetch.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await fetch
    return None


async def _confirm(delivery: Delivery, offset: int) -> None:
    """Tell Telegram what was processed, so the next start does not fetch it again."""
    try:
        await delivery.application.bot.get_updates(offset=offset, limit=1, timeout=0)
    except NetworkError:
        log.info("could not confirm the last updates; the ledger will skip them next time")


async def _sleep(seconds: float, stop: asyncio.Event) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


def _seconds(retry_after: object) -> float:
    total = getattr(retry_after, "total_seconds", None)
    return float(total()) if callable(total) else float(retry_after)  # type: ignore[arg-type]
