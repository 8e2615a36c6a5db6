"""`kompas chat`: the real Application in a terminal, on the local database, with no network.

Each input line is a message from one user; `#2` presses button 2 of the latest message with
buttons; `@path/to/file.csv` sends a file and `@path/to/file.csv /import` sends it with the
caption `/import`. Replies print as plain text with numbered buttons; what the bot sends to
another chat (someone's private chat) prints with an arrow to it. Works interactively and from
a pipe (it stops at the end of input), so it can be scripted.

Its Telegram lives in the database (storage/offline_world.py): who is in which group with which
status (`--role`), who opened a private chat, and the update and message ids handed out, so a
later session continues where the last one stopped, as Telegram would.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine
from sqlmodel import Session
from telegram.ext import Application

from bot.app import build_application
from bot.kit.runtime import system_clock
from bot.kit.telegram_html import html_to_text
from bot.settings import Settings
from bot.transports.local_bot_api import BOT_USER, LocalBotApi, Sent
from bot.transports.updates import Person, UpdateFactory
from locales import Translator, translator
from storage import demo, offline_world, teams
from storage.engine import new_session
from storage.models import stored_id

PRESS = re.compile(r"^#(\d+)$")
DEFAULT_GROUP_ID = -1001000000001
DEFAULT_NAME = "Demo"
GROUP_TITLE = "Kompas demo"
# --role as people say it, and the status Telegram's getChatMember answers with.
ROLES = {"owner": "creator", "admin": "administrator", "member": "member", "left": "left"}


@dataclass(frozen=True)
class ChatOptions:
    locale: str | None = None
    user_id: int = 1001
    name: str | None = None  # None: the name this user had last time, else "Demo"
    chat_id: int | None = None
    group: bool = False
    demo: bool = False
    role: str | None = None  # in the group: owner, admin, member or left (None: as last time)


class _Ids:
    """An id sequence that continues from `last` and remembers the latest id handed out."""

    def __init__(self, last: int) -> None:
        self.last = last

    def __iter__(self) -> _Ids:
        return self

    def __next__(self) -> int:
        self.last += 1
        return self.last


class TerminalPrinter:
    """Prints what the bot sends, numbering buttons across one reply."""

    def __init__(
        self,
        out: TextIO,
        chat_id: int | None = None,
        chats: dict[int, dict] | None = None,  # type: ignore[type-arg]
        t: Translator | None = None,
    ) -> None:
        self.out = out
        self.t = t or translator("nl")  # a file's size in the reader's language
        self.chat_id = chat_id  # the chat on screen; None: every chat is
        self.chats = chats if chats is not None else {}
        self.latest_with_buttons: Sent | None = None
        self.latest: Sent | None = None
        self.latest_asking: Sent | None = None  # a question (ForceReply) or buttons

    def __call__(self, message: Sent, edited: bool) -> None:
        marker = "✎ " if edited else ""
        if self.chat_id is not None and message.chat_id != self.chat_id:
            # Another chat (a private message to someone): shown, but not the one typed into.
            chat = self.chats.get(message.chat_id, {})
            where = (
                f"group {chat.get('title', '')}"
                if message.chat_id < 0
                else f"private chat of {chat.get('first_name', '')}"
            )
            print(f"→ {where} ({message.chat_id}):", file=self.out)
            self._print(message, marker, buttons_pressable=False)
            return
        self.latest = message
        if message.force_reply or message.buttons:
            self.latest_asking = message
        self._print(message, marker, buttons_pressable=True)

    def _size(self, size: int) -> str:
        return str(self.t.n_("{n} byte", "{n} bytes", size))

    def _print(self, message: Sent, marker: str, *, buttons_pressable: bool) -> None:
        text = html_to_text(message.text).strip()
        if message.document:
            size = self._size(len(message.document[1]))
            text = f"📎 {message.document[0]} ({size})\n{text}".strip()
        if message.photo is not None:
            text = f"🖼 chart.png ({self._size(len(message.photo))})\n{text}".strip()
        lines = text.splitlines() or [""]
        print(f"{marker}Kompas: {lines[0]}", file=self.out)
        for line in lines[1:]:
            print(f"        {line}", file=self.out)
        if message.buttons:
            if buttons_pressable:
                self.latest_with_buttons = message
            number = 0
            for row in message.buttons:
                labels = []
                for button in row:
                    number += 1
                    labels.append(f"[{number}] {button['text']}")
                print("        " + "  ".join(labels), file=self.out)
        print(file=self.out, flush=True)

    def answer(self, text: str, alert: bool) -> None:
        """A button's pop-up (Telegram shows it over the chat): here a line of its own."""
        print(f"Kompas {'⚠' if alert else 'ⓘ'} {text}\n", file=self.out, flush=True)


