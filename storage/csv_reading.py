"""Reading an uploaded CSV file: its encoding, its separator, and its records with line numbers
(the rules are in storage/tabular.py's docstring)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator

from locales import InputError
from locales.scripts import CYRILLIC_WORD, MIXED_WORD, NOT_RUSSIAN_LETTER
from storage.refusals import Refused
from storage.table_cells import MAX_CELLS, Cell, text_cell

_DELIMITERS = (";", "\t", ",")  # in order of preference on a tie


def decode(content: bytes) -> str:
    """The text of a CSV file in whichever encoding wrote it (see the module docstring)."""
    if content.startswith(b"\xef\xbb\xbf"):
        return _strict(content, "utf-8-sig")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(content, "utf-16")
    if b"\x00" in content:
        raise InputError(Refused.NOT_A_TABLE)
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    russian = _lenient(content, "cp1251")
    dutch = _lenient(content, "cp1252")
    if russian is None or dutch is None:
        text = russian or dutch
        if text is None:
            raise InputError(Refused.NOT_A_TABLE)
    else:
        words, mixed = len(CYRILLIC_WORD.findall(russian)), len(MIXED_WORD.findall(russian))
        text = russian if words > mixed else dutch
    _refuse_odd_guess(text)
    return text


def _refuse_odd_guess(text: str) -> None:
    """A guessed code page that yields control characters, letters no Dutch or Russian text
    uses (cp1251's Serbian and Macedonian ones: 0x81 is Ѓ) or words half Latin, half Cyrillic
    was the wrong guess: better to ask for UTF-8 than to store ``CafЃ``."""
    if _looks_binary(text):  # not text at all: say so, not which line looks odd
        raise InputError(Refused.NOT_A_TABLE)
    for line, row in enumerate(text.splitlines(), start=1):
        odd = NOT_RUSSIAN_LETTER.search(row) or MIXED_WORD.search(row)
        if odd is None:
            odd = next((c for c in row if c != "\t" and unicodedata.category(c) == "Cc"), None)
        if odd is not None:
            raise InputError(Refused.ODD_CHARACTERS, line=line, text=_shown(row))


def _shown(text: str) -> str:
    shown = "".join(c if c.isprintable() else "�" for c in text.strip())
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _strict(content: bytes, encoding: str) -> str:
    try:
        return content.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(Refused.NOT_A_TABLE) from None


def _lenient(content: bytes, encoding: str) -> str | None:
    try:
        return content.decode(encoding)
    except UnicodeDecodeError:
        return None


def csv_records(text: str) -> Iterator[tuple[int, list[Cell]]]:
    """(line, cells) for each record of the decoded text, lines numbered as a spreadsheet's."""
    if _looks_binary(text):
        _refuse_control_characters(text)  # text with escape codes, bells: say which line
        raise InputError(Refused.NOT_A_TABLE)
    first_line, _, rest = text.partition("\n")
    hint = re.fullmatch(r"\ufeff?sep=(.)\r?", first_line)
    if hint:
        delimiter, start, text = hint[1], 2, rest
    else:
        delimiter, start = _sniff_delimiter(text), 1
    raw: list[str] = []  # the physical lines of the record being read
    lines = io.StringIO(text, newline="")
    # Without a quote a record is one line: nothing to keep for the checks of quoted cells.
    quoted = '"' in text
    reader = csv.reader(_kept(lines, raw) if quoted else lines, delimiter=delimiter)
    width, cells, line = 0, 0, start - 1
    cleaned = _Cleaned().__getitem__  # a log repeats its days and names: each cleaned once
    try:
        for line, record in enumerate(reader, start=start):
            if quoted and (len(raw) > 1 or '"' in raw[0]):  # a quote opened last ends there
                _refuse_unclosed_quote(raw, delimiter, line)
            if not width:
                width = len(record)
            elif len(record) > width and any(cell.strip() for cell in record[width:]):
                # `Veld Twee,01-12-2026,1,250` under `Klant,Datum,Bedrag`: the 250 was dropped
                # and € 1 imported (an attacker); which value is whose can't be told
                raise InputError(Refused.ROW_TOO_WIDE, line=line)
            elif len(record) < width and sum(1 for cell in record if cell.strip()) == 1:
                whole = "".join(raw) if quoted else delimiter.join(record)
                _refuse_other_separator(whole, delimiter, line)
            cells += len(record)
            if cells > MAX_CELLS:
                raise InputError(Refused.TOO_MANY_CELLS, max=MAX_CELLS)
            if quoted:
                raw.clear()
            yield line, list(map(cleaned, record))
    except csv.Error as error:
        if "field larger than field limit" in str(error):  # a 200 000-character cell
            raise InputError(
                Refused.CELL_TOO_LONG, line=line + 1, max=csv.field_size_limit()
            ) from None
        raise InputError(Refused.NOT_A_TABLE) from None


_MEMO = 100_000  # distinct cells remembered: a few MB, whatever the file


class _Cleaned(dict[str, Cell]):
    """Each cell's text cleaned (``text_cell``), remembered up to ``_MEMO`` distinct texts."""

    def __missing__(self, cell: str) -> Cell:
        text = text_cell(cell)
        if len(self) < _MEMO:
            self[cell] = text
        return text


def _kept(lines: Iterable[str], kept: list[str]) -> Iterator[str]:
    for line in lines:
        kept.append(line)
        yield line


def _refuse_other_separator(text: str, delimiter: str, line: int) -> None:
    """A short row of one filled cell under a header of several that another separator splits
    (``Kapsalon,1-2-2025,12.50;`` in a ``;`` file): mixed files."""
    for other in _DELIMITERS:
        if other != delimiter and len(next(csv.reader([text], delimiter=other), [])) > 1:
            raise InputError(Refused.MIXED_SEPARATORS, line=line, found=other, expected=delimiter)


def _refuse_unclosed_quote(raw: list[str], delimiter: str, line: int) -> None:
    """A record over several lines is fine when a quoted cell holds line breaks; one that runs
    to the end of the file because its quote never closes is the rest of the file in a cell."""
    strict = csv.reader(["".join(raw)], delimiter=delimiter, strict=True)
    try:
        for _ in strict:
            pass
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            raise InputError(Refused.UNCLOSED_QUOTE, line=line) from None


def _refuse_control_characters(text: str) -> None:
    """Text without a NUL whose odd characters are control codes (ESC, BEL): the line."""
    if "\x00" in text[:65536]:
        return
    for line, row in enumerate(text.splitlines()[:100_000], start=1):
        controls = sum(1 for c in row if c != "\t" and unicodedata.category(c) in ("Cc", "Cs"))
        if controls * 4 > len(row):  # a line mostly of control codes: binary, not text
            return
        if controls:
            raise InputError(Refused.CONTROL_CHARACTERS, line=line, text=_shown(row))


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
