"""Compact callback data: `action:team:arg…`, at most 64 bytes, ids only, never user text."""

from __future__ import annotations

from dataclasses import dataclass

from locales import N_, InputError

MAX_BYTES = 64  # Telegram's limit for callback_data


@dataclass(frozen=True)
class Callback:
    action: str
    team_id: int
    args: tuple[str, ...]

    def int_arg(self, index: int) -> int:
        """An id argument; anything forged or malformed is 'no longer valid'."""
        try:
            return int(self.args[index])
        except (IndexError, ValueError):
            raise InputError(STALE) from None


STALE = N_("This button is no longer valid.")


def pack(action: str, team_id: int, *args: object) -> str:
    data = ":".join([action, str(team_id), *(str(a) for a in args)])
    if len(data.encode()) > MAX_BYTES or any(":" in str(a) for a in args):
        raise ValueError(f"callback data too long or malformed: {data!r}")
    return data


def unpack(data: str | None) -> Callback:
    parts = (data or "").split(":")
    if len(parts) < 2 or not parts[1].lstrip("-").isdigit():
        raise InputError(STALE)
    return Callback(parts[0], int(parts[1]), tuple(parts[2:]))