async def run_chat(
    settings: Settings,
    engine: Engine,
    options: ChatOptions,
    *,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    clock=system_clock,
) -> None:  # type: ignore[no-untyped-def]
    bot_id = int(BOT_USER["id"])
    with new_session(engine) as session:
        last_update = offline_world.last_id(
            session=session, name=offline_world.UPDATE, bot_id=bot_id
        )
        message_ids = _Ids(offline_world.last_id(session=session, name=offline_world.MESSAGE))
    api = LocalBotApi(message_ids=message_ids)
    chat_id, name = _telegram_world(engine, api, options, clock())
    person = Person(options.user_id, name, language_code=options.locale)
    printer = TerminalPrinter(stdout, chat_id, api.chats, translator(options.locale or "nl"))
    app = build_application(settings, engine, request=api, clock=clock)
    _prepare(engine, options, chat_id, name, clock())
    ids = _KeptIds(engine, last_update, message_ids)
    async with app:
        if app.post_init:
            await app.post_init(app)
        await app.start()
        api.on_send = printer
        api.on_answer = printer.answer
        factory = UpdateFactory(
            api, app.bot, first_update_id=last_update + 1, message_ids=message_ids
        )
        interactive = stdin.isatty()
        try:
            await _loop(app, factory, person, chat_id, printer, stdin, stdout, interactive, ids)
        finally:
            ids.keep()
            await app.stop()
            if app.post_shutdown:
                await app.post_shutdown(app)


class _KeptIds:
    """Writes the ids handed out to the database, so the next session never reuses one."""

    def __init__(self, engine: Engine, last_update: int, message_ids: _Ids) -> None:
        self.engine = engine
        self.last_update = last_update
        self.message_ids = message_ids

    def keep(self, update_id: int | None = None) -> None:
        if update_id is not None:
            self.last_update = max(self.last_update, update_id)
        with new_session(self.engine) as session:
            offline_world.keep_id(
                session=session, name=offline_world.UPDATE, value=self.last_update
            )
            offline_world.keep_id(
                session=session, name=offline_world.MESSAGE, value=self.message_ids.last
            )
            session.commit()


def _telegram_world(
    engine: Engine, api: LocalBotApi, options: ChatOptions, now: dt.datetime
) -> tuple[int, str]:
    """This session's place in the offline Telegram, remembered; then everything known of it.

    In a group the person gets `--role`, else their status from last time, else `owner` in a
    group nobody has used yet and `member` in one that has people. A private chat is opened.
    Every group and private chat known is loaded, so getChatMember answers as Telegram would.
    """
    user_id = options.user_id
    chat_id = (options.chat_id or DEFAULT_GROUP_ID) if options.group else user_id
    with new_session(engine) as session:
        name = options.name or _known_name(session, user_id) or DEFAULT_NAME
        if options.group:
            status = ROLES[options.role] if options.role else None
            status = status or offline_world.status(
                session=session, chat_id=chat_id, user_id=user_id
            )
            if status is None:
                has_people = offline_world.has_people(session=session, chat_id=chat_id)
                status = "member" if has_people else "creator"
        else:
            status = "member"  # the person has opened a private chat with the bot
        offline_world.set_status(
            session=session,
            chat_id=chat_id,
            user_id=user_id,
            status=status,
            first_name=name,
            now=now,
        )
        session.commit()
        for row in offline_world.people(session=session):
            if row.chat_id == row.user_id:
                api.add_private_chat(row.user_id, row.first_name)
                continue
            if row.chat_id not in api.chats:
                api.add_group(row.chat_id, GROUP_TITLE)
            api.set_member(row.chat_id, row.user_id, row.status, row.first_name)
    return chat_id, name


