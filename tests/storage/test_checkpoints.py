"""SQLite's write-ahead log is copied into the database file by a thread, not by a commit."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine

from storage.engine import WalCheckpointer, make_engine, wal_checkpointer
from storage.migrate import upgrade
from tests.factories import make_client, make_team


def _wait_for(checkpointer: WalCheckpointer, count: int) -> None:
    deadline = time.monotonic() + 10
    while checkpointer.checkpoints < count:
        assert time.monotonic() < deadline, "no checkpoint ran"
        time.sleep(0.01)


def test_committed_changes_reach_the_database_file_after_a_nudge(tmp_path: Path) -> None:
    path = tmp_path / "kompas.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    checkpointer = wal_checkpointer(engine)
    assert checkpointer is not None
    try:
        checkpointer.nudge()
        _wait_for(checkpointer, 1)  # the migrations' pages first
        size = os.path.getsize(path)
        team = make_team(engine, chat_id=-100, owner_id=11)
        for number in range(40):
            make_client(engine, team, f"Klant {number}", notes="x" * 2000)
        checkpointer.nudge()
        _wait_for(checkpointer, 2)
        assert checkpointer.last is not None
        busy, logged, copied = checkpointer.last
        assert busy == 0 and logged == copied > 0
        assert os.path.getsize(path) > size
    finally:
        checkpointer.close()
        engine.dispose()


def test_a_closed_checkpointer_starts_no_thread(tmp_path: Path) -> None:
    checkpointer = WalCheckpointer(str(tmp_path / "kompas.db"))
    checkpointer.close()
    checkpointer.nudge()
    time.sleep(0.05)
    assert checkpointer.checkpoints == 0


@pytest.mark.postgres
def test_postgresql_needs_no_checkpointer(postgres_engine: Engine) -> None:
    assert wal_checkpointer(postgres_engine) is None
