"""The one resolver (Product rules): exact key, then prefix, then fuzzy; one sure match acts."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from storage import resolver
from storage.engine import new_session
from tests.factories import make_client, make_team

NAMES = ("Bakkerij de Vries", "Tandarts Jansen", "Hotel De Linde", "Ёлочка", "Кофейня «Зерно»")


@pytest.fixture
def team_id(engine: Engine) -> int:
    team = make_team(engine, chat_id=1, owner_id=1)
    for name in NAMES:
        make_client(engine, team, name)
    return team.id or 0


def _resolve(engine: Engine, team_id: int, query: str) -> resolver.Resolution:
    with new_session(engine) as session:
        return resolver.resolve_client(session=session, team_id=team_id, query=query)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("BAKKERIJ DE VRIES", "Bakkerij de Vries"),  # case
        ("елочка", "Ёлочка"),  # ё/е
        ("tandarts", "Tandarts Jansen"),  # prefix
        ("linde", "Hotel De Linde"),  # a later word's prefix
        ("Кофейня Зерна", "Кофейня «Зерно»"),  # another case, quotes left out
        ("кофейне зерно", "Кофейня «Зерно»"),
    ],
)
def test_one_sure_match_acts(engine: Engine, team_id: int, query: str, name: str) -> None:
    found = _resolve(engine, team_id, query)
    assert found.one is not None and found.one.name == name


@pytest.mark.parametrize(
    ("query", "lookalike"),
    [
        ("Tandarts Bakker", "Tandarts Jansen"),
        ("Linda", "Hotel De Linde"),
        # A typo, however close, is asked: it may be someone new (issue 17).
        ("Bakerij de Vries", "Bakkerij de Vries"),
        ("Bakkerij de Vris", "Bakkerij de Vries"),
        ("Hotel de Linden", "Hotel De Linde"),
    ],
)
def test_a_merely_similar_name_is_offered_not_assumed(
    engine: Engine, team_id: int, query: str, lookalike: str
) -> None:
    found = _resolve(engine, team_id, query)
    assert found.one is None
    assert [m.name for m in found.matches] == [lookalike]


def test_an_unknown_name_finds_nothing(engine: Engine, team_id: int) -> None:
    found = _resolve(engine, team_id, "Zonneschijn")
    assert found.matches == () and found.one is None


@pytest.fixture
def people(engine: Engine) -> int:
    """A Russian team whose clients have patronymics, and Dutch people with middle names."""
    team = make_team(engine, chat_id=2, owner_id=2, locale="ru")
    make_client(engine, team, "Фёдорова Мария Петровна", kind="person")
    make_client(engine, team, "Зайцева Алёна Ивановна", kind="person")
    make_client(engine, team, "Jan Pieter de Vries", kind="person")
    return team.id or 0


@pytest.mark.parametrize("query", ["Петров", "Иванов", "Петровн", "Piet"])
def test_a_patronymic_or_middle_name_is_not_found_by_its_prefix(
    engine: Engine, people: int, query: str
) -> None:
    found = _resolve(engine, people, query)
    assert found.matches == ()


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Петровна", "Фёдорова Мария Петровна"),  # a patronymic typed whole
        ("Мария Петровна", "Фёдорова Мария Петровна"),
        ("Фёдорова", "Фёдорова Мария Петровна"),
        ("мар", "Фёдорова Мария Петровна"),  # the first name's prefix
        ("Pieter", "Jan Pieter de Vries"),
        ("vries", "Jan Pieter de Vries"),
    ],
)
def test_surname_first_name_or_a_whole_patronymic_finds_the_person(
    engine: Engine, people: int, query: str, name: str
) -> None:
    found = _resolve(engine, people, query)
    assert found.one is not None and found.one.name == name


def test_surname_matches_rank_above_patronymic_matches(engine: Engine, people: int) -> None:
    team = make_team(engine, chat_id=3, owner_id=3, locale="ru")
    make_client(engine, team, "Анна Петровна Ивлева", kind="person")
    make_client(engine, team, "Петровна Ольга", kind="person")  # a surname Петровна exists too
    found = _resolve(engine, team.id or 0, "Петровна")
    assert [m.name for m in found.matches] == [
        "Петровна Ольга",  # first, though «Анна …» comes first by name
        "Анна Петровна Ивлева",
    ]


@pytest.mark.parametrize(
    ("typed", "existing", "kind", "close"),
    [
        ("Фёдорова Мария", "Фёдорова Мария Петровна", "person", True),
        ("Мария Фёдорова", "Фёдорова Мария Петровна", "person", True),
        ("Фёдорова М.", "Фёдорова Мария Петровна", "organisation", True),  # patronymic: a person
        ("Jan de Vries", "J. de Vries", "person", True),
        ("Anna de Boer", "Anouk de Boer", "person", True),
        ("Bakkerij de Vris", "Bakkerij de Vries", "organisation", True),  # a typo
        ("Иван Петров", "Иван Павлов", "person", False),  # the same first name only
        ("Дмитрий Петров", "Дмитрий Павлов", "person", False),
        ("Jan Dekker", "Jan Dijkstra", "person", False),
        ("Kapsalon Anna", "Kapsalon Annie", "organisation", False),  # 89: two salons
        ("Bakkerij Jansen", "Bakkerij Janssen Brood", "organisation", False),
        ("Фёдоров Михаил", "Фёдорова Мария Петровна", "person", False),
        # the business word respelled or in English, the name the same (native readers)
        ("bakery de zon", "Bakkerij de Zon", "organisation", True),
        ("restorant de haven", "Restaurant De Haven", "organisation", True),
        ("кофейна зерно", "Кофейня Зерно", "organisation", True),
        ("hotel de zon", "Bakkerij de Zon", "organisation", False),  # another business
        ("bakery de", "Bakkerij de Zon", "organisation", False),
        ("bakery de maan", "Bakkerij de Zon", "organisation", False),
    ],
)
def test_add_asks_only_about_really_close_names(
    engine: Engine, typed: str, existing: str, kind: str, close: bool
) -> None:
    team = make_team(engine, chat_id=4, owner_id=4)
    make_client(engine, team, existing, kind=kind)
    with new_session(engine) as session:
        similar = resolver.similar_names(session=session, team_id=team.id or 0, name=typed)
    assert [m.name for m in similar] == ([existing] if close else [])


def test_a_first_name_finds_the_person_written_with_its_initial(engine: Engine) -> None:
    """`/verkoop Jan de Vries 100` asked "Bedoel je Bakkerij de Vries?" and never named the
    team's «J. de Vries» (an attacker): the same surname and first initial is asked first."""
    team = make_team(engine, chat_id=2, owner_id=2)
    make_client(engine, team, "Bakkerij de Vries")
    make_client(engine, team, "J. de Vries", kind="person")
    found = _resolve(engine, team.id or 0, "Jan de Vries")
    assert found.one is None
    assert [m.name for m in found.matches] == ["J. de Vries", "Bakkerij de Vries"]
