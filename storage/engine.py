"""Engines and sessions: SQLite embedded by default, PostgreSQL for scale-out."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import Session


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
        # Handlers run their database work on worker threads, one update at a time.
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
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
    finally:
        cursor.close()


def new_session(engine: Engine) -> Session:
    """A session whose objects stay readable after commit (views are built after it)."""
    return Session(engine, expire_on_commit=False)
