"""/help and /lang in words: the command list a screen at a time, one command's usage, the
choice of language, and the answer to a command the bot doesn't have."""

from __future__ import annotations

from collections.abc import Sequence

from bot.kit.callbacks import pack
from bot.kit.commands import Command
from bot.render.buttons import Buttons
from locales import LANGUAGE_NAMES, SUPPORTED_LOCALES, Markup, Translator

# /help fits one phone screen: the everyday commands first, the rest behind "More commands".
FIRST_SCREEN = (
    "start",
    "client",
    "clients",
    "add",
    "sale",
    "paid",
    "rate",
    "risk",
    "digest",
    "settings",
    "undo",
    "cancel",
)
PAGE_SIZE = len(FIRST_SCREEN)


def help_page(t: Translator, visible: Sequence[Command], page: int) -> tuple[str, Buttons]:
    """One screen of the commands the caller may use (page 0: the everyday commands), at most
    15 lines, with "More commands" while there are more."""
    ordered = sorted(visible, key=lambda c: (c.name not in FIRST_SCREEN, visible.index(c)))
    pages = [ordered[i : i + PAGE_SIZE] for i in range(0, len(ordered), PAGE_SIZE)] or [[]]
    page = min(max(page, 0), len(pages) - 1)
    lines = [t._("<b>What I can do</b>")] if page == 0 else []
    lines += [f"/{c.name_in(t.locale)} — {t._(c.description)}" for c in pages[page]]
    lines.append(t._("Details of one command: /help followed by its name."))
    buttons = [[(t._("More commands"), pack("help", 0, page + 1))]] if page + 1 < len(pages) else []
    return "\n".join(lines), buttons


def usage(t: Translator, usage: str) -> Markup:
    """/help <command>: how to type it (`usage`: the command's message id)."""
    return t._(usage)


def language_question(t: Translator) -> tuple[Markup, Buttons]:
    """/lang without a code: each language in its own words."""
    buttons = [[(LANGUAGE_NAMES[code], pack("lang", 0, code)) for code in SUPPORTED_LOCALES]]
    return t._("Which language shall I speak with you?"), buttons


def language_set(t: Translator) -> Markup:
    """Said in the language just chosen."""
    return t._("Done: from now on I speak your language.")


def unknown_command(t: Translator, command: str, meant: str | None) -> Markup:
    """A command the bot doesn't have: the nearest one it has ("/verkop"), else /help."""
    if meant is not None:
        return t._(
            "I don't know the command {command}. Did you mean {meant}?",
            command=command,
            meant=meant,
        )
    return t._("I don't know the command {command}. Send /help for the list.", command=command)
