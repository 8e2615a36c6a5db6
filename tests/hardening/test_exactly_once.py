"""Exactly once through failures (issue 18, finding 5): with the database down the user hears
once that their update is kept, and it is carried out once when the database is back, dated
by the day they said it; a digest resumes from the part Telegram refused; an operator sending the
digest of a team that switched it off hears so, without an error."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from bot.jobs.digest import deliver
from bot.transports.local_bot_api import Failure
from storage import demo
from storage.engine import UnitOfWork, make_engine, new_session
from storage.migrate import upgrade
from storage.models import DigestDelivery, Event, ProcessedUpdate, Sale
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


async def _digest_team(engine: Engine, clock, *, money_to_admins: bool):  # type: ignore[no-untyped-def]
    team = make_team(
        engine,
        chat_id=GROUP,
        owner_id=OWNER,
        sensitive_to_admins=money_to_admins,
        created_at=clock() - dt.timedelta(days=30),
    )
    with new_session(engine) as session:
        demo.seed_demo(session=session, team=team, today=clock().date(), now=clock())
        session.commit()
    chat = await Chat.start(engine, clock)
    olga = chat.person(OWNER, "Olga", "nl")
    chat.group(GROUP, "Studio", creator=olga)
    return team, chat


async def test_a_digest_whose_text_failed_after_its_chart_resumes_with_the_text_only(
    engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    """Found by the probe: sendPhoto went through, sendMessage failed, and the retry posted the
    chart again: two charts and one digest in the group."""
    team, chat = await _digest_team(engine, clock, money_to_admins=False)
    try:
        chat.api.fail(Failure("sendMessage", 502, "Bad Gateway", chat_id=GROUP))
        assert (await deliver(chat.app, team.id or 0)).status == "failed"
        assert [m.method for m in chat.api.in_chat(GROUP)] == ["sendPhoto"]
        [claim] = rows(engine, DigestDelivery)
        assert (claim.status, claim.parts_sent) == ("failed", 1)
        assert (await deliver(chat.app, team.id or 0, late=True)).status == "sent"
    finally:
        await chat.stop()
    in_group = [m.method for m in chat.api.in_chat(GROUP)]
    assert in_group == ["sendPhoto", "sendMessage"]  # one chart, one digest
    [claim] = rows(engine, DigestDelivery)
    assert (claim.status, claim.attempts) == ("sent", 2)


async def test_a_digest_whose_private_money_failed_resumes_with_that_part_only(
    engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    """With money for admins only the group gets the text (no revenue chart: shares are money)
    and each admin a private copy; a failed private copy is sent again, the group's is not."""
    team, chat = await _digest_team(engine, clock, money_to_admins=True)
    try:
        chat.api.fail(Failure("sendMessage", 502, "Bad Gateway", chat_id=OWNER))
        assert (await deliver(chat.app, team.id or 0)).status == "failed"
        assert (await deliver(chat.app, team.id or 0, late=True)).status == "sent"
    finally:
        await chat.stop()
    assert [m.method for m in chat.api.in_chat(GROUP)] == ["sendMessage"]
    assert [m.method for m in chat.api.in_chat(OWNER)] == ["sendMessage"]  # the money, once
    [claim] = rows(engine, DigestDelivery)
    assert (claim.status, claim.attempts) == ("sent", 2)


KEPT = "Bewaard — ik voer het uit zodra het kan"
WENT_WRONG = "Er ging bij mij iets mis"
RECORDED = "Verkoop vastgelegd: € 77"


class Outage:
    """The database the bot uses, taken away and brought back: PostgreSQL through a TCP relay
    that cuts every connection, SQLite through a fault on every statement (as a failing disk
    or a lost volume answers)."""

    def __init__(self, direct: Engine) -> None:
        self.direct = direct  # the test's own way in, never cut
        self.proxy: TcpProxy | None = None
        self.failing = False
        if direct.dialect.name == "postgresql":
            url = make_url(direct.url.render_as_string(hide_password=False))
            self.proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
            self.proxy.up()
            through = url.set(host="127.0.0.1", port=self.proxy.port)
            self.engine = make_engine(through.render_as_string(hide_password=False))
        else:
            self.engine = make_engine(direct.url.render_as_string(hide_password=False))
            event.listen(self.engine, "before_cursor_execute", self._fail)
            event.listen(self.engine, "checkout", self._fail)  # hot statements skip the above

    def _fail(self, *_: object) -> None:
        if self.failing:
            raise OperationalError("statement", None, sqlite3.OperationalError("disk I/O error"))

    def down(self) -> None:
        self.failing = True
        if self.proxy is not None:
            self.proxy.down()

    def up(self) -> None:
        self.failing = False
        if self.proxy is not None:
            self.proxy.up()

    def lose_commit_answer(
        self, *, delivered: bool, monkeypatch: pytest.MonkeyPatch, then_down: bool = False
    ) -> None:
        """The next sale's COMMIT reaches the database (`delivered`) or not, and the
        connection dies before its answer (`then_down`: and the database goes away): on
        PostgreSQL through the relay; SQLite, in the same process, cannot lose an answer, so
        its commit is made to fail after the fact."""
        if self.proxy is not None:
            self.proxy.cut_at_commit(b"INSERT INTO sale", delivered=delivered, then_down=then_down)
            self.failing = then_down
            return
        commit = UnitOfWork.commit

        def lost(unit: UnitOfWork) -> None:
            monkeypatch.setattr(UnitOfWork, "commit", commit)  # once
            commit(unit) if delivered else unit.rollback()
            self.failing = then_down
            raise OperationalError("COMMIT", None, sqlite3.OperationalError("disk I/O error"))

        monkeypatch.setattr(UnitOfWork, "commit", lost)

    def close(self) -> None:
        if self.proxy is not None:
            self.proxy.down()
        self.engine.dispose()


