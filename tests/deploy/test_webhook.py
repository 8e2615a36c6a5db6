"""`kompas webhook`: real HTTP on 127.0.0.1, replies through the configured Bot API URL."""

from __future__ import annotations

import asyncio
import shutil
import socket
import time

import httpx
import pytest
from sqlalchemy import Engine
from telegram.error import BadRequest

from bot.transports.webhook import SECRET_HEADER, WebhookOptions, nested_deeper_than, run_webhook
from storage.engine import make_engine
from storage.migrate import upgrade
from storage.models import Client, ProcessedUpdate, Sale, Team
from tests.deploy.harness import (
    OWNER,
    SECRET,
    free_port,
    message,
    new_app,
    running_webhook,
    said,
    until,
)
from tests.factories import make_client, make_team, rows
from tests.stub_bot_api import StubBotApi


async def test_update_with_the_secret_is_processed_before_telegram_hears_200(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    stub.delays["sendMessage"] = 0.3  # a slow reply: the 200 must still wait for it
    app = new_app(stub, sqlite_engine, clock)
    async with running_webhook(app) as hook:
        assert await hook.post(message(1, "/start")) == 200
        # Processed, committed and answered before the acknowledgement.
        assert stub.called("sendMessage"), "the 200 came before the reply was sent"
        assert "Kompas" in said(stub)[-1]
        assert await hook.post(message(2, "/help")) == 200
        assert "Wat ik kan" in said(stub)[-1]
    assert {u.update_id for u in rows(sqlite_engine, ProcessedUpdate)} == {1, 2}
    # Through the configured API URL, with the bot's token in the path as the Bot API wants.
    assert {call.token for call in stub.calls} == {app.bot.token}


async def test_start_publishes_menus_and_registers_the_webhook_with_the_secret(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    app = new_app(stub, sqlite_engine, clock, webhook_url="https://kompas.example/tg/hook")
    async with running_webhook(app, path="/tg/hook") as hook:
        assert await hook.post(message(1, "/help")) == 200
    [registered] = stub.called("setWebhook")
    assert registered.params["url"] == "https://kompas.example/tg/hook"
    assert registered.params["secret_token"] == SECRET
    assert registered.params["drop_pending_updates"] == "false"
    # Only what Kompas handles (issue 18): no inline queries, polls or channel posts.
    assert set(registered.params["allowed_updates"]) == {
        "message",
        "edited_message",
        "callback_query",
        "my_chat_member",
        "chat_member",
    }
    assert {c.params.get("language_code", "") for c in stub.called("setMyCommands")} == {
        "",
        "nl",
        "ru",
    }
    assert not stub.called("deleteWebhook"), "a restart must not drop what Telegram holds"


async def test_a_webhook_telegram_refuses_stops_the_start_and_frees_the_port(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    stub.fail_once("setWebhook", 400, description="Bad Request: bad webhook: HTTPS url required")
    app = new_app(stub, sqlite_engine, clock, webhook_url="http://kompas.example/telegram")
    options = WebhookOptions(listen="127.0.0.1", port=free_port())
    with pytest.raises(BadRequest, match=r"(?i)https url required"):
        await run_webhook(app, options, stop=asyncio.Event(), handle_signals=False)
    with socket.socket() as again:
        again.bind(("127.0.0.1", options.port))  # nothing left listening


async def test_missing_or_wrong_secret_is_refused_with_403_and_nothing_is_stored(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    app = new_app(stub, sqlite_engine, clock)
    async with running_webhook(app) as hook:
        for secret in (None, "", "wrong", SECRET.upper(), SECRET + "x", SECRET[:-1]):
            assert await hook.post(message(1, "/start"), secret=secret) == 403, secret
            assert await hook.post(b"not even json", secret=secret) == 403, secret
    assert rows(sqlite_engine, ProcessedUpdate) == []
    assert rows(sqlite_engine, Team) == []
    assert not stub.called("sendMessage")


async def test_malformed_body_is_400_and_the_server_stays_up(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    app = new_app(stub, sqlite_engine, clock)
    bodies = [b"not json", b"[]", b'{"message": {"text": "/start"}}', b'{"update_id": "1"}']
    async with running_webhook(app) as hook:
        for body in bodies:
            assert await hook.post(body) == 400, body
        assert await hook.post(message(7, "/help")) == 200
    assert [u.update_id for u in rows(sqlite_engine, ProcessedUpdate)] == [7]


async def test_a_body_nested_too_deep_is_400_before_it_is_decoded(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    """Issue 18: 50 000 nested arrays made the decoder recurse until RecursionError, a 500."""
    app = new_app(stub, sqlite_engine, clock)
    deep_update = b'{"update_id": 8, "message": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    just_too_deep = b'{"update_id": 9, "x": ' + b"[" * 64 + b"]" * 64 + b"}"
    async with running_webhook(app) as hook:
        assert await hook.post(b"[" * 50_000 + b"]" * 50_000) == 400
        assert await hook.post(deep_update) == 400
        assert await hook.post(just_too_deep) == 400
        assert await hook.post(message(10, "/help")) == 200
    assert [u.update_id for u in rows(sqlite_engine, ProcessedUpdate)] == [10]


def test_depth_is_counted_on_the_raw_json_and_brackets_in_strings_do_not_count() -> None:
    assert not nested_deeper_than(b'{"a": [1, {"b": "[[[[{{{{"}]}', 3)
    assert nested_deeper_than(b'{"a": [1, {"b": []}]}', 3)
    assert not nested_deeper_than(b"[" * 64 + b"]" * 64, 64)
    assert nested_deeper_than(b"[" * 65 + b"]" * 65, 64)
    assert not nested_deeper_than(b'{"t": "\\"[[[["}', 1)  # an escaped quote in a string


async def test_the_same_update_delivered_twice_records_one_sale(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    team = make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    make_client(sqlite_engine, team, "Bakkerij de Vries")
    app = new_app(stub, sqlite_engine, clock)
    sale = message(40, "/sale Bakkerij de Vries 100")
    async with running_webhook(app) as hook:
        assert await hook.post(sale) == 200
        assert await hook.post(sale) == 200  # Telegram's retry after a lost answer
    assert [s.amount for s in rows(sqlite_engine, Sale)] == [10000]
    assert sum("Verkoop vastgelegd" in text for text in said(stub)) == 1


async def test_healthz_is_503_and_an_update_kept_through_an_outage_goes_through_once(
    stub: StubBotApi, tmp_path, clock
) -> None:  # type: ignore[no-untyped-def]
    """While the database is gone an update is not acknowledged, and its user is told once
    that it is kept (a notice Telegram refused with a 502 is sent again after a pause); once
    the database is back, Telegram's redelivery carries it out, once (issue 18)."""
    folder = tmp_path / "data"
    folder.mkdir()
    url = f"sqlite:///{folder / 'kompas.db'}"
    engine = make_engine(url)
    upgrade(engine)
    make_team(engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    app = new_app(stub, engine, clock)
    try:
        async with running_webhook(app) as hook:
            assert await hook.health() == 200
            shutil.rmtree(folder)  # the volume went away
            engine.dispose()
            assert await hook.health() == 503
            add = message(50, "/add Bakkerij de Vries, organisatie")
            stub.fail_once("sendMessage", 502, description="Bad Gateway")
            assert await hook.post(add) == 503  # kept: Telegram tries again
            other = message(51, "/add Hotel Het Anker, organisatie")
            assert await hook.post(other) == 503
            assert await hook.post(add) == 503  # still gone: not told again
            folder.mkdir()  # the volume is back (restored from a backup)
            upgrade(engine)
            make_team(engine, chat_id=OWNER, owner_id=OWNER, personal=True)
            assert await hook.health() == 200
            assert await hook.post(add) == 200  # Telegram's redeliveries
            assert await hook.post(other) == 200
            assert await hook.post(add) == 200  # once more: a no-op
        assert sorted(c.name for c in rows(engine, Client)) == [
            "Bakkerij de Vries",
            "Hotel Het Anker",
        ]
        assert said(stub).count("Toegevoegd: Bakkerij de Vries (organisatie).") == 1
        # One notice for each update; the stub also records the one Telegram refused.
        assert sum("Bewaard" in s for s in said(stub)) == 3
        assert not [s for s in said(stub) if "niets veranderd" in s]
    finally:
        engine.dispose()


async def test_stopping_lets_the_update_in_flight_finish_first(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    """Stopping lets the update in flight finish before the process lets go of the database."""
    make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    stub.delays["sendMessage"] = 0.5
    app = new_app(stub, sqlite_engine, clock)
    started = time.monotonic()
    async with httpx.AsyncClient(timeout=30) as telegram:
        async with running_webhook(app) as hook:
            add = message(60, "/add Bakkerij de Vries, organisatie")
            headers = {SECRET_HEADER: SECRET}
            in_flight = asyncio.create_task(telegram.post(hook.url, json=add, headers=headers))
            await until(lambda: stub.called("sendMessage"))  # being processed right now
        # Leaving the block stopped the server, and the update in flight finished first.
        assert (await in_flight).status_code == 200
    assert time.monotonic() - started < 10
    assert [c.name for c in rows(sqlite_engine, Client)] == ["Bakkerij de Vries"]
