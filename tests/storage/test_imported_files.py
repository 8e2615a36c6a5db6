"""The last file a team imported (storage/imported_files.py): known again only while the team
is exactly as that import left it, read the same way."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from storage.clients import create_client
from storage.engine import new_session
from storage.import_file import import_file
from storage.imported_files import imported_unchanged
from storage.tabular import file_digest
from tests.factories import make_team

NOW = dt.datetime(2026, 12, 7, 9, 30, tzinfo=dt.UTC)
FILE = b"Klant;Datum;Bedrag\nAtelier Zon;01-11-2026;1.250,50\nStudio Noord;02-11-2026;80\n"


def imported(engine: Engine, team_id: int, content: bytes = FILE) -> None:
    with new_session(engine) as session:
        report = import_file(
            session=session,
            team_id=team_id,
            filename="omzet.csv",
            content=content,
            locale="nl",
            currency="EUR",
            today=NOW.date(),
            now=NOW,
            user_id=1,
        )
        assert report.ok, report.errors
        session.commit()


def known(engine: Engine, team_id: int, *, locale: str = "nl", currency: str = "EUR") -> object:
    with new_session(engine) as session:
        return imported_unchanged(
            session, team_id=team_id, digest=file_digest(FILE), locale=locale, currency=currency
        )


def test_the_last_file_is_known_again_only_while_the_team_is_as_it_left_it(
    engine: Engine,
) -> None:
    team = make_team(engine, chat_id=-501, owner_id=1)
    other = make_team(engine, chat_id=-502, owner_id=2)
    assert team.id is not None and other.id is not None
    assert known(engine, team.id) is None  # nothing imported yet

    imported(engine, team.id)

    assert known(engine, team.id) == NOW
    assert known(engine, team.id, locale="ru") is None  # cells read otherwise
    assert known(engine, team.id, currency="RUB") is None
    assert known(engine, other.id) is None  # another team's import
    with new_session(engine) as session:  # a client typed in chat changes the team
        create_client(session=session, team_id=team.id, name="Bakkerij Brood", now=NOW)
        session.commit()
    assert known(engine, team.id) is None


def test_another_file_takes_the_place_of_the_last_one(engine: Engine) -> None:
    team = make_team(engine, chat_id=-503, owner_id=1)
    assert team.id is not None
    imported(engine, team.id)

    imported(engine, team.id, FILE + b"Atelier Zon;03-11-2026;15\n")

    assert known(engine, team.id) is None
