"""The real `kompas` processes an operator runs: started, fed, stopped with SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor as ThreadPool
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from bot.cli.main import main
from bot.transports.webhook import SECRET_HEADER
from storage.models import Client, ProcessedUpdate
from tests.deploy.harness import OWNER, SECRET, TOKEN, free_port, message, said
from tests.factories import make_team, rows
from tests.stub_bot_api import StubBotApi

ROOT = Path(__file__).resolve().parents[2]
EXIT_SECONDS = 8.0


def start_kompas(*args: str, env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KOMPAS_")}
    environment.update(env)
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        env=environment,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def bot_env(stub: StubBotApi, engine: Engine, **extra: str) -> dict[str, str]:
    return {
        "KOMPAS_BOT_TOKEN": TOKEN,
        "KOMPAS_API_URL": stub.api_url,
        "KOMPAS_API_FILE_URL": stub.file_url,
        "KOMPAS_DATABASE_URL": engine.url.render_as_string(hide_password=False),
        **extra,
    }


def stopped(process: subprocess.Popen[str]) -> tuple[int, str]:
    """SIGTERM, then the exit code and everything it logged (killed if it hangs)."""
    process.send_signal(signal.SIGTERM)
    try:
        _, stderr = process.communicate(timeout=EXIT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate()
        raise AssertionError(f"kompas did not stop within {EXIT_SECONDS} s:\n{stderr}") from None
    return process.returncode, stderr


def wait_until_healthy(base: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"kompas webhook exited: {process.communicate()[1]}")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    process.kill()
    raise AssertionError("kompas webhook did not come up")


def test_sigterm_lets_the_webhook_update_in_flight_finish_then_exits_0(
    stub: StubBotApi, sqlite_engine: Engine, tmp_path: Path
) -> None:
    make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    port = free_port()
    env = bot_env(
        stub,
        sqlite_engine,
        KOMPAS_WEBHOOK_SECRET=SECRET,
        KOMPAS_WEBHOOK_URL="https://kompas.example/tg/hook",
    )
    process = start_kompas(
        "webhook", "--listen", "127.0.0.1", "--port", str(port), env=env, cwd=tmp_path
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_healthy(base, process)
    stub.delays["sendMessage"] = 0.5  # the reply is slow: SIGTERM arrives mid-update
    with httpx.Client(timeout=20) as telegram, ThreadPool() as pool:
        answer = pool.submit(
            telegram.post,
            f"{base}/tg/hook",
            json=message(80, "/add Bakkerij de Vries, organisatie"),
            headers={SECRET_HEADER: SECRET},
        )
        assert stub.wait_for(lambda: bool(stub.called("sendMessage")), 10)
        code, log = stopped(process)
        assert answer.result().status_code == 200
    assert code == 0, log
    assert [c.name for c in rows(sqlite_engine, Client)] == ["Bakkerij de Vries"]
    assert [u.update_id for u in rows(sqlite_engine, ProcessedUpdate)] == [80]
    assert "Toegevoegd: Bakkerij de Vries (organisatie)." in said(stub)
    [registered] = stub.called("setWebhook")
    assert registered.params["secret_token"] == SECRET
    assert TOKEN not in log and SECRET not in log


def test_sigterm_stops_polling_with_processed_updates_confirmed(
    stub: StubBotApi, sqlite_engine: Engine, tmp_path: Path
) -> None:
    make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    stub.push_update(message(90, "/add Bakkerij de Vries, organisatie"))
    process = start_kompas("run", env=bot_env(stub, sqlite_engine), cwd=tmp_path)
    try:
        assert stub.wait_for(lambda: bool(stub.called("sendMessage")), 20)
    finally:
        code, log = stopped(process)
    assert code == 0, log
    assert [c.name for c in rows(sqlite_engine, Client)] == ["Bakkerij de Vries"]
    assert stub.pending_updates == 0  # confirmed: a restart is not served it again
    assert TOKEN not in log


def test_webhook_refuses_to_start_without_a_secret(
    stub: StubBotApi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    for name in [n for n in os.environ if n.startswith("KOMPAS_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.setenv("KOMPAS_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("KOMPAS_API_URL", stub.api_url)
    database = tmp_path / "kompas.db"
    assert main(["--db", f"sqlite:///{database}", "webhook", "--port", "0"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "kompas: set KOMPAS_WEBHOOK_SECRET: without it anyone could post updates to the bot"
    ]
    assert not stub.calls and not database.exists()  # it touched neither Telegram nor the data
