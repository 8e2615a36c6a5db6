"""The long-lived services one Application holds in bot_data: settings, database, clock, caches."""

from __future__ import annotations

import asyncio
import datetime as dt
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import Engine
from telegram.ext import ContextTypes

from bot.access import ChatMemberCache
from bot.settings import Settings
from storage.analysis import AnalysedTeam
from storage.callers import TeamView
from storage.engine import WalCheckpointer, wal_checkpointer

KOMPAS = "kompas"
P = ParamSpec("P")
R = TypeVar("R")


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Kompas:
    settings: Settings
    engine: Engine
    clock: Callable[[], dt.datetime] = system_clock
    chat_members: ChatMemberCache = field(default_factory=ChatMemberCache)
    analyses: AnalysisCache = field(default_factory=lambda: AnalysisCache())
    checkpoints: WalCheckpointer | None = field(init=False, default=None)
    # Updates whose work was committed but whose answer failed: update id → the true account
    # of what was saved, as (chat id, text, reply markup), for the error handler to send.
    unanswered: dict[int, list[tuple[int, str, Any]]] = field(default_factory=dict)
    # Updates whose failure the user was told about: never told twice, never carried out later.
    failures_told: FailuresTold = field(default_factory=lambda: FailuresTold())

    def __post_init__(self) -> None:
        self.checkpoints = wal_checkpointer(self.engine)
        if self.checkpoints is not None:
            weakref.finalize(self, self.checkpoints.close)

    def committed(self) -> None:
        """An update's changes landed: SQLite's log gets copied over off the event loop."""
        if self.checkpoints is not None:
            self.checkpoints.nudge()

    def close(self) -> None:
        """Stop the background work this instance started (at shutdown)."""
        if self.checkpoints is not None:
            self.checkpoints.close()

    async def db(self, fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
        """Run database work without stalling the event loop on network round trips.

        PostgreSQL work goes to a worker thread. The embedded SQLite file answers a query in
        tens of microseconds, less than a thread hop costs (~140 µs measured here), and a
        recorded sale takes a handful of queries: in place, recording is several times faster
        (tests/benchmarks/bench_chat.py).
        """
        if self.engine.dialect.name == "sqlite":
            return fn(*args, **kwargs)
        return await asyncio.to_thread(fn, *args, **kwargs)


class FailuresTold:
    """Update ids whose failure ("nothing was changed, try again") reached the user.

    Such an update is done with: a redelivery (Telegram retrying, the database back) must be
    neither answered again nor carried out, or the user's own retry would record it twice.
    Kept in memory because the failure is usually the database; `unrecorded` are entered in
    the processed-update ledger as soon as it answers again, so every instance skips them.
    """

    LIMIT = 10_000  # more failures than a day of a small team's updates

    def __init__(self) -> None:
        self._told: OrderedDict[int, None] = OrderedDict()
        self.unrecorded: set[int] = set()

    def __contains__(self, update_id: object) -> bool:
        return update_id in self._told

    def add(self, update_id: int) -> None:
        self._told[update_id] = None
        self.unrecorded.add(update_id)
        while len(self._told) > self.LIMIT:
            oldest, _ = self._told.popitem(last=False)
            self.unrecorded.discard(oldest)


class AnalysisCache:
    """Team analyses keyed by the team's data version and day: any change, on any instance,
    bumps the version in the same transaction, so nobody is shown stale figures."""

    def __init__(self, size: int = 16) -> None:
        self._size = size
        self._entries: OrderedDict[int, tuple[tuple[int, dt.date, str], AnalysedTeam]] = (
            OrderedDict()
        )

    def get(self, team: TeamView, today: dt.date) -> AnalysedTeam | None:
        entry = self._entries.get(team.id)
        if entry is None or entry[0] != _key(team, today):
            return None
        self._entries.move_to_end(team.id)
        return entry[1]

    def put(self, team: TeamView, today: dt.date, analysis: AnalysedTeam) -> None:
        self._entries[team.id] = (_key(team, today), analysis)
        self._entries.move_to_end(team.id)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)


def _key(team: TeamView, today: dt.date) -> tuple[int, dt.date, str]:
    return team.data_version, today, team.grade_scale


def kompas_of(context: ContextTypes.DEFAULT_TYPE) -> Kompas:
    return context.bot_data[KOMPAS]
