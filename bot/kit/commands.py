"""What a slash command is: the entry of the one command registry, and the look-ups on it.

bot/menu.py declares every command once — its English and Dutch names, its handler, who may use
it, its menu and help texts, its rate limit — and everything else reads that: routing
(bot/app.py), Telegram's per-language menus, /help, the rate limits (bot/kit/limits.py). A handler
is marked `@command` where it is written; the registry gives it everything else.

Telegram commands are Latin: a-z, 0-9 and `_`, at most 32 characters. Every command also
answers to its Dutch name (`/klant`, `/verkoop`); the English names keep working for everyone.
Dutch menus and /help show the Dutch names; Russian ones show the English names, since
Telegram has no Cyrillic commands.

Code below the wiring (/help, the rate limits) reads the table the application was built with
(`command_table`), never bot/menu.py, which imports the handlers.
"""

from __future__ import annotations

import difflib
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from telegram.ext import ContextTypes

from locales.scripts import fold_yo
from storage.models import Role

Handler = Callable[[Any], Awaitable[None]]  # async def handler(turn: Turn) -> None
TABLE_KEY = "commands"  # where the application keeps its table (bot_data)
_MARK = "_kompas_command"


@dataclass(frozen=True)
class Rule:
    """A rate limit: a burst of `burst` calls, then one more every `every` seconds."""

    burst: int
    every: float


@dataclass(frozen=True)
class Command:
    name: str
    dutch: str  # the name Dutch speakers type and see; may equal `name` ("team")
    handler: Handler  # marked `@command`; bot/kit/turn.py's `on_command` wraps it with `role`
    description: str  # message id of the menu line, translated where shown
    role: Role | None = Role.MEMBER  # None: works without a team (start, help, lang)
    usage: str | None = None  # message id of the long help, for /help <command>
    listed: bool = True  # False: only answers inside a dialog, in no menu (/skip)
    in_dialog: bool = False  # answers the pending dialog (/skip, /cancel) instead of ending it
    limit: Rule | None = None  # per person; its Dutch name shares the bucket (bot/kit/limits.py)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this command answers to."""
        return (self.name,) if self.dutch == self.name else (self.name, self.dutch)

    def name_in(self, locale: str) -> str:
        """The name shown to someone speaking `locale`."""
        return self.dutch if locale == "nl" else self.name


_RANK = {None: -1, Role.MEMBER: 0, Role.ADMIN: 1, Role.OWNER: 2}


class CommandTable:
    """The registry's commands, found by any of their names."""

    def __init__(
        self,
        commands: Iterable[Command],
        said_otherwise: Mapping[str, str] | None = None,
        topics: Mapping[str, str] | None = None,
    ) -> None:
        self.commands = tuple(commands)
        # Every name typed → its command: "klant" and "client" both find /client.
        self.by_name = {name: c for c in self.commands for name in c.names}
        # Other words people type for a command: `/verkocht` ("sold") means /verkoop.
        self.said_otherwise = dict(said_otherwise or {})
        # What `/help <topic>` also understands: the words Russian speakers name commands by.
        self.topics = dict(topics or {})
        self.rules = {c.name: c.limit for c in self.commands if c.limit is not None}

    def visible_to(self, role: Role | None) -> list[Command]:
        """Commands a caller with `role` can use (None: no team yet)."""
        return [c for c in self.commands if c.listed and _RANK[c.role] <= _RANK[role]]

    def find(self, name: str) -> Command | None:
        """The command `name` (English or Dutch, with or without "/" and "@bot") stands for."""
        return self.by_name.get(name.lstrip("/").split("@")[0].lower())

    def topic(self, words: str) -> Command | None:
        """The command `/help <words>` asks about: its name, another word for it (`verkocht`)
        or the word for it in the caller's language (`продажа`, «Продажу»)."""
        typed = fold_yo(words.strip().lstrip("/").split("@")[0].casefold()).strip(" .,!?")
        for said in (typed, typed.split(" ")[0]):
            name = self.said_otherwise.get(said) or self.topics.get(said) or said
            if (found := self.find(name)) is not None:
                return found
        return None

    def nearest(self, name: str, locale: str) -> str | None:
        """The command a mistyped name (`/verkop`) or another word for it (`/verkocht`) most
        likely meant, named as someone speaking `locale` sees it: a Russian's `/hlep` is
        /help, never the Dutch /hulp."""
        typed = name.lstrip("/").split("@")[0].lower()
        if typed in self.said_otherwise:
            meant = self.find(self.said_otherwise[typed])
            return f"/{meant.name_in(locale)}" if meant else f"/{self.said_otherwise[typed]}"
        if (topic := self.topics.get(fold_yo(typed))) and (meant := self.find(topic)):
            return f"/{meant.name_in(locale)}"  # «/продажа»: Telegram's commands are Latin
        # The closest name, their own language's on a tie ("hlep": help and hulp alike).
        score, _, closest = max(
            (difflib.SequenceMatcher(None, typed, name).ratio(), name == c.name_in(locale), name)
            for name, c in self.by_name.items()
        )
        return f"/{self.by_name[closest].name_in(locale)}" if score >= 0.75 else None


def command(handler: Handler) -> Handler:
    """Marks a slash command's handler. Its names, role and rate limit are its entry in
    bot/menu.py; a marked handler without an entry, or an entry whose handler is not marked,
    fails the tests (`registry_gaps`)."""
    setattr(handler, _MARK, True)
    return handler


def is_command_handler(obj: object) -> bool:
    return callable(obj) and getattr(obj, _MARK, False) is True


def registry_gaps(commands: Iterable[Command], modules: Iterable[ModuleType]) -> list[str]:
    """What is out of step: marked handlers in `modules` without an entry, entries whose
    handler is not a marked one."""
    commands = tuple(commands)
    registered = {id(c.handler) for c in commands}
    gaps = [
        f"{module.__name__}.{name} is a command handler without an entry in bot/menu.py"
        for module in modules
        for name, value in vars(module).items()
        if is_command_handler(value)
        and getattr(value, "__module__", None) == module.__name__
        and id(value) not in registered
    ]
    gaps += [
        f"/{c.name}: {getattr(c.handler, '__qualname__', c.handler)!r} is not marked @command"
        for c in commands
        if not is_command_handler(c.handler)
    ]
    return gaps


def command_table(context: ContextTypes.DEFAULT_TYPE) -> CommandTable:
    """The commands of the application this update came to (bot/app.py puts them there)."""
    table: CommandTable = context.bot_data[TABLE_KEY]
    return table
