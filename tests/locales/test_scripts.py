"""The letters locales/scripts.py knows: what the name readers take for Russian, and ё as е."""

from __future__ import annotations

from locales.scripts import fold_yo, has_cyrillic_letter, is_cyrillic_word


def test_yo_and_ye_are_one_letter_when_words_are_compared() -> None:
    assert fold_yo("ещё не оплачено") == fold_yo("еще не оплачено") == "еще не оплачено"


def test_a_russian_word_is_all_russian_letters_and_hyphens() -> None:
    assert is_cyrillic_word("сан-марко") and is_cyrillic_word("фёдорова")
    assert not is_cyrillic_word("нotel")  # a Cyrillic н in a Latin word
    assert not is_cyrillic_word("")


def test_one_russian_letter_makes_a_name_russian() -> None:
    assert has_cyrillic_letter("ооо ромашка") and has_cyrillic_letter("kofe ё")
    assert not has_cyrillic_letter("kofe mania")
