"""Column headers are recognised as people write them, and the README table says which."""

from __future__ import annotations

import pytest

from storage import columns
from storage.columns import HEADERS, Recognised, recognise


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Bedrag", Recognised("amount")),
        ("  BEDRAG (€) ", Recognised("amount")),
        ("Omzet incl. btw", Recognised("amount")),
        ("Сумма, ₽", Recognised("amount")),
        ("Себестоимость", Recognised("cost")),
        ("Tijd", Recognised("minutes")),
        ("Tijd (uren)", Recognised("minutes", "hours")),
        ("Tijd in minuten", Recognised("minutes", "minutes")),
        ("Uren", Recognised("minutes", "hours")),
        ("Часы", Recognised("minutes", "hours")),
        ("Населённый пункт", Recognised("city")),
        ("klant_sinds", Recognised("acquired_on")),
        ("Hobby’s", Recognised("interests")),
        ("Factuurnummer", None),
        ("", None),
    ],
)
def test_headers_are_recognised_as_people_write_them(
    header: str, expected: Recognised | None
) -> None:
    assert recognise(header) == expected


def test_the_documented_table_lists_exactly_the_recognised_names() -> None:
    doc = columns.__doc__ or ""
    rows = {
        cells[0]: cells[2:5]
        for line in doc.splitlines()
        if line.startswith("| ") and not line.startswith(("| column", "|---"))
        for cells in [[c.strip() for c in line.strip("|").split("|")]]
    }
    assert set(rows) == set(HEADERS)
    for field, (dutch, russian, english) in rows.items():
        documented = {n.strip() for cell in (dutch, russian, english) for n in cell.split(",")}
        accepted = {name for names in HEADERS[field] for name in names}
        assert documented == accepted, field
        assert all(recognise(name) is not None for name in documented)
