"""Monday morning for a thousand teams: every digest out, as fast as Telegram lets us.

Target (issue 8): digests for 1 000 teams of 200 clients through a transport that enforces
Telegram's ~30 messages/s, in total within 1.1× of that floor (messages sent / 30 s), with
memory flat. Each digest is a chart (drawn in worker processes) and a text; the week is
claimed, frozen (snapshot) and marked sent for every team, on SQLite. Machine noted.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
import tempfile
import time
from collections import deque
from pathlib import Path
from typing import Any

from bot.app import build_application
from bot.jobs.digest import Outcome, close_worker_pool, deliver
from bot.settings import Settings
from bot.transports.local_bot_api import LocalBotApi
from scoring import TeamFrames
from storage.engine import make_engine, new_session
from storage.migrate import upgrade
from storage.models import Client, Event, Rating, Sale
from tests.benchmarks.bench_import import machine
from tests.benchmarks.bench_scoring import (
    Rows,
    _client_rows,
    _rows,
    bulk_insert,
)
from tests.benchmarks.generate import create_bench_team, generate_team

# Monday 23 November 2026, 09:00 in Amsterdam: every team's digest is due.
NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
TELEGRAM_RATE = 30  # messages per second, all chats together


class TelegramPacedApi(LocalBotApi):
    """The local Bot API, holding every send until Telegram's global rate allows it."""

    def __init__(self, rate: int = TELEGRAM_RATE) -> None:
        super().__init__()
        self._rate = rate
        self._sent: deque[float] = deque()
        self._lock = asyncio.Lock()

    async def do_request(
        self, url: str, method: str, request_data: Any = None, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        if url.rsplit("/", 1)[-1] in ("sendMessage", "sendPhoto", "sendDocument"):
            async with self._lock:
                now = time.monotonic()
                while self._sent and now - self._sent[0] >= 1.0:
                    self._sent.popleft()
                if len(self._sent) >= self._rate:
                    await asyncio.sleep(1.0 - (now - self._sent[0]))
                    self._sent.popleft()
                self._sent.append(time.monotonic())
        return await super().do_request(url, method, request_data, *args, **kwargs)


def _shifted(frames: TeamFrames, offset: int) -> TeamFrames:
    """The same team under other client ids, so a thousand teams share one generated team."""
    clients = frames.clients.copy()
    clients.index = clients.index + offset
    clients["referred_by_id"] = clients["referred_by_id"] + offset

    def moved(frame: Any, *columns: str) -> Any:
        frame = frame.copy()
        for column in columns:
            frame[column] = frame[column] + offset
        return frame

    return TeamFrames(
        clients=clients,
        sales=moved(frames.sales, "client_id"),
        events=moved(frames.events, "client_id", "referred_client_id"),
        ratings=moved(frames.ratings, "client_id"),
    )


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def setup(directory: Path, teams: int, clients: int, sales: int) -> tuple[Any, list[int]]:
    """A thousand teams in one transaction: the same generated team under other ids."""
    engine = make_engine(f"sqlite:///{directory / 'digest.db'}")
    upgrade(engine)
    frames = generate_team(clients, sales, today=NOW.date())
    with new_session(engine) as session:
        ids = [
            create_bench_team(session, chat_id=-(10_000 + k), title=f"Team {k}")
            for k in range(teams)
        ]
        session.commit()
    batches: dict[Any, Rows] = {}
    for k, team_id in enumerate(ids):
        shifted = _shifted(frames, k * clients)
        for model, (columns, rows) in (
            (Client, _client_rows(shifted, team_id, json_as_text=False)),
            (Sale, _rows(shifted.sales, team_id)),
            (Event, _rows(shifted.events, team_id)),
            (Rating, _rows(shifted.ratings, team_id)),
        ):
            batches.setdefault(model, (columns, []))[1].extend(rows)
    bulk_insert(engine, batches)
    return engine, ids


async def run(engine: Any, team_ids: list[int]) -> dict[str, Any]:
    api = TelegramPacedApi()
    for k in range(len(team_ids)):
        api.add_group(-(10_000 + k), f"Team {k}")
    app = build_application(Settings(), engine, request=api, clock=lambda: NOW, rate_limited=True)
    memory: list[float] = []

    async def sample() -> None:
        while True:
            memory.append(_rss_mb())
            await asyncio.sleep(1.0)

    async with app:
        sampler = asyncio.create_task(sample())
        started = time.perf_counter()
        outcomes: list[Outcome] = await asyncio.gather(*(deliver(app, i) for i in team_ids))
        elapsed = time.perf_counter() - started
        sampler.cancel()
        close_worker_pool(app)
    messages = sum(o.messages for o in outcomes)
    floor = messages / TELEGRAM_RATE
    quarter = max(len(memory) // 4, 1)
    return {
        "teams": len(team_ids),
        "sent": sum(o.status == "sent" for o in outcomes),
        "messages": messages,
        "seconds": round(elapsed, 1),
        "floor_seconds": round(floor, 1),
        "ratio_to_floor": round(elapsed / floor, 3) if floor else None,
        "rss_mb_first_quarter_max": round(max(memory[:quarter]), 1),
        "rss_mb_last_quarter_max": round(max(memory[-quarter:]), 1),
    }


def main() -> dict[str, Any]:
    small = "--small" in sys.argv
    teams, clients, sales = (10, 200, 1_000) if small else (1_000, 200, 1_000)
    if "--teams" in sys.argv:
        teams = int(sys.argv[sys.argv.index("--teams") + 1])
    results: dict[str, Any] = {"machine": machine()}
    with tempfile.TemporaryDirectory() as directory:
        started = time.perf_counter()
        engine, ids = setup(Path(directory), teams, clients, sales)
        results["setup_seconds"] = round(time.perf_counter() - started, 1)
        results["digests"] = asyncio.run(run(engine, ids))
        engine.dispose()
    print(json.dumps(results, indent=2))
    out = Path(__file__).with_name("results")
    out.mkdir(exist_ok=True)
    (out / "digest.json").write_text(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
