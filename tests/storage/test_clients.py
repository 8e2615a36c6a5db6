"""Client names: what fits is stored on both databases, what does not is a friendly refusal."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from locales import InputError
from storage import clients
from storage.engine import new_session
from storage.models import Client
from storage.names import MAX_NAME
from storage.refusals import Refused
from tests.factories import NOW, make_team, rows


def _add(engine: Engine, team_id: int, name: str) -> None:
    with new_session(engine) as session:
        clients.create_client(session=session, team_id=team_id, name=name, now=NOW)
        session.commit()


def test_a_name_of_the_full_width_is_stored(engine: Engine) -> None:
    team = make_team(engine, chat_id=1, owner_id=1)
    _add(engine, team.id or 0, "B" * MAX_NAME)
    assert len(rows(engine, Client)[0].name) == MAX_NAME


@pytest.mark.parametrize("name", ["B" * (MAX_NAME + 1), "Straße " * 20 + "ß" * 50])
def test_a_name_too_long_as_shown_or_as_folded_is_refused(engine: Engine, name: str) -> None:
    team = make_team(engine, chat_id=1, owner_id=1)
    with pytest.raises(InputError) as refused:
        _add(engine, team.id or 0, name)
    assert refused.value.message == Refused.NAME_TOO_LONG
    assert rows(engine, Client) == []


@pytest.mark.parametrize("name", [",,,", " — ", "«»"])
def test_a_name_without_a_letter_or_digit_is_refused(engine: Engine, name: str) -> None:
    team = make_team(engine, chat_id=1, owner_id=1)
    with pytest.raises(InputError) as refused:
        _add(engine, team.id or 0, name)
    assert refused.value.message == Refused.NAME_NEEDED
    assert rows(engine, Client) == []
