"""The weekly digest: on time in the team's own zone, once per week, never lost."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from sqlalchemy import Engine

from bot.jobs import scheduler
from bot.jobs.digest import deliver
from bot.jobs.schedule import due_this_week, trigger
from bot.transports.local_bot_api import Failure
from storage import demo
from storage.engine import new_session
from storage.models import DigestDelivery, ScoreSnapshot, Team
from storage.schedules import TeamSchedule
from tests.chat import Chat
from tests.conftest import FakeClock
from tests.factories import NOW, make_client, make_sale, make_team, rows

GROUP = -800
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def seeded_group_team(engine: Engine, locale: str = "nl", **settings) -> Team:  # type: ignore[no-untyped-def]
    """A group team with the demo's clients, set up a month ago."""
    settings.setdefault("created_at", NOW - dt.timedelta(days=30))
    team = make_team(
        engine,
        chat_id=GROUP,
        owner_id=21,
        locale=locale,
        currency="EUR" if locale == "nl" else "RUB",
        **settings,
    )
    with new_session(engine) as session:
        demo.seed_demo(session=session, team=team, today=NOW.date(), now=NOW)
        session.commit()
    return team


def group_chat(chat: Chat) -> None:
    owner = chat.person(21, "Olga", "nl")
    chat.group(GROUP, "Studio", creator=owner)


def test_trigger_keeps_the_local_hour_across_daylight_saving() -> None:
    monday_nine = TeamSchedule(1, 0, 9 * 60, "Europe/Amsterdam", True)
    cron = trigger(monday_nine)
    before_spring = dt.datetime(2026, 3, 24, 12, 0, tzinfo=dt.UTC)  # Tuesday, winter time
    spring = cron.get_next_fire_time(None, before_spring)
    assert spring.astimezone(AMSTERDAM).replace(tzinfo=None) == dt.datetime(2026, 3, 30, 9, 0)
    assert spring.astimezone(dt.UTC).hour == 7  # summer time: UTC+2
    before_autumn = dt.datetime(2026, 10, 20, 12, 0, tzinfo=dt.UTC)
    autumn = cron.get_next_fire_time(None, before_autumn)
    assert autumn.astimezone(AMSTERDAM).replace(tzinfo=None) == dt.datetime(2026, 10, 26, 9, 0)
    assert autumn.astimezone(dt.UTC).hour == 8  # winter time again: UTC+1


def test_weekday_numbering_is_monday_first() -> None:
    friday_five = TeamSchedule(1, 4, 17 * 60, "Europe/Moscow", True)
    fire = trigger(friday_five).get_next_fire_time(None, dt.datetime(2026, 11, 23, tzinfo=dt.UTC))
    local = fire.astimezone(ZoneInfo("Europe/Moscow"))
    assert (local.strftime("%A"), local.hour) == ("Friday", 17)


def test_due_this_week_in_the_teams_zone() -> None:
    schedule = TeamSchedule(1, 0, 9 * 60, "Europe/Moscow", True)
    week, due = due_this_week(schedule, dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC))
    assert week == "2026-W48"
    assert due == dt.datetime(2026, 11, 23, 6, 0, tzinfo=dt.UTC)


async def test_digest_is_sent_once_with_a_chart(chat: Chat, sqlite_engine: Engine) -> None:
    group_chat(chat)
    team = seeded_group_team(sqlite_engine)
    first = await deliver(chat.app, team.id or 0)
    assert (first.status, first.messages) == ("sent", 2)
    photo, text = chat.api.in_chat(GROUP)[-2:]
    assert photo.method == "sendPhoto" and photo.photo[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(photo.photo))
    assert image.format == "PNG" and image.size[0] >= 600 and 10_000 < len(photo.photo) < 300_000
    assert "Kompas · 17–23 november" in text.text and "Boven de grens" not in text.text
    assert "Hotel De Linde is nu" in text.text or "Hotel De Linde" in text.text
    assert len(text.text) <= 4096 and len(text.buttons[0]) <= 3
    again = await deliver(chat.app, team.id or 0)
    assert again.status == "already"
    assert len(chat.api.in_chat(GROUP)) == 2
    [delivery] = rows(sqlite_engine, DigestDelivery)
    assert (delivery.status, delivery.iso_week) == ("sent", "2026-W48")
    assert rows(sqlite_engine, ScoreSnapshot)  # the week is frozen for the cards


