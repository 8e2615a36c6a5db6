"""What both readers of an uploaded table share: a cell, how a text cell is cleaned, and the
limits and refusals that hold whether the file is CSV or XLSX (storage/tabular.py reads it)."""

from __future__ import annotations

import datetime as dt

from locales import N_

MAX_COLUMNS = 200
# Cells in a sheet, empty ones in a row included, counted in its XML before it is parsed (a
# sheet that wide is not ours: a 1 048 576-row export has 3 or 4 columns); cells right of the
# header's last column are not read.
MAX_CELLS = 4_000_000

Cell = str | int | float | dt.date | dt.datetime | dt.time | dt.timedelta | None

TOO_MANY_CELLS = N_("This file has more than {max} cells. Split it into smaller files.")
EMPTY = N_("This file is empty. Send a CSV or Excel file with a header row and your data.")
NOT_A_TABLE = N_("This is not a CSV or Excel file I can read. Save it as CSV or .xlsx.")
BAD_SPREADSHEET = N_("I can't read this spreadsheet. Save it as .xlsx or CSV and send it again.")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(cell: str) -> str | None:
    """The cell's text trimmed, None when empty; a formula an export neutralised with a
    leading ' comes back without it."""
    cell = cell.strip(" \u00a0\ufeff")
    if len(cell) > 1 and cell[0] == "'" and cell[1:].lstrip(" \u00a0").startswith(_FORMULA_START):
        cell = cell[1:]
    cell = cell.strip()
    return cell or None
