"""The long-lived services one Application holds in bot_data: settings, database, clock, caches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from telegram.ext import ContextTypes

from bot.access import ChatMemberCache
from bot.settings import Settings

KOMPAS = "kompas"


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Kompas:
    settings: Settings
    engine: Engine
    clock: Callable[[], dt.datetime] = system_clock
    chat_members: ChatMemberCache = field(default_factory=ChatMemberCache)


def kompas_of(context: ContextTypes.DEFAULT_TYPE) -> Kompas:
    return context.bot_data[KOMPAS]