def _known_name(session: Session, user_id: int) -> str | None:
    for row in offline_world.people(session=session):
        if row.user_id == user_id and row.first_name:
            return row.first_name
    return None


async def _loop(
    app: Application,
    factory: UpdateFactory,
    person: Person,
    chat_id: int,
    printer: TerminalPrinter,
    stdin: TextIO,
    stdout: TextIO,
    interactive: bool,
    ids: _KeptIds,
) -> None:
    loop = asyncio.get_running_loop()
    if interactive:
        print(
            "Kompas offline chat — /help, #N presses a button, @file.csv sends a file "
            "(@file.csv /import: with a caption), Ctrl-D quits.",
            file=stdout,
        )
    while True:
        if interactive:
            print("› ", end="", file=stdout, flush=True)
        line = await loop.run_in_executor(None, stdin.readline)
        if not line:
            break
        text = line.strip()
        if not text:
            continue
        if factory.api.member_status.get((chat_id, person.user_id)) == "left":
            print(
                f"({person.first_name} has left this group: Telegram delivers nothing)\n",
                file=stdout,
            )
            continue
        update = _to_update(text, factory, person, chat_id, printer, stdout)
        if update is not None:
            ids.keep(update.update_id)  # before the work: an interrupted update stays used
            await app.process_update(update)
            ids.keep()


def _to_update(
    text: str,
    factory: UpdateFactory,
    person: Person,
    chat_id: int,
    printer: TerminalPrinter,
    stdout: TextIO,
):  # type: ignore[no-untyped-def]
    press = PRESS.match(text)
    if press:
        message = printer.latest_with_buttons
        index = int(press.group(1)) - 1
        buttons = [b for row in message.buttons for b in row] if message else []
        if not 0 <= index < len(buttons):
            print("(no such button)", file=stdout)
            return None
        return factory.press(person, message, buttons[index]["callback_data"])  # type: ignore[arg-type]
    # A group bot with privacy mode sees commands and replies to its own messages; typing
    # plain text here answers the bot's latest question, as tapping "reply" would.
    in_group = chat_id != person.user_id
    if text.startswith("@") and len(text) > 1:
        path, caption = _file_and_caption(text[1:])
        try:
            content = path.read_bytes()
        except OSError as exc:
            print(f"(cannot read {path}: {exc.strerror})", file=stdout)
            return None
        reply_to = _answering(printer) if in_group and not caption.startswith("/") else None
        return factory.message(
            person, chat_id, caption, document=(path.name, content), reply_to=reply_to
        )
    reply_to = _answering(printer) if in_group and not text.startswith("/") else None
    return factory.message(person, chat_id, text, reply_to=reply_to)


def _answering(printer: TerminalPrinter) -> Sent | None:
    """What plain text in a group answers: the bot's latest question, as tapping "reply" on it
    would (a note such as "I've done nothing with that" is no question to answer)."""
    return printer.latest_asking or printer.latest


def _file_and_caption(spec: str) -> tuple[Path, str]:
    """`path` or `path caption`: the longest start that names a file is the path."""
    ends = [len(spec)] + [m.start() for m in reversed(list(re.finditer(r"\s+", spec)))]
    for end in ends:
        path = Path(spec[:end]).expanduser()
        if path.is_file():
            return path, spec[end:].strip()
    head, _, rest = spec.partition(" ")
    return Path(head).expanduser(), rest.strip()


def _prepare(
    engine: Engine, options: ChatOptions, chat_id: int, name: str, now: dt.datetime
) -> None:
    """--lang sets the user's language; --demo fills the chat's team when it is empty."""
    with new_session(engine) as session:
        if options.locale:
            teams.set_user_locale(
                session=session, user_id=options.user_id, locale=options.locale, now=now
            )
        if options.demo:
            team = teams.team_by_chat(session=session, chat_id=chat_id)
            if team is None:
                team = teams.create_team(
                    session=session,
                    chat_id=chat_id,
                    title=GROUP_TITLE if options.group else name,
                    locale=options.locale or "nl",
                    owner_id=options.user_id,
                    owner_name=name,
                    is_personal=not options.group,
                    now=now,
                )
            team.onboarded = True
            session.add(team)
            if demo.team_is_empty(session=session, team_id=stored_id(team)):
                demo.seed_demo(session=session, team=team, today=now.date(), now=now)
        session.commit()
