"""/help and /lang: what the bot can do, and in which language it says so."""

from __future__ import annotations

from bot.kit.commands import Command, command, command_table
from bot.kit.texts import Refusal
from bot.kit.turn import Turn, button, on_command
from bot.render import help as render
from bot.render import refusals
from locales import SUPPORTED_LOCALES, InputError, translator
from storage import teams

GROUP_ONLY = ("members", "team")  # a personal team: nobody to let in, no team to pick here


def _visible(turn: Turn) -> list[Command]:
    """The commands the caller may use; a personal team's owner gets none that need a group."""
    visible = list(command_table(turn.context).visible_to(turn.role))
    if turn.caller.team is not None and turn.caller.team.is_personal:
        visible = [c for c in visible if c.name not in GROUP_ONLY]
    return visible


@command
async def help_command(turn: Turn) -> None:
    """Lists the commands the caller can use, or explains one."""
    if turn.args:
        found = command_table(turn.context).topic(" ".join(turn.args))
        if found is None or found.usage is None:
            # "/help note" names the command /note, as a typed "/note" would (Russian reader:
            # «note — такого я не знаю»)
            raise InputError(refusals.UNKNOWN_COMMAND, command="/" + turn.args[0].lstrip("/"))
        turn.reply(render.usage(turn.t, found.usage))
        return
    text, buttons = render.help_page(turn.t, _visible(turn), 0)
    turn.reply(text, buttons=buttons)


@button(role=None)
async def help_more(turn: Turn) -> None:
    """The "More commands" button: the next screen of the list, in place of the last."""
    page = int(turn.pressed.args[0]) if turn.pressed.args and turn.pressed.args[0].isdigit() else 1
    text, buttons = render.help_page(turn.t, _visible(turn), page)
    turn.edit(text, buttons=buttons)


@command
async def lang(turn: Turn) -> None:
    """Sets the caller's own language, from an argument or with buttons."""
    if not turn.args:
        text, buttons = render.language_question(turn.t)
        turn.reply(text, buttons=buttons)
        return
    await _set_language(turn, turn.args[0].lower(), edit=False)


@button(role=None)
async def lang_button(turn: Turn) -> None:
    await _set_language(turn, turn.pressed.args[0] if turn.pressed.args else "", edit=True)


async def _set_language(turn: Turn, code: str, *, edit: bool) -> None:
    if code not in SUPPORTED_LOCALES:
        raise InputError(refusals.LANGUAGES_SPOKEN)
    await turn.run(teams.set_user_locale, user_id=turn.caller.user_id, locale=code, now=turn.now)
    turn.caller.locale = code
    text = render.language_set(translator(code))
    if edit:
        turn.edit(text)
    else:
        turn.reply(text)


@on_command(role=None)
async def unknown_command(turn: Turn) -> None:
    """Any command the bot does not have: point to /help. One addressed to another bot
    (`/help@other_bot`, seen when a group's bots read everything) is not ours to answer."""
    head = turn.text.split(maxsplit=1)[0] if turn.text else "/"
    word, _, addressee = head.partition("@")
    if (
        addressee
        and addressee.rstrip(":").casefold() != (turn.context.bot.username or "").casefold()
    ):
        return
    meant = command_table(turn.context).nearest(word, turn.t.locale)
    turn.reply(render.unknown_command(turn.t, word, meant))


@button(role=None)
async def unknown_button(turn: Turn) -> None:
    """A button whose data names no action (Telegram allows empty data): no longer valid."""
    raise InputError(Refusal.STALE)
