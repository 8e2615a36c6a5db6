"""What a file says, read and checked: the values the reader hands to the writer.

Plain data, no database: the bounded file reader (``storage.file_worker``) builds these in a
child process that never imports the ORM or a database driver.
"""

from __future__ import annotations

import datetime as dt
import gc
from array import array
from dataclasses import dataclass, field
from typing import Any, NamedTuple

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


class FileSale(NamedTuple):
    """One sale row, its client by name key."""

    key: str
    sold_on: dt.date
    amount: int
    cost: int | None
    minutes: int | None
    due_on: dt.date | None
    paid_on: dt.date | None
    paid_amount: int | None = None  # the part paid of an open invoice


@dataclass(frozen=True)
class FileSales:
    """A file's sale rows as columns, in file order: a log's 70 000 sales are eight lists, as
    the reader checks them and the writer inserts them, not 70 000 tuples made, pickled and
    taken apart again on both sides (issue 21)."""

    key: list[str] = field(default_factory=list)
    sold_on: list[dt.date] = field(default_factory=list)
    amount: list[int] = field(default_factory=list)
    cost: list[int | None] = field(default_factory=list)
    minutes: list[int | None] = field(default_factory=list)
    due_on: list[dt.date | None] = field(default_factory=list)
    paid_on: list[dt.date | None] = field(default_factory=list)
    paid_amount: list[int | None] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.key)

    def columns(self) -> tuple[list[Any], ...]:
        """The eight columns in ``FileSale``'s order."""
        return tuple(getattr(self, name) for name in FileSale._fields)

    @classmethod
    def of(cls, rows: list[FileSale]) -> FileSales:
        """Rows as columns (tests write sales a row at a time)."""
        return cls(*map(list, zip(*rows, strict=True))) if rows else cls()


@dataclass(frozen=True)
class FileEvent:
    """One row of a history file: a complaint, compliment, referral or rating of a client."""

    line: int
    name: str  # the client as the file shows them
    key: str
    kind: str  # complaint | compliment | referral | rating
    happened_on: dt.date
    note: str | None = None
    referred: tuple[str, str] | None = None  # a referral's client: shown name, key
    criterion: str | None = None  # a rating's point and value, and who rated (None: the importer)
    value: int | None = None
    rated_by: int | None = None


@dataclass
class ParsedFile:
    """A file read and checked: its clients by name key, its sales and its history rows in file
    order."""

    kind: str
    clients: dict[str, FileClient] = field(default_factory=dict)
    sales: FileSales = field(default_factory=FileSales)
    events: list[FileEvent] = field(default_factory=list)
    named: set[str] = field(default_factory=set)  # every readable name, bad rows included
    # Whether the file has a due-date, paid-date or paid-amount column: without one it says nothing
    # about payment, and its sales are taken as settled when made.
    has_payments: bool = False

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled one column at a time, dates as day numbers: the file reader's child process
        hands a 100 000-sale file back in a few hundredths of a second instead of most of one
        (objects pickled one by one cost ten times as much on each side)."""
        clients = list(self.clients.values())
        client_columns = (
            array("q", [c.line for c in clients]),
            [c.name for c in clients],
            [c.key for c in clients],
            _sparse([c.traits or None for c in clients]),
            _sparse([c.referrer for c in clients]),
            _days([c.first_sale for c in clients]),
        )
        sales = self.sales
        sale_columns = (
            sales.key,
            _days(sales.sold_on),
            array("q", sales.amount),
            _sparse(sales.cost),
            _sparse(sales.minutes),
            _days(sales.due_on),
            _days(sales.paid_on),
            _sparse(sales.paid_amount),
        )
        state = (self.kind, self.has_payments, client_columns, sale_columns, self.events)
        return _unpickled, (*state, self.named)


def _unpickled(*state: Any) -> ParsedFile:
    collecting = gc.isenabled()
    gc.disable()  # a collection every 700 new objects took 2/3 of the time of 100 000 sales
    try:
        return _rebuilt(*state)
    finally:
        if collecting:
            gc.enable()


def _rebuilt(
    kind: str,
    has_payments: bool,
    client_columns: tuple[Any, ...],
    sale_columns: tuple[Any, ...],
    events: list[FileEvent],
    named: set[str],
) -> ParsedFile:
    lines, names, keys, traits, referrers, first_sales = client_columns
    clients = {
        key: FileClient(line, name, key, trait or {}, referrer, first)
        for line, name, key, trait, referrer, first in zip(
            lines,
            names,
            keys,
            _filled(traits, len(keys)),
            _filled(referrers, len(keys)),
            _dates(first_sales, len(keys)),
            strict=True,
        )
    }
    count = len(sale_columns[0])
    sale_keys, sold, amounts, costs, minutes, due, paid, parts = sale_columns
    sales = FileSales(
        sale_keys,
        _dates(sold),  # type: ignore[arg-type]  # every sale has its day
        amounts.tolist(),
        _filled(costs, count),
        _filled(minutes, count),
        _dates(due, count),
        _dates(paid, count),
        _filled(parts, count),
    )
    return ParsedFile(kind, clients, sales, events, named, has_payments)


def _sparse(values: list[Any]) -> list[Any] | None:
    """A column as it is, or None when it holds nothing (most files have no such column)."""
    return values if any(v is not None for v in values) else None


def _filled(values: list[Any] | None, count: int) -> list[Any]:
    return [None] * count if values is None else values


def _days(days: list[dt.date | None]) -> array | None:
    """Dates as day numbers (0 for none), or None when there are none."""
    if all(d is None for d in days):
        return None
    return array("i", [0 if d is None else d.toordinal() for d in days])


def _dates(numbers: array | None, count: int = 0) -> list[dt.date | None]:
    if numbers is None:
        return [None] * count
    known: dict[int, dt.date | None] = {0: None}
    for number in set(numbers).difference(known):
        known[number] = dt.date.fromordinal(number)
    return [known[n] for n in numbers]
