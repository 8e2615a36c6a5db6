"""`kompas backup FILE`: a consistent copy of the SQLite database, safe while the bot runs.

The copy itself is storage's (storage/backup.py: one snapshot, checked, renamed into place).
PostgreSQL has its own tool for this; there the command says how to use pg_dump and writes
nothing. Restoring is described in the README ("Backup and restore").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from storage.backup import BackupError, copy_sqlite

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bot.settings import Settings


def add_parsers(commands: argparse._SubParsersAction, db_option) -> None:  # type: ignore[type-arg, no-untyped-def]
    backup_command = commands.add_parser(
        "backup",
        help="copy the SQLite database to FILE, safely while the bot runs "
        "(PostgreSQL: prints how to use pg_dump)",
    )
    backup_command.add_argument("file", metavar="FILE", help="where the copy goes")
    db_option(backup_command)


def backup(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    url = engine.url
    if url.get_backend_name() == "postgresql":
        print(pg_dump_hint(url.render_as_string(hide_password=True)))
        return 0
    source = url.database
    if not source or source == ":memory:":
        print("kompas: backup needs a database file, not an in-memory database", file=sys.stderr)
        return 1
    if not Path(source).is_file():
        print(f"kompas: there is no database at {source}: nothing to back up", file=sys.stderr)
        return 1
    target = Path(args.file)
    if target.resolve() == Path(source).resolve():
        print("kompas: the backup must go to another file than the database", file=sys.stderr)
        return 1
    try:
        counts = copy_sqlite(Path(source), target)
    except (OSError, BackupError) as exc:
        print(f"kompas: backup failed: {exc}", file=sys.stderr)
        return 1
    teams, clients, sales = counts
    print(
        f"kompas: backup written to {target} ({teams} teams, {clients} clients, {sales} sales; "
        "integrity ok)"
    )
    return 0


def pg_dump_hint(url: str) -> str:
    """One line on backing up PostgreSQL, naming the database but never the password."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    name = parsed.database or "kompas"
    options = []
    if parsed.host:
        options.append(f"-h {parsed.host}")
    if parsed.port:
        options.append(f"-p {parsed.port}")
    if parsed.username:
        options.append(f"-U {parsed.username}")
    where = " ".join(options)
    return (
        "kompas: the database is PostgreSQL; back it up with pg_dump, for example: "
        f"pg_dump {where + ' ' if where else ''}-Fc {name} > {name}.dump (nothing was written)"
    )
