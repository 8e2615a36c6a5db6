"""The daily privacy sweep: declined clients anonymised after their team's retention, and old
audit rows and expired undo entries pruned (storage/privacy.py).

Every instance runs it; it is idempotent, so two instances sweeping at once do no harm.
"""

from __future__ import annotations

import datetime as dt
import logging

from telegram.ext import Application, ContextTypes

from bot.kit.runtime import Kompas, kompas_of
from storage import privacy
from storage.engine import new_session

log = logging.getLogger(__name__)

EVERY = dt.timedelta(days=1)
FIRST = dt.timedelta(minutes=1)  # soon after a start, so a bot restarted daily still sweeps


async def privacy_sweep(context: ContextTypes.DEFAULT_TYPE) -> None:
    await sweep_now(kompas_of(context))


async def sweep_now(kompas: Kompas) -> privacy.Sweep:
    """Sweep once, as of the Application's clock."""
    now = kompas.clock()

    def work() -> privacy.Sweep:
        with new_session(kompas.engine) as session:
            done = privacy.sweep(session=session, now=now)
            session.commit()
            return done

    done = await kompas.db(work)
    if done.anonymised or done.audit_rows_pruned or done.undos_pruned:
        log.info(
            "privacy sweep: %d declined clients anonymised, %d audit rows and %d expired "
            "undo entries deleted",
            done.anonymised,
            done.audit_rows_pruned,
            done.undos_pruned,
        )
    return done


def start(application: Application) -> None:
    """Called from post_init: sweep soon after start, then daily."""
    application.job_queue.run_repeating(
        privacy_sweep, interval=EVERY, first=FIRST, name="privacy-sweep"
    )
