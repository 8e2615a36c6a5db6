"""A Bot API that lives in this process: the offline chat's transport and the tests' recorder.

python-telegram-bot talks to Telegram only through a `BaseRequest`; answering its calls here
runs the very same `Application` with no token and no network (as PTB's own test suite does
with `OfflineRequest`), while recording what a user would see.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_USER = {"id": 7000000001, "is_bot": True, "first_name": "Kompas", "username": "kompas_bot"}


@dataclass
class Sent:
    """One message as a chat shows it: its latest text and buttons, and how it got there."""

    chat_id: int
    message_id: int
    text: str
    buttons: list[list[dict[str, Any]]] = field(default_factory=list)
    force_reply: bool = False
    method: str = "sendMessage"
    document: tuple[str, bytes] | None = None  # (file name, content)
    photo: bytes | None = None
    edits: int = 0

    @property
    def button_labels(self) -> list[str]:
        return [button["text"] for row in self.buttons for button in row]

    def button_data(self, label: str) -> str:
        for row in self.buttons:
            for button in row:
                if button["text"] == label:
                    return button.get("callback_data", "")
        raise KeyError(label)


@dataclass
class Failure:
    """An error the local API answers once for a method (429, 403, a migrated chat …)."""

    method: str
    status: int
    description: str
    parameters: dict[str, Any] | None = None
    chat_id: int | None = None
    user_id: int | None = None  # getChatMember about this user only


class LocalBotApi(BaseRequest):
    """Answers Bot API methods in-process and records every message, edit and file."""

    def __init__(self, *, message_ids: Iterator[int] | None = None) -> None:
        self.chats: dict[int, dict[str, Any]] = {}
        self.member_status: dict[tuple[int, int], str] = {}
        self.names: dict[int, str] = {}  # first names of the people this world knows
        self.messages: list[Sent] = []
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.callback_answers: list[dict[str, Any]] = []
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.files: dict[str, bytes] = {}
        self.failures: list[Failure] = []
        self.delays: dict[str, float] = {}  # method → seconds Telegram takes to answer it
        self.on_send: Callable[[Sent, bool], None] | None = None
        self.on_answer: Callable[[str, bool], None] | None = None  # a button's pop-up
        # Telegram never reuses a message id in a chat; pass one sequence to keep it so.
        self.message_ids: Iterator[int] = message_ids or itertools.count(1)
        self._file_ids = itertools.count(1)

    # Chats the local world knows ------------------------------------------------------------
    def add_private_chat(self, user_id: int, first_name: str) -> dict[str, Any]:
        chat = {"id": user_id, "type": "private", "first_name": first_name}
        self.chats[user_id] = chat
        self.names[user_id] = first_name
        return chat

    def add_group(self, chat_id: int, title: str, *, supergroup: bool = False) -> dict[str, Any]:
        chat = {"id": chat_id, "type": "supergroup" if supergroup else "group", "title": title}
        self.chats[chat_id] = chat
        return chat

    def set_member(
        self, chat_id: int, user_id: int, status: str, first_name: str | None = None
    ) -> None:
        """status: creator, administrator, member, restricted, left or kicked."""
        self.member_status[(chat_id, user_id)] = status
        if first_name:
            self.names[user_id] = first_name

    def groups_of(self, user_id: int) -> list[tuple[int, str]]:
        """The groups `user_id` has a status in, with that status."""
        return [
            (chat_id, status)
            for (chat_id, member), status in self.member_status.items()
            if member == user_id and chat_id != user_id
        ]

    def store_file(self, content: bytes) -> str:
        file_id = f"local-file-{next(self._file_ids)}"
        self.files[file_id] = content
        return file_id

    def fail(self, failure: Failure) -> None:
        self.failures.append(failure)

    def in_chat(self, chat_id: int) -> list[Sent]:
        return [m for m in self.messages if m.chat_id == chat_id]

    # BaseRequest ----------------------------------------------------------------------------
    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        if method == "GET" and "/file/" in url:
            file_id = url.rsplit("/", 1)[-1]
            if file_id in self.files:
                return 200, self.files[file_id]
            return 404, b'{"ok": false, "description": "Not Found"}'
        api_method = url.rsplit("/", 1)[-1]
        params = _parameters(request_data)
        self.calls.append((api_method, params))
        if api_method in self.delays:
            await asyncio.sleep(self.delays[api_method])
        failure = self._take_failure(api_method, params)
        if failure is not None:
            body: dict[str, Any] = {"ok": False, "error_code": failure.status}
            body["description"] = failure.description
            if failure.parameters:
                body["parameters"] = failure.parameters
            return failure.status, json.dumps(body).encode()
        answer = getattr(self, f"_api_{api_method}", None)
        if answer is None:
            return 400, json.dumps(
                {"ok": False, "description": f"Bad Request: {api_method} is not offline"}
            ).encode()
        result = answer(params)
        if isinstance(result, tuple):  # (status, description) for an API-level error
            status, description = result
            return status, json.dumps({"ok": False, "description": description}).encode()
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _take_failure(self, api_method: str, params: dict[str, Any]) -> Failure | None:
        for failure in self.failures:
            if failure.method != api_method:
                continue
            if failure.chat_id is not None and _int(params.get("chat_id")) != failure.chat_id:
                continue
            if failure.user_id is not None and _int(params.get("user_id")) != failure.user_id:
                continue
            self.failures.remove(failure)
            return failure
        return None

    # Bot API methods --------------------------------------------------------------------------
    def _api_getMe(self, _: dict[str, Any]) -> dict[str, Any]:
        return {**BOT_USER, "can_join_groups": True, "can_read_all_group_messages": False}

    def _api_setMyCommands(self, params: dict[str, Any]) -> bool:
        self.commands[params.get("language_code") or ""] = params["commands"]
        return True

    def _api_deleteWebhook(self, _: dict[str, Any]) -> bool:
        return True

    def _api_sendChatAction(self, _: dict[str, Any]) -> bool:
        return True

    def _api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        self.callback_answers.append(params)
        if self.on_answer is not None and params.get("text"):
            self.on_answer(str(params["text"]), bool(params.get("show_alert")))
        return True

    def _api_getChat(self, params: dict[str, Any]) -> Any:
        chat = self.chats.get(_int(params["chat_id"]))
        return chat if chat else (400, "Bad Request: chat not found")

    def _api_getChatMember(self, params: dict[str, Any]) -> Any:
        chat_id, user_id = _int(params["chat_id"]), _int(params["user_id"])
        if chat_id not in self.chats:
            return 400, "Bad Request: chat not found"
        status = self.member_status.get((chat_id, user_id), "left")
        member: dict[str, Any] = {"status": status, "user": self._user(user_id)}
        member.update(STATUS_FIELDS.get(status, {}))
        return member

    def _api_getChatAdministrators(self, params: dict[str, Any]) -> Any:
        chat_id = _int(params["chat_id"])
        if chat_id not in self.chats:
            return 400, "Bad Request: chat not found"
        return [
            {"status": status, "user": self._user(user_id), **STATUS_FIELDS.get(status, {})}
            for (chat, user_id), status in self.member_status.items()
            if chat == chat_id and status in ("creator", "administrator")
        ]

    def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        return self._deliver(params, Sent(0, 0, params.get("text", "")), "sendMessage")

    def _api_sendDocument(self, params: dict[str, Any]) -> Any:
        name, content = params.get("document", ("file", b""))
        sent = Sent(0, 0, params.get("caption", ""), document=(name, content))
        return self._deliver(params, sent, "sendDocument")

    def _api_sendPhoto(self, params: dict[str, Any]) -> Any:
        _, content = params.get("photo", ("photo", b""))
        return self._deliver(
            params, Sent(0, 0, params.get("caption", ""), photo=content), "sendPhoto"
        )

    def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        message = self._find(params)
        if message is None:
            return 400, "Bad Request: message to edit not found"
        new_buttons = _buttons(params.get("reply_markup"))
        if message.text == params.get("text", "") and message.buttons == new_buttons:
            return 400, "Bad Request: message is not modified"
        message.text = params.get("text", "")
        message.buttons = new_buttons
        return self._edited(message)

    def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        message = self._find(params)
        if message is None:
            return 400, "Bad Request: message to edit not found"
        message.buttons = _buttons(params.get("reply_markup"))
        return self._edited(message)

    def _edited(self, message: Sent) -> Any:
        """A message changed in place: counted, shown again, answered as Telegram does."""
        message.edits += 1
        if self.on_send:
            self.on_send(message, True)
        return self._message_json(message)

    def _api_deleteMessage(self, params: dict[str, Any]) -> bool:
        message = self._find(params)
        if message is not None:
            self.messages.remove(message)
        return True

    def _api_getFile(self, params: dict[str, Any]) -> Any:
        file_id = params["file_id"]
        if file_id not in self.files:
            return 400, "Bad Request: invalid file_id"
        return {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_path": file_id,
            "file_size": len(self.files[file_id]),
        }

    def _api_leaveChat(self, params: dict[str, Any]) -> bool:
        return True

    # ----------------------------------------------------------------------------------------
    def _deliver(self, params: dict[str, Any], sent: Sent, method: str) -> Any:
        chat_id = _int(params["chat_id"])
        if chat_id > 0 and chat_id not in self.chats:  # as Telegram: a person, never written to
            return 403, "Forbidden: bot can't initiate conversation with a user"
        if chat_id not in self.chats:
            if chat_id > 0:  # a person who never opened a private chat with the bot
                return 403, "Forbidden: bot can't initiate conversation with a user"
            return 400, "Bad Request: chat not found"
        markup = params.get("reply_markup") or {}
        sent.chat_id = chat_id
        sent.message_id = next(self.message_ids)
        sent.buttons = _buttons(markup)
        sent.force_reply = bool(markup.get("force_reply"))
        sent.method = method
        self.messages.append(sent)
        if self.on_send:
            self.on_send(sent, False)
        return self._message_json(sent)

    def _find(self, params: dict[str, Any]) -> Sent | None:
        chat_id, message_id = _int(params.get("chat_id")), _int(params.get("message_id"))
        for message in self.messages:
            if message.chat_id == chat_id and message.message_id == message_id:
                return message
        return None

    def _user(self, user_id: int) -> dict[str, Any]:
        name = self.names.get(user_id, f"user{user_id}")
        return {"id": user_id, "is_bot": False, "first_name": name}

    def _message_json(self, message: Sent) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": self.chats[message.chat_id],
            "from": BOT_USER,
        }
        if message.document:
            data["document"] = {
                "file_id": "sent",
                "file_unique_id": "sent",
                "file_name": message.document[0],
            }
        if message.photo is not None:
            data["photo"] = [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
        if message.text:
            data["caption" if (message.document or message.photo is not None) else "text"] = (
                message.text
            )
        if message.buttons:
            data["reply_markup"] = {"inline_keyboard": message.buttons}
        return data


_ADMIN_RIGHTS: dict[str, Any] = dict.fromkeys(
    (
        "can_manage_chat can_delete_messages can_manage_video_chats can_restrict_members "
        "can_promote_members can_change_info can_invite_users can_post_stories "
        "can_edit_stories can_delete_stories"
    ).split(),
    True,
) | {"is_anonymous": False, "can_be_edited": False}

_RESTRICTED: dict[str, Any] = dict.fromkeys(
    (
        "is_member can_send_messages can_send_audios can_send_documents can_send_photos "
        "can_send_videos can_send_video_notes can_send_voice_notes can_send_polls "
        "can_send_other_messages can_add_web_page_previews can_change_info can_invite_users "
        "can_pin_messages can_manage_topics can_edit_tag"
    ).split(),
    True,
) | {"until_date": 0}

STATUS_FIELDS: dict[str, dict[str, Any]] = {
    "creator": {"is_anonymous": False},
    "administrator": _ADMIN_RIGHTS,
    "restricted": _RESTRICTED,
    "kicked": {"until_date": 0},
}


def _int(value: Any) -> int:
    return int(value) if value is not None else 0


def _buttons(markup: Any) -> list[list[dict[str, Any]]]:
    if isinstance(markup, str):
        markup = json.loads(markup)
    return list((markup or {}).get("inline_keyboard", []))


def _parameters(request_data: RequestData | None) -> dict[str, Any]:
    """The call's parameters as Python values, with uploaded files as (name, bytes)."""
    if request_data is None:
        return {}
    params: dict[str, Any] = {}
    for name, value in request_data.parameters.items():
        params[name] = value
    if request_data.contains_files:
        for name, (file_name, content, _mime) in request_data.multipart_data.items():
            if name in params or not isinstance(content, bytes):
                continue
            params[name] = (file_name, content)
        for name in list(params):
            value = params[name]
            if isinstance(value, str) and value.startswith("attach://"):
                params[name] = params.get(value.removeprefix("attach://"), value)
    return params
