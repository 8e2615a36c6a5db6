"""A digest per team and ISO week, sent once: claimed before sending, marked sent right after.

The Delivery semantics rule: a digest is never lost, and is sent twice only if the process
dies between Telegram accepting it and `mark_sent` committing. Each part Telegram accepts is
recorded (`mark_part_sent`), so a retry after a failure part-way sends only what is missing.
A claim left behind by a dead process (or a failed send) can be taken again; a sent digest
never.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from storage.models import DigestDelivery
from storage.models.delivery import DeliveryStatus

STALE_CLAIM = dt.timedelta(minutes=10)  # longer than any send takes, rate limits included
_DELIVERY = DigestDelivery.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Claim:
    team_id: int
    iso_week: str
    attempt: int
    parts_sent: int = 0  # the digest's parts Telegram accepted in earlier attempts


def claim(
    *, session: Session, team_id: int, iso_week: str, holder: str, now: dt.datetime
) -> Claim | None:
    """Take the team's digest for the week, or None when it is sent or being sent elsewhere.

    Commit right after: the claim must be visible to other instances before sending starts.
    """
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    created = session.execute(
        insert(_DELIVERY)
        .values(
            team_id=team_id,
            iso_week=iso_week,
            status=DeliveryStatus.CLAIMED,
            attempts=1,
            claimed_by=holder,
            claimed_at=now,
        )
        .on_conflict_do_nothing(index_elements=["team_id", "iso_week"])
        .returning(_DELIVERY.c.id)
    )
    # RETURNING, not rowcount: on psycopg SQLAlchemy reports -1 for an INSERT's rowcount.
    if created.first() is not None:
        return Claim(team_id, iso_week, 1)
    taken = session.execute(
        update(_DELIVERY)
        .where(
            _DELIVERY.c.team_id == team_id,
            _DELIVERY.c.iso_week == iso_week,
            or_(
                _DELIVERY.c.status == DeliveryStatus.FAILED,
                and_(
                    _DELIVERY.c.status == DeliveryStatus.CLAIMED,
                    _DELIVERY.c.claimed_at < now - STALE_CLAIM,
                ),
            ),
        )
        .values(
            status=DeliveryStatus.CLAIMED,
            attempts=_DELIVERY.c.attempts + 1,
            claimed_by=holder,
            claimed_at=now,
        )
    )
    if not taken.rowcount:  # type: ignore[attr-defined]
        return None
    attempts, parts_sent = session.execute(
        select(_DELIVERY.c.attempts, _DELIVERY.c.parts_sent).where(
            _DELIVERY.c.team_id == team_id, _DELIVERY.c.iso_week == iso_week
        )
    ).one()
    return Claim(team_id, iso_week, int(attempts or 1), int(parts_sent or 0))


def mark_part_sent(*, session: Session, team_id: int, iso_week: str, parts_sent: int) -> None:
    """Telegram accepted the digest's parts up to `parts_sent`: a retry starts after them."""
    session.execute(
        update(_DELIVERY)
        .where(_DELIVERY.c.team_id == team_id, _DELIVERY.c.iso_week == iso_week)
        .values(parts_sent=parts_sent)
    )


def mark_sent(*, session: Session, team_id: int, iso_week: str, now: dt.datetime) -> None:
    session.execute(
        update(_DELIVERY)
        .where(_DELIVERY.c.team_id == team_id, _DELIVERY.c.iso_week == iso_week)
        .values(status=DeliveryStatus.SENT, sent_at=now)
    )


def mark_failed(*, session: Session, team_id: int, iso_week: str) -> None:
    """Sending failed before Telegram took it: the digest may be claimed again."""
    session.execute(
        update(_DELIVERY)
        .where(
            _DELIVERY.c.team_id == team_id,
            _DELIVERY.c.iso_week == iso_week,
            _DELIVERY.c.status == DeliveryStatus.CLAIMED,
        )
        .values(status=DeliveryStatus.FAILED)
    )


def status(*, session: Session, team_id: int, iso_week: str) -> str | None:
    return session.execute(
        select(_DELIVERY.c.status).where(
            _DELIVERY.c.team_id == team_id, _DELIVERY.c.iso_week == iso_week
        )
    ).scalar()


def claim_expires(*, session: Session, team_id: int, iso_week: str) -> dt.datetime | None:
    """When a claim still being sent (or left behind by a dead process) may be taken over;
    None when the digest is sent, failed (claimable now) or was never claimed."""
    row = session.execute(
        select(_DELIVERY.c.status, _DELIVERY.c.claimed_at).where(
            _DELIVERY.c.team_id == team_id, _DELIVERY.c.iso_week == iso_week
        )
    ).first()
    if row is None or row.status != DeliveryStatus.CLAIMED or row.claimed_at is None:
        return None
    claimed_at = row.claimed_at
    if claimed_at.tzinfo is None:  # SQLite keeps no zone: stored as UTC
        claimed_at = claimed_at.replace(tzinfo=dt.UTC)
    return claimed_at + STALE_CLAIM
