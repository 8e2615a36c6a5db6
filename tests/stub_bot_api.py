"""A Bot API over real HTTP on 127.0.0.1, for tests of the transports that really talk HTTP.

It answers what Kompas calls (getMe, setWebhook, deleteWebhook, setMyCommands, sendMessage,
editMessageText, answerCallbackQuery, getChatMember, getUpdates …), records every call, and
serves a queue of updates the way Telegram does: `offset` confirms every update below it, and
confirmed updates are never served again. It runs in a thread, so any event loop can use it.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

BOT_USER = {"id": 7000000002, "is_bot": True, "first_name": "Kompas", "username": "kompas_bot"}
# Parameters PTB sends JSON-encoded in a form; everything else stays the string it was.
_JSON_PARAMETERS = frozenset(
    {"reply_markup", "allowed_updates", "commands", "entities", "reply_parameters"}
)
_INT_PARAMETERS = frozenset({"chat_id", "user_id", "message_id", "offset", "limit", "timeout"})
MAX_LONG_POLL = 1.0  # seconds: a test stops quickly even while a getUpdates is waiting


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    token: str
    at: float = field(default_factory=time.monotonic)


class StubBotApi:
    """Start with `with StubBotApi() as api:`; point Kompas at `api.api_url`."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.member_status: dict[tuple[int, int], str] = {}
        self.delays: dict[str, float] = {}  # method → seconds to wait before answering
        self.files: dict[str, bytes] = {}  # file_path → content, served under the file URL
        self.file_downloads: list[str] = []
        self._failures: list[tuple[str, int, dict[str, Any]]] = []
        self._updates: list[dict[str, Any]] = []
        self._changed = threading.Condition()
        self._message_ids = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._stopping = False

    # Lifecycle ------------------------------------------------------------------------------
    def __enter__(self) -> StubBotApi:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # What a test arranges ---------------------------------------------------------------------
    def push_update(self, update: dict[str, Any]) -> None:
        """Queue an update for getUpdates, as Telegram does when someone writes to the bot."""
        with self._changed:
            self._updates.append(update)
            self._changed.notify_all()

    def fail_once(self, method: str, status: int, **body: Any) -> None:
        """The next call of `method` gets this error (429 with retry_after, 500 …)."""
        with self._changed:
            self._failures.append((method, status, body))

    def store_file(self, file_id: str, content: bytes) -> None:
        """A file a user sent: getFile names it, the file URL serves it."""
        self.files[f"documents/{file_id}"] = content

    def set_member(self, chat_id: int, user_id: int, status: str) -> None:
        self.member_status[(chat_id, user_id)] = status

    # What a test looks at ---------------------------------------------------------------------
    def called(self, method: str) -> list[Call]:
        with self._changed:
            return [c for c in self.calls if c.method == method]

    def texts(self, chat_id: int | None = None) -> list[str]:
        """Texts of every message sent or edited (in `chat_id`), in order."""
        return [
            str(c.params.get("text", ""))
            for c in self.calls
            if c.method in ("sendMessage", "editMessageText")
            and (chat_id is None or c.params.get("chat_id") == chat_id)
        ]

    @property
    def pending_updates(self) -> int:
        with self._changed:
            return len(self._updates)

    def wait_for(self, condition: Callable[[], bool], timeout: float = 10.0) -> bool:
        """Wait (bounded) until `condition()` holds; True if it did."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not condition():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(min(left, 0.05))
        return True

    # Answering ------------------------------------------------------------------------------
    def answer(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, Any]:
        with self._changed:
            self.calls.append(Call(method, params, token))
            self._changed.notify_all()
            for failure in self._failures:
                if failure[0] == method:
                    self._failures.remove(failure)
                    _, status, body = failure
                    return status, {"ok": False, "error_code": status, **body}
        if method in self.delays:
            time.sleep(self.delays[method])
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        answer = getattr(self, f"_api_{method}", None)
        if answer is None:
            return 200, {"ok": True, "result": True}
        return 200, {"ok": True, "result": answer(params)}

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        wait = min(float(params.get("timeout") or 0), MAX_LONG_POLL)
        deadline = time.monotonic() + wait
        with self._changed:
            # Like Telegram: asking from `offset` confirms (forgets) every update before it.
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self._stopping:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._changed.wait(left)
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            return list(self._updates[:limit])

    def _api_getMe(self, _: dict[str, Any]) -> dict[str, Any]:
        return {**BOT_USER, "can_join_groups": True, "can_read_all_group_messages": False}

    def _api_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        path = f"documents/{params['file_id']}"
        return {
            "file_id": params["file_id"],
            "file_unique_id": params["file_id"],
            "file_size": len(self.files.get(path, b"")),
            "file_path": path,
        }

    def download(self, token: str, file_path: str) -> bytes | None:
        with self._changed:
            self.file_downloads.append(file_path)
        return self.files.get(file_path)

    def _api_getChatMember(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, user_id = params["chat_id"], params["user_id"]
        status = self.member_status.get((chat_id, user_id), "left")
        member: dict[str, Any] = {
            "status": status,
            "user": {"id": user_id, "is_bot": False, "first_name": f"user{user_id}"},
        }
        if status == "creator":
            member["is_anonymous"] = False
        if status == "kicked":
            member["until_date"] = 0
        return member

    def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._message(params, next(self._message_ids))

    def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._message(params, int(params.get("message_id") or 0))

    def _message(self, params: dict[str, Any], message_id: int) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        chat: dict[str, Any] = (
            {"id": chat_id, "type": "private", "first_name": "someone"}
            if chat_id > 0
            else {"id": chat_id, "type": "group", "title": "group"}
        )
        message: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": BOT_USER,
            "text": params.get("text", ""),
        }
        if isinstance(params.get("reply_markup"), dict) and params["reply_markup"].get(
            "inline_keyboard"
        ):
            message["reply_markup"] = params["reply_markup"]
        return message


def _handler_for(api: StubBotApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self._serve()

        def do_GET(self) -> None:
            self._serve()

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            path = urlsplit(self.path).path.strip("/")
            if path.startswith("file/bot"):  # /file/bot<token>/<file path>
                token, _, file_path = path.removeprefix("file/bot").partition("/")
                self._send_file(api.download(token, file_path))
                return
            # /bot<token>/<method>
            head, _, method = path.rpartition("/")
            if not head.startswith("bot"):
                self._send(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                return
            params = _parameters(self.headers.get("Content-Type", ""), body)
            status, answer = api.answer(head.removeprefix("bot"), method, params)
            self._send(status, answer)

        def _send_file(self, content: bytes | None) -> None:
            self.send_response(200 if content is not None else 404)
            self.send_header("Content-Length", str(len(content or b"")))
            self.end_headers()
            self.wfile.write(content or b"")

        def _send(self, status: int, answer: Any) -> None:
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            return  # quiet: the calls are recorded instead

    return Handler


def _parameters(content_type: str, body: bytes) -> dict[str, Any]:
    """PTB posts a form whose non-string values are JSON; files come as multipart."""
    raw: dict[str, str] = {}
    if content_type.startswith("application/x-www-form-urlencoded"):
        raw = {k: v[-1] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
    elif content_type.startswith("application/json") and body:
        return dict(json.loads(body))
    elif content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if name and part.get_filename() is None:
                raw[str(name)] = part.get_content()
    params: dict[str, Any] = {}
    for name, value in raw.items():
        if name in _JSON_PARAMETERS:
            params[name] = json.loads(value)
        elif name in _INT_PARAMETERS:
            params[name] = int(value)
        else:
            params[name] = value
    return params
