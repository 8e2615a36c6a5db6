"""Long polling that confirms an update to Telegram only after it has been processed.

Telegram forgets every update below the `offset` of the next getUpdates call. PTB's Updater
asks for the next batch as soon as it has queued the last one, so a process killed mid-batch
loses what was queued; here the offset moves past an update only once `Delivery.process` is
done with it. A process that dies is served the unconfirmed updates again at its next start,
and the processed-update ledger turns the ones already done into no-ops.

Updates are processed as they come, each chat's in order and different chats at once
(bot/lanes.py): a group waiting out Telegram's rate limit holds up no other chat. While some are
in flight the offset stays at the oldest unfinished one, so Telegram keeps serving it; the loop
asks again without waiting and takes only the updates it has not started yet.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from typing import TypeVar

from telegram import Update
from telegram.error import NetworkError, RetryAfter, TimedOut

from bot.app import HANDLED_UPDATES
from bot.service import Delivery

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
    backoff = 1.0
    while not stop.is_set():
        if flight.failed:  # database down: the others finish, then the failed one comes again
            await flight.settle()
            flight.restart()
            await _sleep(backoff, stop)
            backoff = min(backoff * 2, MAX_BACKOFF)
            continue
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
        started = [update for update in updates if flight.start(update)]
        if started:
            backoff = 1.0
        elif flight.busy:
            await flight.wait(stop, BUSY_PAUSE)
    await flight.settle(stop_grace)
    if flight.offset is not None:
        await _confirm(delivery, flight.offset)


class InFlight:
    """The updates taken from Telegram and not yet done, and the offset that confirms the rest."""

    def __init__(self, delivery: Delivery) -> None:
        self.delivery = delivery
        self.tasks: dict[int, asyncio.Task[bool]] = {}
        self.failed: set[int] = set()
        self.highest: int | None = None  # the newest update started

    @property
    def busy(self) -> bool:
        return bool(self.tasks)

    @property
    def offset(self) -> int | None:
        """Below the oldest update not done (None: start from the oldest Telegram holds)."""
        pending = self.tasks.keys() | self.failed
        if pending:
            return min(pending)
        return None if self.highest is None else self.highest + 1

    def start(self, update: Update) -> bool:
        """Start `update` unless it was started before; started in order, so each chat's lane
        (bot/lanes.py) takes them in order."""
        if self.highest is not None and update.update_id <= self.highest:
            return False
        self.highest = update.update_id
        task = asyncio.create_task(self.delivery.process(update))
        self.tasks[update.update_id] = task
        task.add_done_callback(lambda done: self._done(update.update_id, done))
        return True

    def _done(self, update_id: int, task: asyncio.Task[bool]) -> None:
        del self.tasks[update_id]
        if task.cancelled():  # stopped before it was done: unconfirmed, served again
            self.failed.add(update_id)
            return
        error = task.exception()
        if error is not None:
            log.error("update %s: delivery failed (%s)", update_id, type(error).__name__)
        if error is not None or not task.result():
            self.failed.add(update_id)

    def restart(self) -> None:
        """Fetch again from the oldest failed update; those after it that were done are
        no-ops the second time (the ledger)."""
        oldest = min(self.failed)
        self.failed.clear()
        self.highest = oldest - 1

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
