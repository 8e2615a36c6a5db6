"""A team's analysis as the chat, the digest and `kompas report` show it: one service for all.

Loads the team (storage.frames), takes the references frozen for this week and last week's
grades (storage.snapshots), and runs the pure scoring (scoring.analyse).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from scoring import TeamAnalysis, TeamFrames, analyse
from scoring.arrays import net_of_vat
from scoring.references import References
from scoring.snapshots import FLAGS, WEEK_DAYS, WeekChanges, compare_weeks, snapshot_rows
from storage.callers import TeamView, team_view
from storage.frames import load_profiles, load_team, scoring_settings
from storage.models import Client, Event, Sale
from storage.models.base import utcnow
from storage.snapshots import (
    freeze_references,
    latest_snapshot,
    previous_grades,
    references_for_week,
    save_snapshot,
)
from storage.teams import touch_team


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True, eq=False)
class AnalysedTeam:
    """The team's frames and their analysis: /check compares a prospect with the frames."""

    frames: TeamFrames
    analysis: TeamAnalysis


def team_analysis(*, session: Session, team: TeamView, today: dt.date) -> AnalysedTeam:
    """Score the team as of `today` (its local date) against this week's frozen references.

    With none frozen yet (before a team's first digest), the first scoring measures them and
    freezes them for the week: a client who did nothing keeps their grade when another client
    is added (DESIGN, Score semantics). References that rest on too few clients to stand for
    the team (`References.representative`: one client's first sale, say) are neither frozen
    nor used: the team's typical client is measured afresh until it has enough clients."""
    week = iso_week(today)
    frozen = references_for_week(session=session, team_id=team.id, week=week)
    if frozen is not None and not frozen.representative:
        frozen = None
    analysed = _analysed_week(session=session, team=team, today=today, references=frozen)
    if frozen is None and analysed.analysis.references.representative:
        freeze_references(
            session=session,
            team_id=team.id,
            week=week,
            references=analysed.analysis.references,
            now=utcnow(),
        )
    return analysed


def _analysed_week(
    *, session: Session, team: TeamView, today: dt.date, references: References | None
) -> AnalysedTeam:
    """The team loaded as of `today` and scored against `references` (None: measured afresh),
    with last saved week's grades to compare against."""
    frames = load_team(
        session=session,
        team_id=team.id,
        today=today,
        window_days=team.scoring_window_days,
        timezone=team.timezone,
    )
    analysis = analyse(
        frames,
        scoring_settings(team, today=today),
        profiles=load_profiles(session=session, team_id=team.id),
        references=references,
        previous_grades=previous_grades(
            session=session,
            team_id=team.id,
            before_week=iso_week(today),
            grade_scale=team.grade_scale,
        ),
    )
    return AnalysedTeam(frames, analysis)


def changed_team_analysis(
    *, session: Session, team_id: int, today: dt.date
) -> tuple[TeamView, AnalysedTeam]:
    """The team as this session sees it, its own uncommitted changes included, and its analysis:
    once committed, the analysis belongs to exactly that team row (its data version)."""
    team = team_view(session=session, team_id=team_id)
    assert team is not None  # the update's own team: it exists while its transaction is open
    return team, team_analysis(session=session, team=team, today=today)


def weekly_snapshot(
    *, session: Session, team: TeamView, today: dt.date, now: dt.datetime
) -> tuple[AnalysedTeam, WeekChanges]:
    """Freeze this week: score against fresh references, save the rows and references, and
    say what changed since the last saved week. Saving the same week again replaces it."""
    week = iso_week(today)
    analysed = _analysed_week(session=session, team=team, today=today, references=None)
    analysis = analysed.analysis
    rows = snapshot_rows(analysis, week)
    previous_rows, _ = latest_snapshot(session=session, team_id=team.id, before_week=week)
    save_snapshot(
        session=session,
        team_id=team.id,
        week=week,
        rows=rows,
        references=analysis.references,
        now=now,
    )
    touch_team(session=session, team_id=team.id)  # new references: cached analyses are stale
    changes = _changes(previous_rows, rows)
    return analysed, _with_activity(session, team, today, changes)


def changes_so_far(
    *, session: Session, team: TeamView, analysis: TeamAnalysis, today: dt.date
) -> WeekChanges:
    """What changed since the last saved week, without saving anything (a digest preview)."""
    week = iso_week(today)
    previous_rows, _ = latest_snapshot(session=session, team_id=team.id, before_week=week)
    changes = _changes(previous_rows, snapshot_rows(analysis, week))
    return _with_activity(session, team, today, changes)


def _with_activity(
    session: Session, team: TeamView, today: dt.date, changes: WeekChanges
) -> WeekChanges:
    """The week's changes with what the team recorded in the last 7 days (today included),
    days as the team's time zone has them: how many sales, and what they came to."""
    team_id = team.id
    since = today - dt.timedelta(days=WEEK_DAYS)
    # The first of the 7 days began at local midnight: a client added at 01:36 in Moscow on
    # that day is this week's, though it was the day before in UTC.
    start = dt.datetime.combine(since + dt.timedelta(days=1), dt.time(), ZoneInfo(team.timezone))

    def count(model: type[Any], *where: Any) -> int:
        return session.exec(select(func.count()).select_from(model).where(*where)).one()

    new_clients = count(
        Client,
        Client.team_id == team_id,
        Client.status == "active",
        or_(
            col(Client.acquired_on) > since,
            col(Client.acquired_on).is_(None) & (col(Client.created_at) >= start),
        ),
    )
    week_sales = (Sale.team_id == team_id, Sale.sold_on > since, Sale.sold_on <= today)
    amounts = session.exec(select(Sale.amount).where(*week_sales)).all()
    vat = team.vat_rate if team.amounts_include_vat else None  # as storage.frames has it
    complaints = count(
        Event,
        Event.team_id == team_id,
        Event.kind == "complaint",
        Event.happened_on > since,
        Event.happened_on <= today,
    )
    return replace(
        changes,
        new_clients=new_clients,
        sales=len(amounts),
        complaints=complaints,
        sales_amount=int(net_of_vat(np.asarray(amounts, dtype=np.float64), vat).sum()),
    )


def _changes(previous_rows: list[dict[str, Any]], rows: list[dict[str, Any]]) -> WeekChanges:
    """Since last week; the first week, every standing flag is news (grades have no past)."""
    if not previous_rows:
        previous_rows = [{**row, **dict.fromkeys(FLAGS, False)} for row in rows]
    return compare_weeks(previous_rows, rows)
