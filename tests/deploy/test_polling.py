"""`kompas run`: long polling through KOMPAS_API_URL, confirming updates only once processed."""

from __future__ import annotations

import asyncio
import shutil
import time

from sqlalchemy import Engine

from bot.transports.delivery import Delivery, serve
from bot.transports.polling import poll
from storage import inbox
from storage.engine import make_engine
from storage.migrate import upgrade
from storage.models import Client, ProcessedUpdate, Sale
from tests.deploy.harness import (
    OWNER,
    message,
    new_app,
    running_polling,
    running_webhook,
    said,
    until,
)
from tests.factories import make_client, make_team, rows
from tests.stub_bot_api import StubBotApi


async def test_polling_adds_a_client_and_records_a_sale_end_to_end(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    stub.push_update(message(1, "/add Bakkerij de Vries, organisatie"))
    stub.push_update(message(2, "/sale Bakkerij de Vries 100"))
    async with running_polling(new_app(stub, sqlite_engine, clock)):
        await until(lambda: len(stub.called("sendMessage")) >= 2)
    assert "Toegevoegd: Bakkerij de Vries (organisatie)." in said(stub)
    assert any("Verkoop vastgelegd: € 100 — Bakkerij de Vries" in s for s in said(stub))
    [client] = rows(sqlite_engine, Client)
    assert [(s.client_id, s.amount) for s in rows(sqlite_engine, Sale)] == [(client.id, 10000)]
    # Both confirmed at the stop: a restart is not served them again.
    assert stub.pending_updates == 0
    assert not stub.called("setWebhook") and stub.called("deleteWebhook")
    asked = {tuple(c.params.get("allowed_updates") or ()) for c in stub.called("getUpdates")}
    assert {frozenset(a) for a in asked if a} == {
        frozenset({"message", "edited_message", "callback_query", "my_chat_member", "chat_member"})
    }
    [delete] = stub.called("deleteWebhook")
    assert delete.params["drop_pending_updates"] == "false"


async def test_an_update_delivered_by_webhook_and_again_by_polling_records_one_sale(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    team = make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    make_client(sqlite_engine, team, "Bakkerij de Vries")
    sale = message(30, "/sale Bakkerij de Vries 100")
    async with running_webhook(new_app(stub, sqlite_engine, clock)) as hook:
        assert await hook.post(sale) == 200
    # The operator switches back to polling; Telegram serves the update once more.
    stub.push_update(sale)
    stub.push_update(message(31, "/help"))
    async with running_polling(new_app(stub, sqlite_engine, clock)):
        await until(lambda: any("Wat ik kan" in s for s in said(stub)))
    assert [s.amount for s in rows(sqlite_engine, Sale)] == [10000]
    assert sum("Verkoop vastgelegd" in s for s in said(stub)) == 1


async def test_files_are_fetched_from_the_configured_file_url(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    """A self-hosted Bot API serves files too: KOMPAS_API_FILE_URL is where they come from."""
    stub.store_file("clients-csv", b"naam;soort\nBakkerij de Vries;organisatie\n")
    app = new_app(stub, sqlite_engine, clock)
    async with app:
        document = await app.bot.get_file("clients-csv")
        content = await document.download_as_bytearray()
    assert content.startswith(b"naam;soort")
    assert stub.file_downloads == ["documents/clients-csv"]


async def test_a_429_from_telegram_is_retried_by_the_rate_limiter(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    stub.fail_once(
        "sendMessage",
        429,
        description="Too Many Requests: retry after 1",
        parameters={"retry_after": 1},
    )
    stub.push_update(message(5, "/add Bakkerij de Vries, organisatie"))
    async with running_polling(new_app(stub, sqlite_engine, clock)):
        await until(lambda: "Toegevoegd: Bakkerij de Vries (organisatie)." in said(stub))
    assert len(stub.called("sendMessage")) == 2  # refused once, then delivered
    assert len(rows(sqlite_engine, Client)) == 1


async def test_an_update_kept_while_the_database_is_gone_is_told_once_and_done_once_after(
    stub: StubBotApi, tmp_path, clock
) -> None:  # type: ignore[no-untyped-def]
    """The user hears once that their update is kept, it is tried again while the database is
    gone without a second notice, and carried out once it is back (issue 18)."""
    folder = tmp_path / "data"
    folder.mkdir()
    engine = make_engine(f"sqlite:///{folder / 'kompas.db'}")
    upgrade(engine)
    try:
        async with running_polling(new_app(stub, engine, clock)):
            shutil.rmtree(folder)
            engine.dispose()
            stub.push_update(message(70, "/start"))
            await until(lambda: any("Bewaard" in s for s in said(stub)))
            await asyncio.sleep(1.5)  # tried again meanwhile, still gone
            folder.mkdir()  # the database is back
            upgrade(engine)
            stub.push_update(message(71, "/start"))
            await until(lambda: 71 in [u.update_id for u in rows(engine, ProcessedUpdate)])
        assert stub.pending_updates == 0
        assert [u.update_id for u in rows(engine, ProcessedUpdate)] == [70, 71]
        assert sum("Bewaard" in s for s in said(stub)) == 1
        assert not [s for s in said(stub) if "niets veranderd" in s]
        assert sum("Kompas" in s for s in said(stub)[1:]) >= 2  # both /start answered
    finally:
        engine.dispose()


async def test_a_group_flooding_the_bot_does_not_delay_another_team_while_polling(
    stub: StubBotApi, sqlite_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    """Issue 18: 60 /help in one group; another team's /help waited 120 s behind them."""
    flooding, other = -500, -600
    make_team(sqlite_engine, chat_id=flooding, owner_id=OWNER)
    make_team(sqlite_engine, chat_id=other, owner_id=12)
    for update_id in range(1, 61):
        stub.push_update(message(update_id, "/help", chat_id=flooding))
    stub.push_update(message(61, "/help", user_id=12, chat_id=other, first_name="Boris"))
    stop = asyncio.Event()
    app = new_app(stub, sqlite_engine, clock)
    delivery = Delivery(app)
    running = asyncio.create_task(
        serve(
            app,
            lambda s: poll(delivery, s, long_poll=1, stop_grace=0.2),
            stop=stop,
            handle_signals=False,
        )
    )
    try:
        await until(lambda: stub.texts(flooding))
        flood_began = time.monotonic()
        await until(lambda: stub.texts(other), seconds=5)
        assert time.monotonic() - flood_began < 1.0
        assert "Wat ik kan" in said(stub, other)[0]
        assert len(stub.texts(flooding)) < 60  # that group is served at Telegram's pace
    finally:
        stop.set()
        await asyncio.wait_for(running, 10)
    # All confirmed: the unanswered /help are kept in Kompas's inbox for the next start.
    assert stub.pending_updates == 0
    assert 0 < len(inbox.waiting(sqlite_engine, app.bot.id)) < 60
