"""Long polling that confirms an update to Telegram only after it has been processed.

Telegram forgets every update below the `offset` of the next getUpdates call. PTB's Updater
asks for the next batch as soon as it has queued the last one, so a process killed mid-batch
loses what was queued; here the offset moves past an update only once `Delivery.process` is
done with it. A process that dies is served the unconfirmed updates again at its next start,
and the processed-update ledger turns the ones already done into no-ops.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from typing import TypeVar

from telegram.error import NetworkError, RetryAfter, TimedOut

from bot.app import HANDLED_UPDATES
from bot.service import Delivery

log = logging.getLogger(__name__)
T = TypeVar("T")

LONG_POLL_SECONDS = 30  # Telegram holds getUpdates open this long when there is nothing new
BATCH = 100  # Telegram's maximum per getUpdates
MAX_BACKOFF = 30.0  # seconds between attempts while Telegram or the database is unreachable


async def poll(
    delivery: Delivery, stop: asyncio.Event, *, long_poll: int = LONG_POLL_SECONDS
) -> None:
    """Fetch, process and confirm updates until `stop` is set; the update in hand finishes."""
    bot = delivery.application.bot
    # A bot has either a webhook or polling; keep what Telegram holds (drop nothing).
    await bot.delete_webhook(drop_pending_updates=False)
    offset: int | None = None  # None: start from the oldest update Telegram still holds
    backoff = 1.0
    while not stop.is_set():
        try:
            updates = await _until_stopped(
                bot.get_updates(
                    offset=offset,
                    limit=BATCH,
                    timeout=long_poll,
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
        backoff = 1.0
        for update in updates:
            if stop.is_set():
                break  # the rest stays unconfirmed: served again at the next start
            if not await delivery.process(update):
                await _sleep(backoff, stop)  # database down: fetch the same update again
                backoff = min(backoff * 2, MAX_BACKOFF)
                break
            offset = update.update_id + 1
    if offset is not None:
        await _confirm(delivery, offset)


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
