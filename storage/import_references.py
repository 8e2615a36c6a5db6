"""A file's mentions of clients checked against the team's list, before anything is written.

A history row adds to the history of a client the team has: it never invents one. A "referred
by" names a client on the list or in the same file, and never the client themselves. Each
miss is a row error with its line and column (``storage.importing``: all of a file, or nothing).
"""

from __future__ import annotations

from typing import Any

from locales import InputError
from storage.import_results import RowError
from storage.import_rows import FileEvent, ParsedFile
from storage.refusals import Refused


def client_errors(
    events: list[FileEvent], existing: dict[str, dict[str, Any]], headers: tuple[str, str]
) -> list[RowError]:
    """A history row names clients the team has: it adds to their history, never invents them."""
    name_header, referred_header = headers
    errors: list[RowError] = []
    for event in events:
        if event.key not in existing:
            error = InputError(Refused.NOT_A_CLIENT, client=event.name)
            errors.append(RowError(event.line, name_header, error))
        if event.referred is not None and event.referred[1] not in existing:
            error = InputError(Refused.NOT_A_CLIENT, client=event.referred[0])
            errors.append(RowError(event.line, referred_header, error))
    return errors


def referrer_errors(
    parsed: ParsedFile, existing: dict[str, dict[str, Any]], header: str | None
) -> list[RowError]:
    errors: list[RowError] = []
    for client in parsed.clients.values():
        if client.referrer is None or header is None:
            continue
        shown, key, line = client.referrer
        if key == client.key:
            errors.append(RowError(line, header, InputError(Refused.SELF_REFERRAL)))
        elif key not in parsed.named and key not in existing:
            errors.append(
                RowError(line, header, InputError(Refused.UNKNOWN_REFERRER, client=shown))
            )
    return errors
