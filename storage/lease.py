"""Which instance runs the digest scheduler: a lease row, renewed while alive, taken over when
the holder stops renewing (it died), so exactly one instance schedules digests at a time."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, or_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from storage.models import SchedulerLease

_LEASE = SchedulerLease.__table__  # type: ignore[attr-defined]


def hold(*, session: Session, name: str, holder: str, now: dt.datetime, ttl: dt.timedelta) -> bool:
    """Take or renew the lease; True while this holder has it. Commit right after."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    created = session.execute(
        insert(_LEASE)
        .values(name=name, holder=holder, expires_at=now + ttl)
        .on_conflict_do_nothing(index_elements=["name"])
        .returning(_LEASE.c.name)
    )
    # RETURNING, not rowcount: on psycopg SQLAlchemy reports -1 for an INSERT's rowcount.
    if created.first() is not None:
        return True
    renewed = session.execute(
        update(_LEASE)
        .where(_LEASE.c.name == name, or_(_LEASE.c.holder == holder, _LEASE.c.expires_at < now))
        .values(holder=holder, expires_at=now + ttl)
    )
    return bool(renewed.rowcount)  # type: ignore[attr-defined]


def release(*, session: Session, name: str, holder: str) -> None:
    """Let go at shutdown, so another instance takes over at once instead of after the TTL."""
    session.execute(delete(_LEASE).where(_LEASE.c.name == name, _LEASE.c.holder == holder))
