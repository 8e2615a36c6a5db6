"""Reading a big team on a phone: /client, /risk and /portrait through the real Application.

Target (issue 7): p95 ≤ 50 ms per command on a team of 10 000 clients / 100 000 sales, with the
team's analysis cached per data version (the first, cold command pays for loading and scoring;
its time is reported apart). The offline transport, SQLite, the machine noted.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bot.app import build_application
from bot.settings import Settings
from bot.transports.local_bot_api import LocalBotApi
from bot.transports.updates import Person, UpdateFactory
from storage.engine import make_engine
from storage.migrate import upgrade
from tests.benchmarks.bench_import import machine
from tests.benchmarks.bench_scoring import insert_team
from tests.benchmarks.generate import generate_team

NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)
OWNER = Person(1, "Bench", "nl")
CHAT = -4242
RUNS = 60  # per command; p95 needs a few dozen


async def _measure(clients: int, sales: int, directory: Path) -> dict[str, object]:
    engine = make_engine(f"sqlite:///{directory / 'reading.db'}")
    upgrade(engine)
    frames = generate_team(clients, sales, today=NOW.date())
    insert_team(engine, frames)
    names = frames.clients["name"].tolist()
    api = LocalBotApi()
    api.add_group(CHAT, "Bench")
    api.set_member(CHAT, OWNER.user_id, "creator")
    app = build_application(Settings(), engine, request=api, clock=lambda: NOW)
    figures: dict[str, object] = {}
    async with app:
        factory = UpdateFactory(api, app.bot)

        async def timed(text: str) -> float:
            started = time.perf_counter()
            await app.process_update(factory.message(OWNER, CHAT, text))
            return (time.perf_counter() - started) * 1000

        figures["cold_first_command_ms"] = round(await timed("/risk"), 1)
        for command in ("/client", "/risk", "/portrait"):
            times = []
            for i in range(RUNS):
                text = (
                    f"/client {names[(i * 7919) % len(names)]}" if command == "/client" else command
                )
                times.append(await timed(text))
            times.sort()
            figures[command] = {
                "median_ms": round(statistics.median(times), 1),
                "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
            }
        assert all(len(m.text) <= 4096 for m in api.messages)
    engine.dispose()
    return figures


def main() -> dict[str, object]:
    sizes = [(10_000, 100_000)] if "--small" not in sys.argv else [(500, 5_000)]
    results: dict[str, object] = {"machine": machine()}
    for clients, sales in sizes:
        with tempfile.TemporaryDirectory() as directory:
            results[f"{clients}x{sales}"] = asyncio.run(_measure(clients, sales, Path(directory)))
    print(json.dumps(results, indent=2, ensure_ascii=False))
    out = Path(__file__).with_name("results")
    out.mkdir(exist_ok=True)
    (out / "reading.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return results


if __name__ == "__main__":
    main()
