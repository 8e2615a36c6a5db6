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
``InputError`` that says what to send instead.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from locales import N_, InputError

MAX_BYTES = 20 * 1024 * 1024
# As many rows as a spreadsheet holds: the team's own export always imports back. Memory stays
# bounded by MAX_BYTES, and the file is read in a worker with its own limits (file_worker).
MAX_ROWS = 1_048_576
MAX_COLUMNS = 200
# Cells in a sheet, empty ones in a row included, counted in its XML before it is parsed (a
# sheet that wide is not ours: a 1 048 576-row export has 3 or 4 columns); cells right of the
# header's last column are not read.
MAX_CELLS = 4_000_000
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

Cell = str | int | float | dt.date | dt.datetime | dt.time | dt.timedelta | None

TOO_LARGE = N_("This file is too large: send at most {max} MB at a time.")
TOO_MANY_ROWS = N_("This file has more than {max} rows. Split it into smaller files.")
INFLATES = N_(
    "This spreadsheet would unpack to {size} MB from a file of {packed} KB. "
    "I don't open files like that: save it as CSV and send it again."
)
TOO_MANY_PARTS = N_(
    "This spreadsheet is made of {n} parts; I open at most {max}. Save it as CSV and send it again."
)
TOO_MANY_CELLS = N_("This file has more than {max} cells. Split it into smaller files.")
UNCLOSED_QUOTE = N_(
    'Line {line} opens a quote (") that is never closed, so the rest of the file would be one '
    "cell. Close the quote or remove it, and send the file again."
)
MIXED_SEPARATORS = N_(
    "Line {line} is separated by “{found}”, but the first line by “{expected}”. "
    "Use one separator in the whole file."
)
ODD_CHARACTERS = N_(
    "I can't tell how this file's letters are stored: line {line} would read “{text}”. "
    "Save it as “CSV UTF-8” and send it again."
)
EMPTY = N_("This file is empty. Send a CSV or Excel file with a header row and your data.")
NO_ROWS = N_("This file has column names but no rows under them.")
NOT_A_TABLE = N_("This is not a CSV or Excel file I can read. Save it as CSV or .xlsx.")
CELL_TOO_LONG = N_(
    "Line {line} has a cell of more than {max} characters, which no name, date or amount needs. "
    "Shorten it and send the file again."
)
CONTROL_CHARACTERS = N_(
    "Line {line} holds control characters, which are not text: “{text}”. Remove them and "
    "send the file again."
)
STRICT_XLSX = N_(
    "This workbook is saved as “Strict Open XML”, which I can't read. In Excel choose Save As → "
    "“Excel Workbook (.xlsx)” or “CSV UTF-8”, and send it again."
)
FORMULA_WITHOUT_VALUE = N_(
    "Cell {cell} holds a formula without a saved value. Open the file in Excel, save it, and "
    "send it again."
)
BAD_SPREADSHEET = N_("I can't read this spreadsheet. Save it as .xlsx or CSV and send it again.")

_DELIMITERS = (";", "\t", ",")  # in order of preference on a tie
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and .doc) container
_CYRILLIC_WORD = re.compile(r"[А-яЁё]{2,}")
_MIXED_WORD = re.compile(r"[A-Za-z][А-яЁё]|[А-яЁё][A-Za-z]")
_ODD_LETTER = re.compile("[ЂЃЉЊЌЋЏђѓљњќћџЎўЈҐґЅѕ]")


@dataclass(frozen=True)
class Row:
    line: int
    cells: tuple[Cell, ...]  # exactly as many as the header has columns; empty text is None


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Row, ...]


