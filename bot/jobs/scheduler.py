"""One instance schedules the weekly digests; every instance serves updates.

The scheduling instance holds the `digest` lease (storage/lease.py), renewed every TICK. While
it holds it, it keeps one cron job per active team in python-telegram-bot's JobQueue (stable
ids `digest-<team>`), re-read from the database on every tick, so a /settings change made on
any instance reaches it within a tick (and at once on its own instance). When the holder dies
its lease expires and another instance takes over within LEASE_TTL + TICK, catching up on any
digest that fell due meanwhile.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import uuid
from dataclasses import dataclass, field

from telegram.ext import Application, ContextTypes

from bot.jobs.digest import deliver, scheduled_digest
from bot.jobs.schedule import due_this_week, trigger
from bot.kit.runtime import Kompas
from storage import lease, schedules
from storage.engine import new_session
from storage.schedules import TeamSchedule

log = logging.getLogger(__name__)

LEASE_NAME = "digest"
LEASE_TTL = dt.timedelta(seconds=45)
TICK = dt.timedelta(seconds=15)
# A digest later than this is sent by the catch-up, with a note that it is late.
MISFIRE_GRACE = dt.timedelta(hours=1)
SCHEDULER = "digest_scheduler"


@dataclass
class DigestScheduler:
    holder: str = field(default_factory=lambda: f"{os.getpid()}-{uuid.uuid4().hex[:10]}")
    leader: bool = False
    scheduled: dict[int, TeamSchedule] = field(default_factory=dict)


def scheduler_of(application: Application) -> DigestScheduler:
    return application.bot_data.setdefault(SCHEDULER, DigestScheduler())


def job_id(team_id: int) -> str:
    return f"digest-{team_id}"


def start(application: Application) -> None:
    """Called from post_init: tick at once, then every TICK."""
    scheduler_of(application)
    application.job_queue.run_repeating(tick, interval=TICK, first=0, name="digest-lease")


async def tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    await hold_and_reconcile(context.application)


async def hold_and_reconcile(application: Application) -> None:
    """Renew (or take) the lease; the holder keeps jobs in step with the database."""
    kompas: Kompas = application.bot_data["kompas"]
    scheduler = scheduler_of(application)
    now = kompas.clock()

    def hold() -> tuple[bool, list[TeamSchedule]]:
        with new_session(kompas.engine) as session:
            held = lease.hold(
                session=session, name=LEASE_NAME, holder=scheduler.holder, now=now, ttl=LEASE_TTL
            )
            session.commit()
            return held, (schedules.active_schedules(session=session) if held else [])

    held, current = await kompas.db(hold)
    became_leader = held and not scheduler.leader
    scheduler.leader = held
    if not held:
        _unschedule_all(application, scheduler)
        return
    _reconcile(application, scheduler, current)
    if became_leader:
        log.info("this instance now schedules the weekly digests")
        await catch_up(application, current, now)


async def schedule_changed(application: Application, team_id: int) -> None:
    """A team's digest day, time, zone or on/off changed here: reschedule it now."""
    scheduler = scheduler_of(application)
    if not scheduler.leader:
        return  # the scheduling instance re-reads it within a tick
    kompas: Kompas = application.bot_data["kompas"]

    def read() -> TeamSchedule | None:
        with new_session(kompas.engine) as session:
            return schedules.team_schedule(session=session, team_id=team_id)

    current = await kompas.db(read)
    if current is None:
        _unschedule(application, scheduler, team_id)
    else:
        _schedule(application, scheduler, current)


async def release(application: Application) -> None:
    """At shutdown: let another instance take over at once."""
    scheduler = scheduler_of(application)
    if not scheduler.leader:
        return
    kompas: Kompas = application.bot_data["kompas"]

    def let_go() -> None:
        with new_session(kompas.engine) as session:
            lease.release(session=session, name=LEASE_NAME, holder=scheduler.holder)
            session.commit()

    await kompas.db(let_go)
    scheduler.leader = False


def _reconcile(
    application: Application, scheduler: DigestScheduler, current: list[TeamSchedule]
) -> None:
    wanted = {s.team_id: s for s in current}
    for team_id in set(scheduler.scheduled) - set(wanted):
        _unschedule(application, scheduler, team_id)
    for schedule in wanted.values():
        if scheduler.scheduled.get(schedule.team_id) != schedule:
            _schedule(application, scheduler, schedule)


def _schedule(application: Application, scheduler: DigestScheduler, schedule: TeamSchedule) -> None:
    application.job_queue.run_custom(
        scheduled_digest,
        job_kwargs={
            "trigger": trigger(schedule),
            "id": job_id(schedule.team_id),
            "replace_existing": True,
            "misfire_grace_time": int(MISFIRE_GRACE.total_seconds()),
            "coalesce": True,
        },
        data=schedule.team_id,
        name=job_id(schedule.team_id),
    )
    scheduler.scheduled[schedule.team_id] = schedule


def _unschedule(application: Application, scheduler: DigestScheduler, team_id: int) -> None:
    for job in application.job_queue.get_jobs_by_name(job_id(team_id)):
        job.schedule_removal()
    scheduler.scheduled.pop(team_id, None)


def _unschedule_all(application: Application, scheduler: DigestScheduler) -> None:
    for team_id in list(scheduler.scheduled):
        _unschedule(application, scheduler, team_id)


async def catch_up(application: Application, current: list[TeamSchedule], now: dt.datetime) -> None:
    """Digests that fell due this week while no instance was scheduling go out now, late.

    Only this week's: a digest of a week long past would be news nobody needs. A team set up
    after this week's hour missed nothing: its first digest comes next week, on time.
    """
    for schedule in current:
        week, due = due_this_week(schedule, now)
        if due <= now and (schedule.since is None or schedule.since <= due):
            await deliver(application, schedule.team_id, week=week, late=now - due > MISFIRE_GRACE)
