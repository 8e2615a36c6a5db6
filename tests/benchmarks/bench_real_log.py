"""Speed on real data (issue 21): what a user waits for, against what they would use instead.

Five rows, each measured as whole processes where a person would run one, in alternated pairs
(Kompas, then the other, then the other first) so a machine's drift hits both sides alike:

1. `kompas report --team X --json` on a purchase log of 23 500 customers / 70 000 sales, against
   the peer (`peer_report.py`: lifetimes' summary plus pandas revenue shares, in its own
   environment `.venv-peer` built from `peer.lock`). Goal ≤ 0.5× the peer.
2. `kompas import` of that log into a fresh team, against the floor (`floor_import.py`: pandas and
   `executemany` into the same tables and indexes). Goal ≤ 2.5× the floor.
3. Importing the same file again (adds nothing), against the floor's first import. Goal ≤ 1×.
4. `load_team` of a 10 000-client / 100 000-sale team, SQLite and PostgreSQL (in-process
   median). Goal ≤ 150 ms.
5. The first command on that team in a freshly started bot (cold: nothing cached), in a new
   process each time. Goal ≤ 300 ms.

    python -m tests.benchmarks.bench_real_log [--pairs 5] [--import-pairs 3] [--small]

PostgreSQL for row 4 when ``KOMPAS_TEST_POSTGRES_URL`` is set. Figures go to
tests/benchmarks/results/real-log-*.json.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.benchmarks.bench_import import machine, postgres_engine, sqlite_engine
from tests.benchmarks.purchase_log import END, purchase_log_csv

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
PEER_PYTHON = ROOT / ".venv-peer" / "bin" / "python"
KOMPAS = Path(sys.executable).with_name("kompas")
TEAM_CHAT = -2121
GOALS = {"report": 0.5, "import": 2.5, "reimport": 1.0, "load_ms": 150.0, "first_command_ms": 300.0}


def run_process(argv: list[str], *, stdout: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one whole process; fails loudly if it fails."""
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    try:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        errors = process.stderr.read().decode() if process.stderr else ""
    finally:
        if stdout:
            out.close()  # type: ignore[union-attr]
    if process.returncode != 0:
        raise RuntimeError(f"{argv[:4]} exited {process.returncode}: {errors[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def alternated(
    pairs: int, ours: Callable[[], tuple[float, float]], theirs: Callable[[], tuple[float, float]]
) -> dict[str, Any]:
    """Medians of `pairs` alternated runs of both sides and the ratio of the medians."""
    mine, other = [], []
    for pair in range(pairs):
        order = (ours, theirs) if pair % 2 == 0 else (theirs, ours)
        for side in order:
            (mine if side is ours else other).append(side())
    seconds = statistics.median(s for s, _ in mine)
    peer_seconds = statistics.median(s for s, _ in other)
    return {
        "pairs": pairs,
        "kompas_s": round(seconds, 3),
        "other_s": round(peer_seconds, 3),
        "ratio": round(seconds / peer_seconds, 2),
        "kompas_mib": round(statistics.median(m for _, m in mine)),
        "other_mib": round(statistics.median(m for _, m in other)),
        "kompas_runs_s": [round(s, 3) for s, _ in mine],
        "other_runs_s": [round(s, 3) for s, _ in other],
    }


def empty_team_database(path: Path) -> str:
    """A migrated SQLite database holding one empty Dutch team (chat TEAM_CHAT)."""
    from storage.engine import make_engine, new_session
    from storage.migrate import upgrade
    from tests.benchmarks.generate import create_bench_team

    url = f"sqlite:///{path}"
    engine = make_engine(url)
    upgrade(engine)
    with new_session(engine) as session:
        create_bench_team(session, chat_id=TEAM_CHAT)
        session.commit()
    engine.dispose()
    return url


def kompas(url: str, *args: str) -> list[str]:
    return [str(KOMPAS), "--db", url, *args]


