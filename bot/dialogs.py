"""Guided dialogs: one step at a time, answered by typing or by buttons, surviving restarts.

State lives in the dialog_state table per (chat, user) and is written in the update's own
transaction. In groups the bot sees only commands and replies to its own messages (privacy
mode), so a free-text question goes out with ForceReply(selective) and /skip and /cancel
work as commands; in a private chat the same question carries Skip and Cancel buttons.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar

from bot.callbacks import STALE, pack
from bot.turn import Turn, button, command, reply_handler
from locales import N_, InputError, Markup
from storage import dialogs as dialog_store
from storage.models import Role

SKIP, CANCEL = "skip", "cancel"
_REGISTRY: dict[str, Dialog] = {}


@dataclass
class Conversation:
    dialog: str
    step: str
    team_id: int | None
    data: dict[str, Any] = field(default_factory=dict)
    stored: bool = False  # in the database: finishing must clear it


class Dialog(ABC):
    """A named sequence of steps; subclasses ask and answer, the router does the rest."""

    name: ClassVar[str]
    role: ClassVar[Role] = Role.MEMBER

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:
            _REGISTRY[cls.name] = cls()

    @abstractmethod
    async def ask(self, turn: Turn, convo: Conversation) -> None:
        """Put the current step's question."""

    @abstractmethod
    async def answer(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        """Take a typed answer (`text`) or a pressed option (`choice`) for the current step."""


def registered(name: str) -> Dialog | None:
    return _REGISTRY.get(name)


async def goto(turn: Turn, convo: Conversation, step: str, **data: Any) -> None:
    """Move to `step`, store the state in this update's transaction, and ask."""
    convo.step = step
    convo.data.update(data)
    convo.stored = True
    await turn.run(
        dialog_store.save_dialog,
        chat_id=turn.caller.chat_id,
        user_id=turn.caller.user_id,
        team_id=convo.team_id,
        dialog=convo.dialog,
        step=step,
        data=convo.data,
        now=turn.now,
    )
    await _REGISTRY[convo.dialog].ask(turn, convo)


async def finish(turn: Turn, convo: Conversation) -> None:
    """The dialog is done; a one-line command that never stored one costs no query."""
    if convo.stored:
        await turn.run(
            dialog_store.clear_dialog, chat_id=turn.caller.chat_id, user_id=turn.caller.user_id
        )
        convo.stored = False


def new(dialog: str, turn: Turn, **data: Any) -> Conversation:
    return Conversation(dialog, "", turn.caller.team.id if turn.caller.team else None, data)


def ask_for_reply(turn: Turn, text: Markup | str) -> None:
    """A question answered by typing. In a group the bot only sees replies to itself
    (privacy mode), so the asker is named: Telegram then opens the reply for them alone,
    even when a button press, not a message of theirs, asked the question."""
    if not turn.caller.in_group:
        turn.reply(text)
        return
    mention = (
        Markup(f'<a href="tg://user?id={turn.caller.user_id}">')
        + turn.caller.display_name
        + Markup("</a>")
    )
    turn.reply(mention + Markup(", ") + text, force_reply=True)


def question(
    turn: Turn,
    convo: Conversation,
    text: str,
    *,
    options: list[tuple[str, str]] | None = None,
    per_row: int = 2,
    skip: bool = False,
    edit: bool = False,
) -> None:
    """Ask; `options` are (label, value) buttons. Free-text steps in groups use ForceReply."""
    t = turn.t
    team_id = convo.team_id or 0
    rows: list[list[tuple[str, str]]] = []
    for start in range(0, len(options or []), per_row):
        rows.append(
            [
                (label, pack("d", team_id, convo.step, value))
                for label, value in (options or [])[start : start + per_row]
            ]
        )
    if turn.caller.in_group and not options:
        hint = t._("/skip to skip, /cancel to stop") if skip else t._("/cancel to stop")
        ask_for_reply(turn, Markup(f"{text}\n<i>{hint}</i>"))
        return
    controls = [(t._("Skip"), pack("d", team_id, convo.step, SKIP))] if skip else []
    controls.append((t._("Cancel"), pack("d", team_id, convo.step, CANCEL)))
    rows.append(controls)
    if edit and turn.update.callback_query is not None:
        turn.edit(text, buttons=rows)
    else:
        turn.reply(text, buttons=rows)


# Routing -------------------------------------------------------------------------------------


async def _load(turn: Turn) -> Conversation | None:
    state = await turn.run(
        dialog_store.load_dialog,
        chat_id=turn.caller.chat_id,
        user_id=turn.caller.user_id,
        now=turn.now,
    )
    if state is None or state.dialog not in _REGISTRY:
        return None
    team_id = turn.caller.team.id if turn.caller.team else None
    if state.team_id is not None and state.team_id != team_id:
        return None  # the user switched teams since; that dialog is not for this team
    return Conversation(state.dialog, state.step, state.team_id, dict(state.data), stored=True)


async def _dispatch(
    turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
) -> None:
    dialog = _REGISTRY[convo.dialog]
    await turn.require(dialog.role)
    if choice == CANCEL:
        await finish(turn, convo)
        _cancelled(turn)
        return
    await dialog.answer(turn, convo, text=text, choice=choice)


def _cancelled(turn: Turn) -> None:
    text = turn.t._("Stopped. Nothing was changed.")
    if turn.update.callback_query is not None:
        turn.edit(text)
    else:
        turn.reply(text)


@reply_handler(role=None)
async def on_text(turn: Turn) -> None:
    """A typed answer to the step in progress; without a dialog, a pointer to /help."""
    convo = await _load(turn)
    if convo is None:
        if not turn.caller.in_group:
            turn.reply(
                turn.t._(
                    "Send a command to get going, for example /add or /sale. /help lists them all."
                )
            )
        return
    await _dispatch(turn, convo, text=turn.text.strip(), choice=None)


@button(role=None)
async def on_button(turn: Turn) -> None:
    """A pressed option; it must belong to the presser's own step in progress."""
    assert turn.callback is not None
    convo = await _load(turn)
    if convo is None or len(turn.callback.args) < 2 or turn.callback.args[0] != convo.step:
        raise InputError(STALE)
    await _dispatch(turn, convo, text=None, choice=turn.callback.args[1])


@command(role=None)
async def skip(turn: Turn) -> None:
    convo = await _load(turn)
    if convo is None:
        raise InputError(N_("There's nothing to skip right now."))
    await _dispatch(turn, convo, text=None, choice=SKIP)


@command(role=None)
async def cancel(turn: Turn) -> None:
    """/cancel always works: it stops the dialog in progress, if any."""
    stopped = await turn.run(
        dialog_store.clear_dialog, chat_id=turn.caller.chat_id, user_id=turn.caller.user_id
    )
    if stopped:
        _cancelled(turn)
    else:
        turn.reply(turn.t._("There's nothing to stop right now."))
