"""Hot statements: compiled once, run straight on the embedded database's own cursor.

Every update reads its caller, claims itself in the ledger and, for a recorded sale, writes
four rows: eight small statements. On the embedded SQLite file each one takes a few
microseconds, while SQLAlchemy's per-execution machinery (cache key, parameter and result
set-up, result objects) costs 30–80 µs, the larger part of an update
(tests/benchmarks/bench_chat.py). A `Prepared` statement keeps SQLAlchemy's SQL and its
types' own bind and result conversions, so what is stored and read back is the same, and
skips the rest. On PostgreSQL it runs through SQLAlchemy as usual: there the network round
trip dominates, and the update's worker thread hides it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Dialect
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.expression import Executable
from sqlmodel import Session

Row = tuple[Any, ...]


@dataclass(frozen=True)
class _Compiled:
    sql: str
    pick: Callable[[Mapping[str, Any]], tuple[Any, ...]]  # values, in the placeholders' order
    fixed: Mapping[str, Any]  # values the statement carries itself (LIMIT 1 …)
    to_db: tuple[tuple[int, Callable[[Any], Any]], ...]  # (placeholder, conversion)
    from_db: tuple[tuple[int, Callable[[Any], Any]], ...]  # (column, conversion)

    def bind(self, params: Mapping[str, Any]) -> list[Any]:
        values = list(self.pick({**self.fixed, **params} if self.fixed else params))
        for index, convert in self.to_db:
            values[index] = convert(values[index])
        return values

    def read(self, rows: list[Row]) -> list[Row]:
        if not self.from_db:
            return rows
        converted = []
        for row in rows:
            values = list(row)
            for index, convert in self.from_db:
                values[index] = convert(values[index])
            converted.append(tuple(values))
        return converted


class Prepared:
    """A Core statement run with a dict of parameters; rows come back as plain tuples."""

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        self._compiled: dict[tuple[str, frozenset[str]], _Compiled] = {}

    def rows(self, session: Session, params: Mapping[str, Any]) -> list[Row]:
        connection = _connection(session)
        if connection.dialect.name != "sqlite":
            return [tuple(row) for row in connection.execute(self.statement, dict(params))]
        compiled = self._compile(connection.dialect, params)
        cursor = _driver(connection).execute(compiled.sql, compiled.bind(params))
        return compiled.read(cursor.fetchall())

    def first(self, session: Session, params: Mapping[str, Any]) -> Row | None:
        rows = self.rows(session, params)
        return rows[0] if rows else None

    def scalar(self, session: Session, params: Mapping[str, Any]) -> Any:
        row = self.first(session, params)
        return row[0] if row else None

    def insert(self, session: Session, params: Mapping[str, Any]) -> int:
        """Insert one row; its new primary key."""
        assert isinstance(self.statement, Insert)
        connection = _connection(session)
        if connection.dialect.name != "sqlite":
            result = connection.execute(self.statement, dict(params))
            return int(result.inserted_primary_key[0])  # type: ignore[index]
        compiled = self._compile(connection.dialect, params)
        return int(_driver(connection).execute(compiled.sql, compiled.bind(params)).lastrowid)

    def execute(self, session: Session, params: Mapping[str, Any]) -> None:
        """Run a statement that returns nothing (an UPDATE, a DELETE)."""
        connection = _connection(session)
        if connection.dialect.name != "sqlite":
            connection.execute(self.statement, dict(params))
            return
        compiled = self._compile(connection.dialect, params)
        _driver(connection).execute(compiled.sql, compiled.bind(params))

    def _compile(self, dialect: Dialect, params: Mapping[str, Any]) -> _Compiled:
        key = (dialect.name, frozenset(params))
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = _compile(self.statement, dialect, params)
        return compiled


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


def _driver(connection: Connection) -> sqlite3.Connection:
    return connection.connection.driver_connection  # type: ignore[return-value]


def _compile(statement: Executable, dialect: Dialect, params: Mapping[str, Any]) -> _Compiled:
    compiled = statement.compile(dialect=dialect, column_keys=list(params))  # type: ignore[attr-defined]
    if compiled.insert_prefetch or compiled.update_prefetch or compiled.post_compile_params:
        # A column default computed in Python, or an IN list: give every value instead.
        raise ValueError(f"not preparable: {statement}")
    order = compiled.positiontup or []  # SQLite's driver takes positional parameters
    types = {name: bind.type for bind, name in compiled.bind_names.items()}
    to_db = _conversions(
        type_.dialect_impl(dialect).bind_processor(dialect) for type_ in map(types.get, order)
    )
    columns: Sequence[Any] = getattr(statement, "exported_columns", ())
    from_db = _conversions(
        column.type.dialect_impl(dialect).result_processor(dialect, None) for column in columns
    )
    fixed = {
        name: value
        for name, value in compiled.construct_params(_check=False).items()
        if name not in params
    }
    # itemgetter of one name gives the bare value: a tuple, always, is what the driver takes.
    pick = itemgetter(*order) if len(order) > 1 else lambda params: tuple(params[n] for n in order)
    return _Compiled(compiled.string, pick, fixed, to_db, from_db)


def _conversions(
    converters: Iterable[Callable[[Any], Any] | None],
) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
    return tuple((i, convert) for i, convert in enumerate(converters) if convert is not None)
