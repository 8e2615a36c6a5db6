"""Throughput of recording updates through the real Application and the offline transport.

Each update records a new `/sale`, whose confirmation tells the client's grade: the team is
scored again per sale (README "Speed" quotes the figures; issue 19 asks ≥ 300/s, ten times what
Telegram lets one bot send). Machines differ, so the figure that travels is the ratio to
python-telegram-bot's own floor (an Application that only replies, same transport), measured in
the same run.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select
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
from storage.models import Sale
from tests.benchmarks.bench_import import machine

USER = Person(11, "Anna", "nl")
NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)


async def _reply_only(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text("ok")


def sale_line(number: int) -> str:
    """A new amount every time: the same sale again within 10 minutes is asked about, not stored."""
    return f"/sale Bakkerij de Vries {100 + number}"


async def _rate(app: Application, api: LocalBotApi, count: int) -> float:
    """Updates per second for `count` sale lines (after a short warm-up of `WARM_UP` more)."""
    factory = UpdateFactory(api, app.bot, first_update_id=1)
    for number in range(warm_up(count)):
        await app.process_update(factory.message(USER, USER.user_id, sale_line(count + number)))
    started = time.perf_counter()
    for number in range(count):
        await app.process_update(factory.message(USER, USER.user_id, sale_line(number)))
    return count / (time.perf_counter() - started)


def warm_up(count: int) -> int:
    return min(50, count)


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
        return await _rate(app, api, count)


async def kompas_rate(count: int, directory: Path) -> tuple[float, int]:
    """Kompas recording `/sale` on an existing client: a database write per update.

    Returns the rate and the number of sales stored, so a run that asked instead of recording
    (a doubt about the amount, a repeated sale) shows.
    """
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
        rate = await _rate(app, api, count)
    with new_session(engine) as session:
        stored = session.exec(select(func.count()).select_from(Sale)).one()
    engine.dispose()
    return rate, stored


def measure(count: int = 1000, runs: int = 7) -> dict[str, float]:
    """Median updates/s of both, over `runs` alternating runs, and their ratio.

    Shared virtual machines change speed by up to 2x between runs, and not for both alike:
    the spread of the ratio within one set of runs says how far to trust it.
    """
    floors, ours, stored = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as directory:
            floors.append(asyncio.run(floor_rate(count)))
            rate, recorded = asyncio.run(kompas_rate(count, Path(directory)))
            ours.append(rate)
            stored.append(recorded)
    floor, kompas = statistics.median(floors), statistics.median(ours)
    pairs = [ours[i] / floors[i] for i in range(runs)]
    return {
        "floor_updates_per_s": floor,
        "kompas_updates_per_s": kompas,
        "ratio_to_floor": kompas / floor,
        "ratio_lowest_run": min(pairs),
        "ratio_highest_run": max(pairs),
        "sales_stored_per_run": min(stored),
    }


if __name__ == "__main__":
    print(f"machine: {machine()}")
    for name, value in measure().items():
        print(f"{name}: {value:.2f}")
