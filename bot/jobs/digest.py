"""Sending one team's weekly digest: claimed once, sent, recorded, never lost.

`deliver` claims the team's ISO week in digest_delivery (committed before anything is sent),
freezes the week's snapshot, renders the digest and its chart, sends them, and marks the week
sent right after Telegram accepts. Failures:

- network trouble (Telegram's 429s are retried by the rate limiter first): the claim is
  released and a retry is scheduled with backoff, this week only;
- the group became a supergroup: the team follows and the digest goes to the new chat;
- the bot was removed or the chat is gone: the team is marked inactive, no retries.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from telegram import InputFile
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, TelegramError
from telegram.ext import Application, ContextTypes

from bot.jobs.schedule import due_this_week
from bot.render.digest import Digest, chart_inputs, chart_labels, render_digest
from bot.runtime import Kompas
from bot.turn import keyboard
from locales import translator
from storage import callers, deliveries, schedules, teams
from storage.analysis import weekly_snapshot
from storage.engine import new_session
from storage.models import MemberStatus, Role

log = logging.getLogger(__name__)

IN_FLIGHT = 8  # digests prepared at once: enough to keep Telegram's 30/s busy, memory flat
RETRY_AFTER = (dt.timedelta(minutes=1), dt.timedelta(minutes=5), dt.timedelta(minutes=30))
GATE, POOL = "digest_gate", "chart_pool"


@dataclass(frozen=True)
class Outcome:
    """What happened to one team's digest this time."""

    status: str  # sent, already, snapshot, failed, inactive, skipped
    messages: int = 0


