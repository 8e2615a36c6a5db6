"""/help and /lang: what the bot can do, and in which language it says so."""

from __future__ import annotations

from bot import menu
from bot.kit.callbacks import STALE, pack
from bot.kit.turn import Turn, button, command
from locales import N_, SUPPORTED_LOCALES, InputError, translator
from storage import teams

LANGUAGE_NAMES = {"nl": "Nederlands", "ru": "Русский"}
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
    "cancel",
)
PAGE_SIZE = len(FIRST_SCREEN)
GROUP_ONLY = ("members", "team")  # a personal team: nobody to let in, no team to pick here


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
    text, buttons = _help_page(turn, 0)
    turn.reply(text, buttons=buttons)


@button(role=None)
async def help_more(turn: Turn) -> None:
    """The "More commands" button: the next screen of the list, in place of the last."""
    assert turn.callback is not None
    page = (
        int(turn.callback.args[0]) if turn.callback.args and turn.callback.args[0].isdigit() else 1
    )
    text, buttons = _help_page(turn, page)
    turn.edit(text, buttons=buttons)


def _help_page(turn: Turn, page: int) -> tuple[str, list[list[tuple[str, str]]]]:
    """One screen of the command list (page 0: the everyday commands), at most 15 lines."""
    t = turn.t
    visible = menu.visible_to(turn.role)
    if turn.caller.team is not None and turn.caller.team.is_personal:
        visible = [c for c in visible if c.name not in GROUP_ONLY]
    ordered = sorted(visible, key=lambda c: (c.name not in FIRST_SCREEN, visible.index(c)))
    pages = [ordered[i : i + PAGE_SIZE] for i in range(0, len(ordered), PAGE_SIZE)] or [[]]
    page = min(max(page, 0), len(pages) - 1)
    lines = [t._("<b>What I can do</b>")] if page == 0 else []
    lines += [f"/{c.name_in(t.locale)} — {t._(c.description)}" for c in pages[page]]
    lines.append(t._("Details of one command: /help followed by its name."))
    buttons = [[(t._("More commands"), pack("help", 0, page + 1))]] if page + 1 < len(pages) else []
    return "\n".join(lines), buttons


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
