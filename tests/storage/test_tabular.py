"""Uploaded files decode and split as their writer meant, whatever Excel wrote them."""

from __future__ import annotations

import pytest

from locales import InputError
from storage.tabular import NOT_A_TABLE, decode, read_table


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
    assert raised.value.message == NOT_A_TABLE
