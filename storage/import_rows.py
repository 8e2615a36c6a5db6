"""What a file says, read and checked: the values the reader hands to the writer.

Plain data, no database: the bounded file reader (``storage.file_worker``) builds these in a
child process that never imports the ORM or a database driver.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from storage.columns import CLIENT_FIELDS

TRAITS = tuple(f for f in CLIENT_FIELDS if f not in ("name", "age", "referred_by"))


@dataclass
class FileClient:
    """What a file says about one client (a sales file: the first value of each trait)."""

    line: int
    name: str
    key: str
    traits: dict[str, Any]
    referrer: tuple[str, str, int] | None = None  # shown name, key, line
    first_sale: dt.date | None = None


@dataclass(frozen=True)
class FileSale:
    """One sale row, its client by name key."""

    key: str
    sold_on: dt.date
    amount: int
    cost: int | None
    minutes: int | None
    due_on: dt.date | None
    paid_on: dt.date | None
    paid_amount: int | None = None  # the part paid of an open invoice


@dataclass
class ParsedFile:
    """A file read and checked: its clients by name key, and its sales in file order."""

    kind: str
    clients: dict[str, FileClient] = field(default_factory=dict)
    sales: list[FileSale] = field(default_factory=list)
    named: set[str] = field(default_factory=set)  # every readable name, bad rows included
    # Whether the file has a due-date, paid-date or paid-amount column: without one it says nothing
    # about payment, and its sales are taken as settled when made.
    has_payments: bool = False
