"""/help and /lang: what the bot can do, and in which language it says so."""

from __future__ import annotations

from bot import menu
from bot.callbacks import STALE, pack
from bot.turn import Turn, button, command
from locales import N_, SUPPORTED_LOCALES, InputError, translator
from storage import teams

LANGUAGE_NAMES = {"nl": "Nederlands", "ru": "Русский"}


@command(role=None)
async def help_command(turn: Turn) -> None:
    """Lists the commands the caller can use, or explains one."""
    t = turn.t
    if turn.args:
        found = menu.find(turn.args[0])
        if found is None or found.usage is None:
            raise InputError(
                N_("I don't know the command {command}. Send /help for the list."),
                command=turn.args[0],
            )
        turn.reply(t._(found.usage))
        return
    lines = [t._("<b>What I can do</b>")]
    lines += [f"/{c.name_in(t.locale)} — {t._(c.description)}" for c in menu.visible_to(turn.role)]
    lines.append(t._("Details of one command: /help followed by its name."))
    turn.reply("\n".join(lines))


@command(role=None)
async def lang(turn: Turn) -> None:
    """Sets the caller's own language, from an argument or with buttons."""
    if not turn.args:
        buttons = [[(LANGUAGE_NAMES[code], pack("lang", 0, code)) for code in SUPPORTED_LOCALES]]
        turn.reply(turn.t._("Which language shall I speak with you?"), buttons=buttons)
        return
    await _set_language(turn, turn.args[0].lower(), edit=False)


@button(role=None)
async def lang_button(turn: Turn) -> None:
    assert turn.callback is not None
    await _set_language(turn, turn.callback.args[0] if turn.callback.args else "", edit=True)


async def _set_language(turn: Turn, code: str, *, edit: bool) -> None:
    if code not in SUPPORTED_LOCALES:
        raise InputError(N_("I speak Dutch and Russian: type /lang nl or /lang ru."))
    await turn.run(teams.set_user_locale, user_id=turn.caller.user_id, locale=code, now=turn.now)
    turn.caller.locale = code
    text = translator(code)._("Done: from now on I speak your language.")
    if edit:
        turn.edit(text)
    else:
        turn.reply(text)


@command(role=None)
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
    meant = menu.nearest(word)
    if meant is not None:  # "/verkop": the nearest command's name
        turn.reply(
            turn.t._(
                "I don't know the command {command}. Did you mean {meant}?",
                command=word,
                meant=meant,
            )
        )
        return
    turn.reply(
        turn.t._("I don't know the command {command}. Send /help for the list.", command=word)
    )


@button(role=None)
async def unknown_button(turn: Turn) -> None:
    """A button whose data names no action (Telegram allows empty data): no longer valid."""
    raise InputError(STALE)
