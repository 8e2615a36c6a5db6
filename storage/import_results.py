"""What an import hands on: the file read and checked (``ReadImport``, the bounded reader's
answer), each bad cell (``RowError``) and what the import did (``ImportReport``). Plain data:
the file reader's child process (``storage.file_worker``) builds and pickles them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from locales import InputError
from storage.import_rows import ParsedFile


@dataclass(frozen=True)
class RowError:
    """One bad cell: the line as the file shows it (header = 1) and the column as headed there."""

    line: int
    column: str
    error: InputError


@dataclass(frozen=True)
class ImportReport:
    """What an import did, or — when ``errors`` is not empty — why it did nothing."""

    kind: str  # "clients" | "sales" | "history"
    rows: int
    clients_created: int = 0
    clients_updated: int = 0  # existing clients completed: empty traits filled, earlier start
    sales_added: int = 0
    sales_updated: int = 0  # matched sales whose empty due/paid date the file filled in
    duplicates_skipped: int = 0  # rows whose data was all there already
    referrals_added: int = 0
    complaints_added: int = 0
    compliments_added: int = 0
    ratings_added: int = 0
    referrals_dated: int = 0  # referrals already noted that the history file gave its date
    values_kept: int = 0  # file values that differed from a stored trait, which was kept
    unknown_columns: tuple[str, ...] = ()
    errors: tuple[RowError, ...] = ()
    errors_beyond: int = 0  # bad cells past MAX_ERRORS, counted but not listed

    @property
    def nothing_new(self) -> bool:
        """Whether the import went through and added or changed nothing (the same file again)."""
        changes = (
            self.clients_created,
            self.clients_updated,
            self.sales_added,
            self.sales_updated,
            self.referrals_added,
            self.complaints_added,
            self.compliments_added,
            self.ratings_added,
            self.referrals_dated,
        )
        return self.ok and not any(changes)

    @property
    def ok(self) -> bool:
        """Whether the import went through (nothing at all was imported otherwise)."""
        return not self.errors


@dataclass(frozen=True)
class ReadImport:
    """A file read and every cell checked, before the team's data is consulted: what the
    bounded worker hands back (small next to the file: no cells, only the values kept)."""

    kind: str
    rows: int
    unknown: tuple[str, ...]
    referrer_header: str | None
    parsed: ParsedFile
    errors: tuple[RowError, ...]
    errors_beyond: int = 0
    history_headers: tuple[str, str] = ("", "")  # a history file's client and referred columns
    digest: str = ""  # the file's bytes (``tabular.file_digest``)
    suffix: str = ""  # its name's, lower case: ".xlsx" names are read otherwise
    locale: str = ""  # how its cells were read
    currency: str = ""
    today: dt.date | None = None

    def how_read(self) -> dict[str, Any]:
        """The bytes and how they were read: with who imports them, what decides what the file
        adds (``imported_files.reading_key``)."""
        return {
            "digest": self.digest,
            "suffix": self.suffix,
            "locale": self.locale,
            "currency": self.currency,
            "today": self.today,
        }