@pytest.fixture
def outage(engine: Engine) -> Iterator[Outage]:
    cut = Outage(engine)
    yield cut
    cut.close()


def sale_said_at(update_id: int, at: dt.datetime, text: str) -> dict[str, Any]:
    update = message(update_id, text)
    update["message"]["date"] = int(at.timestamp())
    return update


async def test_a_sale_sent_during_an_outage_is_told_kept_once_and_recorded_once_on_its_day(
    stub: StubBotApi, outage: Outage, clock
) -> None:  # type: ignore[no-untyped-def]
    """Found by the attacker: the user heard "nothing was changed, try again", typed the sale
    again, and the redelivery recorded it too (two sales of 77,00). Now they hear it is kept,
    once, and it is recorded once the database is back, dated by the day they said it."""
    team = make_team(outage.direct, chat_id=ANNA, owner_id=ANNA, personal=True)
    make_client(outage.direct, team, "Bakkerij de Vries")
    clock.now = dt.datetime(2026, 11, 23, 22, 55, tzinfo=dt.UTC)  # Monday 23:55 in Amsterdam
    sale = sale_said_at(900, clock.now, "/sale Bakkerij de Vries, 77")
    async with running_webhook(new_app(stub, outage.engine, clock)) as hook:
        outage.down()
        answers = [await hook.post(sale) for _ in range(3)]  # Telegram tries again
        assert answers == [503, 503, 503]  # not acknowledged: Telegram keeps it for us
        assert sum(KEPT in s for s in said(stub)) == 1
        assert not [s for s in said(stub) if WENT_WRONG in s]
        clock.advance(minutes=20)  # Tuesday 00:15: the database is back
        outage.up()
        assert await hook.post(sale) == 200
        assert await hook.post(sale) == 200  # and once more: a no-op
    [recorded] = rows(outage.direct, Sale)
    assert (recorded.amount, recorded.sold_on) == (7700, dt.date(2026, 11, 23))
    assert sum(RECORDED in s for s in said(stub)) == 1
    assert sum(KEPT in s for s in said(stub)) == 1
    assert 900 in {u.update_id for u in rows(outage.direct, ProcessedUpdate)}


async def test_a_failure_notice_telegram_refused_is_sent_again_after_a_pause_and_only_once(
    stub: StubBotApi, outage: Outage, clock
) -> None:  # type: ignore[no-untyped-def]
    """Found by the attacker: a notice whose sendMessage met a 502 was lost, and the next
    redelivery told the user again. Now it is tried again after 0.5 s and 2 s, and reaches
    the user once however often the update comes."""
    team = make_team(outage.direct, chat_id=ANNA, owner_id=ANNA, personal=True)
    make_client(outage.direct, team, "Bakkerij de Vries")
    sale = message(910, "/sale Bakkerij de Vries, 77")
    async with running_webhook(new_app(stub, outage.engine, clock)) as hook:
        outage.down()
        stub.fail_once("sendMessage", 502, description="Bad Gateway")
        stub.fail_once("sendMessage", 500, description="Internal Server Error")
        started = time.monotonic()
        assert await hook.post(sale) == 503
        assert time.monotonic() - started >= 2.5  # paused 0.5 s, then 2 s
        tries = sum(KEPT in s for s in said(stub))
        assert tries == 3  # two refused, the third taken
        assert await hook.post(sale) == 503
        assert await hook.post(sale) == 503
        assert sum(KEPT in s for s in said(stub)) == tries  # never told twice
        outage.up()
        assert await hook.post(sale) == 200
    assert sum(RECORDED in s for s in said(stub)) == 1
    assert [s.amount for s in rows(outage.direct, Sale)] == [7700]


