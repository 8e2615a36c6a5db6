"""Engines and sessions: SQLite embedded by default, PostgreSQL for scale-out."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

if TYPE_CHECKING:
    from sqlmodel import Session

log = logging.getLogger(__name__)


SQLITE_POOL = 16  # bot/kit/lanes.py WORKING


class DatabaseUrlError(ValueError):
    """The configured database URL cannot be used; the message says why in one line."""


def make_engine(url: str, *, pool_size: int = 5, echo: bool = False) -> Engine:
    """An engine for `url`, with SQLite tuned for a bot: WAL, foreign keys, a busy timeout."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        # Not echoed: an unreadable URL may still hold a password.
        raise DatabaseUrlError(
            "cannot read the database URL; write it like "
            "postgresql://user:password@host:5432/kompas or sqlite:///kompas.db"
        ) from exc
    backend = parsed.get_backend_name()
    kwargs: dict[str, Any] = {"echo": echo, "pool_pre_ping": backend != "sqlite"}
    if backend == "sqlite":
        # Updates run their database work on the event loop, one transaction at a time
        # (bot/kit/runtime.py); a team's analysis reads its connection from a worker thread.
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        # A connection taken on the event loop must never wait for one given back (the loop
        # that would give it back is the one waiting): one for each update working at once
        # (bot/kit/lanes.py), and more opened, not waited for, should anything else hold them.
        if parsed.database not in (None, "", ":memory:"):
            kwargs.update(pool_size=SQLITE_POOL, max_overflow=-1)
    elif backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        kwargs.update(pool_size=pool_size, max_overflow=pool_size)
    else:
        raise DatabaseUrlError(f"unsupported database {backend!r}: use sqlite or postgresql")
    try:
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, ImportError) as exc:
        shown = parsed.render_as_string(hide_password=True)
        raise DatabaseUrlError(f"cannot use database URL {shown!r}: {exc}") from exc
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode never corrupts the database; a power cut may lose the last commit.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        # Reading a big team walks its sales in date order, page by page out of order: with
        # SQLite's 2 MB default cache that re-reads pages from disk (load_team ~1.5× slower).
        cursor.execute("PRAGMA mmap_size=268435456")
    finally:
        cursor.close()


def ping(engine: Engine) -> bool:
    """Whether the database answers (the webhook's health check); raises when it doesn't."""
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return True


@contextmanager
def larger_page_cache(connection: Connection, mebibytes: int = 64) -> Iterator[None]:
    """SQLite's page cache raised for one bulk write, then put back (and its pages freed).

    An import's sales land in the fingerprint index in hash order, all over it: with the 2 MB
    default each insert re-reads index pages (70 000 sales: ~0.25 s of CPU more)."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size=-{mebibytes * 1024}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def new_session(engine: Engine) -> Session:
    """A session whose objects stay readable after commit (views are built after it)."""
    # Imported here: sqlmodel brings the ORM (~0.15 s), which `kompas import` loads only
    # while its file is being read (bot/cli/files.py).
    from sqlmodel import Session

    return Session(engine, expire_on_commit=False)


class WalCheckpointer:
    """Copies SQLite's write-ahead log into the database file on a thread of its own.

    SQLite does that inside whichever commit takes the log past 1 000 pages, and the fsyncs
    it takes (~10 ms here) then stall the event loop: every hundredth recorded sale or so
    (tests/benchmarks/bench_chat.py). Nudged after commits, this thread copies the log first,
    at most every INTERVAL seconds. SQLite's own checkpoint stays, should the thread fall
    behind. PASSIVE mode never blocks a writer or a reader.
    """

    INTERVAL = 0.05

    def __init__(self, path: str) -> None:
        self.path = path
        self.checkpoints = 0  # how many have run, for tests
        self.last: tuple[int, int, int] | None = None  # (busy, log pages, copied pages)
        self._wanted = threading.Event()
        self._closed = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def nudge(self) -> None:
        """Changes were committed: copy them over soon."""
        if self._thread is None:
            with self._lock:
                if self._thread is None and not self._closed.is_set():
                    self._thread = threading.Thread(
                        target=self._run, name="sqlite-checkpoint", daemon=True
                    )
                    self._thread.start()
        if not self._wanted.is_set():  # set() takes a lock: most commits find it set already
            self._wanted.set()

    def close(self) -> None:
        self._closed.set()
        self._wanted.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        connection = sqlite3.connect(self.path, check_same_thread=False)
        try:
            while True:
                self._wanted.wait()
                if self._closed.is_set():
                    return
                self._wanted.clear()
                try:
                    row = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                except sqlite3.Error:
                    log.warning("background checkpoint failed; SQLite's own one remains")
                else:
                    self.last = tuple(row)
                    self.checkpoints += 1
                if self._closed.wait(self.INTERVAL):
                    return
        finally:
            connection.close()


def wal_checkpointer(engine: Engine) -> WalCheckpointer | None:
    """A background checkpointer for an SQLite file's engine; None for PostgreSQL."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return WalCheckpointer(database)


class UnitOfWork:
    """One update's transaction: a connection, and an ORM session that joins it when needed.

    The hot path's Core statements (storage/statements.py) run on the connection itself,
    so an update that needs no ORM never opens a session transaction: a Session's own begin,
    commit and close cost ~0.2 ms, a tenth of a recorded sale (tests/benchmarks/bench_chat.py).
    A handler that does use the ORM gets a session on the same connection and transaction.
    """

    def __init__(self, engine: Engine) -> None:
        from sqlmodel import Session  # see new_session

        self.connection = engine.connect()
        # Joined, the session's commit leaves the transaction to this unit, its rollback rolls
        # the whole of it back (as a session of its own would), and its close leaves it be.
        self.session = Session(
            bind=self.connection, expire_on_commit=False, join_transaction_mode="rollback_only"
        )

    def commit(self) -> None:
        """Everything so far lands, ORM changes and Core statements together."""
        if self.session.in_transaction():
            self.session.commit()
        self.connection.commit()

    def rollback(self) -> None:
        if self.session.in_transaction():
            self.session.rollback()
        self.connection.rollback()

    def close(self) -> None:
        self.session.close()
        self.connection.close()
