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
        ("Bakerij de Vries", "Bakkerij de Vries"),  # a typo
        ("Кофейня Зерна", "Кофейня «Зерно»"),  # a typo, quotes left out
    ],
)
def test_one_sure_match_acts(engine: Engine, team_id: int, query: str, name: str) -> None:
    found = _resolve(engine, team_id, query)
    assert found.one is not None and found.one.name == name


@pytest.mark.parametrize(
    ("query", "lookalike"),
    [("Tandarts Bakker", "Tandarts Jansen"), ("Linda", "Hotel De Linde")],
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
