"""Kompas as a long-running service: updates processed before they are acknowledged, clean stops.

Both transports that talk to Telegram (polling and webhook) acknowledge an update only after
`Application.process_update` has finished with it: a polled update's offset is confirmed, a
webhook call answered 200. An update whose processing failed because the database could not be
reached is not acknowledged, so Telegram delivers it again (the user is told it is kept:
bot/kit/failures.py); the processed-update ledger
(storage/ledger.py) makes any second delivery of a processed update a no-op.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import Application, ContextTypes

from bot.kit.failures import retryable
from bot.kit.runtime import KOMPAS

log = logging.getLogger(__name__)


class Delivery:
    """Feeds updates to one Application and says which may be acknowledged. Its update
    processor (bot/kit/lanes.py) runs one chat's updates in order, other chats' alongside."""

    def __init__(self, application: Application) -> None:
        self.application = application
        self._failed: dict[int, BaseException] = {}
        # An update the database failed comes again: the user may be told it is kept.
        application.bot_data[KOMPAS].redelivered = True
        application.add_error_handler(self._remember_failure)

    async def process(self, update: Update) -> bool:
        """Process the update; False when it must be delivered again (the database failed)."""
        app = self.application
        # The update processor orders updates by chat (bot/kit/lanes.py), as for polled updates.
        await app.update_processor.process_update(update, app.process_update(update))
        error = self._failed.pop(update.update_id, None)
        if error is None:
            return True
        if retryable(error):
            if update.update_id in app.bot_data[KOMPAS].failures_told:
                # Committed and told so (bot/kit/turn.py), or told "nothing was changed, try
                # again": carrying it out once more would record it twice (bot/kit/failures.py).
                log.warning("update %s failed, user told: acknowledged", update.update_id)
                return True
            log.warning("update %s not acknowledged: database unavailable", update.update_id)
            return False
        return True

    async def _remember_failure(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if isinstance(update, Update) and context.error is not None:
            self._failed[update.update_id] = context.error


Body = Callable[[asyncio.Event], Awaitable[None]]


async def serve(
    application: Application,
    body: Body,
    *,
    stop: asyncio.Event | None = None,
    handle_signals: bool = True,
) -> None:
    """Initialise and start the application, run `body` until `stop`, then stop cleanly.

    `post_init` publishes the command menus and schedules the jobs; `start` runs the JobQueue.
    SIGTERM and SIGINT set `stop`: `body` stops taking updates and lets the ones in flight
    finish, then the JobQueue stops and the application shuts down. The caller disposes the
    database engine.
    """
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    signals = (signal.SIGTERM, signal.SIGINT) if handle_signals else ()
    for sig in signals:
        loop.add_signal_handler(sig, stop.set)
    try:
        await application.initialize()
        try:
            if application.post_init:
                await application.post_init(application)
            await application.start()
            try:
                await body(stop)
            finally:
                await application.stop()
                if application.post_stop:
                    await application.post_stop(application)
        finally:
            await application.shutdown()
            if application.post_shutdown:
                await application.post_shutdown(application)
    finally:
        for sig in signals:
            loop.remove_signal_handler(sig)
