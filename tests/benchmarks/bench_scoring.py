"""Benchmark: the full team analysis, and loading a team from SQLite and PostgreSQL.

Issue 5's targets: `analyse` (metrics, fit, score, grades, explanations, concentration,
retention, time-eaters, decline, portrait) on 10 000 clients / 100 000 sales in ≤ 100 ms, and
on 100 000 clients / 1 000 000 sales in ≤ 0.8 s with ≤ 400 MB peak (tracemalloc, measured in a
separate run so it does not slow the timed ones). Each timed run is preceded by a single
pandas `groupby('client_id')['amount'].sum()` over the same sales — the floor — and the report
gives the ratio of the medians. `load_team` is timed on the 10 000 / 100 000 team after a bulk
insert (Core executemany on SQLite, COPY on PostgreSQL). Results go to tests/benchmarks/results/.

    python -m tests.benchmarks.bench_scoring [--runs 5] [--quick] [--no-load]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import statistics
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Engine, text

from scoring import ScoringSettings, TeamFrames, analyse
from storage.engine import new_session
from storage.frames import load_team
from storage.models import Client, Event, Rating, Sale
from tests.benchmarks.bench_import import machine, postgres_engine, sqlite_engine
from tests.benchmarks.generate import create_bench_team, generate_team

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)
RESULTS = Path(__file__).with_name("results")
SIZES = (
    {"clients": 10_000, "sales": 100_000, "target_s": 0.100, "target_mb": None},
    {"clients": 100_000, "sales": 1_000_000, "target_s": 0.800, "target_mb": 400.0},
)
LOAD_SIZE = (10_000, 100_000)


def _median_of(runs: int, work: Callable[[], object]) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def bench_analyse(clients: int, sales: int, runs: int) -> dict[str, Any]:
    """Median analyse and groupby-sum times over the same generated team, and peak memory."""
    frames = generate_team(clients, sales, today=TODAY)
    settings = ScoringSettings(today=TODAY)
    analyse(frames, settings)  # warm caches and imports outside the timed runs
    analysed, floors = [], []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        frames.sales.groupby("client_id")["amount"].sum()
        floors.append(time.perf_counter() - started)
        started = time.perf_counter()
        analysis = analyse(frames, settings)
        analysed.append(time.perf_counter() - started)
    gc.collect()
    tracemalloc.start()
    analyse(frames, settings)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    median, floor = statistics.median(analysed), statistics.median(floors)
    return {
        "clients": clients,
        "sales": sales,
        "active_clients": len(analysis.clients),
        "runs": runs,
        "median_s": median,
        "min_s": min(analysed),
        "max_s": max(analysed),
        "groupby_sum_median_s": floor,
        "ratio_to_groupby_sum": median / floor,
        "peak_mb": peak / 1e6,
    }


def insert_team(engine: Engine, frames: TeamFrames, *, chat_id: int = -4242) -> int:
    """Bulk insert a generated team; returns its id."""
    with new_session(engine) as session:
        team_id = create_bench_team(session, chat_id=chat_id)
        session.commit()
    use_copy = engine.dialect.name == "postgresql"
    bulk_insert(
        engine,
        {
            Client: _client_rows(frames, team_id, json_as_text=use_copy),
            Sale: _rows(frames.sales, team_id),
            Event: _rows(frames.events, team_id),
            Rating: _rows(frames.ratings, team_id),
        },
    )
    return team_id


Rows = tuple[list[str], list[tuple[Any, ...]]]


def bulk_insert(engine: Engine, tables: dict[Any, Rows]) -> None:
    """Generated rows in as fast as each database takes them: COPY on PostgreSQL."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            for model, (columns, rows) in tables.items():
                table = model.__table__
                cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
                names = ", ".join(columns)
                with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            for model in tables:
                name = model.__table__.name
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT coalesce(max(id), 1) FROM {name}))"
                    )
                )
        return
    with engine.connect() as connection:
        # Clients refer to clients inserted later. With checks merely deferred, SQLite then
        # searches every referring table on each insert: quadratic, hours for a thousand teams.
        # The generated rows are consistent, and the check below says so.
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        for model, (columns, rows) in tables.items():
            connection.execute(
                model.__table__.insert(), [dict(zip(columns, r, strict=True)) for r in rows]
            )
        connection.commit()
        violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        assert not violations, f"{len(violations)} rows refer to nothing"
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")


def _values(series: Any) -> list[Any]:
    """A column as Python values for the driver: dates, ints, strings, None for unknown."""
    array = series.to_numpy()
    if array.dtype.kind == "M":
        return array.astype("datetime64[D]").tolist()  # datetime.date, NaT → None
    if array.dtype.kind == "f":
        return [None if np.isnan(v) else int(v) for v in array.tolist()]
    missing = series.isna().tolist()
    return [None if m else v for v, m in zip(series.astype(object).tolist(), missing, strict=True)]


