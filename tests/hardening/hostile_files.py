"""Hostile files, made on the spot: zip bombs, wide sheets, extreme numbers and dates, broken CSV.

Each is small on disk; what it unpacks to or holds is what a careless reader would pay for.
Used by tests/hardening/test_files_hostile.py and, many times over, by the fuzz run.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import random
import zipfile
from collections.abc import Iterable, Iterator

MiB = 1024 * 1024
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def xlsx(sheet_rows: Iterable[bytes], shared: Iterable[bytes] | None = None) -> bytes:
    """A minimal workbook of one sheet whose <sheetData> is `sheet_rows` (XML, streamed into
    the archive), with a shared-strings part streamed from `shared` when given."""
    out = io.BytesIO()
    strings = shared is not None
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        overrides = (
            f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" '
            f'ContentType="{_TYPE}.worksheet+xml"/>'
        )
        if strings:
            overrides += (
                f'<Override PartName="/xl/sharedStrings.xml" '
                f'ContentType="{_TYPE}.sharedStrings+xml"/>'
            )
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + overrides + "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
            '<sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        relations = (
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        )
        if strings:
            relations += (
                f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{_PKG_REL}">{relations}</Relationships>',
        )
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<worksheet xmlns="{_MAIN}"><sheetData>'.encode())
            for row in sheet_rows:
                sheet.write(row)
            sheet.write(b"</sheetData></worksheet>")
        if shared is not None:
            with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
                part.write(f'<sst xmlns="{_MAIN}">'.encode())
                for chunk in shared:
                    part.write(chunk)
                part.write(b"</sst>")
    return out.getvalue()


def _text_row(number: int, *texts: str) -> bytes:
    cells = "".join(f'<c t="inlineStr"><is><t>{text}</t></is></c>' for text in texts)
    return f'<row r="{number}">{cells}</row>'.encode()


def shared_string_bomb(inflated: int = 256 * MiB) -> bytes:
    """One shared string of `inflated` bytes (the issue's was 1 GiB from 1 MB)."""
    rows = [
        _text_row(1, "Klant", "Datum", "Bedrag"),
        b'<row r="2"><c t="s"><v>0</v></c><c t="inlineStr"><is><t>1-1-2026</t></is></c>'
        b"<c><v>10</v></c></row>",
    ]

    def strings() -> Iterator[bytes]:
        yield b"<si><t>"
        chunk = b"A" * MiB
        for _ in range(inflated // MiB):
            yield chunk
        yield b"</t></si>"

    return xlsx(rows, strings())


def inline_cells(cells: int = 2_000_000, per_row: int = 200) -> bytes:
    """`cells` inline text cells, `per_row` to a row: a sheet of millions of cells."""
    head = _text_row(1, "Klant", "Plaats")
    body = ("".join('<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(per_row))).encode()
    rows = (b'<row r="%d">%s</row>' % (n, body) for n in range(2, cells // per_row + 2))
    return xlsx([head, *rows])


def wide_row(cells: int = 1_000_000) -> bytes:
    """One row of a million cells: wider than any sheet may be."""
    head = _text_row(1, "Klant", "Plaats")
    body = b"<c><v>1</v></c>" * cells
    return xlsx([head, b'<row r="2">' + body + b"</row>"])


@functools.cache  # some seconds to make: made once per run
def digit_cells(cells: int = 9_500_000, per_row: int = 500) -> bytes:
    """The issue's wide sheet: millions of one-digit number cells (9.5 million: 6.7 MB), each
    as cheap on disk as a cell can be, under a header of two columns."""
    digits = random.Random(18)
    to_digit = bytes(48 + i % 10 for i in range(256))

    def rows() -> Iterator[bytes]:
        yield _text_row(1, "Klant", "Plaats")
        for n in range(2, cells // per_row + 2):
            body = bytearray(b"<c><v>0</v></c>" * per_row)
            body[6::15] = digits.randbytes(per_row).translate(to_digit)
            yield b'<row r="%d">%s</row>' % (n, body)

    return xlsx(rows())


def extreme_numbers(value: str = "1E+19") -> bytes:
    """A sales sheet whose amount, time, income and employees cells hold `value` as numbers."""
    head = _text_row(1, "Klant", "Datum", "Bedrag", "Tijd (min)", "Inkomen", "Medewerkers")
    number = f"<c><v>{value}</v></c>"
    row = (
        '<row r="2"><c t="inlineStr"><is><t>Bakkerij</t></is></c>'
        '<c t="inlineStr"><is><t>1-10-2026</t></is></c>' + number * 4 + "</row>"
    ).encode()
    return xlsx([head, row])


def extreme_dates(*days: dt.date) -> bytes:
    """A sales sheet with real date cells (ISO, as Excel writes t="d") for each of `days`."""
    head = _text_row(1, "Klant", "Datum", "Bedrag")
    rows = [
        (
            f'<row r="{n}"><c t="inlineStr"><is><t>Klant {n}</t></is></c>'
            f'<c t="d"><v>{day.isoformat()}T00:00:00</v></c><c><v>10</v></c></row>'
        ).encode()
        for n, day in enumerate(days, start=2)
    ]
    return xlsx([head, *rows])


UNCLOSED_QUOTE_CSV = b'Naam;Plaats\nBakkerij;Utrecht\n"unterminated;Utrecht\nB;C\n'
MIXED_SEPARATORS_CSV = b"Naam;Plaats\nBakkerij;Utrecht\nKapsalon,Amersfoort\n"
# The quote opens on the last line: no second line for the reader to swallow, the cell just ends.
QUOTE_OPENED_ON_THE_LAST_LINE_CSV = b'Naam;Plaats\nBakkerij;Utrecht\n"Kapsalon;Amersfoort\n'
QUOTE_OPENED_MID_LAST_LINE_CSV = b'Naam;Plaats\nBakkerij;Utrecht\nKapsalon;"Amersfoort'
# A row switched to "," that ends in a ";" still splits in two by ";", the second cell empty.
MIXED_SEPARATORS_TRAILING_CSV = (
    b"Klant;Datum;Bedrag\nBakkerij;1-2-2025;12,50\nKapsalon,1-2-2025,12.50;\nCafe;2-2-2025;3\n"
)
CP1251_ODD_BYTES_CSV = b"Naam;Plaats\nCaf\x81 \x8d;Utrecht\n"
