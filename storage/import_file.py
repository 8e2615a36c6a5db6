"""A file into a team: read here or by the file worker (``storage.importing``), its mentions of
clients checked against the team's list, then written in the caller's transaction, or every
bad row reported and nothing written. The decisions are in ``storage.importing``'s docstring.

Apart from ``storage.importing`` because this half needs the ORM and the database drivers:
the file reader's child process (``storage.file_worker``) imports only the reading half, which
keeps its start-up time down.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from storage.import_history import write_history
from storage.import_references import client_errors, referrer_errors
from storage.import_results import ImportReport, ReadImport
from storage.import_stored import existing_clients
from storage.import_writer import write_import
from storage.imported_files import TeamVersion, reading_key, remember_import, team_version
from storage.importing import read_import
from storage.snapshots import thaw_references


def import_file(
    *,
    session: Session,
    team_id: int,
    filename: str,
    content: bytes,
    locale: str,
    currency: str,
    today: dt.date,
    now: dt.datetime,
    user_id: int | None,
) -> ImportReport:
    """Import a clients, sales or history file into the team, in the caller's transaction,
    reading it in this process (the bot and ``kompas import`` read files apart:
    ``storage.file_worker``).

    A file Kompas cannot read raises InputError; bad rows come back in the report, with nothing
    written. The caller commits when ``report.ok`` and rolls back otherwise.
    """
    read = read_import(
        filename=filename, content=content, locale=locale, currency=currency, today=today
    )
    return write_read_import(
        session=session, team_id=team_id, read=read, today=today, now=now, user_id=user_id
    )


def write_read_import(
    *,
    session: Session,
    team_id: int,
    read: ReadImport,
    today: dt.date,
    now: dt.datetime,
    user_id: int | None,
    existing: dict[str, dict[str, Any]] | None = None,
    figures: list[Any] | None = None,
    version: TeamVersion | None = None,
) -> ImportReport:
    """Check what needs the team's data (referrers) and write, or report every bad row.

    `existing` is the team's clients (``existing_clients``) when the caller read them already,
    on this session, while the file was being read; `figures` its sales
    (``import_stored.sale_figures``) likewise, and `version` the team's data version read
    before them (``imported_files.team_version``): without it the file is not remembered."""
    if existing is None:
        version = team_version(session, team_id)
        existing = existing_clients(session, team_id)
    existing = _with_names_reordered(existing, _file_keys(read))
    if read.kind == "history":
        found = client_errors(read.parsed.events, existing, read.history_headers)
    else:
        found = referrer_errors(read.parsed, existing, read.referrer_header)
    errors = [*read.errors, *found]
    # What the report says of the file whether it is written or not.
    said: dict[str, Any] = {"kind": read.kind, "rows": read.rows, "unknown_columns": read.unknown}
    if errors:
        return ImportReport(
            **said,
            errors=tuple(sorted(errors, key=lambda e: e.line)),
            errors_beyond=read.errors_beyond,
        )
    # A file restates the team's past: references frozen before it (by a first scoring, before
    # any digest) rest on data that was not there yet.
    thaw_references(session=session, team_id=team_id)
    # Both writers add to the same team's clients, as the same person, at the same moment.
    into: dict[str, Any] = {
        "session": session,
        "team_id": team_id,
        "existing": existing,
        "now": now,
        "user_id": user_id,
    }
    if read.kind == "history":
        counts = write_history(events=read.parsed.events, **into)
    else:
        counts = write_import(parsed=read.parsed, today=today, figures=figures, **into)
    if version is not None and read.today is not None:
        key = reading_key(user_id=user_id, **read.how_read())
        remember_import(session, team_id=team_id, key=key, read_at=version, now=now)
    return ImportReport(**said, **counts)


def _file_keys(read: ReadImport) -> set[str]:
    """The name keys a file gives its clients, and the clients its referrer column and history
    rows name."""
    parsed = read.parsed
    keys = set(parsed.clients)
    keys.update(c.referrer[1] for c in parsed.clients.values() if c.referrer is not None)
    for event in parsed.events:
        keys.add(event.key)
        if event.referred is not None:
            keys.add(event.referred[1])
    return keys


def _with_names_reordered(
    existing: dict[str, dict[str, Any]], keys: set[str]
) -> dict[str, dict[str, Any]]:
    """The team's clients, and each name of the file that is one of theirs with its words in
    another order (`Петрова Анна` for «Анна Петрова», `Jansen Anna` for Anna Jansen) as theirs
    too: an import made a second «Анна Петрова» of it (the Russian reader). Only a name whose
    words are one client's alone; initials (`Иванова И. И.`) stay a name of their own."""
    missing = keys.difference(existing)
    if not missing:
        return existing
    by_words: dict[str, list[str]] = {}
    for key in existing:
        by_words.setdefault(_words(key), []).append(key)
    aliases = {}
    for key in missing:
        found = by_words.get(_words(key), [])
        if len(found) == 1:
            aliases[key] = existing[found[0]]
    return {**existing, **aliases} if aliases else existing


def _words(key: str) -> str:
    return " ".join(sorted(key.split(" ")))
