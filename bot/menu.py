"""The commands people see: in Telegram's per-language menu and in /help, from one list."""

from __future__ import annotations

from dataclasses import dataclass

from locales import N_
from storage.models import Role


@dataclass(frozen=True)
class MenuCommand:
    name: str
    description: str  # message id, translated where shown
    role: Role | None = Role.MEMBER
    usage: str | None = None  # message id of the long help, for /help <command>


COMMANDS: tuple[MenuCommand, ...] = (
    MenuCommand(
        "start",
        N_("Set up Kompas or open your team"),
        None,
        N_(
            "/start — in a group, the group becomes a team (you must be its admin). "
            "In a private chat you get your own team, or pick one of yours."
        ),
    ),
    MenuCommand(
        "help",
        N_("What I can do"),
        None,
        N_("/help — the list of commands. /help sale — how one command works."),
    ),
    MenuCommand(
        "lang",
        N_("Language: Nederlands or русский"),
        None,
        N_("/lang — choose with a button, or type /lang nl or /lang ru."),
    ),
)


def visible_to(role: Role | None) -> list[MenuCommand]:
    """Commands a caller with `role` can use (None: no team yet)."""
    rank = {None: -1, Role.MEMBER: 0, Role.ADMIN: 1, Role.OWNER: 2}
    return [c for c in COMMANDS if rank[c.role] <= rank[role]]


def find(name: str) -> MenuCommand | None:
    name = name.lstrip("/").split("@")[0].lower()
    return next((c for c in COMMANDS if c.name == name), None)
