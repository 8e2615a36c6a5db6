"""What the hardening work found, each pinned by the behaviour a user or operator would notice."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import Engine

from bot.jobs.digest import deliver
from bot.kit.telegram_html import fit_html, html_to_text
from storage import deliveries
from storage.deliveries import STALE_CLAIM
from storage.engine import new_session
from storage.models import Client, DigestDelivery, ProcessedUpdate, Sale
from tests.chat import Chat
from tests.conftest import FakeClock
from tests.factories import add_member, make_client, make_team, rows
from tests.hardening import telegram_html
from tests.hardening.world import seed

ANNA, PIET, GROUP = 11, 12, -900


async def test_a_refused_update_delivered_again_is_not_answered_twice(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Found by the fuzzer: a refusal rolled the ledger entry back with the handler's changes,
    so Telegram redelivering the update showed the refusal again (or carried it out later)."""
    anna, piet = chat.person(ANNA, "Anna", "nl"), chat.person(PIET, "Piet", "nl")
    chat.group(GROUP, "Studio", creator=anna, members=(piet,))
    add_member(sqlite_engine, make_team(sqlite_engine, chat_id=GROUP, owner_id=ANNA), PIET)
    seen = await chat.send(piet, "/members", chat=GROUP, update_id=500)
    assert seen.text == "Dat kan alleen owner11 (beheerder)."
    again = await chat.send(piet, "/members", chat=GROUP, update_id=500)
    assert again.messages == []
    assert 500 in {u.update_id for u in rows(sqlite_engine, ProcessedUpdate)}


async def test_a_refused_import_delivered_again_is_not_imported_after_all(
    chat: Chat, sqlite_engine: Engine
) -> None:
    make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    anna = chat.person(ANNA, "Anna", "nl")
    bad = b"Klant;Datum;Bedrag\nBakkerij de Vries;2026-10-01;veel\n"
    update = chat.factory.message(anna, ANNA, "", document=("verkopen.csv", bad), update_id=600)
    await chat.app.process_update(update)
    assert "Niets geïmporteerd" in chat.api.in_chat(ANNA)[-1].text
    sent = len(chat.api.messages)
    await chat.app.process_update(update)  # Telegram delivers it once more
    assert len(chat.api.messages) == sent
    assert rows(sqlite_engine, Client) == [] and rows(sqlite_engine, Sale) == []


async def test_a_reply_that_echoes_a_4096_character_message_still_fits(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Found by the fuzzer: "I can't find “…”" echoed all 4 096 typed characters plus its own
    words, and Telegram refuses a message over 4 096: the user saw nothing at all."""
    make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    anna = chat.person(ANNA, "Anna", "nl")
    typed = ("Pivo <b> & " * 400)[: 4096 - len("/client ")]
    seen = await chat.send(anna, f"/client {typed}")
    [reply] = seen.messages
    shown = telegram_html.check(reply.text)
    assert shown.startswith("„Pivo <b> & Pivo") and shown.endswith("…")


def test_cutting_a_long_message_keeps_tags_and_entities_whole() -> None:
    text = "<b>" + "&amp;" * 3000 + "</b>" + "x" * 2000
    cut = fit_html(text)
    shown = telegram_html.check(cut)
    assert len(shown) == 4096 and shown.endswith("…")
    assert cut.count("<b>") == cut.count("</b>") == 1
    emoji = "😀" * 3000  # two UTF-16 units each, as Telegram counts
    assert len(telegram_html.check(fit_html(emoji)).encode("utf-16-le")) // 2 <= 4096
    assert fit_html("<i>kort</i>") == "<i>kort</i>"
    assert html_to_text(fit_html("a" * 5000, 1024)) == "a" * 1023 + "…"


async def test_a_digest_whose_sender_died_is_sent_after_a_quick_restart(
    sqlite_engine: Engine,
) -> None:
    """Found while testing crash safety: a restart within STALE_CLAIM of a death mid-send found
    this week's claim taken, answered "already" and never looked again: the digest was lost."""
    clock = FakeClock(dt.datetime(2026, 11, 23, 9, 5, tzinfo=dt.UTC))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=ANNA)
    seed(sqlite_engine, team)
    with new_session(sqlite_engine) as session:  # the process that died had claimed it
        deliveries.claim(
            session=session, team_id=team.id or 0, iso_week="2026-W48", holder="dead", now=clock()
        )
        session.commit()
    chat = await Chat.start(sqlite_engine, clock)
    try:
        chat.group(GROUP, "Studio", creator=chat.person(ANNA, "Anna", "nl"))
        assert (await deliver(chat.app, team.id or 0)).status == "already"
        [recheck] = chat.app.job_queue.get_jobs_by_name(f"digest-recheck-{team.id}")
        assert chat.api.in_chat(GROUP) == []
        clock.advance(seconds=STALE_CLAIM.total_seconds() + 30)
        await recheck.callback(None)  # type: ignore[arg-type]  # what the JobQueue runs
        assert len([m for m in chat.api.in_chat(GROUP) if m.method == "sendMessage"]) == 1
        assert (await deliver(chat.app, team.id or 0)).status == "already"
        assert not chat.app.job_queue.get_jobs_by_name(f"digest-recheck-{team.id}")[1:]
    finally:
        await chat.stop()
    [delivery] = rows(sqlite_engine, DigestDelivery)
    assert (delivery.status, delivery.attempts) == ("sent", 2)


