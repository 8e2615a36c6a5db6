"""A failed update is answered once and then done with (issue 18: "failures record twice").

When the database is down, every delivery of an update fails. The user is told once that
nothing was changed and to try again; from then on the update is acknowledged to Telegram
(bot/service.py) and any redelivery, on this instance or, once the ledger has it, on any
other, is skipped: neither a second error message nor, after the outage, the change the user
has since made again by hand.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError
from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.runtime import Kompas, kompas_of
from storage import ledger
from storage.engine import new_session

log = logging.getLogger(__name__)


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
