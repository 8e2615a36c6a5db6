"""A team's analysis as the chat, the digest and `kompas report` show it: one service for all.

Loads the team (storage.frames), takes the references frozen for this week and last week's
grades (storage.snapshots), and runs the pure scoring (scoring.analyse).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from scoring import TeamAnalysis, TeamFrames, analyse
from storage.callers import TeamView
from storage.frames import load_profiles, load_team, scoring_settings
from storage.snapshots import previous_grades, references_for_week


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True, eq=False)
class AnalysedTeam:
    """The team's frames and their analysis: /check compares a prospect with the frames."""

    frames: TeamFrames
    analysis: TeamAnalysis


def team_analysis(*, session: Session, team: TeamView, today: dt.date) -> AnalysedTeam:
    """Score the team as of `today` (its local date) against this week's frozen references."""
    week = iso_week(today)
    frames = load_team(
        session=session, team_id=team.id, today=today, window_days=team.scoring_window_days
    )
    return AnalysedTeam(
        frames,
        analyse(
            frames,
            scoring_settings(team, today=today),
            profiles=load_profiles(session=session, team_id=team.id),
            references=references_for_week(session=session, team_id=team.id, week=week),
            previous_grades=previous_grades(
                session=session, team_id=team.id, before_week=week, grade_scale=team.grade_scale
            ),
        ),
    )
