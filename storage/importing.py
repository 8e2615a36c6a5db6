"""Importing a team's clients, sales or history from a CSV or XLSX file: all of it, or nothing.

The columns and the names they are recognised by are in ``storage/columns.py`` (its table is the
README's); how a file is decoded and split is in ``storage/tabular.py``. A history file
(complaints, compliments, referrals, ratings) is read here and written by
``storage/import_history.py``, whose docstring holds its decisions.

Decisions
---------
* **One transaction, validated first.** Every row is read and checked — including that each
  "referred by" names a client — before anything is written. Any bad row: nothing is written
  and the report lists every bad cell with its line and column. The caller commits or rolls
  back; this function never commits. (No savepoint: pysqlite's SAVEPOINT outside a BEGIN would
  commit on release, https://docs.sqlalchemy.org/en/20/dialects/sqlite.html#pysqlite-serializable.)
* **The same file twice adds nothing.** A sale is identified by client, date, amount, cost and
  time. The file's rows and the team's stored sales (imported or typed in chat) are matched as
  multisets: a file with three identical rows where two are stored adds one. Due and paid dates
  are not part of the identity, so a later export of the same sales with payments filled in does
  not double them: it fills the empty due/paid dates of the matched sales (``sales_updated``).
  New sales get ``source_ref`` = sha1 of client id, date, amount, cost, minutes and the
  lowest free occurrence number among identical sales (unique per team in the schema, so two
  imports of one file racing each other cannot both commit).
* **The same file again, to a team nothing happened to since**: ``kompas import`` knows it by
  its digest before reading it and adds nothing (storage/imported_files.py); any change in
  the team since, or another language or currency, and it is read and matched as above.
* **Existing clients** (matched on the name key) are completed: their *empty* traits are
  filled (``clients_updated`` counts the clients completed); a trait that already has another
  value keeps it, and the report counts those values (``values_kept``), so nothing the team
  typed is overwritten silently. "Client since" moves to the earlier of the two dates (chat
  sets today for a client it first hears of; the file knows when they started). The kind is
  taken from the file when the file states it (a client made from a sales file was an
  organisation by default, not by choice). The status is
  never changed by a file — declining is decided in chat — except that a prospect with imported
  sales becomes a client, as in chat.
* **New clients**: an organisation unless the file says otherwise, gives a gender, age or birth
  year, or the name is a person's (a patronymic, initials, «Петров Олег»: person_names
  `reads_as_person`); a client (active) unless the file gives a status; "client since" from
  the file, else their first imported sale, never today (an imported client is not a new one).
* **Imported sales keep an empty due date empty** (chat assumes 14 days): otherwise importing a
  history without payment columns would make every old sale overdue.
* **Referred by** links to a client on the list or in the same file; a new link records the
  referral event as chat does, and the client's source becomes "referral" when it was empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from locales import InputError
from locales.dates import format_date
from storage.import_cells import CellReader
from storage.import_layout import Layout, read_layout
from storage.import_results import ReadImport, RowError
from storage.import_rows import TRAITS, FileClient, FileEvent, FileSales, ParsedFile
from storage.refusals import Refused
from storage.table_cells import Cell
from storage.tabular import Table, file_digest, file_suffix, read_table

# Every bad cell is reported up to here; beyond, a file is mostly wrong and one screen says so.
MAX_ERRORS = 1_000
_PAYMENT_COLUMNS = frozenset({"due_on", "paid_on", "paid_amount"})


def read_import(
    *, filename: str, content: bytes, locale: str, currency: str, today: dt.date
) -> ReadImport:
    """Read and check every row of a file; InputError when the file itself can't be read."""
    table = read_table(filename, content)
    file = {"digest": file_digest(content), "suffix": file_suffix(filename)}
    return read_rows(table, locale=locale, currency=currency, today=today, **file)


def read_rows(
    table: Table, *, locale: str, currency: str, today: dt.date, digest: str, suffix: str
) -> ReadImport:
    """Check every row of a file split into rows (``read_table``), read as the team reads
    cells; InputError when the file's columns can't be made out."""
    layout = read_layout(table, locale)
    reader = CellReader(locale=locale, currency=currency, today=today)
    parsed, errors = _parse(table, layout, reader)
    referrer = layout.columns.get("referred_by")
    referred = layout.columns.get("referred")
    return ReadImport(
        kind=layout.kind,
        rows=len(table.rows),
        unknown=layout.unknown,
        referrer_header=referrer[1] if referrer else None,
        parsed=parsed,
        errors=tuple(errors[:MAX_ERRORS]),
        errors_beyond=max(0, len(errors) - MAX_ERRORS),
        history_headers=(layout.columns["name"][1], referred[1] if referred else ""),
        digest=digest,
        suffix=suffix,
        locale=locale,
        currency=currency,
        today=today,
    )


