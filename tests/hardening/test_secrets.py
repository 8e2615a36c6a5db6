"""The bot token and the webhook secret never reach a log line, an error or a traceback.

httpx logs every request URL at INFO and Bot API URLs contain the token; python-telegram-bot
logs its token-bearing base URL and every call at DEBUG. These transcripts run over real HTTP
against a local Bot API with all logging at DEBUG, take error paths on purpose, and scan
everything that was written.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.kit.routing import Commands
from storage.models import Client
from tests.deploy.harness import (
    OWNER,
    SECRET,
    TOKEN,
    free_port,
    message,
    new_app,
    running_webhook,
    said,
)
from tests.deploy.test_process import bot_env, start_kompas, stopped, wait_until_healthy
from tests.factories import make_client, make_team, rows
from tests.stub_bot_api import StubBotApi

TOKEN_SECRET_PART = TOKEN.split(":", 1)[1]


def leaks(text: str) -> list[str]:
    return [s for s in (TOKEN, TOKEN_SECRET_PART, SECRET) if s in text]


def everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    """Formatted records, their raw arguments and any formatted tracebacks."""
    parts = [caplog.text]
    for record in caplog.records:
        parts.append(repr(record.args))
        parts.append(record.exc_text or "")
    return "\n".join(parts)


async def test_a_debug_transcript_with_failures_logs_no_token_and_no_secret(
    stub: StubBotApi, sqlite_engine: Engine, clock, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    team = make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    make_client(sqlite_engine, team, "Bakkerij de Vries")
    caplog.set_level(logging.DEBUG)
    app = new_app(stub, sqlite_engine, clock, webhook_url="https://kompas.example/telegram")
    # A handler that fails with the token and the secret in its message, as an exception from
    # a misconfigured library might.
    commands = next(h for h in app.handlers[0] if isinstance(h, Commands))

    async def broken(update, context):  # type: ignore[no-untyped-def]
        settings = context.bot_data["kompas"].settings
        raise RuntimeError(
            f"{context.bot.base_url}/getMe {settings.webhook_secret.get_secret_value()}"
        )

    commands.routes["client"] = broken
    async with running_webhook(app) as hook:
        assert await hook.post(message(1, "/start")) == 200
        assert await hook.post(message(2, "/add Hotel Het Anker, organisatie")) == 200
        assert await hook.post(message(3, "/client bakkerij")) == 200  # the failing handler
        stub.fail_once("sendMessage", 400, description="Bad Request: can't parse entities")
        assert await hook.post(message(4, "/help")) == 200  # Telegram refuses the reply
        stub.fail_once("sendMessage", 401, description="Unauthorized")
        assert await hook.post(message(5, "/help")) == 200  # the token was revoked meanwhile
        assert await hook.post(message(6, "/help"), secret="wrong") == 403
        assert await hook.post(message(7, "/help"), secret=None) == 403
    assert "Er ging bij mij iets mis" in " ".join(said(stub))
    assert [c.name for c in rows(sqlite_engine, Client)] == ["Bakkerij de Vries", "Hotel Het Anker"]
    assert any(r.levelno == logging.ERROR and r.name == "bot.app" for r in caplog.records)
    assert any(r.name.startswith("telegram") for r in caplog.records)  # libraries did log
    assert leaks(everything_logged(caplog)) == []


def test_kompas_webhook_at_debug_writes_no_token_and_no_secret(
    stub: StubBotApi, sqlite_engine: Engine, tmp_path: Path
) -> None:
    make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    port = free_port()
    env = bot_env(
        stub,
        sqlite_engine,
        KOMPAS_WEBHOOK_SECRET=SECRET,
        KOMPAS_WEBHOOK_URL="https://kompas.example/telegram",
        KOMPAS_LOG_LEVEL="DEBUG",
    )
    process = start_kompas(
        "webhook", "--listen", "127.0.0.1", "--port", str(port), env=env, cwd=tmp_path
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_healthy(base, process)
        import httpx

        from bot.transports.webhook import SECRET_HEADER

        for update_id, text in enumerate(["/start", "/add Bakkerij de Vries", "/help"], 1):
            answer = httpx.post(
                f"{base}/telegram",
                json=message(update_id, text),
                headers={SECRET_HEADER: SECRET},
                timeout=20,
            )
            assert answer.status_code == 200
        code, log = stopped(process)
    except BaseException:
        process.kill()
        raise
    assert code == 0, log
    assert "DEBUG" in log  # it really logged at DEBUG
    assert leaks(log) == []
    assert process.stdout is not None


def test_a_rejected_token_is_not_printed(
    stub: StubBotApi, sqlite_engine: Engine, tmp_path: Path
) -> None:
    stub.fail_once("getMe", 401, description="Unauthorized")
    process = start_kompas(
        "run", env=bot_env(stub, sqlite_engine, KOMPAS_LOG_LEVEL="DEBUG"), cwd=tmp_path
    )
    try:
        _, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    assert process.returncode == 1
    assert "Telegram" in stderr and leaks(stderr) == []
