"""Hot statements: Core statements built once, run on the update's own connection.

Every update reads its caller, claims itself in the ledger and, for a recorded sale, writes
four rows: eight small statements. They run as SQLAlchemy Core on the unit of work's connection
(storage/engine.py `UnitOfWork`), so an update that needs no ORM never opens a session
transaction; SQLAlchemy compiles each statement once and keeps it in its compiled cache. Rows
come back as plain tuples.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.expression import Executable
from sqlmodel import Session

Row = tuple[Any, ...]


class CoreStatement:
    """A Core statement run with a dict of parameters in the session's transaction."""

    def __init__(self, statement: Executable) -> None:
        self.statement = statement

    def rows(self, session: Session, params: Mapping[str, Any]) -> list[Row]:
        return [tuple(row) for row in _connection(session).execute(self.statement, dict(params))]

    def first(self, session: Session, params: Mapping[str, Any]) -> Row | None:
        row = _connection(session).execute(self.statement, dict(params)).first()
        return tuple(row) if row is not None else None

    def scalar(self, session: Session, params: Mapping[str, Any]) -> Any:
        return _connection(session).execute(self.statement, dict(params)).scalar()

    def insert(self, session: Session, params: Mapping[str, Any]) -> int:
        """Insert one row; its new primary key."""
        assert isinstance(self.statement, Insert)
        result = _connection(session).execute(self.statement, dict(params))
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def execute(self, session: Session, params: Mapping[str, Any]) -> None:
        """Run a statement that returns nothing (an UPDATE, a DELETE)."""
        _connection(session).execute(self.statement, dict(params))


def _connection(session: Session) -> Connection:
    """The connection of the session's transaction.

    An update's session is bound to its unit of work's connection (storage/engine.py): the
    statement runs there, in the unit's transaction, without the session opening one of its own.
    """
    bind = session.bind
    if isinstance(bind, Connection):
        if not bind.in_transaction():
            bind.begin()
        return bind
    return session.connection()
