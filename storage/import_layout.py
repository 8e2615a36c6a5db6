"""Which column of a file is which, and what kind of file it is: clients, sales or history.

The header row decides (``storage.columns`` recognises each header): a file with an amount
column is a sales file, one with an event column and no amount a history file, any other a
clients file. A file whose headers name nothing Kompas reads, or that lacks a column its kind
needs, is refused as a whole with what to call the missing column (``storage.importing`` reads
the rows of a file whose layout is known).
"""

from __future__ import annotations

from dataclasses import dataclass

from locales import InputError
from storage.columns import HISTORY_FIELDS, HISTORY_ONLY, export_header, recognise
from storage.refusals import Refused
from storage.tabular import Table

_SALES_ONLY = frozenset({"sold_on", "cost", "minutes", "due_on", "paid_on", "paid_amount"})


@dataclass(frozen=True)
class Layout:
    kind: str
    columns: dict[str, tuple[int, str, str | None]]  # field → (index, header as written, unit)
    unknown: tuple[str, ...]


def read_layout(table: Table, locale: str) -> Layout:
    columns: dict[str, tuple[int, str, str | None]] = {}
    unknown: list[str] = []
    for index, header in enumerate(table.header):
        if not header:
            continue
        recognised = recognise(header)
        if recognised is None or recognised.field in columns:
            unknown.append(header)
        else:
            columns[recognised.field] = (index, header, recognised.unit)
    # An event column without amounts makes a history file: its columns are the history's,
    # and a history column in a clients or sales file is not one Kompas reads there.
    is_history = "event" in columns and "amount" not in columns
    for field in list(columns):
        if (field not in HISTORY_FIELDS) if is_history else (field in HISTORY_ONLY):
            unknown.append(columns.pop(field)[1])
    if not columns:
        raise InputError(
            Refused.NOTHING_RECOGNISED,
            name=export_header("name", locale),
            date=export_header("sold_on", locale),
            amount=export_header("amount", locale),
        )
    if is_history:
        if "name" not in columns:
            raise InputError(Refused.NO_NAME_COLUMN, example=export_header("name", locale))
        if "sold_on" not in columns:
            raise InputError(Refused.NO_EVENT_DATE_COLUMN, example=export_header("sold_on", locale))
        return Layout("history", columns, tuple(unknown))
    is_sales = "amount" in columns
    if not is_sales and _SALES_ONLY & columns.keys():
        raise InputError(Refused.NO_AMOUNT_COLUMN, example=export_header("amount", locale))
    if "name" not in columns:
        raise InputError(Refused.NO_NAME_COLUMN, example=export_header("name", locale))
    if is_sales and "sold_on" not in columns:
        raise InputError(Refused.NO_DATE_COLUMN, example=export_header("sold_on", locale))
    return Layout("sales" if is_sales else "clients", columns, tuple(unknown))
