"""A file to import is downloaded and read before its update's turn opens a transaction.

Reading takes a child process up to a minute (storage/file_worker.py). Inside the turn it would
hold the update's transaction open all that time, and on SQLite an open write transaction (the
turn claims its update in the ledger first) makes every other team's update wait for it. So
the file is read first, with a read-only look at whose team it is for, and the turn picks the
result up (``take``). The turn still decides everything else: whether the sender may import,
and what is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from telegram import Document, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.kit.lanes import waiting_aside
from bot.kit.limits import file_for_the_bot, take_for_team
from bot.kit.runtime import kompas_of
from locales import InputError
from storage import callers, tabular
from storage.engine import new_session
from storage.file_worker import read_apart
from storage.import_results import ReadImport
from storage.models import Role

IMPORTABLE = (".csv", ".tsv", ".txt", ".xlsx")
READ_KEY = "files_read"
_ADMINS = (Role.ADMIN.value, Role.OWNER.value)


@dataclass(frozen=True)
class ReadFile:
    """What reading one update's file gave, and for which team settings it was read."""

    team_id: int
    locale: str
    currency: str
    today: dt.date
    result: ReadImport | InputError | float  # float: the team's files are used up for so long


@dataclass(frozen=True)
class _Reader:
    team_id: int
    locale: str
    currency: str
    timezone: str


async def read_first(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Read the update's file when it is an import an admin of a team sent; else nothing (the
    turn then refuses or reads it itself)."""
    message, user = update.effective_message, update.effective_user
    if message is None or message.document is None or user is None:
        return
    upload = message.document
    name = (upload.file_name or "").lower()
    if not name.endswith(IMPORTABLE) or (upload.file_size or 0) > tabular.MAX_BYTES:
        return
    if not file_for_the_bot(update, context):
        return
    kompas = kompas_of(context)
    reader = await kompas.db(_reader, kompas.engine, update)
    if reader is None:
        return
    today = kompas.clock().astimezone(ZoneInfo(reader.timezone)).date()
    read = context.bot_data.setdefault(READ_KEY, {})
    settings = (reader.team_id, reader.locale, reader.currency, today)
    wait = take_for_team(context, reader.team_id, "import")
    if wait > 0:
        read[update.update_id] = ReadFile(*settings, wait)
        return
    # Downloading and waiting for one of the file readers: this chat's lane stays its own, its
    # working place goes to another chat meanwhile (bot/kit/lanes.py).
    async with waiting_aside():
        result = await _download_and_read(context, upload, reader, today)
    if result is None:  # the turn tries again, and answers as it does for any such failure
        read.pop(update.update_id, None)
        return
    read[update.update_id] = ReadFile(*settings, result)


async def _download_and_read(
    context: ContextTypes.DEFAULT_TYPE, upload: Document, reader: _Reader, today: dt.date
) -> ReadImport | InputError | None:
    try:
        file = await context.bot.get_file(upload.file_id)
        content = bytes(await file.download_as_bytearray())
    except TelegramError:
        return None
    try:
        return await read_apart(
            filename=upload.file_name or "file",
            content=content,
            locale=reader.locale,
            currency=reader.currency,
            today=today,
        )
    except InputError as error:
        return error


def take(
    context: ContextTypes.DEFAULT_TYPE, update: Update, settings: tuple[int, str, str, dt.date]
) -> ReadImport | InputError | float | None:
    """The file read for this update, if it was read for these team settings (id, locale,
    currency, today)."""
    read: ReadFile | None = context.bot_data.get(READ_KEY, {}).pop(update.update_id, None)
    if read is None or (read.team_id, read.locale, read.currency, read.today) != settings:
        return None
    return read.result


def forget(context: ContextTypes.DEFAULT_TYPE, update: Update) -> None:
    context.bot_data.get(READ_KEY, {}).pop(update.update_id, None)


def _reader(engine: Engine, update: Update) -> _Reader | None:
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return None
    with new_session(engine) as session:
        found = callers.caller_context(
            session=session,
            user_id=user.id,
            chat_id=chat.id,
            in_group=chat.type != ChatType.PRIVATE,
        )
    team, member = found.team, found.member
    if team is None or member is None or member.role not in _ADMINS:
        return None
    return _Reader(team.id, team.locale, team.currency, team.timezone)
