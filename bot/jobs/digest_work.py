"""The CPU-heavy half of a digest, run in worker processes: freeze the week, render, draw.

A Monday morning means scoring and drawing for every team at once; in worker processes that
work uses every core and keeps the bot's event loop free for people's messages. Each worker
opens its own database engine (one per process, kept), so nothing is shared across a fork.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from bot.render.chart_figures import digest_chart
from bot.render.digest import Digest, render_digest, week_label
from locales import translator
from storage import callers
from storage.analysis import weekly_snapshot
from storage.engine import make_engine, new_session


@dataclass(frozen=True)
class PreparedDigest:
    digest: Digest | None  # None: the team's digest is off, only its week was frozen
    chart: bytes | None


_engines: dict[str, Engine] = {}  # per worker process: opened on its first digest


def worker_pool() -> ProcessPoolExecutor:
    """Workers forked from a clean server process that has already imported the heavy parts."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return ProcessPoolExecutor(max_workers=os.cpu_count() or 2, mp_context=context)


def prepare_digest(
    database_url: str, team_id: int, now: dt.datetime, *, late: bool, render: bool
) -> PreparedDigest:
    """Freeze the team's week (its snapshot) and, when `render`, draw up its digest."""
    engine = _engines.get(database_url)
    if engine is None:
        engine = _engines[database_url] = make_engine(database_url, pool_size=1)
    with new_session(engine) as session:
        team = callers.team_view(session=session, team_id=team_id)
        if team is None:
            return PreparedDigest(None, None)
        today = now.astimezone(ZoneInfo(team.timezone)).date()
        analysed, changes = weekly_snapshot(session=session, team=team, today=today, now=now)
        session.commit()
    if not render:
        return PreparedDigest(None, None)
    t = translator(team.locale, solo=team.is_personal)
    analysis = analysed.analysis
    label = week_label(t, today)
    digest = render_digest(t, team, analysis, changes, week_label=label, late=late)
    return PreparedDigest(digest, digest_chart(t, team, analysis))
