"""Bulk statements for an import, in the session's transaction: no ORM object, no query per row.

Rows go in as columns (a list of values each, or one value for every row): a sales log's
70 000 rows are nine lists and three constants, not 70 000 dictionaries (issue 21).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import repeat
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, update
from sqlmodel import Session, SQLModel

_WRITE_CHUNK = 5_000  # rows per INSERT on SQLite


def update_by_id(
    session: Session, model: type[SQLModel], team_id: int, rows: Iterable[dict[str, Any]]
) -> None:
    """Core executemany UPDATEs, one per set of changed columns, always within the team."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        changed = tuple(sorted(k for k in row if k != "id"))
        groups[changed].append({"row_id": row["id"], **{f"new_{k}": row[k] for k in changed}})
    table = table_of(model)
    for changed, params in groups.items():
        statement = (
            update(table)
            .where(table.c.id == bindparam("row_id"), table.c.team_id == team_id)
            .values({name: bindparam(f"new_{name}") for name in changed})
        )
        session.connection().execute(statement, params)


def insert_rows(session: Session, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    """``insert_columns`` of rows that all have the same keys."""
    columns = {name: [row[name] for row in rows] for name in rows[0]}
    insert_columns(session, model, columns)


def insert_columns(
    session: Session,
    model: type[SQLModel],
    columns: dict[str, list[Any]],
    constants: dict[str, Any] | None = None,
) -> None:
    """A bulk INSERT of rows given as columns of equal length, and `constants` the same in
    every row: COPY on PostgreSQL, executemany on SQLite.

    psycopg sends an executemany as one INSERT per row (pipelined): 100 000 sales take ~8 s
    that way and ~2 s with COPY (https://www.psycopg.org/psycopg3/docs/basic/copy.html).
    """
    table = table_of(model)
    connection = session.connection()
    columns, constants = _without_nulls(table, columns, constants or {})
    if connection.dialect.name != "postgresql":
        _sqlite_insert(connection, table, columns, constants)
        return
    from psycopg import sql  # here: importing psycopg costs an SQLite import 0.2 s

    names = [*columns, *constants]
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, names))
    )
    values = [*columns.values(), *map(repeat, constants.values())]
    driver = connection.connection.driver_connection
    with driver.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[union-attr]
        for row in zip(*values, strict=False):  # as long as the columns: the constants repeat
            copy.write_row(row)


def _without_nulls(
    table: Table, columns: dict[str, list[Any]], constants: dict[str, Any]
) -> tuple[dict[str, list[Any]], dict[str, Any]]:
    """The columns and constants without those that are None in every row and have no default:
    the database stores NULL for them. A sales log's new clients are 8 values each, not 25
    (~0.1 s of 23 500 clients), and its sales 7, not 12 (~0.12 s of 70 000 sales)."""

    def left_to_the_database(name: str, values: list[Any]) -> bool:
        column = table.c[name]
        return (
            column.default is None
            and column.server_default is None
            and all(value is None for value in values)
        )

    kept = {
        name: values for name, values in columns.items() if not left_to_the_database(name, values)
    }
    return (
        kept or columns,  # the columns say how many rows there are
        {
            name: value
            for name, value in constants.items()
            if not left_to_the_database(name, [value])
        },
    )


def _sqlite_insert(
    connection: Connection, table: Table, columns: dict[str, list[Any]], constants: dict[str, Any]
) -> None:
    """executemany on the driver with values converted by the dialect's own type processors.

    What `connection.execute(insert(table), rows)` stores, without its per-row parameter
    compilation: that took ~25 µs a row, 2 of the 5 s a 70 000-sale import spent writing.
    In parts: one executemany of 210 000 rows held all its parameters at once, some 100 MB
    more of the bot's own memory than parts of 5 000.
    """
    dialect = connection.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=[*columns, *constants])
    order = list(compiled.positiontup or [*columns, *constants])
    convert = {
        name: table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in order
    }
    fixed = {
        name: value if convert[name] is None else convert[name](value)
        for name, value in constants.items()
    }
    count = len(next(iter(columns.values())))
    for start in range(0, count, _WRITE_CHUNK):
        parts = [
            repeat(fixed[name])
            if name in fixed
            else _converted(columns[name][start : start + _WRITE_CHUNK], convert[name])
            for name in order
        ]
        connection.exec_driver_sql(compiled.string, list(zip(*parts, strict=False)))


def _converted(values: list[Any], process: Callable[[Any], Any] | None) -> list[Any]:
    """One column through its type's processor, each distinct value once: an import's days and
    its one timestamp repeat across thousands of rows (~0.4 s of 70 000 sales)."""
    if process is None:
        return values
    try:
        done = {value: process(value) for value in set(values)}
    except TypeError:  # unhashable values (JSON lists) go one by one
        return [process(value) for value in values]
    return list(map(done.__getitem__, values))


def table_of(model: type[SQLModel]) -> Table:
    """The Core table behind a model: ORM bulk inserts split rows by which values are None,
    which turns 100 000 rows into thousands of statements; Core sends them in batches."""
    return model.__table__  # type: ignore[attr-defined,no-any-return]
