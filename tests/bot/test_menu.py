"""The command registry: every command has a Dutch name Telegram accepts, and no name is
taken twice."""

from __future__ import annotations

import importlib
import pkgutil
import re
from types import ModuleType

from telegram.ext import CommandHandler

import bot
from bot import menu
from bot.kit.commands import Command, registry_gaps
from bot.kit.commands import command as mark_command
from bot.menu import RULES
from storage.models import Role
from tests.chat import Chat

TELEGRAM_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")


def test_every_command_has_a_dutch_name_telegram_accepts() -> None:
    for command in menu.COMMANDS:
        assert TELEGRAM_COMMAND.match(command.name), command.name
        assert TELEGRAM_COMMAND.match(command.dutch), command.dutch


def test_no_name_stands_for_two_commands() -> None:
    typed = [name for command in menu.COMMANDS for name in command.names]
    assert len(typed) == len(set(typed))
    assert len(menu.BY_NAME) == len(typed)


def test_the_named_dutch_aliases() -> None:
    dutch = {c.name: c.dutch for c in menu.COMMANDS}
    assert dutch["client"] == "klant" and dutch["clients"] == "klanten"
    assert dutch["sale"] == "verkoop" and dutch["sales"] == "verkopen"
    assert dutch["paid"] == "betaald" and dutch["rate"] == "beoordeel"
    assert dutch["complaint"] == "klacht" and dutch["compliment"] == "compliment"
    assert dutch["refer"] == "aanbeveling" and dutch["risk"] == "risico"
    assert dutch["decline"] == "afscheid" and dutch["portrait"] == "portret"
    assert dutch["profile"] == "profiel" and dutch["settings"] == "instellingen"
    assert dutch["help"] == "hulp" and dutch["cancel"] == "annuleer"


def test_find_reads_both_names_as_typed() -> None:
    assert menu.find("/Klant@kompas_bot") is menu.find("client") is menu.BY_NAME["client"]
    assert menu.find("verkoop") is menu.find("/sale")
    assert menu.find("frobnicate") is None


def test_names_shown_follow_the_language() -> None:
    sale = menu.find("sale")
    assert sale is not None
    assert (sale.name_in("nl"), sale.name_in("ru")) == ("verkoop", "sale")


def test_skip_answers_in_dialogs_but_is_in_no_menu() -> None:
    skip = menu.find("overslaan")
    assert skip is not None and skip.name == "skip"
    assert skip not in menu.visible_to(Role.OWNER)


def test_rate_limits_name_commands_of_the_registry() -> None:
    assert set(RULES) <= {c.name for c in menu.COMMANDS}


async def test_the_application_answers_every_name(chat: Chat) -> None:
    [handler] = [
        h for hs in chat.app.handlers.values() for h in hs if isinstance(h, CommandHandler)
    ]
    assert set(handler.commands) == set(menu.BY_NAME)


def _bot_modules() -> list[ModuleType]:
    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(bot.__path__, "bot.")
        if info.name != "bot.__main__"
    ]


def test_every_command_handler_has_an_entry_and_every_entry_a_handler() -> None:
    assert registry_gaps(menu.COMMANDS, _bot_modules()) == []


def test_a_handler_without_an_entry_or_an_entry_without_a_handler_is_found() -> None:
    stray = ModuleType("bot.handlers.stray")

    async def frobnicate(turn: object) -> None:
        """A command someone wrote and forgot to declare."""

    frobnicate.__module__ = stray.__name__
    stray.frobnicate = mark_command(frobnicate)  # type: ignore[attr-defined]

    async def helper(turn: object) -> None:
        """Not a command's handler."""

    unmarked = Command("frob", "frob", helper, "Frobnicate")
    assert registry_gaps(menu.COMMANDS, [*_bot_modules(), stray]) == [
        "bot.handlers.stray.frobnicate is a command handler without an entry in bot/menu.py"
    ]
    assert registry_gaps((*menu.COMMANDS, unmarked), _bot_modules()) == [
        "/frob: 'test_a_handler_without_an_entry_or_an_entry_without_a_handler_is_found."
        "<locals>.helper' is not marked @command"
    ]


async def test_telegrams_menus_in_each_language_are_as_before(chat: Chat) -> None:
    """What Telegram shows under the menu button, by the user's language ("": any other)."""
    dutch = [
        ("start", "Kompas instellen of je team openen"),
        ("team", "Je team kiezen (privéchat)"),
        ("taal", "Taal: Nederlands of Russisch"),
        ("annuleer", "Stoppen met waar we mee bezig zijn"),
        ("hulp", "Wat ik kan"),
    ]
    russian = [
        ("start", "Настроить Kompas или открыть команду"),
        ("team", "Выбрать команду (личный чат)"),
        ("lang", "Язык: русский или нидерландский"),
        ("cancel", "Прервать текущее действие"),
        ("help", "Что я умею"),
    ]
    menus = {
        language: [(c["command"], c["description"]) for c in commands]
        for language, commands in chat.api.commands.items()
    }
    assert menus == {"": dutch, "nl": dutch, "ru": russian}
