"""Week snapshots of scores (score_snapshot) and the references they froze (score_reference).

The weekly digest saves the week's rows (`scoring.snapshots.snapshot_rows`) with the references
the scores were measured against; during the week every analysis reuses those references
(`references_for_week`), so a client who did nothing keeps their score. Saving the same week
again replaces it: the week's rows are deleted and written anew in the caller's transaction,
with ON CONFLICT upserts on (team_id, week, client_id) in case another instance races us.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from scoring.references import References
from scoring.snapshots import SNAPSHOT_COLUMNS
from storage.models import ScoreReference, ScoreSnapshot
from storage.models.base import utcnow

_SNAPSHOT = ScoreSnapshot.__table__  # type: ignore[attr-defined]
_REFERENCE = ScoreReference.__table__  # type: ignore[attr-defined]
_UPDATED = tuple(name for name in SNAPSHOT_COLUMNS if name not in ("client_id", "week"))


def _insert(session: Session, table: Any) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


def save_snapshot(
    *,
    session: Session,
    team_id: int,
    week: str,
    rows: Iterable[Mapping[str, Any]],
    references: References,
    now: dt.datetime | None = None,
) -> int:
    """Store (or replace) one week's snapshot rows and references; returns the rows written."""
    at = now or utcnow()
    values = [
        {
            **{k: row[k] for k in SNAPSHOT_COLUMNS},
            "team_id": team_id,
            "week": week,
            "created_at": at,
        }
        for row in rows
    ]
    connection = session.connection()
    c = _SNAPSHOT.c
    connection.execute(delete(_SNAPSHOT).where(c.team_id == team_id, c.week == week))
    if values:
        statement = _insert(session, _SNAPSHOT)
        statement = statement.on_conflict_do_update(
            index_elements=["team_id", "week", "client_id"],
            set_={name: statement.excluded[name] for name in _UPDATED},
        )
        connection.execute(statement, values)
    statement = _insert(session, _REFERENCE).values(
        team_id=team_id, week=week, values=references.to_dict(), created_at=at
    )
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["team_id", "week"],
            set_={"values": statement.excluded["values"], "created_at": at},
        )
    )
    return len(values)


def freeze_references(
    *, session: Session, team_id: int, week: str, references: References, now: dt.datetime
) -> None:
    """Freeze `week`'s references before its first digest (a team's first week, or one whose
    frozen references were measured on no revenue): a new client added later in the week does
    not move the others' grades. The week's digest snapshot replaces them."""
    statement = _insert(session, _REFERENCE).values(
        team_id=team_id, week=week, values=references.to_dict(), created_at=now
    )
    session.connection().execute(
        statement.on_conflict_do_update(
            index_elements=["team_id", "week"],
            set_={"values": statement.excluded["values"], "created_at": now},
        )
    )


def thaw_references(*, session: Session, team_id: int) -> None:
    """Forget references frozen by a first scoring (a week with no digest snapshot): the next
    scoring measures and freezes them anew. An import restates the team's past, and such
    references rest on data that was not there yet."""
    r = _REFERENCE.c
    digested = select(_SNAPSHOT.c.week).where(_SNAPSHOT.c.team_id == team_id).distinct()
    session.connection().execute(
        delete(_REFERENCE).where(r.team_id == team_id, r.week.not_in(digested))
    )


def _week_before(session: Session, team_id: int, week: str) -> str | None:
    c = _SNAPSHOT.c
    return (
        session.connection()
        .execute(select(func.max(c.week)).where(c.team_id == team_id, c.week < week))
        .scalar()
    )


def snapshot_rows(*, session: Session, team_id: int, week: str) -> list[dict[str, Any]]:
    """One week's rows, as `scoring.snapshots.compare_weeks` reads them (by client id)."""
    c = _SNAPSHOT.c
    result = session.connection().execute(
        select(*(c[name] for name in SNAPSHOT_COLUMNS))
        .where(c.team_id == team_id, c.week == week)
        .order_by(c.client_id)
    )
    return [dict(row._mapping) for row in result]


def references_for_week(*, session: Session, team_id: int, week: str) -> References | None:
    """The references frozen for `week`, or for the latest week before it; None if none."""
    c = _REFERENCE.c
    values = (
        session.connection()
        .execute(
            select(c["values"])
            .where(c.team_id == team_id, c.week <= week)
            .order_by(c.week.desc())
            .limit(1)
        )
        .scalar()
    )
    return References.from_dict(values) if values is not None else None


def latest_snapshot(
    *, session: Session, team_id: int, before_week: str
) -> tuple[list[dict[str, Any]], References | None]:
    """The last week saved before `before_week`: its rows and references (empty, None if none)."""
    week = _week_before(session, team_id, before_week)
    if week is None:
        return [], None
    rows = snapshot_rows(session=session, team_id=team_id, week=week)
    c = _REFERENCE.c
    values = (
        session.connection()
        .execute(select(c["values"]).where(c.team_id == team_id, c.week == week))
        .scalar()
    )
    return rows, References.from_dict(values) if values is not None else None


def previous_grades(
    *, session: Session, team_id: int, before_week: str, grade_scale: str | None = None
) -> dict[int, str]:
    """client id → grade in the last week saved before `before_week` (on `grade_scale` only)."""
    week = _week_before(session, team_id, before_week)
    if week is None:
        return {}
    c = _SNAPSHOT.c
    query = select(c.client_id, c.grade).where(c.team_id == team_id, c.week == week)
    if grade_scale is not None:
        query = query.where(c.grade_scale == grade_scale)
    return {int(client_id): grade for client_id, grade in session.connection().execute(query)}


def previous_grade(
    *, session: Session, team_id: int, client_id: int, before_week: str
) -> str | None:
    """One client's grade in the last week saved before `before_week` (the card's change)."""
    week = _week_before(session, team_id, before_week)
    if week is None:
        return None
    c = _SNAPSHOT.c
    return (
        session.connection()
        .execute(
            select(c.grade).where(c.team_id == team_id, c.week == week, c.client_id == client_id)
        )
        .scalar()
    )
