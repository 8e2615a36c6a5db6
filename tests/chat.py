"""Drives the real Application through the local Bot API, the way people in a chat would."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from sqlalchemy import Engine
from telegram.ext import Application

from bot.app import build_application
from bot.kit.telegram_html import html_to_text
from bot.settings import Settings
from bot.transports.local_bot_api import LocalBotApi, Sent
from bot.transports.updates import Person, UpdateFactory


@dataclass
class Seen:
    """What one update made appear in the chat: new messages and edited ones, in order."""

    messages: list[Sent]

    @property
    def text(self) -> str:
        """All of it as plain text, the way a phone shows the words (no-break spaces as spaces)."""
        plain = "\n".join(html_to_text(m.text) for m in self.messages)
        return plain.replace("\u00a0", " ").replace("\u202f", " ")

    @property
    def html(self) -> str:
        return "\n".join(m.text for m in self.messages)

    @property
    def last(self) -> Sent:
        return self.messages[-1]

    @property
    def buttons(self) -> list[str]:
        return [label for m in self.messages for label in m.button_labels]

    def __contains__(self, words: str) -> bool:
        return words in self.text


class Chat:
    """One local Telegram: private chats, groups and people, all talking to one Application."""

    def __init__(self, app: Application, api: LocalBotApi, first_update_id: int = 1) -> None:
        self.app = app
        self.api = api
        self.factory = UpdateFactory(api, app.bot, first_update_id=first_update_id)
        self._seen: list[Sent] = []
        api.on_send = lambda message, _edited: self._seen.append(message)

    @classmethod
    async def start(
        cls,
        engine: Engine,
        clock,
        settings: Settings | None = None,  # type: ignore[no-untyped-def]
        *,
        first_update_id: int = 1,
    ) -> Chat:
        """A running Application; a restarted one needs new update ids (Telegram's go on)."""
        api = LocalBotApi()
        app = build_application(settings or Settings(), engine, request=api, clock=clock)
        await app.initialize()
        if app.post_init:
            await app.post_init(app)
        return cls(app, api, first_update_id)

    async def stop(self) -> None:
        await self.app.shutdown()
        if self.app.post_shutdown:
            await self.app.post_shutdown(self.app)

    def person(
        self, user_id: int, name: str, language_code: str | None = None, *, opened: bool = True
    ) -> Person:
        """Someone in this Telegram; `opened=False`: they never opened a private chat with the
        bot, so Telegram refuses to let it write to them first."""
        if opened:
            self.api.add_private_chat(user_id, name)
        return Person(user_id, name, language_code)

    def group(
        self,
        chat_id: int,
        title: str,
        *,
        creator: Person,
        admins: tuple[Person, ...] = (),
        members: tuple[Person, ...] = (),
    ) -> int:
        self.api.add_group(chat_id, title)
        self.api.set_member(chat_id, creator.user_id, "creator")
        for admin in admins:
            self.api.set_member(chat_id, admin.user_id, "administrator")
        for member in members:
            self.api.set_member(chat_id, member.user_id, "member")
        return chat_id

    async def send(
        self,
        person: Person,
        text: str,
        *,
        chat: int | None = None,
        reply_to: Sent | None = None,
        update_id: int | None = None,
    ) -> Seen:
        update = self.factory.message(
            person,
            chat if chat is not None else person.user_id,
            text,
            reply_to=reply_to,
            update_id=update_id,
        )
        return await self._process(update)

    async def reply(self, person: Person, text: str, *, chat: int) -> Seen:
        """Answer the bot's latest question to `person` in a group chat (the message that
        names them and opens the reply for them), else its latest message, as tapping 'reply'
        on it does."""
        messages = self.api.in_chat(chat)
        mention = f"tg://user?id={person.user_id}"
        asking = [m for m in messages if m.force_reply and mention in m.text]
        return await self.send(person, text, chat=chat, reply_to=(asking or messages)[-1])

    async def upload(
        self,
        person: Person,
        name: str,
        content: bytes,
        *,
        chat: int | None = None,
        caption: str = "",
        reply_to: Sent | None = None,
    ) -> Seen:
        update = self.factory.message(
            person,
            chat if chat is not None else person.user_id,
            caption,
            document=(name, content),
            reply_to=reply_to,
        )
        return await self._process(update)

    async def press(
        self, person: Person, label: str, *, chat: int | None = None, message: Sent | None = None
    ) -> Seen:
        """Press the button labelled `label` on the newest message (in `chat`) that has it."""
        chat_id = chat if chat is not None else person.user_id
        if message is None:
            candidates = [m for m in self.api.in_chat(chat_id) if label in m.button_labels]
            if not candidates:
                raise AssertionError(f"no button {label!r} in chat {chat_id}")
            message = candidates[-1]
        return await self.press_data(person, message, message.button_data(label))

    async def all_pages(self, person: Person, first: Seen, *, chat: int | None = None) -> Seen:
        """A paged reply read to its end: `first`, then every page › brings (in the same
        message), as one Seen."""
        messages = [copy.copy(m) for m in first.messages]  # an edit changes the message itself
        shown = first.messages[-1] if first.messages else None
        read = {m.text for m in messages}
        while shown is not None and "›" in shown.button_labels:
            pressed = await self.press(person, "›", chat=chat, message=shown)
            shown = pressed.messages[-1] if pressed.messages else None
            if shown is None or shown.text in read:  # the end, or round to the first again
                break
            read.add(shown.text)
            messages += [copy.copy(m) for m in pressed.messages]
        return Seen(messages)

    async def press_data(
        self, person: Person, message: Sent, data: str, update_id: int | None = None
    ) -> Seen:
        return await self._process(self.factory.press(person, message, data, update_id=update_id))

    async def deliver(self, update) -> Seen:  # type: ignore[no-untyped-def]
        """An update made by hand (an edit, a post in a channel's name) and what it showed."""
        return await self._process(update)

    async def _process(self, update) -> Seen:  # type: ignore[no-untyped-def]
        self._seen = []
        await self.app.process_update(update)
        seen, self._seen = self._seen, []
        return Seen(seen)
