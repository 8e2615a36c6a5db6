"""A solo specialist's private chat is a personal team, spoken to as one person: nothing a solo
team reads says "team" / «команда» (issue 20; DESIGN "Who is a team")."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine

from bot.transports.local_bot_api import Sent
from storage.models import Client
from tests.chat import Chat, Seen
from tests.factories import rows

TEAM_WORD = {
    "nl": re.compile(r"\bteam", re.IGNORECASE),
    # «команда» is also "command" in Russian; a solo chat says «команды» of neither.
    "ru": re.compile(r"команд", re.IGNORECASE),
}
LINES = {
    "nl": [
        "/help",
        "/clients",
        "/risk",
        "/decline",
        "/portrait",
        "/profile",
        "/settings",
        "/digest",
        "/team",
        "/members",
        "/check",
        "/paid",
        "/sales",
        "/rate",
        "/complaint",
        "/compliment",
        "/refer",
        "/edit",
        "/import",
        "/foo",
        "/sale Jansen abc",
        "/sale Jansen 450",
        "/sale Jansen 450",
    ],
    "ru": [
        "/help",
        "/clients",
        "/risk",
        "/decline",
        "/portrait",
        "/profile",
        "/settings",
        "/digest",
        "/team",
        "/members",
        "/check",
        "/paid",
        "/sales",
        "/rate",
        "/complaint",
        "/compliment",
        "/refer",
        "/edit",
        "/import",
        "/foo",
        "/sale Иванова abc",
        "/sale Иванова 4500",
        "/sale Иванова 4500",
    ],
}


class Transcript:
    """Everything one person saw, text, buttons and pop-ups, in order."""

    def __init__(self, chat: Chat) -> None:
        self.chat = chat
        self.lines: list[str] = []

    def saw(self, seen: Seen) -> Seen:
        self.lines += seen.text.splitlines()
        self.lines += seen.buttons
        self.lines += [a.get("text") or "" for a in self.chat.api.callback_answers]
        self.chat.api.callback_answers.clear()
        return seen

    async def press_each(self, person, message: Sent, *, depth: int) -> None:  # type: ignore[no-untyped-def]
        """Press every button of `message` once (and theirs, `depth` deep), then /cancel."""
        buttons = [(b["text"], b.get("callback_data", "")) for r in message.buttons for b in r]
        for label, data in buttons:
            if not data or label.startswith(("↩", "✕", "Ja", "Да", "Afscheid", "Расстаться")):
                continue  # undo, delete and decline change what the next presses see
            seen = self.saw(await self.chat.press_data(person, message, data))
            if depth > 1 and seen.messages:
                await self.press_each(person, seen.last, depth=depth - 1)
            self.saw(await self.chat.send(person, "/cancel"))


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_a_solo_team_never_reads_team(chat: Chat, sqlite_engine: Engine, locale: str) -> None:
    anna = chat.person(11, "Anna", locale)
    said = Transcript(chat)
    seen = said.saw(await chat.send(anna, "/start"))
    while seen.messages and seen.last.button_labels:  # onboarding: the first button each time
        label = seen.last.button_labels[0]
        if label in ("Klant toevoegen", "Добавить клиента"):
            label = seen.last.button_labels[2]  # the demo data
        seen = said.saw(await chat.press_data(anna, seen.last, seen.last.button_data(label)))
        if "demo" in seen.text or "демо" in seen.text:
            break
    assert len(rows(sqlite_engine, Client)) > 30
    client = rows(sqlite_engine, Client)[0].name
    for line in [*LINES[locale], f"/client {client}", f"/rate {client}"]:
        seen = said.saw(await chat.send(anna, line))
        if seen.messages and seen.last.button_labels:
            await said.press_each(anna, seen.last, depth=2)
        said.saw(await chat.send(anna, "/cancel"))
    found = [line for line in said.lines if TEAM_WORD[locale].search(line)]
    assert found == [], "\n".join(dict.fromkeys(found))
