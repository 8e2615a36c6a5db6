"""A failed update is answered once (issue 18: "failures record twice").

When the database is down, every delivery of an update fails. Where the update will come
again (polling's inbox, Telegram redelivering an unacknowledged webhook call:
bot/transports/delivery.py),
the user is told once that it is kept and will be carried out as soon as it can be: they need
not type it again (which made two sales), and it is carried out once, dated by the day they
said it (bot/kit/turn.py). Any other failure is told once as "nothing was changed, try again"; that
update is then done with: acknowledged, and any redelivery, on this instance or, once the
ledger has it, on any other, is skipped.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy.exc import SQLAlchemyError
from telegram import Bot, Update
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.kit.runtime import Kompas, kompas_of
from storage import ledger
from storage.engine import new_session

log = logging.getLogger(__name__)

# Failures that say nothing about the update itself: it will go through once the database is
# back. Anything else (a bug, bad input) would fail again.
_TRY_AGAIN = (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError)


# Seconds to wait before sending a failure notice again when Telegram could not take it.
NOTICE_RETRIES = (0.5, 2.0, 5.0)
RETRY_AFTER_AT_MOST = 5.0  # a longer flood wait is not waited out for a notice


def retryable(error: BaseException | None) -> bool:
    """Whether the update failed only because the database could not be reached."""
    return isinstance(error, _TRY_AGAIN) or bool(getattr(error, "connection_invalidated", False))


async def answered_already(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """First for every update: one whose failure the user was told about stops here."""
    if not isinstance(update, Update):
        return
    kompas = kompas_of(context)
    told = kompas.failures_told
    if told.unrecorded:
        await kompas.db(_record, kompas, context.bot.id, sorted(told.unrecorded))
    if update.update_id in told:
        log.info("update %s was answered with a failure already: skipped", update.update_id)
        raise ApplicationHandlerStop


def _record(kompas: Kompas, bot_id: int, update_ids: list[int]) -> None:
    """Enter the told updates in the processed-update ledger, once the database answers."""
    now = kompas.clock()
    try:
        with new_session(kompas.engine) as session:
            for update_id in update_ids:  # claim() drops an id out of range
                ledger.claim(session=session, bot_id=bot_id, update_id=update_id, now=now)
            session.commit()
    except SQLAlchemyError:
        log.info("the database is still unavailable; told failures stay in memory")
        return
    kompas.failures_told.unrecorded.difference_update(update_ids)


async def tell(bot: Bot, answers: list[tuple[int, str, Any]]) -> bool:
    """Send the failure notices, each at most once: a Bot API 5xx or a network failure is tried
    again after NOTICE_RETRIES; a timeout may have delivered it, so it is not. Whether any
    notice (may have) reached the user."""
    reached = False
    for chat_id, text, markup in answers:
        for pause in (*NOTICE_RETRIES, None):
            try:
                await bot.send_message(chat_id, text, reply_markup=markup)
            except TimedOut:  # sent, perhaps: never twice
                log.warning("a failure notice timed out; not sent again")
                reached = True
                break
            except RetryAfter as exc:
                wait = _seconds(exc.retry_after)
                if pause is None or wait > RETRY_AFTER_AT_MOST:
                    log.warning("could not tell the user about the failure (flood wait)")
                    break
                await asyncio.sleep(wait)
            except BadRequest:  # Telegram refuses it: sending it again changes nothing
                log.warning("could not tell the user about the failure (refused)")
                break
            except NetworkError:  # a 5xx or no connection: it did not arrive
                if pause is None:
                    log.warning("could not tell the user about the failure")
                    break
                await asyncio.sleep(pause)
            except Exception:
                log.warning("could not tell the user about the failure")
                break
            else:
                reached = True
                break
    return reached


def _seconds(retry_after: object) -> float:
    total = getattr(retry_after, "total_seconds", None)
    return float(total()) if callable(total) else float(retry_after)  # type: ignore[arg-type]
