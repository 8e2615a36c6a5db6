"""The `kompas` command as a shell user meets it: help, errors, migrations, the offline chat."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def kompas(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KOMPAS_")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd or ROOT,
        timeout=120,
        check=False,
    )


def test_help_lists_the_commands_in_english() -> None:
    result = kompas("--help")
    assert result.returncode == 0
    for word in ("db", "run", "chat"):
        assert word in result.stdout
    chat_help = kompas("chat", "--help")
    assert "--demo" in chat_help.stdout and "--group" in chat_help.stdout
    assert "--role {owner,admin,member,left}" in chat_help.stdout


@pytest.mark.parametrize("args", [("frobnicate",), ("chat", "--colour", "red"), ("db",)])
def test_usage_errors_exit_with_code_2(args: tuple[str, ...]) -> None:
    result = kompas(*args)
    assert result.returncode == 2
    assert "usage: kompas" in result.stderr


@pytest.mark.parametrize(
    "url", ["not a url at all", "mysql://nobody@localhost/x", "sqlite:////nonexistent/dir/x.db"]
)
def test_unusable_database_url_is_one_clear_line_and_exit_1(url: str) -> None:
    result = kompas("--db", url, "db", "upgrade")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kompas: ")
    assert "Traceback" not in result.stderr


def test_db_upgrade_twice_on_a_new_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    first = kompas("--db", url, "db", "upgrade")
    assert first.returncode == 0, first.stderr
    second = kompas("--db", url, "db", "upgrade")
    assert second.returncode == 0 and "up to date" in second.stdout


def test_database_url_comes_from_the_environment(tmp_path: Path) -> None:
    target = tmp_path / "from-env.db"
    result = kompas("db", "upgrade", env={"KOMPAS_DATABASE_URL": f"sqlite:///{target}"})
    assert result.returncode == 0 and target.exists()


@pytest.mark.parametrize(
    "url", ["postgresql://kompas:s3cret-pw@db:notaport/kompas", "mysql://kompas:s3cret-pw@db/k"]
)
def test_a_bad_database_url_is_explained_without_its_password(url: str) -> None:
    result = kompas("db", "upgrade", env={"KOMPAS_DATABASE_URL": url})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "database" in result.stderr and "s3cret-pw" not in result.stderr


def test_run_without_a_token_says_what_to_do(tmp_path: Path) -> None:
    result = kompas("--db", f"sqlite:///{tmp_path / 'k.db'}", "run")
    assert result.returncode == 1
    assert "KOMPAS_BOT_TOKEN" in result.stderr and "Traceback" not in result.stderr


def test_offline_chat_from_a_pipe_speaks_russian_after_lang(tmp_path: Path) -> None:
    result = kompas(
        "--db", f"sqlite:///{tmp_path / 'k.db'}", "chat", stdin="/start\n/lang ru\n/help\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Ik ben Kompas" in result.stdout
    assert "Готово: теперь я говорю с вами по-русски." in result.stdout
    assert "Что я умею" in result.stdout and "/lang — Язык" in result.stdout
    assert "<b>" not in result.stdout


def test_offline_chat_presses_buttons_by_number(tmp_path: Path) -> None:
    result = kompas(
        "--db",
        f"sqlite:///{tmp_path / 'k.db'}",
        "chat",
        "--lang",
        "nl",
        stdin="/start\n#1\n#1\n#1\n#1\n/start\n",
    )
    assert result.returncode == 0, result.stderr
    assert "[1] Hier beginnen, voor mezelf" in result.stdout
    assert "Goed, dan beginnen we" in result.stdout
    assert "Alles staat klaar!" in result.stdout
    assert "Je kunt hier meteen aan de slag" in result.stdout


def test_offline_chat_prints_a_buttons_pop_up(tmp_path: Path) -> None:
    result = kompas(
        "--db",
        f"sqlite:///{tmp_path / 'k.db'}",
        "chat",
        "--demo",
        "--lang",
        "nl",
        stdin="/settings\n#1\n#1\n",  # Money, then the currency: locked, the demo team has sales
    )
    assert result.returncode == 0, result.stderr
    assert "Kompas ⚠ De valuta ligt vast zodra er verkopen zijn." in (result.stdout)


def test_offline_chat_demo_fills_the_team_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    first = kompas("--db", url, "chat", "--demo", "--lang", "ru", stdin="/start\n")
    assert first.returncode == 0, first.stderr
    assert "Всё готово. Что я умею — /help." in first.stdout
    import sqlite3

    with sqlite3.connect(tmp_path / "k.db") as db:
        clients = db.execute("select count(*) from client").fetchone()[0]
        assert 38 <= clients <= 45
        second = kompas("--db", url, "chat", "--demo", "--lang", "ru", stdin="/help\n")
        assert second.returncode == 0
        assert db.execute("select count(*) from client").fetchone()[0] == clients


def test_make_run_twice_answers_the_first_message_of_the_second_run(tmp_path: Path) -> None:
    """`make run` is `kompas chat --demo` on ./kompas.db: the second run answers at once."""
    env = {"PYTHONPATH": str(ROOT)}
    runs = [kompas("chat", "--demo", stdin="/start\n", cwd=tmp_path, env=env) for _ in range(2)]
    assert (tmp_path / "kompas.db").exists()
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert "Kompas: Je kunt hier meteen aan de slag." in run.stdout
    assert [run.stderr for run in runs] == ["", ""]  # no "Application started" noise either


def test_offline_chat_role_is_for_a_group(tmp_path: Path) -> None:
    result = kompas("--db", f"sqlite:///{tmp_path / 'k.db'}", "chat", "--role", "admin")
    assert result.returncode == 2
    assert "chat --role is your status in a group: add --group" in result.stderr
