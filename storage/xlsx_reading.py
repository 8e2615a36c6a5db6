"""Reading an uploaded XLSX workbook: its archive checked before it is opened (zip bombs, too
many cells, Strict Open XML, formulas without values), then its active sheet streamed row by row."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from typing import IO

from locales import InputError
from storage.refusals import Refused
from storage.table_cells import MAX_CELLS, MAX_COLUMNS, Cell, text_cell

_CELL = re.compile(rb"<(?:\w+:)?c[\s/>]")  # <c r="A1">, <c>, <x:c ...>
_TAG_TAIL = 16  # bytes of a chunk kept for the next, so no tag is split between two
# What an .xlsx archive may hold: a real workbook is a few dozen parts of XML that compress
# some 5 to 30 times; a zip bomb is one part that inflates a thousandfold.
MAX_MEMBERS = 1_000
MAX_PART = 200 * 1024 * 1024  # inflated, one part
MAX_SHARED_STRINGS = 50 * 1024 * 1024  # openpyxl holds all shared strings in memory at once
MAX_INFLATED = 300 * 1024 * 1024  # all parts together
MAX_RATIO = 100  # inflated / compressed, for a part over _RATIO_FROM
_RATIO_FROM = 1024 * 1024


def xlsx_records(content: bytes) -> Iterator[tuple[int, list[Cell]]]:
    """(line, cells) for each row of the workbook's active sheet, once its archive passed."""
    # Imported here: openpyxl takes a noticeable moment to import and CSV files don't need it.
    from openpyxl import load_workbook

    check_archive(content)
    _refuse_too_many_cells(content)
    _refuse_unreadable_parts(content)
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except MemoryError:
        raise
    except Exception:  # a damaged file raises whatever zipfile or the XML parser raise
        raise InputError(Refused.BAD_SPREADSHEET) from None
    try:
        sheet = book.active or (book.worksheets[0] if book.worksheets else None)
        if sheet is None:
            raise InputError(Refused.EMPTY)
        # Every row is read, however many empty ones come between (a name in row 5000 after
        # a gap is no less the team's): the cell cap and the worker's time limit bound it.
        read, width = 0, MAX_COLUMNS
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            read += len(values)
            if read > MAX_CELLS:
                raise InputError(Refused.TOO_MANY_CELLS, max=MAX_CELLS)
            cells = [_sheet_cell(v) for v in values[:width]]
            if width == MAX_COLUMNS and any(c is not None for c in cells):
                width = _width(cells)  # the header: nothing right of it is read
            yield line, cells
    except (InputError, MemoryError):
        raise
    except Exception:  # as above: a damaged sheet fails while it streams
        raise InputError(Refused.BAD_SPREADSHEET) from None
    finally:
        book.close()


def _width(header: list[Cell]) -> int:
    return max(i for i, cell in enumerate(header, start=1) if cell is not None)


def _refuse_too_many_cells(content: bytes) -> None:
    """Count the sheets' cells from their XML as it inflates, a megabyte at a time, before
    openpyxl sees them (it parses a whole sheet without a <dimension> just to size it): a
    sheet of millions of one-digit cells is refused in a second, not after a minute."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheets = [
            name
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml") and name.count("/") == 2
        ]
        cells = 0
        for name in sheets:
            with archive.open(name) as xml:
                cells = _count_cells(xml, cells)
    if cells > MAX_CELLS:
        raise InputError(Refused.TOO_MANY_CELLS, max=MAX_CELLS)


def _count_cells(xml: IO[bytes], cells: int) -> int:
    """`cells` plus the <c> elements in `xml`; an InputError as soon as there are too many."""
    tail = b""
    while chunk := xml.read(1024 * 1024):
        window = tail + chunk
        cut = max(0, len(window) - _TAG_TAIL)
        cut = window.rfind(b"<", cut) if window.find(b"<", cut) >= 0 else len(window)
        cells += len(_CELL.findall(window, 0, cut))
        tail = window[cut:]
        if cells > MAX_CELLS:
            raise InputError(Refused.TOO_MANY_CELLS, max=MAX_CELLS)
    return cells + len(_CELL.findall(tail))


_STRICT_NAMESPACE = b"purl.oclc.org/ooxml/spreadsheetml"
_FORMULA_CELL = re.compile(
    rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b[^>]*(?:/>|>.*?</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3}[0-9]{1,7})"')


def _refuse_unreadable_parts(content: bytes) -> None:
    """A Strict Open XML workbook (openpyxl sees no sheets: "empty") and a formula saved
    without its value (read as an empty cell: "the date is missing") are said as such."""
    archive = zipfile.ZipFile(io.BytesIO(content))  # checked by check_archive
    for name in archive.namelist():
        if not (name.startswith("xl/") and name.endswith(".xml")):
            continue
        part = name == "xl/workbook.xml" or name.startswith("xl/worksheets/")
        if not part:
            continue
        text = archive.read(name)
        if _STRICT_NAMESPACE in text[:2048]:
            raise InputError(Refused.STRICT_XLSX)
        found = _FORMULA_CELL.search(text) if name.startswith("xl/worksheets/") else None
        if found:  # <c r="B2"><f>…</f></c>: a formula with no <v> after it
            ref = _CELL_REF.search(found[1])
            raise InputError(Refused.FORMULA_WITHOUT_VALUE, cell=ref[1].decode() if ref else "?")


def check_archive(content: bytes) -> None:
    """Refuse a zip whose parts would inflate beyond what a real spreadsheet holds, from its
    directory alone (zipfile never inflates a member beyond the size the directory declares)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(Refused.BAD_SPREADSHEET) from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(Refused.TOO_MANY_PARTS, n=len(members), max=MAX_MEMBERS)
    total = sum(m.file_size for m in members)
    for member in members:
        limit = MAX_SHARED_STRINGS if member.filename.endswith("sharedStrings.xml") else MAX_PART
        packed = max(member.compress_size, 1)
        tight = member.file_size > _RATIO_FROM and member.file_size / packed > MAX_RATIO
        if member.file_size > limit or total > MAX_INFLATED or tight:
            raise InputError(
                Refused.INFLATES,
                size=max(1, total // (1024 * 1024)),
                packed=max(1, len(content) // 1024),
            )


def _sheet_cell(value: object) -> Cell:
    if value is None or isinstance(value, bool):
        return None if value is None else str(value).upper()
    if isinstance(value, str):
        return text_cell(value)
    if isinstance(value, int | float | dt.date | dt.time | dt.timedelta):
        return value
    return text_cell(str(value))
