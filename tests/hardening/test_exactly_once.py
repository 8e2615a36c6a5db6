"""Exactly once through failures (issue 18, finding 5): with PostgreSQL down the user hears
"nothing was changed" once per update, and the update is never carried out behind their back
once it is back; a digest resumes from the part Telegram refused; an operator sending the
digest of a team that switched it off hears so, without an error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from bot.jobs.digest import deliver
from bot.transport import Failure
from storage import demo
from storage.engine import make_engine, new_session
from storage.migrate import upgrade
from storage.models import DigestDelivery, ProcessedUpdate, Sale
from tests.chat import Chat
from tests.deploy.harness import OWNER as ANNA
from tests.deploy.harness import TOKEN, message, new_app, running_webhook, said
from tests.factories import make_client, make_team, rows
from tests.hardening.tcp_proxy import TcpProxy
from tests.stub_bot_api import StubBotApi
from tests.test_cli import kompas

GROUP, OWNER = -7700, 21


def test_sending_the_digest_of_a_team_that_switched_it_off_says_so_and_succeeds(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'kompas.db'}"
    engine = make_engine(url)
    upgrade(engine)
    team = make_team(engine, chat_id=GROUP, owner_id=OWNER, digest_enabled=False)
    now = dt.datetime.now(dt.UTC)
    with new_session(engine) as session:
        demo.seed_demo(session=session, team=team, today=now.date(), now=now)
        session.commit()
    try:
        with StubBotApi() as stub:
            env = {
                "KOMPAS_BOT_TOKEN": TOKEN,
                "KOMPAS_API_URL": stub.api_url,
                "KOMPAS_API_FILE_URL": stub.file_url,
            }
            result = kompas("--db", url, "digest", "--team", str(GROUP), "--send", env=env)
            assert not stub.called("sendMessage") and not stub.called("sendPhoto")
        assert result.returncode == 0, result.stderr
        assert f"digest for team {GROUP}: the digest is off for this team" in result.stdout
        assert rows(engine, DigestDelivery) == []
    finally:
        engine.dispose()


async def test_a_digest_whose_text_failed_after_its_chart_resumes_with_the_text_only(
    engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    """Found by the probe: sendPhoto went through, sendMessage failed, and the retry posted the
    chart again: two charts and one digest in the group."""
    team = make_team(
        engine,
        chat_id=GROUP,
        owner_id=OWNER,
        sensitive_to_admins=True,
        created_at=clock() - dt.timedelta(days=30),
    )
    with new_session(engine) as session:
        demo.seed_demo(session=session, team=team, today=clock().date(), now=clock())
        session.commit()
    chat = await Chat.start(engine, clock)
    try:
        olga = chat.person(OWNER, "Olga", "nl")
        chat.group(GROUP, "Studio", creator=olga)
        chat.api.fail(Failure("sendMessage", 502, "Bad Gateway", chat_id=GROUP))
        assert (await deliver(chat.app, team.id or 0)).status == "failed"
        assert [m.method for m in chat.api.in_chat(GROUP)] == ["sendPhoto"]
        [claim] = rows(engine, DigestDelivery)
        assert (claim.status, claim.parts_sent) == ("failed", 1)
        chat.api.fail(Failure("sendMessage", 502, "Bad Gateway", chat_id=OWNER))
        assert (await deliver(chat.app, team.id or 0, late=True)).status == "failed"
        assert (await deliver(chat.app, team.id or 0, late=True)).status == "sent"
    finally:
        await chat.stop()
    in_group = [m.method for m in chat.api.in_chat(GROUP)]
    assert in_group == ["sendPhoto", "sendMessage"]  # one chart, one digest
    assert [m.method for m in chat.api.in_chat(OWNER)] == ["sendMessage"]  # the money, once
    [claim] = rows(engine, DigestDelivery)
    assert (claim.status, claim.attempts) == ("sent", 3)


WENT_WRONG = "Er ging bij mij iets mis; er is niets veranderd."


@pytest.mark.postgres
async def test_with_postgresql_down_an_update_is_answered_once_and_never_carried_out_later(
    stub: StubBotApi, postgres_engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    """Found by the probe: each of Telegram's three redeliveries sent the error again, and
    after recovery the redelivery recorded the sale the user had recorded again themselves."""
    team = make_team(postgres_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    make_client(postgres_engine, team, "Bakkerij de Vries")
    url = make_url(postgres_engine.url.render_as_string(hide_password=False))
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxy.up()
    engine = make_engine(url.set(host="127.0.0.1", port=proxy.port).render_as_string(False))
    sale = message(900, "/sale Bakkerij de Vries, 77, 10, 1u")
    try:
        async with running_webhook(new_app(stub, engine, clock)) as hook:
            proxy.down()
            answers = [await hook.post(sale) for _ in range(3)]  # Telegram tries again
            assert sum(WENT_WRONG in s for s in said(stub)) == 1
            assert answers[0] == 200  # the user knows: Telegram may stop redelivering it
            proxy.up()
            assert await hook.post(sale) == 200  # one more redelivery, the database back
            assert sum(WENT_WRONG in s for s in said(stub)) == 1
            assert rows(postgres_engine, Sale) == []
            assert await hook.post(message(901, "/sale Bakkerij de Vries, 77, 10, 1u")) == 200
    finally:
        proxy.down()
        engine.dispose()
    assert [s.amount for s in rows(postgres_engine, Sale)] == [7700]  # the retry, once
    assert any("Verkoop vastgelegd: € 77,00" in s for s in said(stub))
    # Entered in the ledger: another instance served the redelivery would skip it too.
    assert {900, 901} <= {u.update_id for u in rows(postgres_engine, ProcessedUpdate)}