# Reading every row before writing anything ------------------------------------------------------

_BAD = object()  # a cell that could not be read (its RowError is listed)
# Text cells only: a spreadsheet's True and 1 are one key in a dictionary, not one value.
_TEXT = frozenset({str, type(None)})


def _parse(table: Table, layout: Layout, reader: CellReader) -> tuple[ParsedFile, list[RowError]]:
    """Every row read into clients and sales, and every bad cell as a RowError.

    A column at a time: a 70 000-row sales file is three columns of repeated texts, and a
    dictionary of every row's values cost more than reading the values (issue 21)."""
    parsed = ParsedFile(layout.kind, has_payments=bool(_PAYMENT_COLUMNS & layout.columns.keys()))
    errors: list[RowError] = []
    lines = [row.line for row in table.rows]
    # A history file's notes are an event's, kept as chat keeps them (storage.events).
    note_reader = "event_note" if layout.kind == "history" else "notes"
    values = {
        name: _column(
            [row.cells[index] for row in table.rows],
            reader.column(note_reader if name == "notes" else name, unit),
            lines,
            header,
            errors,
        )
        for name, (index, header, unit) in layout.columns.items()
    }
    bad = (
        {i for column in values.values() for i, v in enumerate(column) if v is _BAD}
        if errors
        else set()
    )
    parsed.named.update(v[1] for v in values.get("name", ()) if v is not _BAD)
    if layout.kind == "history":
        for i in range(len(lines)):
            if i not in bad:
                row = {name: column[i] for name, column in values.items()}
                errors.extend(_add_event(parsed, lines[i], row, layout))
    else:
        duplicates: set[int] = set()
        if layout.kind == "clients":
            duplicates = _duplicate_clients(values["name"], lines, layout, errors)
        # Checked on rows with other bad cells too, as every bad cell is reported.
        bad |= duplicates | _payment_errors(values, lines, duplicates, layout, reader, errors)
        good = [i for i in range(len(lines)) if i not in bad]
        _add_rows(parsed, lines, values, good)
    errors.sort(key=lambda e: e.line)  # a row's cells in column order, then its checks
    return parsed, errors


def _column(
    cells: list[Cell],
    read: Callable[[Cell], Any],
    lines: list[int],
    header: str,
    errors: list[RowError],
) -> list[Any]:
    """A column's values, each bad cell _BAD and its RowError appended to `errors`."""
    try:
        if set(map(type, cells)) <= _TEXT:  # a CSV file's column: each distinct text read once
            read_once = {cell: read(cell) for cell in set(cells)}
            return list(map(read_once.__getitem__, cells))
        return list(map(read, cells))
    except InputError:
        pass  # read again one by one, to find every bad cell
    values: list[Any] = []
    for line, cell in zip(lines, cells, strict=True):
        try:
            values.append(read(cell))
        except InputError as error:
            errors.append(RowError(line, header, error))
            values.append(_BAD)
    return values


def _duplicate_clients(
    names: list[Any], lines: list[int], layout: Layout, errors: list[RowError]
) -> set[int]:
    """One line per client in a clients file; checked on bad rows too, to report it all."""
    header = layout.columns["name"][1]
    first_line: dict[str, int] = {}
    duplicates: set[int] = set()
    for i, name in enumerate(names):
        if name is _BAD:
            continue
        shown, key = name
        other = first_line.setdefault(key, lines[i])
        if other != lines[i]:
            error = InputError(Refused.DUPLICATE_CLIENT, client=shown, other=other)
            errors.append(RowError(lines[i], header, error))
            duplicates.add(i)
    return duplicates


