"""Compact callback data: `action:team:arg…`, at most 64 bytes, ids only, never user text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.kit.texts import Refusal
from locales import InputError

MAX_BYTES = 64  # Telegram's limit for callback_data
# The digest's own buttons. The digest is read by the whole group, so a button under it answers
# with a new message, never by editing it (bot/kit/turn.py `Turn.edit`); a message whose keyboard
# has one of these is a digest, older digests whose other buttons page lists included.
DIGEST_VIEW = "view"
UNDO = "undo"  # the ↩ Undo under a confirmed change (`Turn.confirm`)


@dataclass(frozen=True)
class Callback:
    action: str
    team_id: int
    args: tuple[str, ...]

    def int_arg(self, index: int) -> int:
        """An id argument; anything forged or malformed is 'no longer valid'."""
        if index >= len(self.args):
            raise InputError(Refusal.STALE)
        return id_from(self.args[index])


def pack(action: str, team_id: int, *args: object) -> str:
    data = ":".join([action, str(team_id), *(str(a) for a in args)])
    if len(data.encode()) > MAX_BYTES or any(":" in str(a) for a in args):
        raise ValueError(f"callback data too long or malformed: {data!r}")
    return data


def is_digest_keyboard(callback_data: list[str]) -> bool:
    """Whether a message with buttons carrying this data is a digest (DIGEST_VIEW)."""
    return any(data.split(":", 1)[0] == DIGEST_VIEW for data in callback_data)


def undo_buttons(keyboard: list[list[tuple[str, str]]]) -> list[list[tuple[str, str]]]:
    """The rows of a keyboard's UNDO buttons, other buttons and rows left out."""
    rows = [[b for b in row if b[1].split(":", 1)[0] == UNDO] for row in keyboard]
    return [row for row in rows if row]


def unpack(data: str | None) -> Callback:
    parts = (data or "").split(":")
    try:
        team_id = _id(parts[1]) if len(parts) >= 2 else None
    except ValueError:
        team_id = None
    if team_id is None:
        raise InputError(Refusal.STALE)
    return Callback(parts[0], team_id, tuple(parts[2:]))


_ID = re.compile(r"-?[0-9]{1,10}")
# Ids are INTEGER columns: 32 bits on PostgreSQL. A larger one would fail inside the query
# (DataError) instead of being "no longer valid"; page numbers and indexes stay below it too.
LARGEST = 2**31 - 1


def id_from(text: str) -> int:
    """An id inside a button's choice (a dialog option like "12" or "use12"), or Refusal.STALE."""
    try:
        return _id(text)
    except ValueError:
        raise InputError(Refusal.STALE) from None


def _id(text: str) -> int:
    """A database id from forged-or-not callback data; ValueError for anything else.

    A number the database cannot hold (a forged 2**31) would fail inside the query instead of
    being 'no longer valid'.
    """
    if not _ID.fullmatch(text) or abs(value := int(text)) > LARGEST:
        raise ValueError(f"not an id: {text[:30]!r}")
    return value
