"""How a turn's work is settled: committed (even when the answer to COMMIT is lost), or
refused and rolled back with the update kept in the ledger."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from bot.kit import failures
from bot.kit.outbox import keyboard
from bot.kit.telegram_html import fit_html
from storage import ledger, teams
from storage.engine import UnitOfWork

if TYPE_CHECKING:
    from bot.kit.turn import Turn

log = logging.getLogger(__name__)


# Seconds to wait before each look in the ledger when the answer to a COMMIT was lost.
LEDGER_LOOKS = (0.0, 0.5, 2.0)


async def commit(turn: Turn, unit: UnitOfWork) -> None:
    """Commit the update's work. Should the connection die after COMMIT was sent and before
    its answer came, the ledger says whether it landed: then the confirmations go out as
    usual, never a failure for something that was saved; if not, the update is kept and
    carried out when it comes again (bot/kit/failures.py)."""
    kompas, update_id = turn.kompas, turn.update.update_id
    try:
        await kompas.db(unit.commit)
    except SQLAlchemyError as error:
        if not failures.retryable(error):
            raise
        failure = error
    else:
        kompas.uncertain.pop(update_id, None)
        return
    with contextlib.suppress(SQLAlchemyError):
        await kompas.db(unit.close)  # the lost connection (and SQLite's lock) let go of
    bot_id = turn.context.bot.id
    for pause in LEDGER_LOOKS:
        await asyncio.sleep(pause)
        try:
            landed = await kompas.db(ledger.recorded, kompas.engine, bot_id, update_id, turn.now)
        except SQLAlchemyError:
            continue
        if not landed:
            raise failure  # nothing was saved: kept, and carried out when it comes again
        log.warning("update %s: the answer to its COMMIT was lost; the ledger has it", update_id)
        kompas.uncertain.pop(update_id, None)
        return
    # Not known yet: if it landed, its redelivery finds it in the ledger and says what was
    # saved; if not, the redelivery carries it out.
    remember_unanswered(turn, into=kompas.uncertain)
    raise failure


def remember_unanswered(turn: Turn, *, into: dict[int, Any] | None = None) -> None:
    """The work is committed but the answer failed: the error handler must not say that
    nothing changed. What was saved goes to the user with its Undo, so a retry doesn't
    record it twice."""
    t, chat_id, texts = turn.t, turn.caller.chat_id, turn.kompas.texts
    honest = [
        (chat_id, str(texts.saved_all_the_same(t, fit_html(saved.text))), keyboard(saved.buttons))
        for saved in turn.saved
        if not saved.delivered
    ]
    if not honest and teams.data_changed(turn.session):
        honest = [(chat_id, str(texts.handled_all_the_same(t)), None)]
    if honest:  # otherwise only the ledger and dialog state changed: "nothing changed" is true
        (turn.kompas.unanswered if into is None else into)[turn.update.update_id] = honest


def refuse(
    unit: UnitOfWork,
    bot_id: int,
    update_id: int,
    now: dt.datetime,
    keeps: Sequence[Callable[[Session], Any]] = (),
) -> None:
    """Roll the handler's changes back but keep the update in the ledger: it was answered,
    and keep what must stand anyway (`Turn.keep_if_refused`).

    Without the entry, Telegram redelivering a refused update would show the refusal twice,
    or carry the update out after all once something else had changed meanwhile.
    """
    unit.rollback()
    for keep in keeps:
        keep(unit.session)
    ledger.claim(session=unit.session, bot_id=bot_id, update_id=update_id, now=now)
    unit.commit()
