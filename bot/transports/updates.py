"""Builds the updates Telegram would send: for the offline chat and for driving tests."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from telegram import Bot, Update

from bot.kit.telegram_html import html_to_text
from bot.transports.local_bot_api import BOT_USER, STATUS_FIELDS, LocalBotApi, Sent


@dataclass(frozen=True)
class Person:
    user_id: int
    first_name: str
    language_code: str | None = None

    def as_json(self) -> dict[str, Any]:
        user: dict[str, Any] = {"id": self.user_id, "is_bot": False, "first_name": self.first_name}
        if self.language_code:
            user["language_code"] = self.language_code
        return user


class UpdateFactory:
    """Makes Update objects for one local Bot API, numbering updates and messages."""

    def __init__(
        self,
        api: LocalBotApi,
        bot: Bot,
        *,
        first_update_id: int = 1,
        message_ids: Iterator[int] | None = None,
    ) -> None:
        """message_ids: share the bot's sequence (api.message_ids), as one Telegram chat does."""
        self.api = api
        self.bot = bot
        self._update_ids = itertools.count(first_update_id)
        self._message_ids = message_ids or itertools.count(1_000_000)
        self._query_ids = itertools.count(1)

    def next_update_id(self) -> int:
        return next(self._update_ids)

    def message(
        self,
        person: Person,
        chat_id: int,
        text: str = "",
        *,
        reply_to: Sent | None = None,
        document: tuple[str, bytes] | None = None,
        sender_chat: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
        update_id: int | None = None,
    ) -> Update:
        """A message from `person` in `chat_id`; a /command gets its entity, as in Telegram."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.api.chats[chat_id],
            "from": person.as_json(),
        }
        if sender_chat is not None:
            message["sender_chat"] = sender_chat
        if document is not None:
            name, content = document
            file_id = self.api.store_file(content)
            message["document"] = {
                "file_id": file_id,
                "file_unique_id": file_id,
                "file_name": name,
                "file_size": len(content),
            }
            if text:
                message["caption"] = text
                command_length = _command_length(text)
                if command_length:  # Telegram marks a command in a caption too
                    message["caption_entities"] = [
                        {"type": "bot_command", "offset": 0, "length": command_length}
                    ]
        elif text:
            message["text"] = text
            command_length = _command_length(text)
            if command_length:
                message["entities"] = [
                    {"type": "bot_command", "offset": 0, "length": command_length}
                ]
        if reply_to is not None:
            message["reply_to_message"] = {
                "message_id": reply_to.message_id,
                "date": int(time.time()),
                "chat": self.api.chats[chat_id],
                "from": BOT_USER,
                "text": reply_to.text or "…",
            }
            if reply_to.buttons:  # Telegram sends the replied-to message's buttons along
                message["reply_to_message"]["reply_markup"] = {"inline_keyboard": reply_to.buttons}
        if extra:
            message.update(extra)
        return self._update({"message": message}, update_id)

    def edited(self, original: Update, text: str) -> Update:
        """`original`'s message edited to read `text`, as Telegram reports an edit."""
        message = original.message
        assert message is not None
        data = message.to_dict()
        data.pop("entities", None)
        data["text"] = text
        data["edit_date"] = int(time.time())
        command_length = _command_length(text)
        if command_length:
            data["entities"] = [{"type": "bot_command", "offset": 0, "length": command_length}]
        return self._update({"edited_message": data}, None)

    def press(
        self, person: Person, sent: Sent, data: str, *, update_id: int | None = None
    ) -> Update:
        """A press on an inline button of a message the bot sent (with its keyboard, as
        Telegram sends it)."""
        query = {
            "id": str(next(self._query_ids)),
            "from": person.as_json(),
            "chat_instance": str(sent.chat_id),
            "data": data,
            "message": {
                "message_id": sent.message_id,
                "date": int(time.time()),
                "chat": self.api.chats[sent.chat_id],
                "from": BOT_USER,
                # As Telegram sends it: the words without their markup, and the keyboard.
                "text": html_to_text(sent.text) or "…",
                **({"reply_markup": {"inline_keyboard": sent.buttons}} if sent.buttons else {}),
            },
        }
        if sent.buttons:
            query["message"]["reply_markup"] = {"inline_keyboard": sent.buttons}
        return self._update({"callback_query": query}, update_id)

    def my_chat_member(self, person: Person, chat_id: int, old: str, new: str) -> Update:
        """The bot's own membership in a chat changed (added, removed)."""
        change = {
            "chat": self.api.chats[chat_id],
            "from": person.as_json(),
            "date": int(time.time()),
            "old_chat_member": _chat_member(old),
            "new_chat_member": _chat_member(new),
        }
        return self._update({"my_chat_member": change}, None)

    def chat_member(self, by: Person, chat_id: int, member: Person, old: str, new: str) -> Update:
        """Someone's status in a group changed (left, kicked, promoted, demoted); Telegram
        sends this to bots that are admins of the group."""
        change = {
            "chat": self.api.chats[chat_id],
            "from": by.as_json(),
            "date": int(time.time()),
            "old_chat_member": _chat_member(old, member.as_json()),
            "new_chat_member": _chat_member(new, member.as_json()),
        }
        return self._update({"chat_member": change}, None)

    def _update(self, body: dict[str, Any], update_id: int | None) -> Update:
        data = {"update_id": update_id if update_id is not None else self.next_update_id(), **body}
        return Update.de_json(data, self.bot)


def _chat_member(status: str, user: dict[str, Any] = BOT_USER) -> dict[str, Any]:
    return {"status": status, "user": user, **STATUS_FIELDS.get(status, {})}


# As Telegram marks a command: Latin letters, digits and `_`, maybe @bot; "/verkoop:" marks
# "/verkoop" (https://core.telegram.org/bots/features#commands).
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{1,32})?")


def _command_length(text: str) -> int:
    head = _COMMAND.match(text)
    return len(head[0].encode("utf-16-le")) // 2 if head else 0
