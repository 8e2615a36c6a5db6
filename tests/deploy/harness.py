"""Running Kompas the way production does — real HTTP on 127.0.0.1 — for the deploy tests."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import socket
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import Engine
from telegram.ext import Application

from bot.app import build_application
from bot.kit.telegram_html import html_to_text
from bot.settings import Settings
from bot.transports.delivery import Delivery, serve
from bot.transports.polling import poll
from bot.transports.webhook import SECRET_HEADER, WebhookOptions, run_webhook
from tests.stub_bot_api import StubBotApi

TOKEN = "123456:AAtest-token-never-logged"
SECRET = "webhook-secret_0123456789"
OWNER = 11  # the personal team's owner, in the tests' teams
STARTUP_SECONDS = 10.0


def settings_for(stub: StubBotApi, **overrides: Any) -> Settings:
    """Settings pointing the bot at the stub API, as KOMPAS_API_URL does in production."""
    values: dict[str, Any] = {
        "bot_token": TOKEN,
        "api_url": stub.api_url,
        "api_file_url": stub.file_url,
        "webhook_secret": SECRET,
        "default_locale": "nl",
    }
    return Settings(_env_file=None, **(values | overrides))  # type: ignore[call-arg]


def said(stub: StubBotApi, chat_id: int = OWNER) -> list[str]:
    """What the bot said in the chat, as plain text (the way a phone shows it)."""
    return [html_to_text(text).replace("\u00a0", " ") for text in stub.texts(chat_id)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def message(
    update_id: int,
    text: str,
    *,
    user_id: int = OWNER,
    chat_id: int | None = None,
    first_name: str = "Anna",
    language_code: str = "nl",
) -> dict[str, Any]:
    """A text message update as Telegram sends it (a /command carries its entity)."""
    chat_id = user_id if chat_id is None else chat_id
    chat: dict[str, Any] = (
        {"id": chat_id, "type": "private", "first_name": first_name}
        if chat_id > 0
        else {"id": chat_id, "type": "group", "title": "Studio"}
    )
    body: dict[str, Any] = {
        "message_id": update_id + 1000,
        "date": int(time.time()),
        "chat": chat,
        "from": {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": language_code,
        },
        "text": text,
    }
    if text.startswith("/"):
        body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": body}


def new_app(
    stub: StubBotApi, engine: Engine, clock: Callable[[], dt.datetime], **overrides: Any
) -> Application:
    """A production Application (real HTTP transport, rate limiter on) aimed at the stub."""
    return build_application(settings_for(stub, **overrides), engine, clock=clock)


@dataclass
class Webhook:
    """A running webhook server and a client that posts to it as Telegram would."""

    base: str  # http://127.0.0.1:PORT
    path: str
    client: httpx.AsyncClient

    @property
    def url(self) -> str:
        return self.base + self.path

    async def post(self, update: dict[str, Any] | bytes, *, secret: str | None = SECRET) -> int:
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        if isinstance(update, bytes):
            response = await self.client.post(self.url, content=update, headers=headers)
        else:
            response = await self.client.post(self.url, json=update, headers=headers)
        return response.status_code

    async def health(self) -> int:
        return (await self.client.get(f"{self.base}/healthz")).status_code


@contextlib.asynccontextmanager
async def running_webhook(app: Application, *, path: str = "/telegram") -> AsyncIterator[Webhook]:
    """`kompas webhook` in this event loop on a free port; stopped (drained) on exit."""
    port = free_port()
    stop = asyncio.Event()
    options = WebhookOptions(listen="127.0.0.1", port=port, url_path=path)
    task = asyncio.create_task(run_webhook(app, options, stop=stop, handle_signals=False))
    async with httpx.AsyncClient(timeout=30) as client:
        hook = Webhook(f"http://127.0.0.1:{port}", path, client)
        await _until_listening(hook, task)
        try:
            yield hook
        finally:
            stop.set()
            await asyncio.wait_for(task, STARTUP_SECONDS)


async def _until_listening(hook: Webhook, task: asyncio.Task[None]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if task.done():
            task.result()  # raises what stopped it
        with contextlib.suppress(httpx.TransportError):
            if await hook.health() == 200:
                return
        await asyncio.sleep(0.02)
    raise AssertionError("the webhook server did not start")


@contextlib.asynccontextmanager
async def running_polling(app: Application) -> AsyncIterator[None]:
    """`kompas run` in this event loop (short long-polls); stopped on exit."""
    stop = asyncio.Event()
    delivery = Delivery(app)
    task = asyncio.create_task(
        serve(app, lambda s: poll(delivery, s, long_poll=1), stop=stop, handle_signals=False)
    )
    try:
        yield
    finally:
        stop.set()
        await asyncio.wait_for(task, STARTUP_SECONDS)


async def until(condition: Any, seconds: float = 10.0) -> None:
    """Wait (bounded) for `condition()` to hold, letting the event loop run meanwhile."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)
