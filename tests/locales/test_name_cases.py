"""Russian names typed in another case read back to the nominative a client list holds
(pairs written by hand, as a Russian reader would decline them)."""

from __future__ import annotations

import pytest

from locales.name_cases import nominative_name, nominatives


@pytest.mark.parametrize(
    ("typed", "nominative"),
    [
        ("петрову", "петров"),  # dative of a man
        ("петрова", "петров"),  # genitive, accusative
        ("петровым", "петров"),
        ("козлову", "козлов"),
        ("николаевой ирине", "николаева ирина"),  # dative of a woman
        ("волковой анне", "волкова анна"),
        ("петровой", "петрова"),
        ("смирнову ольгу", "смирнова ольга"),  # accusative of a woman
        ("марии", "мария"),
        ("ивану", "иван"),
        ("дмитрию", "дмитрий"),
        ("высоцкой", "высоцкая"),
    ],
)
def test_a_declined_name_reads_back_to_its_nominative(typed: str, nominative: str) -> None:
    assert nominative in nominatives(typed)


@pytest.mark.parametrize("typed", ["bakkerij de vries", "ооо ромашка 24", "", "a b c d"])
def test_names_that_are_not_russian_words_have_no_other_cases(typed: str) -> None:
    assert nominatives(typed) == []


def test_the_name_as_typed_is_not_among_its_other_readings() -> None:
    assert "петрова" not in nominatives("петрова")


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("Петрову И. С.", "Петров И. С."),
        ("Анне Волковой", "Анна Волкова"),
        ("Смирновой", "Смирнова"),
        ("Ивану Петрову", "Иван Петров"),
        ("Петрову Ивану Сергеевичу", "Петров Иван Сергеевич"),
        ("Смирновой Ольге Петровне", "Смирнова Ольга Петровна"),
        ("Оле Петровой", "Оля Петрова"),
        ("Высоцкого", "Высоцкий"),
        # Not sure of the case: as typed.
        ("Кузнецова", "Кузнецова"),
        ("Донской", "Донской"),
        ("Волкова Анна", "Волкова Анна"),
        ("Jan de Vries", "Jan de Vries"),
    ],
)
def test_a_new_name_typed_in_another_case_is_written_in_the_nominative(
    typed: str, written: str
) -> None:
    assert nominative_name(typed) == written
