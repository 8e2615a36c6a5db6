"""When a team's digest is due: its weekday and local time in its own time zone.

Pure functions of the team's settings and `now`, so tests can move the clock across a
daylight-saving change. The ISO week a digest belongs to is the week of its local date.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from storage.analysis import iso_week
from storage.schedules import TeamSchedule

# APScheduler's cron counts 0 = Monday, like our settings; PTB's run_daily counts 0 = Sunday.
# Names leave no doubt.
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def trigger(schedule: TeamSchedule) -> CronTrigger:
    """A cron trigger on the team's weekday and local time; DST keeps the local hour."""
    hour, minute = divmod(schedule.minute, 60)
    return CronTrigger(
        day_of_week=DAY_NAMES[schedule.weekday],
        hour=hour,
        minute=minute,
        timezone=ZoneInfo(schedule.timezone),
    )


def due_this_week(schedule: TeamSchedule, now: dt.datetime) -> tuple[str, dt.datetime]:
    """This local week's digest: its ISO week and when it is (or was) due, timezone-aware."""
    zone = ZoneInfo(schedule.timezone)
    local_today = now.astimezone(zone).date()
    monday = local_today - dt.timedelta(days=local_today.weekday())
    day = monday + dt.timedelta(days=schedule.weekday)
    hour, minute = divmod(schedule.minute, 60)
    due = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)
    return iso_week(day), _existing(due)


def _existing(local: dt.datetime) -> dt.datetime:
    """A wall time that DST skips (02:30 on the spring change) moves to the first real minute."""
    zone = local.tzinfo
    assert zone is not None
    round_trip = local.astimezone(dt.UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != local.replace(tzinfo=None):
        return round_trip
    return local
