"""`kompas backup FILE`: a consistent copy while the bot writes, and a restore that just works."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert
from sqlalchemy.engine import make_url

from bot.cli.main import main
from storage.engine import make_engine, new_session
from storage.models import AuditLog, Client, Sale
from tests.chat import Chat
from tests.factories import NOW, make_team, rows
from tests.hardening.world import seed

OWNER = 11


def _write_until(engine: Engine, team_id: int, client_id: int, stop: threading.Event) -> int:
    """Sales recorded as the chat records them: the sale and its audit row in one transaction."""
    written = 0
    while not stop.is_set():
        with new_session(engine) as session:
            session.execute(
                insert(Sale).values(
                    team_id=team_id, client_id=client_id, sold_on=NOW.date(), amount=100
                )
            )
            session.execute(
                insert(AuditLog).values(
                    team_id=team_id, action="sale_created", entity="sale", at=NOW
                )
            )
            session.commit()
        written += 1
    return written


def test_backups_taken_while_the_bot_writes_are_consistent_and_restore(
    sqlite_engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    team = make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    seed(sqlite_engine, team)
    client_id = rows(sqlite_engine, Client)[0].id or 0
    url = sqlite_engine.url.render_as_string(hide_password=False)
    writer_engine = make_engine(url)  # another connection pool: the running bot
    stop = threading.Event()
    result: list[int] = []
    writer = threading.Thread(
        target=lambda: result.append(_write_until(writer_engine, team.id or 0, client_id, stop))
    )
    writer.start()
    backups = []
    try:
        for n in range(3):
            target = tmp_path / f"backup-{n}.db"
            assert main(["--db", url, "backup", str(target)]) == 0
            backups.append(target)
    finally:
        stop.set()
        writer.join()
        writer_engine.dispose()
    assert result[0] > 0  # the bot did write during the backups
    assert "integrity ok" in capsys.readouterr().out
    for backup in backups:
        with sqlite3.connect(backup) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file
            sales = copy.execute("SELECT count(*) FROM sale WHERE amount = 100").fetchone()[0]
            audits = copy.execute(
                "SELECT count(*) FROM audit_log WHERE action = 'sale_created'"
            ).fetchone()[0]
        assert sales == audits  # one snapshot: no sale without its audit row, nor the reverse
        assert not Path(f"{backup}-wal").exists()

    # Restore: the backup copied into place is a working Kompas database.
    restored = tmp_path / "restored" / "kompas.db"
    restored.parent.mkdir()
    shutil.copy(backups[-1], restored)
    restored_url = f"sqlite:///{restored}"
    assert main(["--db", restored_url, "db", "upgrade"]) == 0
    assert "up to date" in capsys.readouterr().out


async def test_a_restored_backup_serves_the_team(
    sqlite_engine: Engine, tmp_path: Path, clock
) -> None:  # type: ignore[no-untyped-def]
    team = make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    seed(sqlite_engine, team)
    url = sqlite_engine.url.render_as_string(hide_password=False)
    backup = tmp_path / "backup.db"
    assert main(["--db", url, "backup", str(backup)]) == 0
    restored = tmp_path / "elsewhere.db"
    shutil.copy(backup, restored)
    engine = make_engine(f"sqlite:///{restored}")
    chat = await Chat.start(engine, clock)
    try:
        anna = chat.person(OWNER, "Anna", "nl")
        seen = await chat.send(anna, "/client Hotel De Linde")
        assert "Hotel De Linde" in seen.text and "beoordeling" in seen.text
        seen = await chat.send(anna, "/sale linde 1.250,50")
        assert "Verkoop vastgelegd" in seen.text
    finally:
        await chat.stop()
        engine.dispose()


def test_a_backup_never_overwrites_the_database_itself(
    sqlite_engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_engine.url.render_as_string(hide_password=False)
    database = make_url(url).database
    assert database is not None
    assert main(["--db", url, "backup", database]) == 1
    assert "another file" in capsys.readouterr().err


def test_a_mistyped_database_path_is_refused_and_nothing_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo, target = tmp_path / "kompass.db", tmp_path / "backup.db"
    assert main(["--db", f"sqlite:///{typo}", "backup", str(target)]) == 1
    assert "there is no database at" in capsys.readouterr().err
    assert sorted(tmp_path.iterdir()) == []


def test_postgresql_gets_a_pg_dump_hint_without_the_password(
    postgres_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = make_url(postgres_server).set(password="hunter2-secret")
    target = tmp_path / "kompas.dump"
    assert main(["--db", url.render_as_string(hide_password=False), "backup", str(target)]) == 0
    out = capsys.readouterr().out
    [line] = out.strip().splitlines()
    assert "pg_dump" in line and f"-Fc {url.database}" in line
    assert "hunter2" not in out
    assert not target.exists()
