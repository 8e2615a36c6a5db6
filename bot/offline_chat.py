"""`kompas chat`: the real Application in a terminal, on the local database, with no network.

Each input line is a message from one user; `#2` presses button 2 of the latest message with
buttons; `@path/to/file.csv` sends a file. Replies print as plain text with numbered buttons.
Works interactively and from a pipe (it stops at the end of input), so it can be scripted.
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
from telegram.ext import Application

from bot.app import build_application
from bot.render.text import html_to_text
from bot.runtime import system_clock
from bot.settings import Settings
from bot.transport import LocalBotApi, Sent
from bot.updates import Person, UpdateFactory
from storage import demo, teams
from storage.engine import new_session

PRESS = re.compile(r"^#(\d+)$")
DEFAULT_GROUP_ID = -1001000000001


@dataclass(frozen=True)
class ChatOptions:
    locale: str | None = None
    user_id: int = 1001
    name: str = "Demo"
    chat_id: int | None = None
    group: bool = False
    demo: bool = False


class TerminalPrinter:
    """Prints what the bot sends, numbering buttons across one reply."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.latest_with_buttons: Sent | None = None
        self.latest: Sent | None = None
        self.latest_asking: Sent | None = None  # a question (ForceReply) or buttons

    def __call__(self, message: Sent, edited: bool) -> None:
        self.latest = message
        if message.force_reply or message.buttons:
            self.latest_asking = message
        marker = "✎ " if edited else ""
        text = html_to_text(message.text).strip()
        if message.document:
            text = f"📎 {message.document[0]} ({len(message.document[1])} bytes)\n{text}".strip()
        if message.photo is not None:
            text = f"🖼 chart.png ({len(message.photo)} bytes)\n{text}".strip()
        lines = text.splitlines() or [""]
        print(f"{marker}Kompas: {lines[0]}", file=self.out)
        for line in lines[1:]:
            print(f"        {line}", file=self.out)
        if message.buttons:
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
    api = LocalBotApi()
    person = Person(options.user_id, options.name, language_code=options.locale)
    if options.group:
        chat_id = options.chat_id or DEFAULT_GROUP_ID
        api.add_group(chat_id, "Kompas demo")
        api.set_member(chat_id, options.user_id, "creator")
    else:
        chat_id = options.user_id
        api.add_private_chat(options.user_id, options.name)
    printer = TerminalPrinter(stdout)
    app = build_application(settings, engine, request=api, clock=clock)
    _prepare(engine, options, chat_id, clock())
    async with app:
        if app.post_init:
            await app.post_init(app)
        await app.start()
        api.on_send = printer
        api.on_answer = printer.answer
        factory = UpdateFactory(api, app.bot)
        interactive = stdin.isatty()
        try:
            await _loop(app, factory, person, chat_id, printer, stdin, stdout, interactive)
        finally:
            await app.stop()
            if app.post_shutdown:
                await app.post_shutdown(app)


async def _loop(
    app: Application,
    factory: UpdateFactory,
    person: Person,
    chat_id: int,
    printer: TerminalPrinter,
    stdin: TextIO,
    stdout: TextIO,
    interactive: bool,
) -> None:
    loop = asyncio.get_running_loop()
    if interactive:
        print(
            "Kompas offline chat — /help, #N presses a button, @file.csv sends a file, "
            "Ctrl-D quits.",
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
        update = _to_update(text, factory, person, chat_id, printer, stdout)
        if update is not None:
            await app.process_update(update)


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
    if text.startswith("@") and len(text) > 1:
        path = Path(text[1:]).expanduser()
        try:
            content = path.read_bytes()
        except OSError as exc:
            print(f"(cannot read {path}: {exc.strerror})", file=stdout)
            return None
        return factory.message(person, chat_id, document=(path.name, content))
    # A group bot with privacy mode sees commands and replies to its own messages; typing
    # plain text here answers the bot's latest question, as tapping "reply" on it would (a
    # note such as "I've done nothing with that" is no question to answer).
    in_group = chat_id != person.user_id
    asking = printer.latest_asking or printer.latest
    reply_to = asking if in_group and not text.startswith("/") else None
    return factory.message(person, chat_id, text, reply_to=reply_to)


def _prepare(engine: Engine, options: ChatOptions, chat_id: int, now: dt.datetime) -> None:
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
                    title="Kompas demo" if options.group else options.name,
                    locale=options.locale or "nl",
                    owner_id=options.user_id,
                    owner_name=options.name,
                    is_personal=not options.group,
                    now=now,
                )
            team.onboarded = True
            session.add(team)
            if demo.team_is_empty(session=session, team_id=team.id or 0):
                demo.seed_demo(session=session, team=team, today=now.date(), now=now)
        session.commit()
