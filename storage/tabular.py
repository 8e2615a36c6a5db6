"""Reading an uploaded CSV or XLSX file into a header and rows, whatever wrote it.

- **XLSX** (recognised by its content, not its name) is read with openpyxl in read-only mode,
  first the active sheet; dates come as dates and numbers as numbers.
- **CSV** encodings: a UTF-8 or UTF-16 byte-order mark decides; otherwise strict UTF-8; otherwise
  the file is one of the single-byte code pages older Excel writes, cp1251 (Russian Windows) or
  cp1252 (Dutch Windows). Bytes decode in both, so the text decides: read as cp1251, a Russian
  file is words of Cyrillic letters, while a Dutch one turns its few accents into Cyrillic
  letters inside Latin words (``cafй``). Whichever decodes strictly wins when only one does.
- **Delimiter**: an Excel ``sep=;`` first line decides; otherwise whichever of ``;``, tab and
  ``,`` splits the header into the most columns (ties in that order: Dutch and Russian Excel use
  ``;``, because ``,`` is their decimal comma).
- **Lines** are numbered as a spreadsheet numbers its rows, the header row being line 1 in a
  file that starts with it; empty rows are skipped but counted.
- A text cell that starts with ``'`` followed by ``=``, ``+``, ``-``, ``@``, tab or CR (after any
  spaces) loses the ``'``: that is how exports neutralise formulas, so an export imports as it was.

Anything else — too large, too many rows, binary, empty, a header without rows — is an
``InputError`` that says what to send instead. The CSV side is storage/csv_reading.py, the XLSX
side storage/xlsx_reading.py, what both share storage/table_cells.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from locales import InputError
from storage.csv_reading import csv_records, decode
from storage.refusals import Refused
from storage.table_cells import MAX_COLUMNS, Cell
from storage.xlsx_reading import xlsx_records

MAX_BYTES = 20 * 1024 * 1024
# As many rows as a spreadsheet holds: the team's own export always imports back. Memory stays
# bounded by MAX_BYTES, and the file is read in a worker with its own limits (file_worker).
MAX_ROWS = 1_048_576


_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and .doc) container


class Row(NamedTuple):  # a tuple: a file has up to a million of them
    line: int
    cells: tuple[Cell, ...]  # exactly as many as the header has columns; empty text is None


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Row, ...]


def file_digest(content: bytes) -> str:
    """A file's bytes as a digest: the same file sent again has the same one."""
    return hashlib.sha256(content).hexdigest()


def file_suffix(filename: str) -> str:
    """What a file's name says of it, for ``read_table``: ".xlsx", ".csv", "" …"""
    name = filename.lower()
    return name[name.rindex(".") :] if "." in name else ""


def read_table(filename: str, content: bytes) -> Table:
    """The header and non-empty rows of a CSV or XLSX file, or an InputError saying what's wrong."""
    if len(content) > MAX_BYTES:
        raise InputError(Refused.TOO_LARGE, max=MAX_BYTES // (1024 * 1024))
    if not content.strip():
        raise InputError(Refused.EMPTY)
    if content.startswith(_ZIP):
        records = xlsx_records(content)
    elif content.startswith(_OLE) or filename.lower().endswith((".xlsx", ".xls", ".ods")):
        raise InputError(Refused.BAD_SPREADSHEET)
    else:
        records = csv_records(decode(content))
    return _table(records)


def _table(records: Iterable[tuple[int, list[Cell]]]) -> Table:
    header: tuple[str, ...] | None = None
    rows: list[Row] = []
    width = 0
    for line, cells in records:
        if cells.count(None) == len(cells):  # an empty line
            continue
        if header is None:
            header = _header(cells)
            width = len(header)
            continue
        if len(rows) >= MAX_ROWS:
            raise InputError(Refused.TOO_MANY_ROWS, max=MAX_ROWS)
        if len(cells) != width:  # as wide as the header: not empty, as said above
            cells = (cells + [None] * width)[:width]
            if cells.count(None) == width:
                continue
        rows.append(tuple.__new__(Row, (line, tuple(cells))))  # Row(…) without its Python call
    if header is None:
        raise InputError(Refused.EMPTY)
    if not rows:
        raise InputError(Refused.NO_ROWS)
    return Table(header, tuple(rows))


def _header(cells: list[Cell]) -> tuple[str, ...]:
    names = [_header_name(c) for c in cells[:MAX_COLUMNS]]
    while names and not names[-1]:
        names.pop()
    return tuple(names)


def _header_name(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()
    return " ".join(str(cell).split())
