"""A consistent copy of the SQLite database, safe while the bot writes (`kompas backup FILE`).

SQLite's online backup API copies the database as one snapshot (a read transaction: in WAL
mode the bot keeps writing meanwhile) into a temporary file next to the target, which is checked
(`PRAGMA integrity_check`), switched to a single self-contained file (no -wal beside it) and only
then renamed to the target: a backup killed halfway leaves no half-written file behind.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

# What the summary counts in the copy, one fixed statement each (no SQL built from text).
COUNTS = (
    "SELECT count(*) FROM team",
    "SELECT count(*) FROM client",
    "SELECT count(*) FROM sale",
)


class BackupError(Exception):
    """The copy could not be made or failed its check; nothing was written to the target."""


def copy_sqlite(source: Path, target: Path) -> tuple[int, int, int]:
    """Copy `source` to `target` as one consistent snapshot; (teams, clients, sales) in it.

    Raises OSError for the files and BackupError for the database."""
    try:
        return _copy(source, target)
    except sqlite3.Error as exc:
        raise BackupError(str(exc)) from exc


def _copy(source: Path, target: Path) -> tuple[int, int, int]:
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    # Read-only: a backup must never create or change the database it copies. The path goes in
    # as a file: URI, percent-encoded by pathlib, so no character of it is read as an option.
    read_only = f"{source.resolve().as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(read_only, uri=True)) as src:
        src.execute("PRAGMA busy_timeout=30000")
        with contextlib.closing(sqlite3.connect(partial)) as copy:
            src.backup(copy)  # all pages in one step: one snapshot, whatever writes meanwhile
            copy.execute("PRAGMA journal_mode=DELETE")  # one file, nothing beside it
            problems = copy.execute("PRAGMA integrity_check").fetchall()
            if problems != [("ok",)]:
                raise sqlite3.DatabaseError(f"the copy fails its integrity check: {problems[:3]}")
            teams, clients, sales = (int(copy.execute(sql).fetchone()[0]) for sql in COUNTS)
    with partial.open("rb+") as written:
        os.fsync(written.fileno())
    partial.replace(target)
    return teams, clients, sales