def _payment_errors(
    values: dict[str, list[Any]],
    lines: list[int],
    skipped: set[int],
    layout: Layout,
    reader: CellReader,
    errors: list[RowError],
) -> set[int]:
    """Rows whose due or paid date is before the sale, or whose part paid is the whole."""
    found: set[int] = set()
    sold_on = values.get("sold_on")
    for field in ("due_on", "paid_on"):
        days = values.get(field)
        if sold_on is None or days is None:
            continue
        for i, (sold, day) in enumerate(zip(sold_on, days, strict=True)):
            if i in skipped or day is None or day is _BAD or sold in (None, _BAD) or day >= sold:
                continue
            error = InputError(Refused.BEFORE_THE_SALE, sold=format_date(sold, reader.locale))
            errors.append(RowError(lines[i], layout.columns[field][1], error))
            found.add(i)
    parts, amounts = values.get("paid_amount"), values.get("amount")
    if parts is None or amounts is None:
        return found
    paid_on = values.get("paid_on") or [None] * len(lines)
    for i, (paid, day, amount) in enumerate(zip(parts, paid_on, amounts, strict=True)):
        if i in skipped or paid is _BAD or not paid or day not in (None, _BAD):
            continue
        if amount is not _BAD and paid >= amount:
            header = layout.columns["paid_amount"][1]
            errors.append(RowError(lines[i], header, InputError(Refused.PAID_NOT_BELOW_AMOUNT)))
            found.add(i)
    return found


def _add_rows(
    parsed: ParsedFile, lines: list[int], values: dict[str, list[Any]], good: list[int]
) -> None:
    """The good rows' clients (the first value of each trait counts) and sales."""
    traits = [(f, values[f]) for f in TRAITS if f in values]  # most sales files name none
    ages, referrers = values.get("age"), values.get("referred_by")
    clients = parsed.clients
    names = values["name"]
    for i in good:
        shown, key = names[i]
        client = clients.get(key)
        if client is None:
            client = clients[key] = FileClient(lines[i], shown, key, {})
        for trait, column in traits:
            if column[i] is not None:
                client.traits.setdefault(trait, column[i])
        if ages is not None and ages[i] is not None:
            client.traits.setdefault("birth_year", ages[i])
        if referrers is not None and referrers[i] is not None and client.referrer is None:
            client.referrer = (*referrers[i], lines[i])
    if parsed.kind != "sales":
        return

    def kept(field: str) -> list[Any]:
        column = values.get(field)
        if column is None:
            return [None] * len(good)
        return column if len(good) == len(column) else [column[i] for i in good]

    keys = [name[1] for name in kept("name")]
    sold_on, paid_on = kept("sold_on"), kept("paid_on")
    # Paid in full (a paid date) makes a part payment moot; 0 paid is nothing paid.
    parts = [
        None if day else part or None
        for part, day in zip(kept("paid_amount"), paid_on, strict=True)
    ]
    parsed.sales = FileSales(
        keys,
        sold_on,
        kept("amount"),
        kept("cost"),
        kept("minutes"),
        kept("due_on"),
        paid_on,
        parts,
    )
    for key, day in zip(keys, sold_on, strict=True):
        client = clients[key]
        if client.first_sale is None or day < client.first_sale:
            client.first_sale = day


def _add_event(
    parsed: ParsedFile, line: int, values: dict[str, Any], layout: Layout
) -> list[RowError]:
    """One history row, or why it can't be one (a rating without its point or value)."""
    shown, key = values["name"]
    kind = values["event"]
    errors: list[RowError] = []

    def header(field: str) -> str:
        return layout.columns.get(field, layout.columns["event"])[1]

    if kind == "rating":
        if values.get("criterion") is None:
            errors.append(
                RowError(line, header("criterion"), InputError(Refused.RATING_NEEDS_CRITERION))
            )
        if values.get("value") is None:
            errors.append(RowError(line, header("value"), InputError(Refused.RATING_NEEDS_VALUE)))
    referred = values.get("referred") if kind == "referral" else None
    if referred is not None and referred[1] == key:
        errors.append(RowError(line, header("referred"), InputError(Refused.SELF_REFERRAL)))
    if errors:
        return errors
    rating = kind == "rating"
    parsed.events.append(
        FileEvent(
            line,
            shown,
            key,
            kind,
            values["sold_on"],
            note=values.get("notes") or None,
            referred=referred,
            criterion=values["criterion"] if rating else None,
            value=values["value"] if rating else None,
            rated_by=values.get("rated_by") if rating else None,
        )
    )
    return []
