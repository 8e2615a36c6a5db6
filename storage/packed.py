"""Many rows of numbers and dates read as one value per column, which numpy parses.

Each value fetched on its own costs about a microsecond on SQLite (a Python object and a locked
call into SQLite for each). So SQLite writes each column of a select into one text,
"1,19875,1250,…", and numpy parses it in one call; PostgreSQL concatenates each column's values
as it sends integers in binary, one ``bytea`` numpy reads as it stands (``Packed``). The
columns' aggregates run in one pass over the same rows, so row i is row i in every column. Used
to load a team (``storage.frames``) and to compare an import with the sales and clients a team
holds (``storage.import_stored``). Text and JSON columns come the same way as one JSON array per
column (``json_columns``).

Dates come back as whole days since 1970-01-01. SQLite keeps a date as ISO text: its own
``julianday`` cost about 25 ms per 100 000 dates, so SQLite hands the text itself, ten
characters a date, and numpy reads the digits (``iso_days``). A text that is not such a date
makes the whole select run again with ``julianday``. PostgreSQL sends a date as its days
since 2000-01-01 (``date_send``), which numpy shifts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np
from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Date,
    Integer,
    Select,
    cast,
    func,
    literal_column,
    select,
    type_coerce,
)

# Stands for NULL in a packed column: no day number, amount, count or id comes near it.
NULL = -(2**62)
_EPOCH_JULIAN_DAY = 2440587.5  # julianday('1970-01-01')
_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()
# Written into the SQL, not bound: SQLite copies a bound value for every row it joins, 5 ms
# per 100 000 values.
_NONE: Mapping[str, Any] = {}  # a statement without parameters of its own
_INLINE_NULL = literal_column(str(NULL))
_INLINE_COMMA = literal_column("','")
_INLINE_NOTHING = literal_column("''")
# Stands for NULL in a column of ISO dates: ten characters like every date.
_NO_DATE = literal_column("'0000-00-00'")
_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9]  # where the digits stand in "YYYY-MM-DD"
# PostgreSQL's binary columns: a 4-byte NULL no id, count or day holds (the smallest int4,
# which is how PostgreSQL stores the date '-infinity'); its dates count from 2000-01-01.
_INT4_NULL = -(2**31)
_INLINE_INT4_NULL = literal_column(str(_INT4_NULL))
_NO_DAY = literal_column("DATE '-infinity'")
_DAYS_1970_TO_2000 = 10957


def day_number(column: Any, dialect: str) -> ColumnElement[int]:
    """A date column as whole days since 1970-01-01, computed in SQL (a timestamp's day
    depends on the team's time zone: `second_number`)."""
    if dialect == "sqlite":
        # Dates are ISO text in SQLite; julianday of a date is exact.
        return cast(func.julianday(column) - _EPOCH_JULIAN_DAY, Integer)
    return type_coerce(column - literal_column("DATE '1970-01-01'"), Integer)


def second_number(column: Any, dialect: str) -> ColumnElement[int]:
    """A UTC timestamp column as whole seconds since 1970-01-01 00:00 UTC, computed in SQL:
    which day it was is a question for the team's time zone (``storage.frames``)."""
    if dialect == "sqlite":
        return cast(func.round((func.julianday(column) - _EPOCH_JULIAN_DAY) * 86400), Integer)
    # date_part's double, not extract's numeric: a third of the clients' select on the server.
    # Rounding a half second either way never moves a second across midnight.
    return cast(func.date_part("epoch", column), BigInteger)


def ordinal_days(days: Sequence[Any]) -> np.ndarray:
    """Python dates (None unknown) as days since 1970-01-01, ``NULL`` unknown."""
    return np.fromiter(
        (NULL if day is None else day.toordinal() - _EPOCH_ORDINAL for day in days),
        dtype=np.int64,
        count=len(days),
    )


class Packed:
    """A select of whole numbers, and of dates at `days`, read as one int64 array per column
    (``NULL`` where the database holds NULL), row i the same row in every array. The columns
    at `texts` come as one list each instead (of JSON values parsed, for those at
    `holding_json`), from the same pass over the same rows. `select` is what the database
    runs (one row), `read` turns that row into the columns."""

    def __init__(
        self,
        connection: Connection,
        statement: Select[Any],
        days: Sequence[int] = (),
        *,
        texts: Sequence[int] = (),
        holding_json: Sequence[int] = (),
    ) -> None:
        self.rows = statement.subquery()
        self.sqlite = connection.dialect.name == "sqlite"
        self.days, self.texts, self.holding_json = days, texts, holding_json

    def select(self) -> Select[Any]:
        if not self.sqlite:
            return select(*(self._binary(i, column) for i, column in enumerate(self.rows.c)))
        return select(
            func.count(),
            *(
                _json_array(column, i in self.holding_json, sqlite=True)
                if i in self.texts
                else func.group_concat(func.coalesce(column, _NO_DATE), _INLINE_NOTHING)
                if i in self.days
                else _packed(column)
                for i, column in enumerate(self.rows.c)
            ),
        )

    def _binary(self, i: int, column: Any) -> Any:
        """PostgreSQL: a number column as one bytea of big-endian integers, each value as the
        server sends it in binary (``int8send``, ``int4send``; a date by ``date_send``, its
        days since 2000-01-01), fetched in binary (``fetched``) and read by numpy as it stands:
        no number written as text and parsed back, no conversion per value on the server."""
        if i in self.texts:
            return _json_array(column, i in self.holding_json, sqlite=False)
        if i in self.days:
            sent = func.date_send(func.coalesce(cast(column, Date), _NO_DAY))
        elif type(column.type) is Integer:  # a 4-byte integer: half the bytes, no widening
            sent = func.int4send(func.coalesce(cast(column, Integer), _INLINE_INT4_NULL))
        else:
            sent = func.int8send(func.coalesce(cast(column, BigInteger), _INLINE_NULL))
        return func.string_agg(sent, literal_column("''::bytea"))

    def read(
        self, connection: Connection, row: Sequence[Any], parameters: Mapping[str, Any] = _NONE
    ) -> list[Any]:
        """`row` (of `select`, run with `parameters`) as the columns."""
        if not self.sqlite:
            return [self._sent(i, value) for i, value in enumerate(row)]
        count, read = row[0], row[1:]
        columns: list[Any] = []
        for i, value in enumerate(read):
            if i in self.texts:
                columns.append(_parsed(value))
            elif not count:
                columns.append(np.empty(0, dtype=np.int64))
            elif i in self.days:
                column = iso_days(value, count)
                if column is None:  # not ten-character ISO dates: let SQLite read them
                    return self._by_julianday(connection, parameters)
                columns.append(column)
            else:
                columns.append(_numbers(value, count))
        return columns

    def _sent(self, i: int, value: Any) -> Any:
        """One PostgreSQL column of `_binary` as int64 days since 1970-01-01 or numbers."""
        if i in self.texts:
            return _parsed(value)
        if value is None:  # string_agg of no rows
            return np.empty(0, dtype=np.int64)
        if i not in self.days and type(self.rows.c[i].type) is not Integer:
            return np.frombuffer(value, dtype=">i8").astype(np.int64)
        numbers = np.frombuffer(value, dtype=">i4").astype(np.int64)
        unknown = numbers == _INT4_NULL
        if i in self.days:
            numbers += _DAYS_1970_TO_2000
        numbers[unknown] = NULL
        return numbers

    def _by_julianday(self, connection: Connection, parameters: Mapping[str, Any]) -> list[Any]:
        aggregates = [
            _json_array(column, i in self.holding_json, sqlite=True)
            if i in self.texts
            else _packed(day_number(column, "sqlite") if i in self.days else column)
            for i, column in enumerate(self.rows.c)
        ]
        packed = connection.execute(select(func.count(), *aggregates), dict(parameters)).one()
        return [
            _parsed(value) if i in self.texts else _numbers(value, packed[0])
            for i, value in enumerate(packed[1:])
        ]


def fetched(
    connection: Connection,
    statements: Sequence[Select[Any]],
    parameters: Mapping[str, Any] = _NONE,
) -> Iterator[Sequence[Any]]:
    """Each statement's one row, in order, its bound parameters given `parameters`. PostgreSQL
    gets them all at once (a pipeline, on a binary cursor: SQLAlchemy's would ask for text,
    bytea hex-encoded) and runs them one after another while this process reads the rows
    already come: the server aggregating the sales while Python parses the clients. SQLite
    runs each when its row is asked for."""
    if connection.dialect.name == "sqlite":
        for statement in statements:
            yield connection.execute(statement, dict(parameters)).one()
        return
    driver = connection.connection.driver_connection
    with driver.pipeline():  # type: ignore[union-attr]
        cursors = []
        for statement in statements:
            sql, values = _compiled(statement, connection, parameters)
            cursor = driver.cursor(binary=True)  # type: ignore[union-attr]
            cursor.execute(sql, values)
            cursors.append(cursor)
        for cursor in cursors:
            with cursor:
                yield cursor.fetchone()


def _compiled(
    statement: Select[Any], connection: Connection, parameters: Mapping[str, Any]
) -> tuple[str, dict[str, Any]]:
    """The SQL of `statement` for this database and its parameters' values."""
    compiled = statement.compile(dialect=connection.dialect)
    return str(compiled), compiled.construct_params(dict(parameters))


def packed_columns(
    connection: Connection,
    statement: Select[Any],
    days: Sequence[int] = (),
    *,
    texts: Sequence[int] = (),
    holding_json: Sequence[int] = (),
) -> list[Any]:
    """`statement`'s rows as columns (``Packed``)."""
    packed = Packed(connection, statement, days, texts=texts, holding_json=holding_json)
    (row,) = fetched(connection, [packed.select()])
    return packed.read(connection, row)


def _json_array(column: Any, holding_json: bool, *, sqlite: bool) -> Any:
    if not sqlite:
        return func.json_agg(column)
    return func.json_group_array(func.json(column) if holding_json else column)


def json_columns(
    connection: Connection,
    columns: Sequence[ColumnElement[Any]],
    *where: ColumnElement[bool],
    holding_json: Sequence[int] = (),
) -> list[list[Any]]:
    """The rows `where` holds, as one list per column: each column aggregated into one JSON
    array (names escaped by the database, parsed by one C call each) instead of a Python object
    and a call into the driver per value, 19 columns of 10 000 clients. The columns at
    `holding_json` hold JSON and come back parsed. The aggregates run in one pass over the
    same rows, so item i is row i in every list."""
    sqlite = connection.dialect.name == "sqlite"
    arrays = [
        _json_array(column, i in holding_json, sqlite=sqlite) for i, column in enumerate(columns)
    ]
    packed = connection.execute(select(*arrays).where(*where)).one()
    return [_parsed(array) for array in packed]


def _parsed(array: Any) -> list[Any]:
    if array is None:  # PostgreSQL's json_agg of no rows
        return []
    return json.loads(array) if isinstance(array, str) else list(array)


def _packed(column: Any) -> Any:
    """SQLite: a number column as one text, "1,19875,1250,…"."""
    return func.group_concat(func.coalesce(column, _INLINE_NULL), _INLINE_COMMA)


def _numbers(text: str, count: int) -> np.ndarray:
    numbers = np.fromstring(text, dtype=np.int64, sep=",")
    if len(numbers) != count:  # fromstring stops quietly at what isn't a number
        raise ValueError(f"not a list of whole numbers: {text[:80]!r}")
    return numbers


def iso_days(text: str, count: int) -> np.ndarray | None:
    """`count` dates written "YYYY-MM-DD" one after another ("0000-00-00" unknown) as days
    since 1970-01-01 (``NULL`` unknown); None when the text is anything else."""
    try:
        raw = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    except UnicodeEncodeError:
        return None
    if raw.size != 10 * count:
        return None
    chars = raw.reshape(count, 10)
    digits = chars[:, _DIGITS] - np.uint8(ord("0"))  # anything but a digit wraps above 9
    if (digits > 9).any() or (chars[:, 4] != ord("-")).any() or (chars[:, 7] != ord("-")).any():
        return None
    digits = digits.astype(np.int32)  # days of years 0-9999 fit; half the bytes of int64
    year = digits[:, 0] * 1000 + digits[:, 1] * 100 + digits[:, 2] * 10 + digits[:, 3]
    month = digits[:, 4] * 10 + digits[:, 5]
    day = digits[:, 6] * 10 + digits[:, 7]
    unknown = (year == 0) & (month == 0) & (day == 0)
    if not (((month >= 1) & (month <= 12) & (day >= 1) & (day <= 31)) | unknown).all():
        return None
    # Days from a civil date (H. Hinnant's algorithm, the proleptic Gregorian calendar numpy
    # and SQLite's julianday use), all rows at once.
    march = month <= 2
    year = year - march
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + np.where(march, 9, -3)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    days = (era * 146097 + day_of_era - 719468).astype(np.int64)
    days[unknown] = NULL
    return days
