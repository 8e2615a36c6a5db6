"""The team's own judgement of a client: each member rates a few criteria 1–5 (5 best)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlmodel import Session, col, select

from locales import InputError
from locales.vocabulary import CRITERION_WORDS
from storage.changes import Change, undoable_change
from storage.models import Rating
from storage.refusals import Refused
from storage.resolver import client_in_team

CRITERIA = tuple(term.code for term in CRITERION_WORDS.terms)  # the points /rate asks, in order


def record_ratings(
    *,
    session: Session,
    team_id: int,
    client_id: int,
    user_id: int,
    values: Mapping[str, int],
    rated_on: dt.date,
    now: dt.datetime,
) -> Change:
    """New ratings by one member; their newest per criterion is what counts."""
    client_in_team(session=session, team_id=team_id, client_id=client_id)  # this team's, or refused
    if not values or any(c not in CRITERIA for c in values):
        raise InputError(Refused.RATE_EACH_POINT)
    if any(not 1 <= v <= 5 for v in values.values()):
        raise InputError(Refused.RATING_OUT_OF_RANGE)
    earlier = session.exec(
        select(Rating.id)
        .where(Rating.team_id == team_id, Rating.client_id == client_id, Rating.user_id == user_id)
        .limit(1)
    ).first()
    rows = [
        Rating(
            team_id=team_id,
            client_id=client_id,
            user_id=user_id,
            rated_on=rated_on,
            criterion=c,
            value=v,
            created_at=now,
        )
        for c, v in values.items()
    ]
    session.add_all(rows)
    session.flush()
    return undoable_change(
        session=session,
        team_id=team_id,
        user_id=user_id,
        action="ratings_created",
        entity="client",
        entity_id=client_id,
        now=now,
        # whether an undo brings this member's earlier rating back, or leaves none
        undo={"rating_ids": [r.id for r in rows], "earlier": earlier is not None},
    )


def latest_ratings(
    *, session: Session, team_id: int, client_id: int, user_id: int
) -> dict[str, int]:
    """This member's current rating per criterion."""
    rows = session.exec(
        select(Rating.criterion, Rating.value)
        .where(Rating.team_id == team_id, Rating.client_id == client_id, Rating.user_id == user_id)
        .order_by(col(Rating.rated_on), col(Rating.id))
    ).all()
    return dict(rows)
