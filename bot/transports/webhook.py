"""Webhook mode: Telegram posts each update here, and hears 200 only once it has been processed.

PTB's built-in webhook server answers first and processes later; a crash in between loses the
update. This small tornado app (tornado comes with PTB's `webhooks` extra) answers after
`Delivery.process` has committed the update's effects, as PTB's custom-webhook examples do
around `Application.process_update`. Telegram redelivers an update whose call failed or timed
out, and the processed-update ledger makes the second delivery a no-op.

Requests without the right `X-Telegram-Bot-Api-Secret-Token` get 403 and are never parsed; bodies
over 1 MB, or nested deeper than 64 arrays or objects, get 400 before any decoder builds them.
`/healthz` answers 200 while the database answers, 503 otherwise. TLS ends at the reverse proxy.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import tornado.httpserver
import tornado.netutil
import tornado.web
from sqlalchemy import Engine
from telegram import Update
from telegram.ext import Application

from bot.app import HANDLED_UPDATES
from bot.kit.runtime import KOMPAS, Kompas
from bot.transports.delivery import Delivery, serve
from storage import ledger
from storage.engine import ping

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
HEALTH_PATH = "/healthz"
DEFAULT_PATH = "/telegram"
MAX_UPDATE_BYTES = 1 << 20  # an update is a few KB: files travel as file ids
MAX_DEPTH = 64  # an update nests about ten levels; a decoder recursing 50 000 deep is an attack
HEALTH_TIMEOUT = 5.0  # seconds a health check may wait for the database
DRAIN_SECONDS = 25.0  # within Docker's stop grace period (compose.yaml sets 30 s)
# https://core.telegram.org/bots/api#setwebhook: 1-256 characters, A-Z, a-z, 0-9, _ and -.
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class WebhookSetupError(ValueError):
    """The webhook cannot start as configured; the message says why in one line."""


@dataclass(frozen=True)
class WebhookOptions:
    listen: str = "0.0.0.0"  # noqa: S104 - inside a container, behind the reverse proxy
    port: int = 8443
    url_path: str | None = None


def check_secret(secret: str | None) -> str:
    if not secret:
        raise WebhookSetupError(
            "set KOMPAS_WEBHOOK_SECRET: without it anyone could post updates to the bot"
        )
    if not _SECRET.fullmatch(secret):
        raise WebhookSetupError(
            "KOMPAS_WEBHOOK_SECRET may only hold 1-256 letters, digits, _ and - (Telegram's rule)"
        )
    return secret


def url_path(option: str | None, webhook_url: str | None) -> str:
    """--url-path, else the path of KOMPAS_WEBHOOK_URL, else /telegram (never the token)."""
    path = option or (urlsplit(webhook_url).path if webhook_url else "") or DEFAULT_PATH
    path = "/" + path.strip("/")
    if path == HEALTH_PATH:
        raise WebhookSetupError(f"the webhook path cannot be {HEALTH_PATH}")
    return path


class WebhookServer:
    """The HTTP side: takes updates while open, and on `drain` finishes the ones in flight."""

    def __init__(self, delivery: Delivery, engine: Engine, *, secret: str, path: str) -> None:
        self.delivery = delivery
        self.engine = engine
        self.secret = secret.encode()
        self.accepting = True
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        routes = [
            (re.escape(path), _UpdateHandler, {"server": self}),
            (re.escape(HEALTH_PATH), _HealthHandler, {"server": self}),
        ]
        app = tornado.web.Application(routes, log_function=_access_log)
        self._http = tornado.httpserver.HTTPServer(
            app, max_body_size=MAX_UPDATE_BYTES, xheaders=True
        )

    def listen(self, address: str, port: int) -> int:
        """Start listening; returns the port (useful with port 0)."""
        sockets = tornado.netutil.bind_sockets(port, address)
        self._http.add_sockets(sockets)
        return int(sockets[0].getsockname()[1])

    async def drain(self, grace: float = DRAIN_SECONDS) -> None:
        """Stop taking updates, let those in flight finish (bounded), close every connection."""
        self.accepting = False
        self._http.stop()
        try:
            await asyncio.wait_for(self._idle.wait(), grace)
        except TimeoutError:
            log.warning("%d update(s) still running at shutdown", self._in_flight)
        await self._http.close_all_connections()

    def authorised(self, presented: str | None) -> bool:
        # Constant time, so the secret cannot be guessed from how fast a refusal comes.
        return presented is not None and hmac.compare_digest(presented.encode(), self.secret)

    async def process(self, update: Update) -> bool:
        self._in_flight += 1
        self._idle.clear()
        try:
            return await self.delivery.process(update)
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()

    async def database_answers(self) -> bool:
        try:
            return await asyncio.wait_for(asyncio.to_thread(ping, self.engine), HEALTH_TIMEOUT)
        except Exception as exc:  # any failure to answer is "unhealthy", never a crash
            log.warning("health check: database unavailable (%s)", type(exc).__name__)
            return False


class _UpdateHandler(tornado.web.RequestHandler):
    def initialize(self, server: WebhookServer) -> None:
        self.server = server

    async def post(self) -> None:
        server = self.server
        if not server.authorised(self.request.headers.get(SECRET_HEADER)):
            self.set_status(403)
            return
        if not server.accepting:  # shutting down: Telegram will deliver it again
            self.set_status(503)
            return
        update = _parse(self.request.body, server.delivery.application)
        if update is None:
            self.set_status(400)
            return
        # Answered only now: the update's effects are committed (or it must come again).
        self.set_status(200 if await server.process(update) else 503)


class _HealthHandler(tornado.web.RequestHandler):
    def initialize(self, server: WebhookServer) -> None:
        self.server = server

    async def get(self) -> None:
        if await self.server.database_answers():
            self.write("ok\n")
        else:
            self.set_status(503)
            self.write("database unavailable\n")

    async def head(self) -> None:
        self.set_status(200 if await self.server.database_answers() else 503)


def _parse(body: bytes, application: Application) -> Update | None:
    if nested_deeper_than(body, MAX_DEPTH):
        return None
    try:
        data = json.loads(body)
        if not isinstance(data, dict) or not ledger.real_update_id(data.get("update_id")):
            return None  # not an id Telegram sends (negative, past 2^63, true): never stored
        return Update.de_json(data, application.bot)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


# A JSON string, or what is left of one at the end of the body: every match that starts at a quote
# succeeds, so the scan stays linear however many quotes and backslashes the body holds.
_STRING = re.compile(rb'"(?:[^"\\]|\\(?:.|\Z))*+(?:"|\Z)', re.DOTALL)
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))
_SQUARE = bytes.maketrans(b"{}", b"[]")


def nested_deeper_than(body: bytes, limit: int) -> bool:
    """Whether the JSON in `body` nests arrays and objects more than `limit` deep, found on the
    raw bytes before any decoder builds (or recurses into) them: strings dropped, brackets kept,
    and each pass removes the innermost empty pairs."""
    brackets = _STRING.sub(b"", body).translate(_SQUARE, _NOT_BRACKETS)
    for _ in range(limit):
        if not brackets:
            return False
        brackets = brackets.replace(b"[]", b"")
    return bool(brackets)


def _access_log(handler: tornado.web.RequestHandler) -> None:
    """Refusals and failures at WARNING, the steady stream of updates only at DEBUG."""
    status = handler.get_status()
    level = logging.DEBUG if status < 400 else logging.WARNING
    request = handler.request
    log.log(
        level,
        "%d %s %s %.0fms",
        status,
        request.method,
        request.path,
        1000 * request.request_time(),
    )


async def run_webhook(
    application: Application,
    options: WebhookOptions,
    *,
    stop: asyncio.Event | None = None,
    handle_signals: bool = True,
) -> None:
    """Serve Telegram's webhook calls until SIGTERM/SIGINT (or `stop`), then stop cleanly."""
    kompas: Kompas = application.bot_data[KOMPAS]
    settings = kompas.settings
    secret = check_secret(
        settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    )
    path = url_path(options.url_path, settings.webhook_url)
    delivery = Delivery(application)

    async def body(stopping: asyncio.Event) -> None:
        server = WebhookServer(delivery, kompas.engine, secret=secret, path=path)
        port = server.listen(options.listen, options.port)
        log.info("webhook listening on %s:%d%s", options.listen, port, path)
        try:
            if settings.webhook_url:
                await application.bot.set_webhook(
                    settings.webhook_url,
                    secret_token=secret,
                    allowed_updates=list(HANDLED_UPDATES),
                    drop_pending_updates=False,
                )
                log.info("webhook registered with Telegram")
            await stopping.wait()
        finally:
            await server.drain()

    await serve(application, body, stop=stop, handle_signals=handle_signals)
