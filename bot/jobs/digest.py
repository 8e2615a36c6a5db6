"""Sending one team's weekly digest: claimed once, sent, recorded, never lost.

`deliver` claims the team's ISO week in digest_delivery (committed before anything is sent),
freezes the week's snapshot, renders the digest and its chart, sends them, and marks the week
sent right after Telegram accepts. Failures:

- network trouble (Telegram's 429s are retried by the rate limiter first): the claim is
  released and a retry is scheduled with backoff, this week only; the retry sends only the
  parts Telegram had not accepted yet (a chart that went through is not posted twice);
- the group became a supergroup: the team follows and the digest goes to the new chat;
- the bot was removed or the chat is gone: the team is marked inactive, no retries.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from telegram import InputFile
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, TelegramError
from telegram.ext import Application, ContextTypes

from bot.jobs.digest_work import PreparedDigest, prepare_digest, worker_pool
from bot.jobs.schedule import due_this_week
from bot.kit.access import ADMIN_STATUSES
from bot.kit.runtime import Kompas
from bot.kit.turn import UNSURE, keyboard
from bot.render.digest import Digest, chart_caption
from locales import translator
from storage import callers, deliveries, schedules, teams
from storage.engine import new_session
from storage.models import MemberStatus, Role

log = logging.getLogger(__name__)

IN_FLIGHT = 8  # digests prepared at once: enough to keep Telegram's 30/s busy, memory flat
RECHECK_MARGIN = dt.timedelta(seconds=30)  # after a claim in flight may be taken over
RETRY_AFTER = (dt.timedelta(minutes=1), dt.timedelta(minutes=5), dt.timedelta(minutes=30))
GATE, POOL = "digest_gate", "digest_workers"


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
        holder = getattr(application.bot_data.get("digest_scheduler"), "holder", "manual")
        team, claimed = await kompas.db(_team_and_claim, kompas, team_id, week, holder, now)
        if team is None:
            return Outcome("skipped")
        if team.digest_enabled and claimed is None:
            await _check_back_later(application, team, now)
            return Outcome("already")
        prepared = await _in_worker(
            application, team.id, now, late=late, render=team.digest_enabled
        )
        if prepared.digest is None:
            return Outcome("snapshot" if not team.digest_enabled else "skipped")
        assert claimed is not None
        week = claimed.iso_week
        progress = Progress(kompas, team.id, week, claimed.parts_sent)
        try:
            sent = await send(application, team, prepared.digest, prepared.chart, progress)
        except ChatMigrated as moved:
            await kompas.db(_move, kompas, team.chat_id, int(moved.new_chat_id))
            refreshed = await kompas.db(_team, kompas, team_id)
            if refreshed is None:
                return Outcome("failed")
            sent = await send(application, refreshed, prepared.digest, prepared.chart, progress)
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


async def _in_worker(
    application: Application, team_id: int, now: dt.datetime, *, late: bool, render: bool
) -> PreparedDigest:
    kompas: Kompas = application.bot_data["kompas"]
    pool: ProcessPoolExecutor | None = application.bot_data.get(POOL)
    if pool is None:
        pool = application.bot_data[POOL] = worker_pool()
    url = kompas.engine.url.render_as_string(hide_password=False)
    work = functools.partial(prepare_digest, url, team_id, now, late=late, render=render)
    return await asyncio.get_running_loop().run_in_executor(pool, work)


def close_worker_pool(application: Application) -> None:
    pool: ProcessPoolExecutor | None = application.bot_data.pop(POOL, None)
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


class Progress:
    """Which of the digest's parts Telegram has accepted, kept in digest_delivery as it goes:
    slot 0 the chart, 1 the group's text, 2 onwards each admin's private copy."""

    def __init__(self, kompas: Kompas | None, team_id: int, week: str, done: int = 0) -> None:
        self.kompas, self.team_id, self.week, self.done = kompas, team_id, week, done

    def pending(self, slot: int) -> bool:
        return slot >= self.done

    async def accepted(self, slot: int) -> None:
        self.done = slot + 1
        if self.kompas is not None:
            await self.kompas.db(_part_sent, self.kompas, self.team_id, self.week, self.done)


async def send(
    application: Application,
    team: callers.TeamView,
    digest: Digest,
    chart: bytes | None,
    progress: Progress | None = None,
) -> int:
    """The chart with a short caption, then the digest with its buttons; money privately to
    admins when the team asked for that. Parts accepted in an earlier attempt are skipped.
    Returns how many messages Telegram accepted this time."""
    bot = application.bot
    progress = progress or Progress(None, team.id, "")
    count = 0
    if chart is not None and progress.pending(CHART):
        t = translator(team.locale, solo=team.is_personal)
        await bot.send_photo(
            team.chat_id,
            InputFile(chart, filename="kompas.png"),
            caption=chart_caption(t),
        )
        count += 1
        await progress.accepted(CHART)
    if progress.pending(TEXT):
        await bot.send_message(
            team.chat_id, digest.group_text, reply_markup=keyboard(digest.buttons)
        )
        count += 1
        await progress.accepted(TEXT)
    if digest.admin_text is not None:
        kompas: Kompas = application.bot_data["kompas"]
        admins = sorted(await kompas.db(_admins, kompas, team.id))
        for slot, admin in enumerate(admins, start=ADMIN_COPIES):
            if not progress.pending(slot):
                continue
            if not await _admin_now(application, team, admin):
                await progress.accepted(slot)  # demoted or gone: the figures are not theirs
                continue
            try:
                await bot.send_message(admin, digest.admin_text)
                count += 1
            except (Forbidden, BadRequest):
                log.info("an admin has not started a private chat with the bot")
            await progress.accepted(slot)
    return count


CHART, TEXT, ADMIN_COPIES = 0, 1, 2


async def _admin_now(application: Application, team: callers.TeamView, user_id: int) -> bool:
    """Whether Telegram says, right now, that `user_id` is an admin of the team's group: a
    stored role may be out of date (demoted, left) when the bot heard nothing of it. Telegram
    out of reach raises, so the retry sends the copies still due."""
    if team.is_personal:
        return user_id == team.chat_id
    kompas: Kompas = application.bot_data["kompas"]
    status = await kompas.chat_members.status(
        application.bot, team.chat_id, user_id, now=kompas.clock(), live=True, unsure=UNSURE
    )
    if status == UNSURE:
        raise NetworkError("Telegram could not say who the group's admins are")
    return status in ADMIN_STATUSES


async def _check_back_later(
    application: Application, team: callers.TeamView, now: dt.datetime
) -> None:
    """Another claim holds this week's digest. If it is still being sent, look again once it
    can be taken over: its holder may have died mid-send (a restart within STALE_CLAIM would
    otherwise find the claim taken and never send the digest at all)."""
    kompas: Kompas = application.bot_data["kompas"]
    schedule = schedules.schedule_of(team)
    week, _ = due_this_week(schedule, now)
    expires = await kompas.db(_claim_expires, kompas, team.id, week)
    name = f"digest-recheck-{team.id}"
    if expires is None or application.job_queue.get_jobs_by_name(name):
        return

    async def recheck(_: ContextTypes.DEFAULT_TYPE) -> None:
        await deliver(application, team.id, week=week, late=True)

    wait = max(expires - now, dt.timedelta(0)) + RECHECK_MARGIN
    application.job_queue.run_once(recheck, when=wait, name=name)


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


def _team_and_claim(
    kompas: Kompas, team_id: int, week: str | None, holder: str, now: dt.datetime
) -> tuple[callers.TeamView | None, deliveries.Claim | None]:
    """The team as it is now and, when its digest is on, this week's claim: one transaction,
    committed before anything is sent. A week other than this one is never claimed."""
    with new_session(kompas.engine) as session:
        team = callers.team_view(session=session, team_id=team_id)
        if team is None or not team.active or not team.onboarded:
            return None, None
        schedule = schedules.schedule_of(team)
        this_week, _ = due_this_week(schedule, now)
        if week not in (None, this_week):
            return None, None  # a digest of a week long past is news nobody needs
        claim = None
        if team.digest_enabled:
            claim = deliveries.claim(
                session=session, team_id=team.id, iso_week=this_week, holder=holder, now=now
            )
            session.commit()
        return team, claim


def _claim_expires(kompas: Kompas, team_id: int, week: str) -> dt.datetime | None:
    with new_session(kompas.engine) as session:
        return deliveries.claim_expires(session=session, team_id=team_id, iso_week=week)


def _sent(kompas: Kompas, team_id: int, week: str, now: dt.datetime) -> None:
    with new_session(kompas.engine) as session:
        deliveries.mark_sent(session=session, team_id=team_id, iso_week=week, now=now)
        session.commit()


def _part_sent(kompas: Kompas, team_id: int, week: str, parts_sent: int) -> None:
    with new_session(kompas.engine) as session:
        deliveries.mark_part_sent(
            session=session, team_id=team_id, iso_week=week, parts_sent=parts_sent
        )
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