async def scheduled_digest(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The cron job's callback: this week's digest for the job's team."""
    team_id = int(context.job.data)  # type: ignore[union-attr, arg-type]
    await deliver(context.application, team_id)


async def deliver(
    application: Application, team_id: int, *, week: str | None = None, late: bool = False
) -> Outcome:
    """Claim, prepare, send and record the team's digest for this week (or its snapshot)."""
    kompas: Kompas = application.bot_data["kompas"]
    gate: asyncio.Semaphore = application.bot_data.setdefault(GATE, asyncio.Semaphore(IN_FLIGHT))
    async with gate:
        now = kompas.clock()
        team = await kompas.db(_team, kompas, team_id)
        if team is None:
            return Outcome("skipped")
        schedule = schedules.TeamSchedule(
            team.id, team.digest_weekday, team.digest_minute, team.timezone, team.digest_enabled
        )
        this_week, _ = due_this_week(schedule, now)
        week = week or this_week
        if week != this_week:
            return Outcome("skipped")  # a digest of a week long past is news nobody needs
        holder = application.bot_data.get("digest_scheduler")
        if team.digest_enabled:
            claim = await kompas.db(
                _claim, kompas, team.id, week, getattr(holder, "holder", "manual"), now
            )
            if claim is None:
                return Outcome("already")
        if not team.digest_enabled:
            await freeze_week(application, team, now)
            return Outcome("snapshot")
        digest, chart = await prepare(application, team, now, late=late)
        try:
            sent = await send(application, team, digest, chart)
        except ChatMigrated as moved:
            await kompas.db(_move, kompas, team.chat_id, int(moved.new_chat_id))
            refreshed = await kompas.db(_team, kompas, team_id)
            if refreshed is None:
                return Outcome("failed")
            sent = await send(application, refreshed, digest, chart)
        except (Forbidden, BadRequest) as error:
            log.warning(
                "digest for team %s not delivered (%s): team marked inactive",
                team.id,
                type(error).__name__,
            )
            await kompas.db(_gone, kompas, team.chat_id, team.id, week)
            return Outcome("inactive")
        except (NetworkError, TelegramError) as error:
            log.warning("digest for team %s failed (%s); will retry", team.id, type(error).__name__)
            await kompas.db(_release, kompas, team.id, week)
            _retry_later(application, team.id, week)
            return Outcome("failed")
        await kompas.db(_sent, kompas, team.id, week, kompas.clock())
        return Outcome("sent", sent)


async def prepare(
    application: Application, team: callers.TeamView, now: dt.datetime, *, late: bool
) -> tuple[Digest, bytes | None]:
    """Freeze the week (snapshot) and render the digest and its chart."""
    analysed, changes = await freeze_week(application, team, now)
    t = translator(team.locale)
    week_number = now.astimezone(schedule_zone(team)).isocalendar()[1]
    label = str(t._("week {week}", week=week_number))
    analysis = analysed.analysis
    digest = render_digest(t, team, analysis, changes, week_label=label, late=late)
    shares, over = chart_inputs(analysis)
    chart = None
    if len(shares):
        chart = await render_chart(
            application,
            shares,
            over,
            team.concentration_threshold,
            analysis.concentration.top20_count,
            chart_labels(t, analysis, team.concentration_threshold),
        )
    return digest, chart


async def freeze_week(application: Application, team: callers.TeamView, now: dt.datetime) -> Any:
    """The week's snapshot, for every active team whether its digest is on or off."""
    kompas: Kompas = application.bot_data["kompas"]
    today = now.astimezone(schedule_zone(team)).date()

    def snapshot() -> Any:
        with new_session(kompas.engine) as session:
            result = weekly_snapshot(session=session, team=team, today=today, now=now)
            session.commit()
            return result

    # Scoring a team is CPU work: keep it off the event loop whatever the database.
    return await asyncio.to_thread(snapshot)


async def render_chart(application: Application, *args: Any) -> bytes:
    """Charts are drawn in worker processes: a thousand teams' Monday needs both cores."""
    from bot.render.chart import pareto_png

    pool: ProcessPoolExecutor | None = application.bot_data.get(POOL)
    if pool is None:
        pool = application.bot_data[POOL] = ProcessPoolExecutor()
    return await asyncio.get_running_loop().run_in_executor(pool, pareto_png, *args)


def close_chart_pool(application: Application) -> None:
    pool: ProcessPoolExecutor | None = application.bot_data.pop(POOL, None)
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


async def send(
    application: Application, team: callers.TeamView, digest: Digest, chart: bytes | None
) -> int:
    """The chart with a short caption, then the digest with its buttons; money privately to
    admins when the team asked for that. Returns how many messages Telegram accepted."""
    bot = application.bot
    count = 0
    if chart is not None:
        t = translator(team.locale)
        await bot.send_photo(
            team.chat_id,
            InputFile(chart, filename="kompas.png"),
            caption=str(t._("Revenue by client: who your business rests on.")),
        )
        count += 1
    await bot.send_message(team.chat_id, digest.group_text, reply_markup=keyboard(digest.buttons))
    count += 1
    if digest.admin_text is not None:
        kompas: Kompas = application.bot_data["kompas"]
        for admin in await kompas.db(_admins, kompas, team.id):
            try:
                await bot.send_message(admin, digest.admin_text)
                count += 1
            except (Forbidden, BadRequest):
                log.info("an admin has not started a private chat with the bot")
    return count


def schedule_zone(team: callers.TeamView) -> dt.tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo(team.timezone)


def _retry_later(application: Application, team_id: int, week: str) -> None:
    attempts = application.bot_data.setdefault("digest_retries", {})
    attempt = attempts.get((team_id, week), 0)
    if attempt >= len(RETRY_AFTER):
        log.error("digest for team %s gave up for %s after %s retries", team_id, week, attempt)
        return
    attempts[(team_id, week)] = attempt + 1

    async def retry(_: ContextTypes.DEFAULT_TYPE) -> None:
        await deliver(application, team_id, week=week, late=True)

    application.job_queue.run_once(retry, when=RETRY_AFTER[attempt], name=f"digest-retry-{team_id}")


# Database steps, each its own short transaction ------------------------------------------


def _team(kompas: Kompas, team_id: int) -> callers.TeamView | None:
    with new_session(kompas.engine) as session:
        team = callers.team_view(session=session, team_id=team_id)
    return team if team is not None and team.active and team.onboarded else None


def _claim(
    kompas: Kompas, team_id: int, week: str, holder: str, now: dt.datetime
) -> deliveries.Claim | None:
    with new_session(kompas.engine) as session:
        claim = deliveries.claim(
            session=session, team_id=team_id, iso_week=week, holder=holder, now=now
        )
        session.commit()
        return claim


def _sent(kompas: Kompas, team_id: int, week: str, now: dt.datetime) -> None:
    with new_session(kompas.engine) as session:
        deliveries.mark_sent(session=session, team_id=team_id, iso_week=week, now=now)
        session.commit()


def _release(kompas: Kompas, team_id: int, week: str) -> None:
    with new_session(kompas.engine) as session:
        deliveries.mark_failed(session=session, team_id=team_id, iso_week=week)
        session.commit()


def _gone(kompas: Kompas, chat_id: int, team_id: int, week: str) -> None:
    with new_session(kompas.engine) as session:
        deliveries.mark_failed(session=session, team_id=team_id, iso_week=week)
        teams.set_team_active(session=session, chat_id=chat_id, active=False)
        session.commit()


def _move(kompas: Kompas, old_chat_id: int, new_chat_id: int) -> None:
    with new_session(kompas.engine) as session:
        teams.move_team_chat(session=session, old_chat_id=old_chat_id, new_chat_id=new_chat_id)
        session.commit()


def _admins(kompas: Kompas, team_id: int) -> list[int]:
    with new_session(kompas.engine) as session:
        return [
            m.user_id
            for m in teams.members(session=session, team_id=team_id)
            if m.role in (Role.OWNER, Role.ADMIN) and m.status == MemberStatus.ACTIVE
        ]
