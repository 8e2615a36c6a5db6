"""The file reader's child process (storage/file_worker.py) starts on what reading needs only."""

from __future__ import annotations

from tests.fresh_process import packages_loaded


def test_the_file_readers_child_loads_no_database_code() -> None:
    """Each upload starts a fresh child: the ORM and the drivers would double its start-up time
    (issue 21), and reading a file needs neither."""
    assert packages_loaded("storage.file_worker", ["sqlalchemy", "sqlmodel"]) == set()