def measure_report(folder: Path, log: Path, template: Path, pairs: int) -> dict[str, Any]:
    database = folder / "report.db"
    shutil.copy(template, database)
    url = f"sqlite:///{database}"
    run_process(kompas(url, "import", "--team", str(TEAM_CHAT), str(log)))
    ours = lambda: run_process(  # noqa: E731
        kompas(url, "report", "--team", str(TEAM_CHAT), "--json"), stdout=folder / "kompas.json"
    )
    theirs = lambda: run_process(  # noqa: E731
        [str(PEER_PYTHON), str(HERE / "peer_report.py"), str(log), END.isoformat()],
        stdout=folder / "peer.json",
    )
    figures = alternated(pairs, ours, theirs)
    report = json.loads((folder / "kompas.json").read_text())
    peer = json.loads((folder / "peer.json").read_text())
    figures["kompas_clients"] = len(report["grades"])
    figures["peer_customers"] = len(peer["customers"])
    return figures


def measure_import(
    folder: Path, log: Path, template: Path, pairs: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    again: list[tuple[float, float]] = []
    floors: list[tuple[float, float]] = []
    run = iter(range(10**6))

    def ours() -> tuple[float, float]:
        database = folder / f"import-{next(run)}.db"
        shutil.copy(template, database)
        url = f"sqlite:///{database}"
        first = run_process(kompas(url, "import", "--team", str(TEAM_CHAT), str(log)))
        again.append(run_process(kompas(url, "import", "--team", str(TEAM_CHAT), str(log))))
        database.unlink()
        return first

    def theirs() -> tuple[float, float]:
        database = folder / "floor.db"
        database.unlink(missing_ok=True)
        floors.append(
            run_process([sys.executable, str(HERE / "floor_import.py"), str(log), str(database)])
        )
        return floors[-1]

    first = alternated(pairs, ours, theirs)
    again_s = statistics.median(s for s, _ in again)
    reimport = {
        "pairs": pairs,
        "kompas_s": round(again_s, 3),
        "other_s": first["other_s"],
        "ratio": round(again_s / first["other_s"], 2),
        "kompas_mib": round(statistics.median(m for _, m in again)),
        "kompas_runs_s": [round(s, 3) for s, _ in again],
    }
    return first, reimport


def measure_load(runs: int, size: tuple[int, int]) -> dict[str, Any]:
    from tests.benchmarks.bench_scoring import bench_load

    figures = {
        "sqlite_ms": round(bench_load("sqlite", sqlite_engine, runs, size)["median_s"] * 1000, 1)
    }
    postgres = os.environ.get("KOMPAS_TEST_POSTGRES_URL")
    if postgres:
        loaded = bench_load("postgresql", lambda: postgres_engine(postgres), runs, size)
        figures["postgresql_ms"] = round(loaded["median_s"] * 1000, 1)
    return figures


async def _first_command_ms(database: Path, client: str) -> float:
    """One cold start: build the bot on `database`, time its first `/client` on the big team."""
    from bot.app import build_application, prepare_for_updates
    from bot.settings import Settings
    from bot.transports.local_bot_api import LocalBotApi
    from bot.transports.updates import Person, UpdateFactory
    from storage.engine import make_engine

    owner = Person(1, "Bench", "nl")
    engine = make_engine(f"sqlite:///{database}")
    api = LocalBotApi()
    api.add_group(TEAM_CHAT_BIG, "Bench")
    api.set_member(TEAM_CHAT_BIG, owner.user_id, "creator")
    app = build_application(Settings(), engine, request=api)
    async with app:
        prepare_for_updates()  # as the bot's start does (bot/app.py _post_init)
        update = UpdateFactory(api, app.bot).message(owner, TEAM_CHAT_BIG, f"/client {client}")
        started = time.perf_counter()
        await app.process_update(update)
        elapsed = (time.perf_counter() - started) * 1000
    engine.dispose()
    if not api.messages or client not in api.messages[-1].text:
        raise RuntimeError(
            f"the first command did not show {client}: {[m.text for m in api.messages]}"
        )
    return elapsed


TEAM_CHAT_BIG = -4242  # the chat of tests.benchmarks.generate's bench team (insert_team)


def measure_first_command(folder: Path, runs: int, size: tuple[int, int]) -> dict[str, Any]:
    from storage.engine import make_engine
    from storage.migrate import upgrade
    from tests.benchmarks.bench_scoring import TODAY, insert_team
    from tests.benchmarks.generate import generate_team

    database = folder / "big.db"
    engine = make_engine(f"sqlite:///{database}")
    upgrade(engine)
    frames = generate_team(*size, today=TODAY)
    insert_team(engine, frames)
    engine.dispose()
    client = str(frames.clients["name"].iloc[len(frames.clients) // 2])
    times = []
    for _ in range(runs):
        fresh = shutil.copy(database, folder / "cold.db")  # its update ledger starts empty too
        cold = subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.bench_real_log", "--cold", str(fresh), client],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if cold.returncode != 0:
            raise RuntimeError(f"the cold start failed: {cold.stderr[-2000:]}")
        output = cold.stdout
        times.append(float(output.split()[-1]))
    return {
        "runs": runs,
        "median_ms": round(statistics.median(times), 1),
        "runs_ms": [round(t, 1) for t in times],
    }


def table(results: dict[str, Any]) -> str:
    report, first, again = results["report"], results["import"], results["reimport"]
    load, cold = results["load"], results["first_command"]
    rows = [
        (
            "kompas report --json vs lifetimes + pandas",
            f"{report['ratio']}× ({report['kompas_s']} s vs {report['other_s']} s; "
            f"{report['kompas_mib']} vs {report['other_mib']} MiB)",
            f"≤ {GOALS['report']}×",
            report["ratio"] <= GOALS["report"],
        ),
        (
            "kompas import vs pandas + executemany",
            f"{first['ratio']}× ({first['kompas_s']} s vs {first['other_s']} s)",
            f"≤ {GOALS['import']}×",
            first["ratio"] <= GOALS["import"],
        ),
        (
            "same file again (adds nothing) vs that floor",
            f"{again['ratio']}× ({again['kompas_s']} s)",
            f"≤ {GOALS['reimport']}×",
            again["ratio"] <= GOALS["reimport"],
        ),
        (
            "load_team 10 000 / 100 000",
            ", ".join(f"{k.removesuffix('_ms')} {v} ms" for k, v in load.items()),
            f"≤ {GOALS['load_ms']:.0f} ms",
            max(load.values()) <= GOALS["load_ms"],
        ),
        (
            "first command after start (cold)",
            f"{cold['median_ms']} ms",
            f"≤ {GOALS['first_command_ms']:.0f} ms",
            cold["median_ms"] <= GOALS["first_command_ms"],
        ),
    ]
    return "\n".join(
        f"{'meets' if ok else 'MISSES'}  {what}: {measured} (goal {goal})"
        for what, measured, goal, ok in rows
    )


def compile_kompas() -> None:
    """Kompas's own modules as bytecode, as an installed Kompas has them: pip compiles a package
    as it installs it (the Docker image's too). A checkout run with PYTHONDONTWRITEBYTECODE set
    would compile each module it imports from source in every process timed (~0.2 s of a
    report), a cost no user of an installed Kompas pays."""
    import compileall

    for package in ("bot", "storage", "scoring", "locales"):
        compileall.compile_dir(ROOT / package, quiet=1)


def measure(
    *, customers: int, sales: int, pairs: int, import_pairs: int, team: tuple[int, int]
) -> dict[str, Any]:
    compile_kompas()
    if not PEER_PYTHON.exists():
        raise SystemExit(
            f"{PEER_PYTHON} is missing: `make bench` builds it from tests/benchmarks/peer.lock"
        )
    results: dict[str, Any] = {
        "machine": machine(),
        "customers": customers,
        "sales": sales,
        "team": list(team),
    }
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        log = folder / "log.csv"
        log.write_bytes(purchase_log_csv(customers, sales))
        template = folder / "template.db"
        empty_team_database(template)
        results["report"] = measure_report(folder, log, template, pairs)
        results["import"], results["reimport"] = measure_import(folder, log, template, import_pairs)
        results["load"] = measure_load(pairs, team)
        results["first_command"] = measure_first_command(folder, pairs, team)
    return results


def main() -> None:
    if sys.argv[1:2] == ["--cold"]:
        print(asyncio.run(_first_command_ms(Path(sys.argv[2]), sys.argv[3])))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--import-pairs", type=int, default=3)
    parser.add_argument("--small", action="store_true", help="a tiny log, to try the bench")
    args = parser.parse_args()
    print(f"bench_real_log on {machine()}", flush=True)
    small = args.small
    results = measure(
        customers=300 if small else 23_500,
        sales=900 if small else 70_000,
        team=(200, 2_000) if small else (10_000, 100_000),
        pairs=args.pairs,
        import_pairs=args.import_pairs,
    )
    print(table(results))
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    path = out / f"real-log-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(results, indent=2))
    print(f"results: {path}")


if __name__ == "__main__":
    main()
