"""Shared column types, the key columns many tables share, and the metadata every table
registers on."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import BigInteger, CheckConstraint, DateTime, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlmodel import Field, SQLModel

# Stable constraint names, so Alembic migrations can refer to them on every backend.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = SQLModel.metadata
# Last in the `__table_args__` of a table whose rows a button names by id and an undo, a purge or
# an erasure deletes: the id is never handed to a newer row (an old button would act on it). On
# SQLite that takes AUTOINCREMENT (migration 0011); PostgreSQL's sequences never give an id twice.
NEVER_REUSED_IDS: dict[str, Any] = {"sqlite_autoincrement": True}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp that is always UTC-aware in Python, whatever the backend stores.

    SQLite keeps no time zone, so naive values coming back are UTC by construction.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def utcnow() -> dt.datetime:
    """Now in UTC; only for row defaults. Business logic takes `now` as a parameter."""
    return dt.datetime.now(dt.UTC)


def one_of(column: str, values: type[StrEnum] | tuple[str, ...], name: str) -> CheckConstraint:
    """A CHECK that keeps a text column inside a closed set of values."""
    allowed = tuple(v.value for v in values) if isinstance(values, type) else values
    quoted = ", ".join(f"'{v}'" for v in allowed)
    return CheckConstraint(f"{column} IN ({quoted})", name=name)


def telegram_id_key() -> Any:
    """A key column holding an id Telegram gives (chat, user, bot, update): 64 bits wide, and
    never numbered by the database."""
    return Field(sa_type=BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False})


class TeamRow(SQLModel):
    """A row of one team's, numbered by the database and deleted with its team."""

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", ondelete="CASCADE")


class _Numbered(Protocol):
    @property
    def id(self) -> int | None: ...


def stored_id(row: _Numbered) -> int:
    """The id the database gave a row that is stored (read, or added and flushed). The column
    is typed optional only because a new row has none before its insert: asking one for its
    id is a bug to hear about, never a 0 to carry on with."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id before it is stored")
    return row.id
