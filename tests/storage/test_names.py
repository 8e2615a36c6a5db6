"""The normalised client-name key behind the resolver and the per-team uniqueness, and what
can pass for a name at all."""

from __future__ import annotations

import re
import unicodedata
from unicodedata import combining

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.names import clean_name, name_key, plausible_name


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


def test_clean_name_keeps_the_joiners_inside_an_emoji_family() -> None:
    """Issue 18: the zero-width joiner was dropped, and the family split into three people."""
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_name(f"Gezin {family} Jansen") == f"Gezin {family} Jansen"
    assert name_key(f"Gezin {family}") != name_key("Gezin \U0001f468\U0001f469\U0001f467")
    # A joiner with nothing to join is still dropped.
    assert clean_name("\u200dBakkerij \u200d de Vries\u200d") == "Bakkerij de Vries"


@given(st.text())
def test_name_key_is_idempotent(name: str) -> None:
    assert name_key(name_key(name)) == name_key(name)


@pytest.mark.parametrize(
    "text",
    [
        "hoi",
        "Hallo!",
        "Goedemorgen allemaal",
        "привет",
        "Привет всем!",
        "Здравствуйте",
        "Добрый день!",
        "спасибо",
        "300",
        "€ 300",
        "300 euro",
        "2 500",
        "1.200,50",
        "5000 руб",
        "?!",
        "…",
    ],
)
def test_greetings_amounts_and_punctuation_are_no_names(text: str) -> None:
    assert not plausible_name(text)


@pytest.mark.parametrize(
    "text",
    ["Bakkerij de Vries", "Ёлкина", "Кофейня «Зерно»", "Studio 54", "Hotel 1890", "Jansen & Zn"],
)
def test_real_names_are_plausible(text: str) -> None:
    assert plausible_name(text)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_an_ascii_name_folds_as_the_general_path_would(text: str) -> None:
    """Plain ASCII names take a short cut in name_key; it must give the key the full fold
    (NFKD, accents dropped, casefold) gives."""
    letters = [c for c in unicodedata.normalize("NFKD", text.casefold()) if not combining(c)]
    expected = re.sub(r"\s+", " ", re.sub("[\"'`]", "", "".join(letters))).strip()
    assert name_key(text) == expected
