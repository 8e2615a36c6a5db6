"""The schema comes from Alembic migrations only, and agrees with the models on every backend."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from storage.engine import make_engine, new_session
from storage.migrate import HEAD, current_revision, head_revision, schema_drift, upgrade
from storage.models import Client, DigestDelivery, Sale, Team, metadata


def test_upgrade_creates_every_table_and_is_a_no_op_the_second_time(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert {t.name for t in metadata.sorted_tables} <= tables
    assert current_revision(engine) == head_revision()
    upgrade(engine)
    assert current_revision(engine) == head_revision()


def test_the_newest_migration_is_the_head_every_command_checks_for() -> None:
    # A migration added without moving HEAD would leave existing databases un-upgraded.
    assert head_revision() == HEAD


def test_a_database_behind_head_is_upgraded_though_the_fast_check_sees_a_revision(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    from alembic import command

    from storage.migrate import alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0008_b1")
    assert current_revision(engine) == "0008_b1"
    upgrade(engine)
    assert current_revision(engine) == HEAD
    engine.dispose()


def test_models_and_migrations_agree(engine: Engine) -> None:
    assert schema_drift(engine) == []


def test_upgrade_on_an_empty_sqlite_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    upgrade(engine)
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL


def _team(session, chat_id: int = -1) -> Team:  # type: ignore[no-untyped-def]
    team = Team(chat_id=chat_id, title="T")
    session.add(team)
    session.flush()
    return team


def test_client_name_key_is_unique_per_team_but_not_across_teams(engine: Engine) -> None:
    with new_session(engine) as session:
        one, two = _team(session, -1), _team(session, -2)
        session.add(Client(team_id=one.id, name="Ёлка", name_key="елка"))
        session.add(Client(team_id=two.id, name="Елка", name_key="елка"))
        session.commit()
        session.add(Client(team_id=one.id, name="ЕЛКА", name_key="елка"))
        with pytest.raises(IntegrityError):
            session.commit()


def test_digest_delivery_is_unique_per_team_and_week(engine: Engine) -> None:
    with new_session(engine) as session:
        team = _team(session)
        session.add(DigestDelivery(team_id=team.id, iso_week="2026-W48"))
        session.commit()
        session.add(DigestDelivery(team_id=team.id, iso_week="2026-W48"))
        with pytest.raises(IntegrityError):
            session.commit()


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    import datetime as dt

    with new_session(engine) as session:
        team = _team(session)
        session.add(Sale(team_id=team.id, client_id=98765, sold_on=dt.date(2026, 1, 1), amount=1))
        with pytest.raises(IntegrityError):
            session.commit()


def test_money_must_not_be_negative(engine: Engine) -> None:
    import datetime as dt

    with new_session(engine) as session:
        team = _team(session)
        client = Client(team_id=team.id, name="A", name_key="a")
        session.add(client)
        session.flush()
        session.add(
            Sale(team_id=team.id, client_id=client.id, sold_on=dt.date(2026, 1, 1), amount=-5)
        )
        with pytest.raises(IntegrityError):
            session.commit()


def test_timestamps_come_back_in_utc(engine: Engine) -> None:
    import datetime as dt
    from zoneinfo import ZoneInfo

    local = dt.datetime(2026, 3, 29, 3, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with new_session(engine) as session:
        team = Team(chat_id=-9, title="T", created_at=local)
        session.add(team)
        session.commit()
        team_id = team.id
    with new_session(engine) as session:
        stored = session.get(Team, team_id)
        assert stored is not None
        assert stored.created_at == local
        assert stored.created_at.tzinfo == dt.UTC
