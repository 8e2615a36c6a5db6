"""Exactly once through failures: a digest resumes from the part Telegram refused, and an
operator sending the digest of a team that switched it off hears so, without an error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine

from bot.jobs.digest import deliver
from bot.transport import Failure
from storage import demo
from storage.engine import make_engine, new_session
from storage.migrate import upgrade
from storage.models import DigestDelivery
from tests.chat import Chat
from tests.deploy.harness import TOKEN
from tests.factories import make_team, rows
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
