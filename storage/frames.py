"""Loading one team from the database into the frames `scoring` reads.

Fast on purpose: SQLAlchemy Core selects of just the needed columns, no Python date object
per row (SQLite's ISO date texts are read by numpy, PostgreSQL subtracts 1970-01-01), the sales
and the clients' history fetched as one text per column that numpy parses (`storage.packed`), the
clients, events and ratings as one JSON array per column (`_json_columns`; no Row object per
row, and through SQLAlchemy's public API only), frames built from column arrays keyed
by client id. Every query filters by team_id (one team never sees another's rows). Sales are
those in the scoring window plus unpaid invoices of any age (money owed does not expire). Each
client's first and last sale *before* the window come from one aggregate query (scoring
combines them with the window's sales), so tenure and recency do not depend on the window, and
the aggregate reads only the older sales.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    func,
    or_,
    select,
)
from sqlmodel import Session, col
from sqlmodel import select as sqlmodel_select

from scoring.frames import CLIENT_COLUMNS, TeamFrames
from scoring.profile import IdealProfile
from scoring.settings import ScoringSettings
from storage.callers import TeamView
from storage.models import Client, Event, IdealProfileRow, Rating, Sale, Team
from storage.models.clients import SALE_FIGURES
from storage.packed import NULL, day_number, packed_columns, second_number
from storage.teams import setting_out_of_range

_log = logging.getLogger(__name__)


def _dates(values: Sequence[Any] | np.ndarray) -> np.ndarray:
    """Day numbers (None or NaN unknown) as datetime64[ns] with NaT."""
    days = np.asarray(values, dtype=np.float64) if len(values) else np.empty(0)
    out = np.full(len(days), np.datetime64("NaT"), dtype="datetime64[ns]")
    known = ~np.isnan(days)
    out[known] = days[known].astype(np.int64).astype("datetime64[D]")
    return out


def _local_days(seconds: Sequence[Any], timezone: str) -> np.ndarray:
    """UTC seconds (None unknown) as day numbers in `timezone`: a client added at 01:36 on
    7 December in Moscow was added on the 7th, though it was still the 6th in UTC."""
    values = np.asarray([np.nan if s is None else s for s in seconds], dtype=np.float64)
    out = np.full(len(values), np.nan)
    known = ~np.isnan(values)
    stamps = pd.to_datetime(values[known].astype(np.int64), unit="s", utc=True)
    local = stamps.tz_convert(timezone).tz_localize(None).to_numpy(dtype="datetime64[D]")
    out[known] = local.astype(np.int64)
    return out


def _number_rows(
    connection: Connection, statement: Select[Any], days: Sequence[int] = ()
) -> np.ndarray:
    """A select of whole numbers and dates (at `days`, as days since 1970-01-01) as a (rows,
    columns) float64 array, NULL as NaN (``storage.packed``)."""
    columns = packed_columns(connection, statement, days)
    if not columns or not len(columns[0]):
        return np.empty((0, len(statement.selected_columns)))
    numbers = np.column_stack(columns)
    values = numbers.astype(np.float64)
    values[numbers == NULL] = np.nan
    return values


def _json_columns(
    connection: Connection, statement: Select[Any], holding_json: Sequence[int] = ()
) -> list[list[Any]]:
    """A select's columns as lists, in one row: each column aggregated into one JSON array
    (names escaped by the database, parsed by one C call each) instead of a Python object and
    a call into the driver per value, 19 columns of 10 000 clients. The columns at
    `holding_json` hold JSON and come back parsed. The aggregates run in one pass over the
    same rows, so item i is row i in every list."""
    rows = statement.subquery()
    if connection.dialect.name == "sqlite":
        arrays = [
            func.json_group_array(func.json(column) if i in holding_json else column)
            for i, column in enumerate(rows.c)
        ]
    else:
        arrays = [func.json_agg(column) for column in rows.c]
    packed = connection.execute(select(*arrays)).one()
    return [_parsed(array) for array in packed]


def _parsed(array: Any) -> list[Any]:
    if array is None:  # PostgreSQL's json_agg of no rows
        return []
    return json.loads(array) if isinstance(array, str) else list(array)


def _text(values: Sequence[Any]) -> Any:
    return pd.array(list(values), dtype="str")


def _whole(values: Sequence[Any]) -> Any:
    return pd.array(list(values), dtype="Int64")


def _objects(values: Sequence[Any]) -> np.ndarray:
    """Python objects (lists, None) as a 1-d object array, one cell per value, never nested."""
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):  # a slice assignment would turn equal-length lists 2-d
        out[i] = value
    return out


def load_team(
    *, session: Session, team_id: int, today: dt.date, window_days: int, timezone: str = "UTC"
) -> TeamFrames:
    """One team's clients (every status), window sales, events and ratings as frames; the day
    a client was added is the day it was in the team's `timezone`."""
    dialect = session.get_bind().dialect.name
    start = today - dt.timedelta(days=window_days)

    def day(column: Any) -> ColumnElement[int]:
        return day_number(column, dialect)

    connection = session.connection()

    c = Client.__table__.c  # type: ignore[attr-defined]
    columns = _json_columns(
        connection,
        select(
            c.id,
            c.name,
            c.kind,
            c.status,
            c.gender,
            c.birth_year,
            c.city,
            c.income,
            c.education,
            c.interests,
            c.industry,
            c.employees,
            c.decision,
            c.source,
            c.segment,
            day(c.acquired_on),
            c.referred_by_id,
            second_number(c.created_at, dialect),
            day(c.kept_until),
        )
        .where(c.team_id == team_id)
        .order_by(c.id),
        holding_json=(9,),
    )
    # In client-id order (the history below is matched to ids by a sorted search): the
    # aggregates take the rows in the order selected, but no standard promises it.
    id_array = np.array(columns[0], dtype=np.int64)
    order = np.argsort(id_array, kind="stable")
    if (order != np.arange(len(order))).any():
        id_array = id_array[order]
        columns = [[values[i] for i in order] for values in columns]
    (
        ids,
        name,
        kind,
        status,
        gender,
        birth_year,
        city,
        income,
        education,
        interests,
        industry,
        employees,
        decision,
        source,
        segment,
        acquired_on,
        referred_by_id,
        created_at,
        kept_until,
    ) = columns

    s = Sale.__table__.c  # type: ignore[attr-defined]
    history = _number_rows(
        connection,
        select(s.client_id, func.min(s.sold_on), func.max(s.sold_on))
        .where(s.team_id == team_id, s.sold_on <= start)
        .group_by(s.client_id),
        days=(1, 2),
    )
    first_sold_on = np.full(len(ids), np.nan)
    last_sold_on = np.full(len(ids), np.nan)
    # By id, not by position: only history rows whose client is one of the loaded ids.
    owner = history[:, 0].astype(np.int64)
    where = np.clip(np.searchsorted(id_array, owner), 0, max(len(id_array) - 1, 0))
    known = (id_array[where] == owner) if len(id_array) else np.zeros(len(owner), bool)
    first_sold_on[where[known]] = history[known, 1]
    last_sold_on[where[known]] = history[known, 2]
    clients = pd.DataFrame(
        {
            "name": _text(name),
            "kind": _text(kind),
            "status": _text(status),
            "gender": _text(gender),
            "birth_year": _whole(birth_year),
            "city": _text(city),
            "income": _whole(income),
            "education": _text(education),
            # A plain array in client-id order, like every other column: a Series would be
            # aligned by its 0..n-1 labels with the client ids and hand each client another's.
            "interests": _objects(interests),
            "industry": _text(industry),
            "employees": _whole(employees),
            "decision": _text(decision),
            "source": _text(source),
            "segment": _text(segment),
            "acquired_on": _dates(acquired_on),
            "referred_by_id": _whole(referred_by_id),
            "created_at": _dates(_local_days(created_at, timezone)),
            "first_sold_on": _dates(first_sold_on),
            "last_sold_on": _dates(last_sold_on),
            "kept_until": _dates(kept_until),
        },
        index=pd.Index(id_array, name="client_id"),
    )
    assert set(CLIENT_COLUMNS) <= set(clients.columns)

    # Every sale column is a number (dates as days): one float array, exact for whole numbers
    # below 2^53 minor units.
    sale = _number_rows(
        connection,
        select(*(s[name] for name in SALE_FIGURES)).where(
            s.team_id == team_id,
            s.sold_on <= today,
            or_(s.sold_on > start, and_(s.paid_on.is_(None), s.due_on.is_not(None))),
        ),
        days=(1, 5, 6),
    )
    sales = pd.DataFrame(
        {
            "client_id": sale[:, 0].astype(np.int64),
            "sold_on": _dates(sale[:, 1]),
            "amount": sale[:, 2].astype(np.int64),
            "cost": sale[:, 3],
            "minutes": sale[:, 4],
            "due_on": _dates(sale[:, 5]),
            "paid_on": _dates(sale[:, 6]),
            "paid_amount": sale[:, 7],
        }
    )

    e = Event.__table__.c  # type: ignore[attr-defined]
    client_id, kind, happened_on, referred = _json_columns(
        connection,
        select(e.client_id, e.kind, day(e.happened_on), e.referred_client_id).where(
            e.team_id == team_id, e.happened_on > start, e.happened_on <= today
        ),
    )
    events = pd.DataFrame(
        {
            "client_id": np.array(client_id, dtype=np.int64),
            "kind": _text(kind),
            "happened_on": _dates(happened_on),
            "referred_client_id": _whole(referred),
        }
    )

    r = Rating.__table__.c  # type: ignore[attr-defined]
    client_id, user_id, rated_on, criterion, value = _json_columns(
        connection,
        select(r.client_id, r.user_id, day(r.rated_on), r.criterion, r.value).where(
            r.team_id == team_id, r.rated_on <= today
        ),
    )
    ratings = pd.DataFrame(
        {
            "client_id": np.array(client_id, dtype=np.int64),
            "user_id": np.array(user_id, dtype=np.int64),
            "rated_on": _dates(rated_on),
            "criterion": _text(criterion),
            "value": np.array(value, dtype=np.int64),
        }
    )
    return TeamFrames(clients=clients, sales=sales, events=events, ratings=ratings)


