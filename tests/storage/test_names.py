"""The normalised client-name key behind the resolver and the per-team uniqueness."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storage.names import clean_name, name_key


def test_case_accents_yo_and_spaces_fold_together() -> None:
    assert name_key("  Café   Noël ") == name_key("cafe noel")
    assert name_key("Ёлка") == name_key("елка") == "елка"
    assert name_key("ÉCOLE") == "ecole"
    assert name_key("Straße") == "strasse"


def test_quotes_do_not_make_a_different_client() -> None:
    assert name_key("Кофейня «Зерно»") == name_key('Кофейня "Зерно"') == "кофейня зерно"


def test_short_i_stays_a_letter_of_its_own() -> None:
    assert name_key("Андрей") == "андрей"
    assert name_key("Андрей") != name_key("Андреи")


def test_clean_name_drops_invisible_characters() -> None:
    assert clean_name("Bak\u200bkerij\u202e  de Vries\n") == "Bakkerij de Vries"


@given(st.text())
def test_name_key_is_idempotent(name: str) -> None:
    assert name_key(name_key(name)) == name_key(name)