@pytest.mark.parametrize("delivered", [True, False], ids=["landed", "lost"])
async def test_a_sale_whose_commit_answer_was_lost_is_told_as_the_ledger_has_it(
    stub: StubBotApi, outage: Outage, clock, delivered: bool, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Found by the attacker: the connection died after COMMIT was sent; the sale had landed
    and the user was told "nothing was changed, try again". Now the ledger is asked: landed,
    the confirmation goes out; not landed, the sale is kept and recorded once when it comes
    again."""
    team = make_team(outage.direct, chat_id=ANNA, owner_id=ANNA, personal=True)
    make_client(outage.direct, team, "Bakkerij de Vries")
    sale = message(920, "/sale Bakkerij de Vries, 77")
    async with running_webhook(new_app(stub, outage.engine, clock)) as hook:
        await hook.post(message(919, "/help"))  # the relay is warm: the next commit is the sale
        outage.lose_commit_answer(delivered=delivered, monkeypatch=monkeypatch)
        if delivered:
            assert await hook.post(sale) == 200
            assert sum(RECORDED in s for s in said(stub)) == 1
        else:
            assert await hook.post(sale) == 503
            assert sum(KEPT in s for s in said(stub)) == 1
            assert rows(outage.direct, Sale) == []
            assert not [s for s in said(stub) if RECORDED in s]
        assert await hook.post(sale) == 200  # Telegram's redelivery
    assert [s.amount for s in rows(outage.direct, Sale)] == [7700]
    assert sum(RECORDED in s for s in said(stub)) == 1
    assert not [s for s in said(stub) if WENT_WRONG in s]
    assert sum(KEPT in s for s in said(stub)) == (0 if delivered else 1)


async def test_the_same_complaint_twice_within_10_minutes_asks_record_it_again(
    engine: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    """Found by the attacker: a complaint sent twice (a retry, a double tap) weighed twice on
    the client's grade. Now it is asked about, with buttons, as a repeated sale is."""
    team = make_team(engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    make_client(engine, team, "Bakkerij de Vries")
    chat = await Chat.start(engine, clock)
    try:
        anna = chat.person(ANNA, "Anna", "nl")
        line = "/complaint Bakkerij de Vries: te laat geleverd"
        assert "Klacht genoteerd bij Bakkerij de Vries" in await chat.send(anna, line)
        clock.advance(minutes=9)
        seen = await chat.send(anna, line)
        assert seen.text == (
            "Deze klacht van Bakkerij de Vries heb je minder dan 10 minuten geleden al "
            "genoteerd. Nog een keer vastleggen?"
        )
        assert seen.buttons == ["Ja, nog een keer vastleggen", "Nee"]
        assert (await chat.press(anna, "Nee")).text == "Oké, niet nog een keer vastgelegd."
        assert len(rows(engine, Event)) == 1
        await chat.send(anna, line)
        seen = await chat.press(anna, "Ja, nog een keer vastleggen")
        assert "Klacht genoteerd bij Bakkerij de Vries" in seen
        assert len(rows(engine, Event)) == 2
        # Another complaint, or the same one after 10 minutes, is noted at once.
        seen = await chat.send(anna, "/complaint Bakkerij de Vries: factuur fout")
        assert "Klacht genoteerd bij Bakkerij de Vries" in seen
        clock.advance(minutes=10, seconds=1)
        assert "Klacht genoteerd bij Bakkerij de Vries" in await chat.send(anna, line)
    finally:
        await chat.stop()
    assert len(rows(engine, Event)) == 4


async def test_a_lost_commit_answer_the_ledger_cannot_tell_yet_is_told_once_it_can(
    stub: StubBotApi, outage: Outage, clock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The database went away with the COMMIT's answer, so the ledger cannot be asked: the user
    hears the message is kept; Telegram's redelivery, once the database is back, finds the
    sale landed and tells what was saved (never recording it twice, never staying silent)."""
    team = make_team(outage.direct, chat_id=ANNA, owner_id=ANNA, personal=True)
    make_client(outage.direct, team, "Bakkerij de Vries")
    sale = message(930, "/sale Bakkerij de Vries, 77")
    async with running_webhook(new_app(stub, outage.engine, clock)) as hook:
        await hook.post(message(929, "/help"))
        outage.lose_commit_answer(delivered=True, monkeypatch=monkeypatch, then_down=True)
        assert await hook.post(sale) == 503
        assert sum(KEPT in s for s in said(stub)) == 1
        outage.up()
        assert await hook.post(sale) == 200
        assert await hook.post(sale) == 200  # and again: nothing more
    [told] = [s for s in said(stub) if RECORDED in s]
    assert told.startswith("Mijn antwoord")  # "…got lost on the way, but this was saved:"
    assert [s.amount for s in rows(outage.direct, Sale)] == [7700]
    assert not [s for s in said(stub) if WENT_WRONG in s]
