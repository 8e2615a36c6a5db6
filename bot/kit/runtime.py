"""The long-lived services one Application holds in bot_data: settings, database, clock, caches."""

from __future__ import annotations

import asyncio
import contextvars
import datetime as dt
import functools
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from sqlalchemy import Engine
from telegram.ext import ContextTypes

from bot.kit.access import ChatMemberCache
from bot.kit.texts import KitTexts
from bot.settings import Settings
from storage.analysis import AnalysedTeam
from storage.callers import TeamView
from storage.engine import WalCheckpointer, wal_checkpointer

if TYPE_CHECKING:
    from bot.kit.dialogs import Dialog
    from bot.kit.turn import Turn

KOMPAS = "kompas"
# Set while this task holds SQLite's turn: its database calls run at once, in its transaction.
_HOLDING_SQLITE = contextvars.ContextVar("holding_sqlite", default=False)
P = ParamSpec("P")
R = TypeVar("R")


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Kompas:
    settings: Settings
    engine: Engine
    # Installed by the wiring (bot/app.py): the kit's own texts, made by render; the dialogs
    # by the name their state is stored under; what runs before each command.
    texts: KitTexts
    dialogs: Mapping[str, Dialog] = field(default_factory=dict)
    before_commands: Sequence[Callable[[Turn], Awaitable[None]]] = ()
    clock: Callable[[], dt.datetime] = system_clock
    chat_members: ChatMemberCache = field(default_factory=ChatMemberCache)
    analyses: AnalysisCache = field(default_factory=lambda: AnalysisCache())
    checkpoints: WalCheckpointer | None = field(init=False, default=None)
    # Updates whose work was committed but whose answer failed: update id → the true account
    # of what was saved, as (chat id, text, reply markup), for the error handler to send.
    unanswered: dict[int, list[tuple[int, str, Any]]] = field(default_factory=dict)
    # Updates whose COMMIT's answer was lost and the ledger could not be asked: what was saved,
    # should a redelivery find them landed after all (bot/kit/turn.py).
    uncertain: dict[int, list[tuple[int, str, Any]]] = field(default_factory=dict)
    # Updates whose failure the user was told about: never told twice, never carried out later.
    failures_told: FailuresTold = field(default_factory=lambda: FailuresTold())
    # Updates the database failed whose user was told they are kept: told once, carried out
    # when they come again (bot/kit/failures.py), dated by the day the user said them.
    kept: RecentIds = field(default_factory=lambda: RecentIds())
    # Whether an update the database failed comes again (polling and webhook:
    # bot/transports/delivery.py);
    # the offline chat and the test harness never redeliver, so nothing is "kept" there.
    redelivered: bool = False
    _sqlite_turn: asyncio.Lock = field(init=False, default_factory=asyncio.Lock)
    _threads: ThreadPoolExecutor | None = field(init=False, default=None)

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
        if self._threads is not None:
            self._threads.shutdown(wait=False)

    async def db(self, fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
        """Run database work: PostgreSQL's on a worker thread, the embedded SQLite file's in
        place on the event loop, on purpose.

        PostgreSQL's network round trips would stall the event loop. The embedded SQLite file
        answers a query in tens of microseconds, less than a thread hop costs (~140 µs measured
        here), and a recorded sale takes a handful of queries: in place, recording is several
        times faster (tests/benchmarks/bench_chat.py). In place, it waits its turn behind an
        update whose transaction is open (`transaction`), so it never meets SQLite's lock.
        """
        if self.engine.dialect.name == "sqlite":
            if _HOLDING_SQLITE.get():
                return fn(*args, **kwargs)
            async with self._sqlite_turn:
                return fn(*args, **kwargs)
        if self._threads is None:
            # A thread for each connection the pool can open, and some for the jobs: a thread
            # waiting for a row lock never keeps the lock's holder from its commit.
            threads = 2 * self.settings.db_pool_size + 4
            self._threads = ThreadPoolExecutor(threads, thread_name_prefix="kompas-db")
        call = functools.partial(fn, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._threads, call)

    def transaction(self) -> Transaction:
        """The span in which an update's transaction stays open across its awaits (Telegram
        calls): `open()` it first, `close()` it before sending the replies.

        Updates of different chats run at the same time (bot/kit/lanes.py). With SQLite in place on
        the event loop, a second writer would block the whole loop in SQLite's busy wait while
        the first could not go on: so one update at a time holds SQLite's turn. Replies go out
        after it, so a chat waiting out Telegram's rate limit holds up no one. PostgreSQL's
        transactions run side by side on their threads.
        """
        return Transaction(self._sqlite_turn if self.engine.dialect.name == "sqlite" else None)


class Transaction:
    """SQLite's turn, held by one update's task from `open` to `close` (idempotent)."""

    def __init__(self, turn: asyncio.Lock | None) -> None:
        self._turn = turn
        self._holding: contextvars.Token[bool] | None = None

    async def open(self) -> None:
        if self._turn is None or _HOLDING_SQLITE.get():
            return
        await self._turn.acquire()
        self._holding = _HOLDING_SQLITE.set(True)

    def close(self) -> None:
        if self._holding is not None:
            _HOLDING_SQLITE.reset(self._holding)
            self._holding = None
            assert self._turn is not None
            self._turn.release()


class RecentIds:
    """The latest update ids of some kind, in memory, bounded."""

    LIMIT = 10_000  # more failures than a day of a small team's updates

    def __init__(self) -> None:
        self._told: OrderedDict[int, None] = OrderedDict()

    def __contains__(self, update_id: object) -> bool:
        return update_id in self._told

    def add(self, update_id: int) -> None:
        self._told[update_id] = None
        while len(self._told) > self.LIMIT:
            self._forget(self._told.popitem(last=False)[0])

    def discard(self, update_id: int) -> None:
        self._told.pop(update_id, None)

    def _forget(self, update_id: int) -> None:
        pass


class FailuresTold(RecentIds):
    """Update ids whose failure ("nothing was changed, try again") reached the user.

    Such an update is done with: a redelivery (Telegram retrying, the database back) must be
    neither answered again nor carried out, or the user's own retry would record it twice.
    Kept in memory because the failure is usually the database; `unrecorded` are entered in
    the processed-update ledger as soon as it answers again, so every instance skips them.
    """

    def __init__(self) -> None:
        super().__init__()
        self.unrecorded: set[int] = set()

    def add(self, update_id: int) -> None:
        self.unrecorded.add(update_id)
        super().add(update_id)

    def _forget(self, update_id: int) -> None:
        self.unrecorded.discard(update_id)


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
