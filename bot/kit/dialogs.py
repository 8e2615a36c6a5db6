"""Guided dialogs: one step at a time, answered by typing or by buttons, surviving restarts.

State lives in the dialog_state table per (chat, user) and is written in the update's own
transaction. In groups the bot sees only commands and replies to its own messages (privacy
mode), so a free-text question goes out with ForceReply(selective) and /skip and /cancel
work as commands; in a private chat the same question carries Skip and Cancel buttons.

A question is bound to the message that asked it: in a group only a reply to that message
(or a button on it) answers, so a reply to a client's card never books data for another
client. Another command from the same person ends the dialog; after 30 minutes it expires.

The wiring installs the dialogs (bot/app.py, `Kompas.dialogs`), each under the name its state is
stored by, and `end_pending` to run before every command.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from bot.kit.callbacks import pack
from bot.kit.commands import command, command_table
from bot.kit.texts import CANCEL, SKIP, Refusal
from bot.kit.turn import Turn, button, reply_handler
from locales import InputError, Markup
from storage import dialogs as dialog_store
from storage.dialogs import Expired
from storage.models import Role


@dataclass
class Conversation:
    dialog: str
    step: str
    team_id: int | None
    data: dict[str, Any] = field(default_factory=dict)
    stored: bool = False  # in the database: finishing must clear it


class Dialog(ABC):
    """A named sequence of steps; subclasses ask and answer, the router does the rest. Only
    dialogs the wiring installs are resumed (bot/app.py)."""

    name: ClassVar[str]
    role: ClassVar[Role] = Role.MEMBER

    @abstractmethod
    async def ask(self, turn: Turn, convo: Conversation) -> None:
        """Put the current step's question."""

    @abstractmethod
    async def answer(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        """Take a typed answer (`text`) or a pressed option (`choice`) for the current step."""


def by_name(dialogs: Iterable[Dialog]) -> dict[str, Dialog]:
    """The dialogs as the wiring installs them: by the name their state is stored under."""
    dialogs = tuple(dialogs)
    installed = {dialog.name: dialog for dialog in dialogs}
    if len(installed) != len(dialogs):
        raise ValueError("two dialogs share a name")
    return installed


def registered(turn: Turn, name: str) -> Dialog | None:
    return turn.kompas.dialogs.get(name)


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
    await turn.kompas.dialogs[convo.dialog].ask(turn, convo)


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
    """A request answered by typing, outside any dialog (see Turn.ask_for_reply)."""
    turn.ask_for_reply(text)


def question(
    turn: Turn,
    convo: Conversation,
    text: str,
    *,
    options: list[tuple[str, str]] | None = None,
    per_row: int = 2,
    skip: bool = False,
    edit: bool = False,
    cancel: bool = True,
) -> None:
    """Ask; `options` are (label, value) buttons. Free-text steps in groups use ForceReply.
    `cancel=False`: the options already say "no" (a Cancel beside them would say it twice)."""
    t, texts = turn.t, turn.kompas.texts
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
        turn.ask_for_reply(texts.with_reply_hint(t, text, skip), question=True)
        return
    controls = [
        (label, pack("d", team_id, convo.step, value))
        for label, value in texts.controls(t, skip, cancel)
    ]
    if controls:
        rows.append(controls)
    if edit and turn.update.callback_query is not None:
        turn.edit(text, buttons=rows, question=True)
    else:
        turn.reply(text, buttons=rows, question=True)


# Routing -------------------------------------------------------------------------------------


@dataclass
class Pending:
    """The caller's dialog in progress, and which messages asked its current step."""

    convo: Conversation
    question_ids: tuple[int, ...]


async def _pending(turn: Turn) -> Pending | Expired | None:
    state = await turn.run(
        dialog_store.load_dialog,
        chat_id=turn.caller.chat_id,
        user_id=turn.caller.user_id,
        now=turn.now,
    )
    if state is None or isinstance(state, Expired) or state.dialog not in turn.kompas.dialogs:
        return state if isinstance(state, Expired) else None
    team_id = turn.caller.team.id if turn.caller.team else None
    if state.team_id is not None and state.team_id != team_id:
        return None  # the user switched teams since; that dialog is not for this team
    convo = Conversation(state.dialog, state.step, state.team_id, dict(state.data), stored=True)
    return Pending(convo, tuple(state.question_ids or ()))


async def _load(turn: Turn) -> Conversation | None:
    pending = await _pending(turn)
    return pending.convo if isinstance(pending, Pending) else None


def _has_buttons(turn: Turn) -> bool:
    """Whether the bot's message replied to carries buttons."""
    message = turn.update.effective_message
    replied = message.reply_to_message if message is not None else None
    markup = replied.reply_markup if replied is not None else None
    return markup is not None and bool(markup.inline_keyboard)


def _replied_to(turn: Turn) -> int | None:
    """The bot's message this one replies to, if any."""
    message = turn.update.effective_message
    replied = message.reply_to_message if message is not None else None
    if replied is None or replied.from_user is None or replied.from_user.id != turn.context.bot.id:
        return None
    return replied.message_id


async def _dispatch(
    turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
) -> None:
    dialog = turn.kompas.dialogs[convo.dialog]
    await turn.require(dialog.role)
    if choice == CANCEL:
        await finish(turn, convo)
        _cancelled(turn, convo)
        return
    turn.answering = text is not None  # a wrong typed answer is asked again, to be replied to
    await dialog.answer(turn, convo, text=text, choice=choice)


def kept(convo: Conversation, what: str) -> None:
    """Note that `what` (as the user calls it) was saved mid-dialog, each with its own Undo:
    stopping the dialog then says it stays, never "nothing was changed" (Product rules: Truth)."""
    saved = convo.data.setdefault("kept", [])
    if what not in saved:
        saved.append(what)


def _cancelled(turn: Turn, convo: Conversation | None) -> None:
    text = _stopped_said(turn, convo)
    if turn.update.callback_query is not None:
        turn.edit(text)
    else:
        turn.reply(text)


def _stopped_said(turn: Turn, convo: Conversation | None) -> Markup:
    saved = convo.data.get("kept") if convo is not None else None
    return turn.kompas.texts.stopped(turn.t, saved or [])


def _setting_up_here(turn: Turn) -> bool:
    """A private chat whose own team's setup (its buttons) is not finished."""
    team = turn.caller.team
    return team is not None and team.is_personal and not team.onboarded


@reply_handler(role=None)
async def on_text(turn: Turn) -> None:
    """A typed answer to the step in progress; without a dialog, a pointer to /help.

    In a group only a reply to the message that asked the question answers it: a reply to
    another of the bot's messages (a client's card, someone else's question) is not taken.
    """
    pending = await _pending(turn)
    group, replied = turn.caller.in_group, _replied_to(turn)
    t, texts = turn.t, turn.kompas.texts
    if isinstance(pending, Expired):
        if not group or replied in pending.question_ids:
            turn.reply(texts.expired(t))
        return
    if pending is None:
        # In a group the bot sees only replies to its own messages: one with no question
        # pending was written to the bot, so it gets the same pointer as in a private chat,
        # or, under a message with buttons (an onboarding step), a word about the buttons; in
        # a private chat whose team is still being set up, the setup's buttons are the question.
        if group and replied is not None and _has_buttons(turn):
            turn.reply(texts.pick_a_button(t))
        elif not group and _setting_up_here(turn):
            turn.reply(texts.pick_a_button(t))  # "euro" typed under the setup's currency buttons
        elif not group or replied is not None:
            turn.reply(_pointer(turn))
        return
    if group and replied not in pending.question_ids:
        if replied is not None:  # a reply to the bot, but not to the question: say so
            turn.reply(texts.not_the_question(t))
        return
    try:
        await _dispatch(turn, pending.convo, text=turn.text.strip(), choice=None)
    except InputError as refused:
        # In a private chat the next text answers: one that no button question takes
        # ("привет", "Белова 2000" under "record it again?") closes it, never "pick a
        # button" again and again under buttons far above (Product rules: Dialogs).
        if group or not texts.asks_for_a_button(refused):
            raise
        await finish(turn, pending.convo)
        turn.reply(texts.question_closed(t, pending.convo.data.get("kept") or []))


@button(role=None)
async def on_button(turn: Turn) -> None:
    """A pressed option; it must be on the message that asks the presser's own pending step."""
    pending = await _pending(turn)
    pressed = turn.update.callback_query.message if turn.update.callback_query else None
    if (
        not isinstance(pending, Pending)
        or len(turn.pressed.args) < 2
        or turn.pressed.args[0] != pending.convo.step
        or pressed is None
        or pressed.message_id not in pending.question_ids
    ):
        raise InputError(Refusal.STALE)
    await _dispatch(turn, pending.convo, text=None, choice=turn.pressed.args[1])


async def end_pending(turn: Turn) -> None:
    """A new command from the same person in the same chat ends their pending dialog (run
    before every command: bot/app.py)."""
    convo = await _load(turn)
    if convo is None:
        return
    where = {"chat_id": turn.caller.chat_id, "user_id": turn.caller.user_id}
    await turn.run(dialog_store.clear_dialog, **where)
    # Ended even if the new command is refused: else a free-text answer after a failed
    # `/rate` would still land in the old /complaint as its note (issue 17, round three).
    turn.keep_if_refused(dialog_store.clear_dialog, **where)
    if convo.data.get("quiet"):  # a settings submenu waiting for a typed value: nothing begun
        return
    client = convo.data.get("client") or convo.data.get("name")  # /add and /check: the new one
    turn.reply(turn.kompas.texts.dialog_ended(turn.t, convo.dialog, client))


@command
async def skip(turn: Turn) -> None:
    convo = await _load(turn)
    if convo is None:
        raise InputError(Refusal.NOTHING_TO_SKIP)
    await _dispatch(turn, convo, text=None, choice=SKIP)


@command
async def cancel(turn: Turn) -> None:
    """/cancel always works: it stops the dialog in progress, if any."""
    stopped = await stop_pending(turn)
    turn.reply(stopped if stopped is not None else turn.kompas.texts.nothing_to_stop(turn.t))


async def stop_pending(turn: Turn) -> Markup | None:
    """Stops the caller's dialog in progress here, as /cancel does: what to say of it (None:
    there was none)."""
    convo = await _load(turn)
    return await _stop(turn, convo)


async def stop_bare_question(turn: Turn) -> Markup | None:
    """Stops the caller's dialog here if it is a question that has saved nothing yet: what to
    say of it. Else (None) it is left for `end_pending`: a dialog that saved something mid-way
    (a city in /edit) made the last change itself, a settings field waiting for a value
    began nothing."""
    convo = await _load(turn)
    if convo is None or convo.data.get("kept") or convo.data.get("quiet"):
        return None
    return await _stop(turn, convo)


async def _stop(turn: Turn, convo: Conversation | None) -> Markup | None:
    stopped = await turn.run(
        dialog_store.clear_dialog, chat_id=turn.caller.chat_id, user_id=turn.caller.user_id
    )
    return _stopped_said(turn, convo) if stopped else None


def _pointer(turn: Turn) -> Markup:
    """What to do, to a message with no question pending: a command typed in another script
    («/продажа Иванова 4500» reaches the bot as text, Telegram's commands are Latin) is named
    as the command meant; anything else gets the general pointer."""
    word = turn.text.split(maxsplit=1)[0] if turn.text.startswith("/") else ""
    meant = command_table(turn.context).nearest(word, turn.t.locale) if len(word) > 1 else None
    if meant is None:
        return turn.kompas.texts.get_going(turn.t)
    return turn.kompas.texts.unknown_command(turn.t, word, meant)
