from __future__ import annotations

import pytest
from sqlalchemy import Engine

from storage.models import Team
from tests.factories import NL_OWNER, RU_OWNER, make_team


@pytest.fixture
def nl_team(sqlite_engine: Engine) -> Team:
    """The Dutch owner's personal team, in euros."""
    return make_team(sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True)


@pytest.fixture
def ru_team(sqlite_engine: Engine) -> Team:
    """The Russian owner's personal team, in roubles on Moscow time."""
    return make_team(
        sqlite_engine,
        chat_id=RU_OWNER,
        owner_id=RU_OWNER,
        personal=True,
        locale="ru",
        currency="RUB",
        timezone="Europe/Moscow",
    )