_SETTING_NAMES = {  # as the log says them
    "default_margin": "default margin",
    "concentration_threshold": "concentration threshold",
    "vat_rate": "VAT rate",
    "hour_cost": "hour cost",
}


def scoring_settings(team: Team | TeamView, *, today: dt.date) -> ScoringSettings:
    """The team's own scoring settings for `today` (its local date). A stored value outside
    what a team may set (left by an older version) is ignored with a warning, not raised on
    every card."""

    def settable(name: str, value: Any, fallback: Any) -> Any:
        if not setting_out_of_range(name, value, currency=team.currency):
            return value
        _log.warning("team %s: %s %r ignored", team.id, _SETTING_NAMES[name], value)
        return fallback

    margin = settable("default_margin", team.default_margin, None)
    threshold = settable(
        "concentration_threshold",
        team.concentration_threshold,
        ScoringSettings.concentration_threshold,
    )
    vat = settable("vat_rate", team.vat_rate if team.amounts_include_vat else None, None)
    hour_cost = settable("hour_cost", team.hour_cost, None)
    return ScoringSettings(
        today=today,
        window_days=team.scoring_window_days,
        concentration_threshold=threshold,
        default_margin=margin,
        vat_rate=vat,
        hour_cost=hour_cost,
        grade_scale=team.grade_scale,
        weights=team.score_weights,
    )


def load_profiles(*, session: Session, team_id: int) -> tuple[IdealProfile, ...]:
    """The team's ideal profiles, in name order."""
    rows = session.exec(
        sqlmodel_select(IdealProfileRow)
        .where(IdealProfileRow.team_id == team_id)
        .order_by(col(IdealProfileRow.name))
    ).all()
    return tuple(
        IdealProfile.from_dict(
            {
                **(row.criteria or {}),
                "name": row.name,
                "kind": row.kind if row.kind in ("person", "organisation") else None,
                "weights": row.weights,
            }
        )
        for row in rows
    )