async def test_a_restart_after_the_hour_sends_one_late_digest(sqlite_engine: Engine) -> None:
    clock = FakeClock(dt.datetime(2026, 11, 23, 10, 30, tzinfo=AMSTERDAM))  # due at 09:00
    team = seeded_group_team(sqlite_engine)
    for attempt in range(2):  # the bot starts, and starts again
        chat = await Chat.start(sqlite_engine, clock, first_update_id=1000 * (attempt + 1))
        group_chat(chat)
        await scheduler.hold_and_reconcile(chat.app)
        if attempt == 0:
            [_chart, text] = chat.api.in_chat(GROUP)
            assert "een beetje laat" in text.text.lower() or "laat" in text.text
        else:
            assert chat.api.in_chat(GROUP) == []
        await chat.stop()
        clock.advance(minutes=1)
    assert [d.status for d in rows(sqlite_engine, DigestDelivery)] == ["sent"]
    assert team.id is not None


async def test_a_team_set_up_after_the_hour_gets_no_late_digest(sqlite_engine: Engine) -> None:
    clock = FakeClock(dt.datetime(2026, 11, 23, 10, 30, tzinfo=AMSTERDAM))  # due at 09:00
    seeded_group_team(sqlite_engine, created_at=dt.datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM))
    chat = await Chat.start(sqlite_engine, clock)
    group_chat(chat)
    await scheduler.hold_and_reconcile(chat.app)
    assert chat.api.in_chat(GROUP) == []
    assert rows(sqlite_engine, DigestDelivery) == []
    await chat.stop()


async def test_not_due_yet_sends_nothing(sqlite_engine: Engine) -> None:
    clock = FakeClock(dt.datetime(2026, 11, 23, 8, 59, tzinfo=AMSTERDAM))
    seeded_group_team(sqlite_engine)
    chat = await Chat.start(sqlite_engine, clock)
    group_chat(chat)
    await scheduler.hold_and_reconcile(chat.app)
    assert chat.api.in_chat(GROUP) == []
    jobs = chat.app.job_queue.get_jobs_by_name(scheduler.job_id(1))
    assert len(jobs) == 1
    await chat.stop()


async def test_bot_removed_from_the_group_marks_the_team_inactive(
    chat: Chat, sqlite_engine: Engine
) -> None:
    group_chat(chat)
    team = seeded_group_team(sqlite_engine)
    chat.api.fail(Failure("sendPhoto", 403, "Forbidden: bot was kicked from the group chat"))
    outcome = await deliver(chat.app, team.id or 0)
    assert outcome.status == "inactive"
    [stored] = rows(sqlite_engine, Team)
    assert stored.active is False
    assert not chat.app.job_queue.get_jobs_by_name(f"digest-retry-{team.id}")
    assert (await deliver(chat.app, team.id or 0)).status == "skipped"


async def test_network_trouble_leaves_the_digest_claimable(
    chat: Chat, sqlite_engine: Engine
) -> None:
    group_chat(chat)
    team = seeded_group_team(sqlite_engine)
    chat.api.fail(Failure("sendMessage", 502, "Bad Gateway"))
    failed = await deliver(chat.app, team.id or 0)
    assert failed.status == "failed"
    assert [d.status for d in rows(sqlite_engine, DigestDelivery)] == ["failed"]
    assert chat.app.job_queue.get_jobs_by_name(f"digest-retry-{team.id}")
    retried = await deliver(chat.app, team.id or 0, late=True)
    assert retried.status == "sent"
    assert [d.status for d in rows(sqlite_engine, DigestDelivery)] == ["sent"]


async def test_migrated_group_gets_the_digest_in_the_new_chat(
    chat: Chat, sqlite_engine: Engine
) -> None:
    group_chat(chat)
    team = seeded_group_team(sqlite_engine)
    chat.api.add_group(-100777, "Studio", supergroup=True)
    chat.api.fail(
        Failure(
            "sendPhoto",
            400,
            "Bad Request: group chat was upgraded to a supergroup chat",
            {"migrate_to_chat_id": -100777},
        )
    )
    outcome = await deliver(chat.app, team.id or 0)
    assert outcome.status == "sent"
    assert len(chat.api.in_chat(-100777)) == 2
    [stored] = rows(sqlite_engine, Team)
    assert stored.chat_id == -100777


async def test_digest_off_still_freezes_the_week(chat: Chat, sqlite_engine: Engine) -> None:
    group_chat(chat)
    team = seeded_group_team(sqlite_engine, digest_enabled=False)
    outcome = await deliver(chat.app, team.id or 0)
    assert outcome.status == "snapshot"
    assert chat.api.in_chat(GROUP) == []
    assert rows(sqlite_engine, ScoreSnapshot)


