"""The long-lived services one Application holds in bot_data: settings, database, clock, caches."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ParamSpec, TypeVar

from sqlalchemy import Engine
from telegram.ext import ContextTypes

from bot.access import ChatMemberCache
from bot.settings import Settings

KOMPAS = "kompas"
P = ParamSpec("P")
R = TypeVar("R")


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Kompas:
    settings: Settings
    engine: Engine
    clock: Callable[[], dt.datetime] = system_clock
    chat_members: ChatMemberCache = field(default_factory=ChatMemberCache)

    async def db(self, fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
        """Run database work without stalling the event loop on network round trips.

        PostgreSQL work goes to a worker thread. The embedded SQLite file answers in
        microseconds, less than a thread hop costs (~140 µs on the reference machine), so
        it runs in place: that is what lets one instance record over 1 000 sales a second
        (tests/benchmarks/bench_chat.py).
        """
        if self.engine.dialect.name == "sqlite":
            return fn(*args, **kwargs)
        return await asyncio.to_thread(fn, *args, **kwargs)


def kompas_of(context: ContextTypes.DEFAULT_TYPE) -> Kompas:
    return context.bot_data[KOMPAS]
