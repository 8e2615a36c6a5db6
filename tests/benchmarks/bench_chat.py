"""Throughput of recording updates through the real Application and the offline transport.

Target (issue 6): ≥ 1 000 `/sale` updates/s on the reference 2-core machine, where
python-telegram-bot's own floor (an Application that only replies, same transport) is about
4 000/s. Machines differ, so the figure that travels is the ratio to that floor, measured in
the same run: ≥ 0.25.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, CommandHandler, ContextTypes, Defaults

from bot.app import build_application
from bot.settings import Settings
from bot.transports.local_bot_api import LocalBotApi
from bot.transports.updates import Person, UpdateFactory
from storage import clients, teams
from storage.engine import make_engine, new_session
from storage.migrate import upgrade
from tests.benchmarks.bench_import import machine

USER = Person(11, "Anna", "nl")
NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)


async def _reply_only(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text("ok")


async def _rate(app: Application, api: LocalBotApi, text: str, count: int) -> float:
    """Updates per second for `count` identical messages (after a short warm-up)."""
    factory = UpdateFactory(api, app.bot, first_update_id=1)
    for _ in range(min(50, count)):
        await app.process_update(factory.message(USER, USER.user_id, text))
    started = time.perf_counter()
    for _ in range(count):
        await app.process_update(factory.message(USER, USER.user_id, text))
    return count / (time.perf_counter() - started)


async def floor_rate(count: int) -> float:
    """python-telegram-bot alone: an Application that only replies, through the same transport."""
    api = LocalBotApi()
    api.add_private_chat(USER.user_id, USER.first_name)
    app = (
        ApplicationBuilder()
        .token("1:floor")
        .request(api)
        .get_updates_request(api)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .build()
    )
    app.add_handler(CommandHandler("sale", _reply_only))
    async with app:
        return await _rate(app, api, "/sale Bakkerij de Vries 100", count)


async def kompas_rate(count: int, directory: Path) -> float:
    """Kompas recording `/sale` on an existing client: a database write per update."""
    engine = make_engine(f"sqlite:///{directory / 'bench.db'}")
    upgrade(engine)
    with new_session(engine) as session:
        team = teams.create_team(
            session=session,
            chat_id=USER.user_id,
            title="Bench",
            locale="nl",
            owner_id=USER.user_id,
            owner_name="Anna",
            is_personal=True,
            now=NOW,
        )
        team.onboarded = True
        clients.create_client(
            session=session, team_id=team.id or 0, name="Bakkerij de Vries", now=NOW
        )
        session.commit()
    api = LocalBotApi()
    api.add_private_chat(USER.user_id, USER.first_name)
    app = build_application(Settings(), engine, request=api, clock=lambda: NOW)
    async with app:
        rate = await _rate(app, api, "/sale Bakkerij de Vries 100", count)
    engine.dispose()
    return rate


def measure(count: int = 1000, runs: int = 7) -> dict[str, float]:
    """Median updates/s of both, over `runs` alternating runs, and their ratio.

    Shared virtual machines change speed by up to 2x between runs, and not for both alike:
    the spread of the ratio within one set of runs says how far to trust it.
    """
    floors, ours = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as directory:
            floors.append(asyncio.run(floor_rate(count)))
            ours.append(asyncio.run(kompas_rate(count, Path(directory))))
    floor, kompas = statistics.median(floors), statistics.median(ours)
    pairs = [ours[i] / floors[i] for i in range(runs)]
    return {
        "floor_updates_per_s": floor,
        "kompas_updates_per_s": kompas,
        "ratio_to_floor": kompas / floor,
        "ratio_lowest_run": min(pairs),
        "ratio_highest_run": max(pairs),
    }


if __name__ == "__main__":
    print(f"machine: {machine()}")
    for name, value in measure().items():
        print(f"{name}: {value:.2f}")