async def test_money_goes_to_admins_privately_when_asked(chat: Chat, sqlite_engine: Engine) -> None:
    group_chat(chat)
    team = seeded_group_team(sqlite_engine, sensitive_to_admins=True)
    await deliver(chat.app, team.id or 0)
    group_text = chat.api.in_chat(GROUP)[-1].text
    private = chat.api.in_chat(21)
    assert "€" not in group_text
    assert private and "€" in private[-1].text
    # Shares of revenue are money too (the attacker reader saw "… is nu 35% van je omzet."
    # and the revenue chart in the group while members' cards hid the share).
    assert "omzet" not in group_text and "%" not in group_text, group_text
    # …yet the group still hears what happened (the checker reader got the title alone).
    assert len(group_text.splitlines()) > 2, group_text
    assert not [m for m in chat.api.in_chat(GROUP) if m.photo], "a revenue chart in the group"


async def test_the_scheduler_lease_moves_when_its_holder_dies(sqlite_engine: Engine) -> None:
    clock = FakeClock(dt.datetime(2026, 11, 23, 7, 0, tzinfo=AMSTERDAM))
    seeded_group_team(sqlite_engine)
    first = await Chat.start(sqlite_engine, clock)
    second = await Chat.start(sqlite_engine, clock, first_update_id=5000)
    await scheduler.hold_and_reconcile(first.app)
    await scheduler.hold_and_reconcile(second.app)
    assert scheduler.scheduler_of(first.app).leader
    assert not scheduler.scheduler_of(second.app).leader
    clock.advance(seconds=30)  # the first instance dies: it stops renewing
    await scheduler.hold_and_reconcile(second.app)
    assert not scheduler.scheduler_of(second.app).leader
    clock.advance(seconds=30)  # within a minute the lease has expired
    await scheduler.hold_and_reconcile(second.app)
    assert scheduler.scheduler_of(second.app).leader
    assert second.app.job_queue.get_jobs_by_name(scheduler.job_id(1))
    await second.stop()
    await first.app.shutdown()


@pytest.mark.postgres
async def test_two_instances_on_postgresql_send_exactly_one(postgres_engine: Engine, clock) -> None:  # type: ignore[no-untyped-def]
    from storage.engine import make_engine
    from tests.conftest import _truncate

    _truncate(postgres_engine)
    team = seeded_group_team(postgres_engine)
    other_engine = make_engine(postgres_engine.url.render_as_string(hide_password=False))
    first = await Chat.start(postgres_engine, clock)
    second = await Chat.start(other_engine, clock, first_update_id=5000)
    for instance in (first, second):
        group_chat(instance)
    outcomes = await asyncio.gather(
        deliver(first.app, team.id or 0), deliver(second.app, team.id or 0)
    )
    assert sorted(o.status for o in outcomes) == ["already", "sent"]
    sent = len(first.api.in_chat(GROUP)) + len(second.api.in_chat(GROUP))
    assert sent == 2  # one photo and one text, from one instance
    await first.stop()
    await second.stop()
    other_engine.dispose()
    _truncate(postgres_engine)


async def test_digest_command_shows_this_weeks_digest_to_admins(
    chat: Chat, sqlite_engine: Engine
) -> None:
    group_chat(chat)
    seeded_group_team(sqlite_engine)
    owner = chat.person(21, "Olga", "nl")
    seen = await chat.send(owner, "/digest", chat=GROUP)
    assert seen.messages[0].method == "sendPhoto"
    assert "Kompas · 17–23 november" in seen.text
    seen = await chat.send(owner, "/digest off", chat=GROUP)
    assert "staat uit" in seen.text
    assert rows(sqlite_engine, Team)[0].digest_enabled is False
    seen = await chat.send(owner, "/digest on", chat=GROUP)
    assert "maandag" in seen.text.lower()


async def test_a_small_team_keeping_money_private_still_hears_its_week(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """Found by the checker reader: with money for admins and too few clients for alarms, the
    group digest was its title alone although the week had sales; and where it spoke, it said
    "X is nu 36% van je omzet" in the group."""
    group_chat(chat)
    team = make_team(
        sqlite_engine,
        chat_id=GROUP,
        owner_id=21,
        sensitive_to_admins=True,
        created_at=NOW - dt.timedelta(days=30),
    )
    for name, amount in (("Hotel De Linde", 2_000_000), ("Bakkerij", 50_000), ("Kapper", 40_000)):
        client = make_client(sqlite_engine, team, name)
        make_sale(sqlite_engine, team, client, amount, sold_on=NOW.date() - dt.timedelta(days=2))
    await deliver(chat.app, team.id or 0)
    group_text = chat.api.in_chat(GROUP)[-1].text
    assert "3 verkopen" in group_text, group_text
    assert "omzet" not in group_text and "%" not in group_text, group_text
    # The admins' own copy says what the week's sales came to, by hand € 20.000 + € 500 +
    # € 400 (the Dutch reader's admin digest had every money figure but that one).
    private = chat.api.in_chat(21)
    assert private and "3 verkopen (samen € 20.900)" in private[-1].text.replace("\xa0", " ")
