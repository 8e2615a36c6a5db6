"""Uploaded files decode and split as their writer meant, whatever Excel wrote them."""

from __future__ import annotations

import io
import zipfile

import pytest

from locales import InputError
from storage.csv_reading import decode
from storage.refusals import Refused
from storage.tabular import read_table
from storage.xlsx_reading import MAX_MEMBERS


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Naam;Plaats\nCafé Noël;Zoëtermeer\n", "cp1252"),
        ("Naam;Plaats\nAtelier één;Den Haag\n", "cp1252"),
        ("Клиент;Город\nЁлкин Пётр;Москва\n", "cp1251"),
        ("Клиент;Город\nStudio Noord;Москва\n", "cp1251"),
        ("Naam;Plaats\nCafé Noël;Zoëtermeer\n", "utf-8"),
        ("Naam;Plaats\nCafé Noël;Zoëtermeer\n", "utf-8-sig"),
        ("Naam\tPlaats\nЁлкин;Ede\n", "utf-16"),
    ],
)
def test_encodings_older_excel_writes_are_detected(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize(
    ("content", "header"),
    [
        (b"Klant;Bedrag\nZon;1.250,50\n", ("Klant", "Bedrag")),
        (b'Klant,Bedrag\nZon,"1,5"\n', ("Klant", "Bedrag")),
        (b"Klant\tBedrag\nZon\t1,5\n", ("Klant", "Bedrag")),
        (b"sep=,\r\nKlant;x,Bedrag\r\nZon;y,1\r\n", ("Klant;x", "Bedrag")),
    ],
)
def test_delimiter_is_sniffed_or_taken_from_excels_sep_line(
    content: bytes, header: tuple[str, ...]
) -> None:
    table = read_table("data.csv", content)
    assert table.header == header
    assert table.rows[0].line == (3 if content.startswith(b"sep=") else 2)


def test_lines_count_empty_rows_as_a_spreadsheet_does() -> None:
    table = read_table("data.csv", b"Klant;Bedrag\n\nZon;1\n;\nNoord;2\n")
    assert [row.line for row in table.rows] == [3, 5]
    assert [row.cells for row in table.rows] == [("Zon", "1"), ("Noord", "2")]


def test_neutralised_formula_loses_its_apostrophe_and_nothing_else_does() -> None:
    table = read_table("data.csv", b"Naam\n'=1+2\n'-3\n't Hoekje\n")
    assert [row.cells[0] for row in table.rows] == ["=1+2", "-3", "'t Hoekje"]


def test_text_with_control_characters_is_not_a_table() -> None:
    with pytest.raises(InputError) as raised:
        read_table("data.csv", b"Naam;Plaats\n" + b"\x01\x02\x03\x04" * 100)
    assert raised.value.message == Refused.NOT_A_TABLE


def test_quoted_cells_with_line_breaks_or_other_separators_are_not_malformed() -> None:
    content = b'Naam;Notities\n"Jansen, Piet"\nAtelier;"twee\nregels"\nZon;"a;b"\n'
    table = read_table("data.csv", content)
    assert [(r.line, r.cells) for r in table.rows] == [
        (2, ("Jansen, Piet", None)),
        (3, ("Atelier", "twee\nregels")),
        (4, ("Zon", "a;b")),
    ]


@pytest.mark.parametrize(
    ("content", "message", "params"),
    [
        (b'Naam;Plaats\n"open;Ede\nZon;Ede\n', Refused.UNCLOSED_QUOTE, {"line": 2}),
        (b"Naam;Plaats\nZon;Ede\n\nMaan,Ede\n", Refused.MIXED_SEPARATORS, {"line": 4}),
        (b"Klant\tBedrag\nZon;1\n", Refused.MIXED_SEPARATORS, {"line": 2}),
        # `1,250` in a comma file: € 1 was imported and the 250 dropped without a word
        (b"Klant,Datum,Bedrag\nZon,01-12-2026,1,250\n", Refused.ROW_TOO_WIDE, {"line": 2}),
        (b"Klant;Bedrag\nZon;100\nMaan;100;999;extra\n", Refused.ROW_TOO_WIDE, {"line": 3}),
        (b"Naam;Plaats\nCaf\x81;Ede\n", Refused.ODD_CHARACTERS, {"line": 2, "text": "CafЃ;Ede"}),
        (
            b"Naam;Plaats\n" + b"Zon;Ede\n" * 20 + b"Caf\xe9;Ede\x7f\n",  # cp1252, one control
            Refused.ODD_CHARACTERS,
            {"line": 22, "text": "Café;Ede�"},
        ),
    ],
)
def test_malformed_csv_is_refused_with_the_line(
    content: bytes, message: str, params: dict[str, object]
) -> None:
    with pytest.raises(InputError) as refused:
        read_table("data.csv", content)
    assert refused.value.message == message
    assert {k: refused.value.params[k] for k in params} == params


def test_an_archive_of_too_many_parts_is_refused_before_it_is_opened() -> None:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for n in range(MAX_MEMBERS + 1):
            archive.writestr(f"xl/part{n}.xml", b"")
    with pytest.raises(InputError) as refused:
        read_table("data.xlsx", packed.getvalue())
    assert refused.value.message == Refused.TOO_MANY_PARTS


def test_empty_cells_past_the_header_are_no_values() -> None:
    """Excel writes a separator after the last column (`Zon;100;`): nothing there to misplace."""
    table = read_table("data.csv", b"Klant;Bedrag;\nZon;100;\nMaan;200;;\n")
    assert [row.cells for row in table.rows] == [("Zon", "100"), ("Maan", "200")]
