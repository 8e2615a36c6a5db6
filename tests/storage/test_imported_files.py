"""The last file a team imported (storage/imported_files.py): known again only while the team
is exactly as that import left it, and only when read the same way."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine

from storage.clients import create_client
from storage.engine import new_session
from storage.import_file import import_file, write_read_import
from storage.import_stored import existing_clients
from storage.imported_files import imported_unchanged, reading_key, team_version
from storage.importing import read_import
from storage.tabular import file_digest
from tests.factories import make_team

NOW = dt.datetime(2026, 12, 7, 9, 30, tzinfo=dt.UTC)
TODAY = NOW.date()
FILE = b"Klant;Datum;Bedrag\nAtelier Zon;01-11-2026;1.250,50\nStudio Noord;02-11-2026;80\n"
READ: dict[str, Any] = {"suffix": ".csv", "locale": "nl", "currency": "EUR"}


def imported(engine: Engine, team_id: int, content: bytes = FILE, user_id: int = 1) -> None:
    with new_session(engine) as session:
        report = import_file(
            session=session,
            team_id=team_id,
            filename="omzet.csv",
            content=content,
            locale="nl",
            currency="EUR",
            today=TODAY,
            now=NOW,
            user_id=user_id,
        )
        assert report.ok, report.errors
        session.commit()


def known(engine: Engine, team_id: int, **read: Any) -> dt.datetime | None:
    how = {**READ, "today": TODAY, "user_id": 1, **read}
    with new_session(engine) as session:
        key = reading_key(digest=file_digest(FILE), **how)
        return imported_unchanged(session, team_id=team_id, key=key)


def test_the_last_file_is_known_again_only_while_the_team_is_as_it_left_it(
    engine: Engine,
) -> None:
    team = make_team(engine, chat_id=-501, owner_id=1)
    other = make_team(engine, chat_id=-502, owner_id=2)
    assert team.id is not None and other.id is not None
    assert known(engine, team.id) is None  # nothing imported yet

    imported(engine, team.id)

    assert known(engine, team.id) == NOW
    assert known(engine, other.id) is None  # another team's import
    with new_session(engine) as session:  # a client typed in chat changes the team
        create_client(session=session, team_id=team.id, name="Bakkerij Brood", now=NOW)
        session.commit()
    assert known(engine, team.id) is None


def test_the_same_bytes_read_otherwise_are_not_the_same_file(engine: Engine) -> None:
    """A cell's meaning depends on the language, the currency and today ("gisteren"); an
    ".xlsx" name makes CSV bytes unreadable; a rating without "rated by" is the importer's."""
    team = make_team(engine, chat_id=-504, owner_id=1)
    assert team.id is not None
    imported(engine, team.id)

    assert known(engine, team.id) == NOW
    assert known(engine, team.id, locale="ru") is None
    assert known(engine, team.id, currency="RUB") is None
    assert known(engine, team.id, today=TODAY + dt.timedelta(days=1)) is None
    assert known(engine, team.id, suffix=".xlsx") is None
    assert known(engine, team.id, user_id=None) is None


def test_another_file_takes_the_place_of_the_last_one(engine: Engine) -> None:
    team = make_team(engine, chat_id=-503, owner_id=1)
    assert team.id is not None
    imported(engine, team.id)
    imported(engine, team.id, FILE + b"Atelier Zon;03-11-2026;15\n")

    with new_session(engine) as session:  # the second file is known, the first no longer
        second = reading_key(
            digest=file_digest(FILE + b"Atelier Zon;03-11-2026;15\n"),
            **READ,
            today=TODAY,
            user_id=1,
        )
        assert imported_unchanged(session, team_id=team.id, key=second) == NOW
    assert known(engine, team.id) is None


def test_a_change_made_while_the_file_was_compared_is_never_taken_for_the_imports_own(
    engine: Engine,
) -> None:
    """The attacker's race: the import reads the team, someone deletes a sale, the import
    writes. The import matched the rows against the sale that is gone; the next import must
    read the file again and put it back, not say "nothing new"."""
    team = make_team(engine, chat_id=-505, owner_id=1)
    assert team.id is not None
    imported(engine, team.id)
    read = read_import(filename="omzet.csv", content=FILE, locale="nl", currency="EUR", today=TODAY)
    with new_session(engine) as importing:
        version = team_version(importing, team.id)  # as `kompas import` reads ahead
        existing = existing_clients(importing, team.id)
        with new_session(engine) as someone:  # a change that commits meanwhile
            create_client(session=someone, team_id=team.id, name="Bakkerij Brood", now=NOW)
            someone.commit()
        report = write_read_import(
            session=importing,
            team_id=team.id,
            read=read,
            today=TODAY,
            now=NOW,
            user_id=1,
            existing=existing,
            version=version,
        )
        assert report.nothing_new
        importing.commit()

    assert known(engine, team.id) is None
