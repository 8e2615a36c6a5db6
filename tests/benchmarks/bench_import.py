"""Benchmark: importing 100 000 sales from a Dutch Excel CSV, on SQLite and PostgreSQL.

Issue 5 asks for "100 000 sales import in well under a minute". Each run imports the same
generated file (semicolon, BOM, ``1.250,50`` amounts, ``23-11-2026`` dates, times as ``90`` or
``1,5 uur``, 2 000 clients that do not exist yet) into a fresh team and commits; then imports it
again, which must add nothing. Medians over the runs, with the machine noted.

    python -m tests.benchmarks.bench_import [--sales 100000] [--clients 2000] [--runs 5]

PostgreSQL runs when ``KOMPAS_TEST_POSTGRES_URL`` is set (a throw-away database is created on
that server and dropped afterwards). Figures go to tests/benchmarks/results/import-*.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from storage.engine import make_engine, new_session
from storage.import_file import import_file
from storage.import_results import ImportReport
from storage.migrate import upgrade
from storage.teams import team_by_chat
from tests.benchmarks.generate import create_bench_team

NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)
LIMIT_SECONDS = 60.0
RESULTS = Path(__file__).with_name("results")


def sales_csv(sales: int, clients: int, *, seed: int = 20261123) -> bytes:
    """A Dutch sales file as Excel writes it, with a realistic spread of formats."""
    rng = random.Random(seed)
    names = [
        f"Klant {i:05d} {rng.choice(['BV', 'VOF', 'Studio', 'Salon', ''])}".strip()
        for i in range(clients)
    ]
    lines = ["Klant;Datum;Bedrag;Kosten;Tijd;Vervaldatum;Betaald op"]
    for _ in range(sales):
        day = NOW.date() - dt.timedelta(days=rng.randrange(400))
        cents = int(rng.lognormvariate(11, 1.2))
        euros, rest = divmod(cents, 100)
        amount = f"{euros:,}".replace(",", ".") + f",{rest:02d}"
        cost = "" if rng.random() < 0.2 else str(cents // 300)
        minutes = rng.choice(["", "90", "45", "1,5 uur", "2u", "30 min"])
        due = day + dt.timedelta(days=14)
        paid = "" if rng.random() < 0.1 else (due + dt.timedelta(days=rng.randrange(-10, 20)))
        lines.append(
            f"{rng.choice(names)};{day:%d-%m-%Y};{amount};{cost};{minutes};{due:%d-%m-%Y};"
            f"{paid if not paid else f'{paid:%d-%m-%Y}'}"
        )
    return b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8")


def timed_import(engine: Engine, chat_id: int, content: bytes) -> tuple[float, ImportReport]:
    with new_session(engine) as session:
        team_id = create_bench_team(session, chat_id=chat_id)
        session.commit()
        started = time.perf_counter()
        report = _import(session, team_id, content)
        session.commit()
        return time.perf_counter() - started, report


def timed_reimport(engine: Engine, chat_id: int, content: bytes) -> tuple[float, ImportReport]:
    with new_session(engine) as session:
        team = team_by_chat(session=session, chat_id=chat_id)
        assert team is not None
        started = time.perf_counter()
        report = _import(session, team.id or 0, content)
        session.commit()
        return time.perf_counter() - started, report


def _import(session: Session, team_id: int, content: bytes) -> ImportReport:
    report = import_file(
        session=session,
        team_id=team_id,
        filename="omzet.csv",
        content=content,
        locale="nl",
        currency="EUR",
        today=NOW.date(),
        now=NOW,
        user_id=1,
    )
    if not report.ok:
        raise SystemExit(f"benchmark file did not import: {report.errors[:3]}")
    return report


@contextmanager
def sqlite_engine() -> Iterator[Engine]:
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade(engine)
        yield engine
        engine.dispose()


@contextmanager
def postgres_engine(admin_url: str) -> Iterator[Engine]:
    admin = make_engine(admin_url)
    name = f"kompas_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    try:
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}"


def bench(
    backend: str,
    engine_for: Callable[[], AbstractContextManager[Engine]],
    content: bytes,
    runs: int,
) -> dict[str, Any]:
    """Import into a fresh team `runs` times, then the same file again each time."""
    firsts, seconds = [], []
    with engine_for() as engine, engine.connect() as connection:
        version = connection.exec_driver_sql(
            "select sqlite_version()" if backend == "sqlite" else "show server_version"
        ).scalar()
        connection.rollback()
        for run in range(runs):
            first, report = timed_import(engine, -1000 - run, content)
            second, again = timed_reimport(engine, -1000 - run, content)
            assert again.sales_added == 0 and again.duplicates_skipped == report.sales_added
            firsts.append(first)
            seconds.append(second)
    median = statistics.median(firsts)
    print(
        f"{backend} {version}: import {report.sales_added:,} sales / {report.clients_created:,} "
        f"new clients: median {median:.2f} s (min {min(firsts):.2f}, max {max(firsts):.2f}, "
        f"{runs} runs) — {'ok' if median < LIMIT_SECONDS else 'TOO SLOW'}\n"
        f"{backend} {version}: same file again (adds nothing): median "
        f"{statistics.median(seconds):.2f} s",
        flush=True,
    )
    return {
        "backend": backend,
        "version": version,
        "sales": report.sales_added,
        "new_clients": report.clients_created,
        "runs": runs,
        "median_s": median,
        "min_s": min(firsts),
        "max_s": max(firsts),
        "again_median_s": statistics.median(seconds),
        "target_s": LIMIT_SECONDS,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sales", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    content = sales_csv(args.sales, args.clients)
    print(f"bench_import: {len(content) / 1e6:.1f} MB CSV on {machine()}", flush=True)
    results: dict[str, Any] = {"machine": machine(), "cpus": os.cpu_count(), "import": []}
    results["import"].append(bench("sqlite", sqlite_engine, content, args.runs))
    postgres = os.environ.get("KOMPAS_TEST_POSTGRES_URL")
    if postgres:
        results["import"].append(
            bench("postgresql", lambda: postgres_engine(postgres), content, args.runs)
        )
    else:
        print("postgresql: skipped (set KOMPAS_TEST_POSTGRES_URL)")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"import-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"results: {out}")


if __name__ == "__main__":
    main()