def _rows(frame: Any, team_id: int) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    columns = list(frame.columns)
    values = [_values(frame[c]) for c in columns]
    created = [NOW] * len(frame)
    return [*columns, "team_id", "created_at"], zip(
        *values, [team_id] * len(frame), created, strict=True
    )


def _client_rows(
    frames: TeamFrames, team_id: int, *, json_as_text: bool
) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    clients = frames.clients.drop(columns=["created_at"]).assign(
        name_key=frames.clients["name"].str.casefold()
    )
    if json_as_text:  # COPY takes the JSON column as text; Core serialises lists itself
        clients["interests"] = clients["interests"].map(
            lambda v: json.dumps(v) if isinstance(v, list) else None
        )
    columns, rows = _rows(clients, team_id)
    ids = frames.clients.index.tolist()
    updated = [NOW] * len(ids)
    return ["id", *columns, "updated_at"], (
        (i, *row, u) for i, row, u in zip(ids, rows, updated, strict=True)
    )


def bench_load(
    backend: str,
    engine_for: Callable[[], AbstractContextManager[Engine]],
    runs: int,
    size: tuple[int, int] = LOAD_SIZE,
) -> dict[str, Any]:
    """Median `load_team` time for a generated team bulk-inserted into a fresh database."""
    clients, sales = size
    frames = generate_team(clients, sales, today=TODAY)
    with engine_for() as engine:
        started = time.perf_counter()
        team_id = insert_team(engine, frames)
        inserted = time.perf_counter() - started

        def load() -> TeamFrames:
            with new_session(engine) as session:
                return load_team(session=session, team_id=team_id, today=TODAY, window_days=365)

        loaded = load()
        median, times = _median_of(runs, load)
    return {
        "backend": backend,
        "clients": clients,
        "sales": sales,
        "loaded_sales": len(loaded.sales),
        "insert_s": inserted,
        "runs": runs,
        "median_s": median,
        "min_s": min(times),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="only the 10 000-client team")
    parser.add_argument("--no-load", action="store_true", help="skip the database load timings")
    args = parser.parse_args(argv)
    print(f"bench_scoring on {machine()}")
    results: dict[str, Any] = {
        "machine": machine(),
        "cpus": os.cpu_count(),
        "analyse": [],
        "load": [],
    }
    for size in SIZES[:1] if args.quick else SIZES:
        figures = bench_analyse(size["clients"], size["sales"], args.runs)
        figures.update(target_s=size["target_s"], target_mb=size["target_mb"])
        results["analyse"].append(figures)
        within = figures["median_s"] <= size["target_s"] and (
            size["target_mb"] is None or figures["peak_mb"] <= size["target_mb"]
        )
        print(
            f"analyse {figures['clients']:,} clients / {figures['sales']:,} sales: "
            f"median {figures['median_s'] * 1000:.0f} ms (min {figures['min_s'] * 1000:.0f}, "
            f"max {figures['max_s'] * 1000:.0f}, {args.runs} runs), "
            f"groupby-sum {figures['groupby_sum_median_s'] * 1000:.1f} ms, "
            f"ratio {figures['ratio_to_groupby_sum']:.1f}×, peak {figures['peak_mb']:.0f} MB "
            f"— target {size['target_s'] * 1000:.0f} ms"
            + (f" / {size['target_mb']:.0f} MB" if size["target_mb"] else "")
            + (" ok" if within else " MISSED")
        )
    if not args.no_load:
        backends: list[tuple[str, Callable[[], AbstractContextManager[Engine]]]] = [
            ("sqlite", sqlite_engine)
        ]
        postgres = os.environ.get("KOMPAS_TEST_POSTGRES_URL")
        if postgres:
            backends.append(("postgresql", lambda: postgres_engine(postgres)))
        else:
            print("load_team postgresql: skipped (set KOMPAS_TEST_POSTGRES_URL)")
        for backend, engine_for in backends:
            figures = bench_load(backend, engine_for, args.runs)
            results["load"].append(figures)
            print(
                f"load_team {backend} {figures['clients']:,} clients / {figures['sales']:,} sales "
                f"({figures['loaded_sales']:,} in the window): median "
                f"{figures['median_s'] * 1000:.0f} ms (min {figures['min_s'] * 1000:.0f}); "
                f"bulk insert {figures['insert_s']:.1f} s"
            )
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"scoring-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"results: {out}")
    return results


if __name__ == "__main__":
    main()
