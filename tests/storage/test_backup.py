"""storage/backup.py: the SQLite copy behind `kompas backup`, whatever the file is called."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storage.backup import BackupError, copy_sqlite
from storage.engine import make_engine
from storage.migrate import upgrade
from tests.factories import make_team


def test_a_database_whose_path_reads_like_sql_or_an_option_is_copied(tmp_path: Path) -> None:
    made = tmp_path / "kompas.db"
    engine = make_engine(f"sqlite:///{made}")
    upgrade(engine)
    make_team(engine, chat_id=-100, owner_id=1)
    engine.dispose()
    folder = tmp_path / "team'; DROP TABLE sale; --?mode=rwc#x"
    folder.mkdir()
    source = Path(shutil.copy(made, folder / "kompas.db"))
    assert copy_sqlite(source, tmp_path / "copy.db") == (1, 0, 0)


def test_a_file_that_is_no_database_is_a_backup_error_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "notes.db"
    source.write_text("not a database")
    with pytest.raises(BackupError):
        copy_sqlite(source, tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()
