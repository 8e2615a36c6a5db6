"""Found by the attacker (h18): import refusals that said something untrue — "not a CSV file"
for a CSV with one huge cell or a few control characters (no line, though README promises it),
"the file is empty" for a Strict Open XML workbook, "the date is missing" for a formula saved
without its value."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine

from storage.models import Client, Sale
from tests.chat import Chat
from tests.factories import make_team, rows

ANNA = 11
HUGE_CELL_CSV = b"Klant;Datum;Bedrag\nA;2026-10-01;5\nB;2026-10-01;" + b"x" * 200_000 + b"\n"
CONTROLS_CSV = b"Klant;Plaats\nCtrl\x07\x1b[31m BV;Utrecht\x07 \x1b[2J\nBidi BV;Zeist\n"


def _strict_xlsx() -> bytes:
    """A one-sheet Strict Open XML workbook, as Excel's "Strict Open XML Spreadsheet" saves."""
    strict = "http://purl.oclc.org/ooxml"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats'
        '.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd'
        '.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"'
        '/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.'
        'org/package/2006/relationships"><Relationship Id="rId1" Type="'
        f'{strict}/officeDocument/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{strict}/spreadsheetml/main" '
        f'xmlns:r="{strict}/officeDocument/relationships"><sheets><sheet name="S" sheetId="1" '
        'r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
        f'{strict}/officeDocument/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet xmlns="{strict}/'
        'spreadsheetml/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Klant</t></is>'
        '</c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Strict BV</t></is></c></row>'
        "</sheetData></worksheet>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def _formula_xlsx() -> bytes:
    """A sales sheet whose date is a formula saved without its value (openpyxl writes so)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Klant", "Datum", "Bedrag"])
    sheet.append(["Bakkerij de Vries", "=TODAY()-1", 250])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("locale", "name", "content", "expected"),
    [
        (
            "nl",
            "verkopen.csv",
            HUGE_CELL_CSV,
            "Regel 3 heeft een cel van meer dan 131.072 tekens; geen naam, datum of bedrag is zo "
            "lang. Maak hem korter en stuur het bestand opnieuw.",
        ),
        (
            "ru",
            "verkopen.csv",
            HUGE_CELL_CSV,
            "В строке 3 есть ячейка длиннее 131 072 символов",
        ),
        (
            "nl",
            "klanten.csv",
            CONTROLS_CSV,
            "Regel 2 bevat onzichtbare stuurtekens: „Ctrl",
        ),
        ("ru", "klanten.csv", CONTROLS_CSV, "В строке 2 есть управляющие символы"),
        (
            "nl",
            "klanten.xlsx",
            _strict_xlsx(),
            "Deze werkmap is opgeslagen als „Strict Open XML”, en dat kan ik niet lezen. Kies in "
            "Excel Opslaan als → „Excel-werkmap (.xlsx)” of „CSV UTF-8” en stuur hem opnieuw.",
        ),
        ("ru", "klanten.xlsx", _strict_xlsx(), "Эта книга сохранена в формате «Strict Open XML»"),
        (
            "nl",
            "verkopen.xlsx",
            _formula_xlsx(),
            "Cel B2 bevat een formule zonder opgeslagen waarde. Open het bestand in Excel, sla "
            "het op en stuur het opnieuw.",
        ),
        ("ru", "verkopen.xlsx", _formula_xlsx(), "В ячейке B2 формула без сохранённого значения."),
    ],
)
async def test_an_unreadable_import_says_why_and_where(
    chat: Chat, sqlite_engine: Engine, locale: str, name: str, content: bytes, expected: str
) -> None:
    make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, locale=locale, personal=True)
    anna = chat.person(ANNA, "Anna", locale)
    seen = await chat.upload(anna, name, content)
    assert expected in seen.text.replace("\u00a0", " ").replace("\u202f", " ")
    assert rows(sqlite_engine, Client) == [] and rows(sqlite_engine, Sale) == []


def test_a_strict_open_xml_workbook_is_said_to_be_one() -> None:
    """The attacker's Strict Open XML file, made here: a workbook saved by openpyxl with its
    parts moved to the Strict namespace (was a test that skipped without the attacker's file)."""
    import io
    import zipfile

    from openpyxl import Workbook

    from locales import InputError
    from storage.refusals import Refused
    from storage.tabular import read_table

    book = Workbook()
    book.active.append(["Klant", "Datum", "Bedrag"])
    plain = io.BytesIO()
    book.save(plain)
    strict = io.BytesIO()
    transitional = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(strict, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/"):
                data = data.replace(transitional, b"http://purl.oclc.org/ooxml/spreadsheetml/main")
            target.writestr(item, data)
    with pytest.raises(InputError) as refused:
        read_table("strict.xlsx", strict.getvalue())
    assert refused.value.args[0] == Refused.STRICT_XLSX