def read_table(filename: str, content: bytes) -> Table:
    """The header and non-empty rows of a CSV or XLSX file, or an InputError saying what's wrong."""
    if len(content) > MAX_BYTES:
        raise InputError(TOO_LARGE, max=MAX_BYTES // (1024 * 1024))
    if not content.strip():
        raise InputError(EMPTY)
    if content.startswith(_ZIP):
        records = _xlsx_records(content)
    elif content.startswith(_OLE) or filename.lower().endswith((".xlsx", ".xls", ".ods")):
        raise InputError(BAD_SPREADSHEET)
    else:
        records = _csv_records(decode(content))
    return _table(records)


def decode(content: bytes) -> str:
    """The text of a CSV file in whichever encoding wrote it (see the module docstring)."""
    if content.startswith(b"\xef\xbb\xbf"):
        return _strict(content, "utf-8-sig")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(content, "utf-16")
    if b"\x00" in content:
        raise InputError(NOT_A_TABLE)
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    russian = _lenient(content, "cp1251")
    dutch = _lenient(content, "cp1252")
    if russian is None or dutch is None:
        text = russian or dutch
        if text is None:
            raise InputError(NOT_A_TABLE)
    else:
        words, mixed = len(_CYRILLIC_WORD.findall(russian)), len(_MIXED_WORD.findall(russian))
        text = russian if words > mixed else dutch
    _refuse_odd_guess(text)
    return text


def _refuse_odd_guess(text: str) -> None:
    """A guessed code page that yields control characters, letters no Dutch or Russian text
    uses (cp1251's Serbian and Macedonian ones: 0x81 is Ѓ) or words half Latin, half Cyrillic
    was the wrong guess: better to ask for UTF-8 than to store ``CafЃ``."""
    if _looks_binary(text):  # not text at all: say so, not which line looks odd
        raise InputError(NOT_A_TABLE)
    for line, row in enumerate(text.splitlines(), start=1):
        odd = _ODD_LETTER.search(row) or _MIXED_WORD.search(row)
        if odd is None:
            odd = next((c for c in row if c != "\t" and unicodedata.category(c) == "Cc"), None)
        if odd is not None:
            raise InputError(ODD_CHARACTERS, line=line, text=_shown(row))


def _shown(text: str) -> str:
    shown = "".join(c if c.isprintable() else "�" for c in text.strip())
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _strict(content: bytes, encoding: str) -> str:
    try:
        return content.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(NOT_A_TABLE) from None


def _lenient(content: bytes, encoding: str) -> str | None:
    try:
        return content.decode(encoding)
    except UnicodeDecodeError:
        return None


def _csv_records(text: str) -> Iterator[tuple[int, list[Cell]]]:
    if _looks_binary(text):
        _refuse_control_characters(text)  # text with escape codes, bells: say which line
        raise InputError(NOT_A_TABLE)
    first_line, _, rest = text.partition("\n")
    hint = re.fullmatch(r"\ufeff?sep=(.)\r?", first_line)
    if hint:
        delimiter, start, text = hint[1], 2, rest
    else:
        delimiter, start = _sniff_delimiter(text), 1
    raw: list[str] = []  # the physical lines of the record being read
    reader = csv.reader(_kept(io.StringIO(text, newline=""), raw), delimiter=delimiter)
    width, cells, line = 0, 0, start - 1
    try:
        for line, record in enumerate(reader, start=start):
            if len(raw) > 1 or '"' in raw[0]:  # a quote opened on the last line ends there
                _refuse_unclosed_quote(raw, delimiter, line)
            if not width:
                width = len(record)
            elif len(record) < width and sum(1 for cell in record if cell.strip()) == 1:
                _refuse_other_separator("".join(raw), delimiter, line)
            cells += len(record)
            if cells > MAX_CELLS:
                raise InputError(TOO_MANY_CELLS, max=MAX_CELLS)
            raw.clear()
            yield line, [_text_cell(cell) for cell in record]
    except csv.Error as error:
        if "field larger than field limit" in str(error):  # a 200 000-character cell
            raise InputError(CELL_TOO_LONG, line=line + 1, max=csv.field_size_limit()) from None
        raise InputError(NOT_A_TABLE) from None


def _kept(lines: Iterable[str], kept: list[str]) -> Iterator[str]:
    for line in lines:
        kept.append(line)
        yield line


def _refuse_other_separator(text: str, delimiter: str, line: int) -> None:
    """A short row of one filled cell under a header of several that another separator splits
    (``Kapsalon,1-2-2025,12.50;`` in a ``;`` file): mixed files."""
    for other in _DELIMITERS:
        if other != delimiter and len(next(csv.reader([text], delimiter=other), [])) > 1:
            raise InputError(MIXED_SEPARATORS, line=line, found=other, expected=delimiter)


def _refuse_unclosed_quote(raw: list[str], delimiter: str, line: int) -> None:
    """A record over several lines is fine when a quoted cell holds line breaks; one that runs
    to the end of the file because its quote never closes is the rest of the file in a cell."""
    strict = csv.reader(["".join(raw)], delimiter=delimiter, strict=True)
    try:
        for _ in strict:
            pass
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            raise InputError(UNCLOSED_QUOTE, line=line) from None


def _refuse_control_characters(text: str) -> None:
    """Text without a NUL whose odd characters are control codes (ESC, BEL): the line."""
    if "\x00" in text[:65536]:
        return
    for line, row in enumerate(text.splitlines()[:100_000], start=1):
        controls = sum(1 for c in row if c != "\t" and unicodedata.category(c) in ("Cc", "Cs"))
        if controls * 4 > len(row):  # a line mostly of control codes: binary, not text
            return
        if controls:
            raise InputError(CONTROL_CHARACTERS, line=line, text=_shown(row))


def _looks_binary(text: str) -> bool:
    """Control characters other than tab and line breaks mean an image, PDF or other binary."""
    sample = text[:65536]
    controls = sum(
        1 for c in sample if c not in "\t\r\n" and unicodedata.category(c) in ("Cc", "Cs")
    )
    return "\x00" in sample or controls > len(sample) / 100


def _sniff_delimiter(text: str) -> str:
    header = next((line for line in text.splitlines() if line.strip()), "")
    best, best_columns = ",", 1
    for delimiter in _DELIMITERS:
        columns = len(next(csv.reader([header], delimiter=delimiter), []))
        if columns > best_columns:
            best, best_columns = delimiter, columns
    return best


def _text_cell(cell: str) -> str | None:
    cell = cell.strip(" \u00a0\ufeff")
    if len(cell) > 1 and cell[0] == "'" and cell[1:].lstrip(" \u00a0").startswith(_FORMULA_START):
        cell = cell[1:]
    cell = cell.strip()
    return cell or None


def _xlsx_records(content: bytes) -> Iterator[tuple[int, list[Cell]]]:
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
        raise InputError(BAD_SPREADSHEET) from None
    try:
        sheet = book.active or (book.worksheets[0] if book.worksheets else None)
        if sheet is None:
            raise InputError(EMPTY)
        # Every row is read, however many empty ones come between (a name in row 5000 after
        # a gap is no less the team's): the cell cap and the worker's time limit bound it.
        read, width = 0, MAX_COLUMNS
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            read += len(values)
            if read > MAX_CELLS:
                raise InputError(TOO_MANY_CELLS, max=MAX_CELLS)
            cells = [_sheet_cell(v) for v in values[:width]]
            if width == MAX_COLUMNS and any(c is not None for c in cells):
                width = _width(cells)  # the header: nothing right of it is read
            yield line, cells
    except (InputError, MemoryError):
        raise
    except Exception:  # as above: a damaged sheet fails while it streams
        raise InputError(BAD_SPREADSHEET) from None
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
        raise InputError(TOO_MANY_CELLS, max=MAX_CELLS)


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
            raise InputError(TOO_MANY_CELLS, max=MAX_CELLS)
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
            raise InputError(STRICT_XLSX)
        found = _FORMULA_CELL.search(text) if name.startswith("xl/worksheets/") else None
        if found:  # <c r="B2"><f>…</f></c>: a formula with no <v> after it
            ref = _CELL_REF.search(found[1])
            raise InputError(FORMULA_WITHOUT_VALUE, cell=ref[1].decode() if ref else "?")


def check_archive(content: bytes) -> None:
    """Refuse a zip whose parts would inflate beyond what a real spreadsheet holds, from its
    directory alone (zipfile never inflates a member beyond the size the directory declares)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(BAD_SPREADSHEET) from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(TOO_MANY_PARTS, n=len(members), max=MAX_MEMBERS)
    total = sum(m.file_size for m in members)
    for member in members:
        limit = MAX_SHARED_STRINGS if member.filename.endswith("sharedStrings.xml") else MAX_PART
        packed = max(member.compress_size, 1)
        tight = member.file_size > _RATIO_FROM and member.file_size / packed > MAX_RATIO
        if member.file_size > limit or total > MAX_INFLATED or tight:
            raise InputError(
                INFLATES,
                size=max(1, total // (1024 * 1024)),
                packed=max(1, len(content) // 1024),
            )


def _sheet_cell(value: object) -> Cell:
    if value is None or isinstance(value, bool):
        return None if value is None else str(value).upper()
    if isinstance(value, str):
        return _text_cell(value)
    if isinstance(value, int | float | dt.date | dt.time | dt.timedelta):
        return value
    return _text_cell(str(value))


def _table(records: Iterable[tuple[int, list[Cell]]]) -> Table:
    header: tuple[str, ...] | None = None
    rows: list[Row] = []
    for line, cells in records:
        if not any(c is not None for c in cells):
            continue
        if header is None:
            header = _header(cells)
            continue
        if len(rows) >= MAX_ROWS:
            raise InputError(TOO_MANY_ROWS, max=MAX_ROWS)
        width = len(header)
        padded = (cells + [None] * (width - len(cells)))[:width]
        if any(c is not None for c in padded):
            rows.append(Row(line, tuple(padded)))
    if header is None:
        raise InputError(EMPTY)
    if not rows:
        raise InputError(NO_ROWS)
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
