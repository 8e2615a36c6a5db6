"""What both readers of an uploaded table share: a cell, how a text cell is cleaned, and the
limits and refusals that hold whether the file is CSV or XLSX (storage/tabular.py reads it)."""

from __future__ import annotations

import datetime as dt

MAX_COLUMNS = 200
# Cells in a sheet, empty ones in a row included, counted in its XML before it is parsed (a
# sheet that wide is not ours: a 1 048 576-row export has 3 or 4 columns); cells right of the
# header's last column are not read.
MAX_CELLS = 4_000_000

Cell = str | int | float | dt.date | dt.datetime | dt.time | dt.timedelta | None


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(cell: str) -> str | None:
    """The cell's text trimmed, None when empty; a formula an export neutralised with a
    leading ' comes back without it."""
    cell = cell.strip(" \u00a0\ufeff")
    if len(cell) > 1 and cell[0] == "'" and cell[1:].lstrip(" \u00a0").startswith(_FORMULA_START):
        cell = cell[1:]
    cell = cell.strip()
    return cell or None