HUGE = str(2**64)  # no database holds it: a forged id


@pytest.mark.parametrize(
    ("asked", "forged"),
    [
        ("/add Bakkerij de Vris, organisatie", f"card:{HUGE}:1"),  # a private chat's team
        ("/add Bakkerij de Vris, organisatie", "card:{team}:" + HUGE),
        ("/add Bakkerij de Vris, organisatie", "d:{team}:similar:usex"),  # "the existing one"
        ("/add Bakkerij de Vris, organisatie", "d:{team}:similar:use" + HUGE),
        ("/sales bakkerij", "d:{team}:client:" + HUGE),  # one of the clients that match
    ],
)
async def test_forged_ids_out_of_range_are_no_longer_valid_buttons(
    chat: Chat, sqlite_engine: Engine, caplog: pytest.LogCaptureFixture, asked: str, forged: str
) -> None:
    """Found by fuzzing with mutated buttons: a forged 2**64 reached the database (OverflowError)
    and "use" + garbage reached int() (ValueError); both ended in "something went wrong"."""
    team = make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    make_client(sqlite_engine, team, "Bakkerij de Vries")
    make_client(sqlite_engine, team, "Bakkerij Jansen")
    anna = chat.person(ANNA, "Anna", "nl")
    seen = await chat.send(anna, asked)  # a question with buttons: a dialog in progress
    assert seen.last.buttons
    seen = await chat.press_data(anna, seen.last, forged.format(team=team.id))
    assert seen.messages == []
    assert chat.api.callback_answers[-1]["text"] == "Deze knop werkt niet meer."
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_one_line_command_of_only_separators_asks_step_by_step(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Found by fuzzing: "/sale ;" split into no fields at all and crashed on unpacking."""
    make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    anna = chat.person(ANNA, "Anna", "nl")
    seen = await chat.send(anna, "/sale ;")
    assert "Welke klant" in seen.text
    seen = await chat.send(anna, "/refer ; ;")
    assert seen.messages and "mis" not in seen.text


async def test_the_kind_of_a_client_cannot_be_skipped_away(
    chat: Chat, sqlite_engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    """Found by fuzzing: /edit → kind → Skip set the kind to nothing, which the database
    refuses; the user saw "something went wrong"."""
    anna, piet = chat.person(ANNA, "Anna", "nl"), chat.person(PIET, "Piet", "nl")
    chat.group(GROUP, "Studio", creator=anna, members=(piet,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=ANNA)
    make_client(sqlite_engine, team, "Bakkerij de Vries")
    await chat.send(anna, "/edit bakkerij", chat=GROUP)
    seen = await chat.press(anna, "Soort", chat=GROUP)
    assert seen.buttons == ["Particulier", "Organisatie", "Laten zoals het is"]
    seen = await chat.send(anna, "/skip", chat=GROUP)
    assert "Ongewijzigd: soort." in seen.text.splitlines()  # skip keeps it (issue 16)
    assert rows(sqlite_engine, Client)[0].kind == "organisation"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_long_segment_is_cut_to_what_the_database_holds(engine: Engine, clock) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL refuses a value longer than its column (segment: 64); the edit cut at 100."""
    team = make_team(engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    make_client(engine, team, "Bakkerij de Vries")
    chat = await Chat.start(engine, clock)
    try:
        anna = chat.person(ANNA, "Anna", "nl")
        await chat.send(anna, "/edit bakkerij")
        await chat.press(anna, "Doelgroep")
        seen = await chat.send(anna, "Ambachtelijke bakkers " * 5)
        assert "Doelgroep gewijzigd in" in seen.text
    finally:
        await chat.stop()
    assert rows(engine, Client)[0].segment == ("Ambachtelijke bakkers " * 5)[:64]
