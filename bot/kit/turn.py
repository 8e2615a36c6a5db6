"""One update's unit of work: the caller, their translator, one database transaction, the replies.

A handler is `async def handler(turn: Turn) -> None`, wrapped by `on_command`, `button` or
`reply_handler`.
The wrapper resolves who is asking and for which team and checks their role
(bot/kit/caller.py), runs the handler, writes the processed-update ledger in the same
transaction as the handler's changes, commits, and only then sends the replies
(bot/kit/outbox.py): a confirmation is never shown for a change that did not land.
Database work goes through `turn.run`: on a worker thread with PostgreSQL, in place with the
embedded SQLite file, one update at a time (why: `Kompas.db` in bot/kit/runtime.py). The one
exception is `Turn.analysis` and `Turn.analysis_with_changes`: scoring is CPU work that would
stall the event loop, so it runs on a worker thread with any database, and the load of the
team's data it scores runs with it there, on the update's own session.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Concatenate, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

from sqlmodel import Session
from telegram import Update
from telegram.ext import ContextTypes

from bot.kit import failures, incoming
from bot.kit.callbacks import Callback
from bot.kit.caller import UNSURE, Authority, Caller, authorize, resolve_caller
from bot.kit.outbox import (
    Buttons,
    Link,
    Replies,
    Reply,
    answer_query,
    bind_questions,
    button_text,
    flush,
    keyboard,
)
from bot.kit.runtime import Kompas, kompas_of
from bot.kit.settle import commit, refuse, remember_unanswered
from bot.kit.texts import Refusal
from locales import InputError, Translator, translator
from storage.analysis import AnalysedTeam, changed_team_analysis, team_analysis
from storage.callers import TeamView
from storage.engine import UnitOfWork
from storage.models import MemberStatus, Role

# What handlers import from here: the turn, its decorators, and the kit's reply vocabulary
# that lives beside it (bot/kit/caller.py, bot/kit/outbox.py).
__all__ = [
    "UNSURE",
    "Buttons",
    "Link",
    "Turn",
    "button",
    "button_text",
    "keyboard",
    "on_command",
    "reply_handler",
]

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")
Handler = Callable[["Turn"], Awaitable[None]]
# A message this much older than the clock is carried out late: dated by when it was said.
LATE = dt.timedelta(minutes=10)


@dataclass
class Turn(Replies, Authority):
    """What a handler gets: who asks, in which team, in which language, and how to answer."""

    update: Update
    context: ContextTypes.DEFAULT_TYPE
    kompas: Kompas
    session: Session
    caller: Caller
    now: dt.datetime
    callback: Callback | None = None
    outbox: list[Reply] = field(default_factory=list)
    toast_text: str | None = None
    toast_alert: bool = False
    abandoned: bool = False
    answering: bool = False  # a dialog step is being answered: a refusal asks again
    committed_hooks: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    saved: list[Reply] = field(default_factory=list)  # confirmations of changes, with Undo
    # Work that stands even if the handler is refused: a new command ends the pending dialog
    # whether or not the command itself goes through (issue 17, round three).
    refusal_keeps: list[Callable[[Session], Any]] = field(default_factory=list)

    @property
    def t(self) -> Translator:
        """The caller's language; a personal team's texts speak to one person."""
        team = self.caller.team
        return translator(self.caller.locale, solo=team is not None and team.is_personal)

    @property
    def team(self) -> TeamView:
        if self.caller.team is None:
            raise InputError(Refusal.NO_TEAM)
        return self.caller.team

    @property
    def team_id(self) -> int:
        """The caller's team's id (no team: the same answer as `team`)."""
        return self.team.id

    @property
    def pressed(self) -> Callback:
        """The pressed button's data; only a button's handler asks (`button` unpacks it)."""
        if self.callback is None:
            raise TypeError("not a button press: only a @button handler reads turn.pressed")
        return self.callback

    @property
    def today(self) -> dt.date:
        """The business date in the team's time zone (UTC without a team): the day the person
        said it, which for an update carried out late is not the day it ran."""
        zone = ZoneInfo(self.caller.team.timezone) if self.caller.team else dt.UTC
        return self.said_at.astimezone(zone).date()

    @property
    def said_at(self) -> dt.datetime:
        """When the person sent this: now, or the message's own time for a message carried out
        late (kept through a database outage, or waiting while the bot was down). A sale said
        on Monday and recorded on Tuesday is Monday's sale."""
        message = self.update.message  # a button press carries no time of its own
        if message is None or message.date is None:
            return self.now
        said = message.date
        if self.update.update_id in self.kompas.kept or said < self.now - LATE:
            return min(said, self.now)
        return self.now

    @property
    def args(self) -> list[str]:
        return [word for arg in self.context.args or [] for word in incoming.plain(arg).split()]

    @property
    def text(self) -> str:
        """What was typed, control characters turned into spaces (bot/kit/incoming.py)."""
        message = self.update.effective_message
        return incoming.plain((message.text or message.caption or "") if message else "")

    @property
    def role(self) -> Role | None:
        member = self.caller.member
        return Role(member.role) if member and member.status == MemberStatus.ACTIVE else None

    async def run(
        self, fn: Callable[Concatenate[Session, P], R], /, *a: P.args, **kw: P.kwargs
    ) -> R:
        """Run a storage/service function with this update's session (where: `Kompas.db`)."""
        return await self.kompas.db(_call_with_session, fn, self.session, *a, **kw)

    async def change(self, fn: Callable[..., R], /, **kw: Any) -> R:
        """Run a storage function that changes this team on the caller's behalf, now (audited,
        often undoable): it gets `team_id`, `user_id` and `now` from this update, `kw` besides."""
        return await self.run(
            fn, team_id=self.team_id, user_id=self.caller.user_id, now=self.now, **kw
        )

    def abandon(self) -> None:
        """Roll this update's changes back but still send the replies (a refused import)."""
        self.abandoned = True

    def keep_if_refused(self, fn: Callable[..., Any], /, **kw: Any) -> None:
        """Do `fn` (a storage function) again after a refusal's rollback, so it stands."""
        self.refusal_keeps.append(functools.partial(_call_with_session, fn, **kw))

    def after_commit(self, hook: Callable[[], Awaitable[None]]) -> None:
        """Run `hook` once the changes are committed, e.g. to reschedule from the new values."""
        self.committed_hooks.append(hook)

    async def analysis(self) -> AnalysedTeam:
        """The team's analysis as of today, from the cache while the team's data is unchanged.

        Scoring is CPU work: it runs on a worker thread whatever the database.
        """
        team, today = self.team, self.today
        cached = self.kompas.analyses.get(team, today)
        if cached is None:
            cached = await asyncio.to_thread(
                _call_with_session, team_analysis, self.session, team=team, today=today
            )
            self.kompas.analyses.put(team, today, cached)
        return cached

    async def analysis_with_changes(self) -> AnalysedTeam:
        """The analysis including this update's own, not yet committed changes: what a
        confirmation says the change did. Cached only once committed (the changes may still
        roll back), as the analysis of the team's new data version: the next update that
        asks needn't score the team again."""
        team, analysed = await asyncio.to_thread(
            _call_with_session,
            changed_team_analysis,
            self.session,
            team_id=self.team_id,
            today=self.today,
        )

        async def keep() -> None:
            self.kompas.analyses.put(team, self.today, analysed)

        self.after_commit(keep)
        return analysed


def _call_with_session(fn: Callable[..., R], session: Session, *args: Any, **kwargs: Any) -> R:
    return fn(*args, session=session, **kwargs)


# Decorators ---------------------------------------------------------------------------------


def on_command(
    *, role: Role | None = Role.MEMBER, in_dialog: bool = False
) -> Callable[[Handler], Callable[..., Any]]:
    """A slash command: the registry's (bot/menu.py wraps each with its entry's role), or one
    the registry has no entry for (an unknown command, Telegram's service messages).
    `role=None`: works without a team (start, help, lang). `in_dialog`: answers the pending
    dialog (/skip, /cancel) instead of starting anew."""
    return _wrap(role=role, kind="dialog command" if in_dialog else "command")


def reply_handler(*, role: Role | None = Role.MEMBER) -> Callable[[Handler], Callable[..., Any]]:
    """A plain message: a dialog step, a document, a reply to the bot."""
    return _wrap(role=role, kind="message")


def button(*, role: Role | None = Role.MEMBER) -> Callable[[Handler], Callable[..., Any]]:
    """An inline-button press; its callback data must name the caller's own team."""
    return _wrap(role=role, kind="button")


def _wrap(*, role: Role | None, kind: str) -> Callable[[Handler], Callable[..., Any]]:
    def decorate(handler: Handler) -> Callable[..., Any]:
        @functools.wraps(handler)
        async def wrapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            await _process(update, context, handler, role=role, kind=kind)

        return wrapped

    return decorate


async def _process(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    handler: Handler,
    *,
    role: Role | None,
    kind: str,
) -> None:
    kompas = kompas_of(context)
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    now = kompas.clock()
    transaction = kompas.transaction()
    unit: UnitOfWork | None = None
    try:
        await transaction.open()
        # Taken in its turn and given back before the replies: an update waiting for SQLite's
        # turn or for Telegram's rate limit holds no connection (issue 18, round two).
        unit = await kompas.db(UnitOfWork, kompas.engine)
        caller = await kompas.db(resolve_caller, unit, kompas, update, context.bot.id, now)
        if caller is None:  # a redelivered update: done already
            await answer_query(update, None)
            uncertain = kompas.uncertain.pop(update.update_id, None)
            if uncertain:  # its COMMIT's answer was lost: now it is known to have landed
                await failures.tell(context.bot, uncertain)
            return
        turn = Turn(update, context, kompas, unit.session, caller, now)
        committed = False
        kept: list[Reply] = []  # the before-command hooks' notes: said even if refused
        try:
            try:
                allowed = await authorize(turn, role=role, kind=kind)
            except InputError:
                if kind == "command":  # refused for its role: it still ends the pending dialog
                    kept = await _before_command(turn)
                raise
            if allowed:
                if kind == "command":
                    kept = await _before_command(turn)
                await handler(turn)
            if turn.abandoned:
                await kompas.db(
                    refuse, unit, context.bot.id, update.update_id, now, turn.refusal_keeps
                )
            else:
                await commit(turn, unit)  # the changes and their ledger entry, together
                committed = True
                kompas.committed()
                for hook in turn.committed_hooks:
                    await hook()
        except InputError as error:
            if committed:  # a hook refused after the commit: the changes stand
                remember_unanswered(turn)
                raise
            await kompas.db(refuse, unit, context.bot.id, update.update_id, now, turn.refusal_keeps)
            turn.outbox[:] = kept
            message = kompas.texts.refusal(turn.t, error)
            if kind == "button":  # a pop-up for the presser, not a message to the whole group
                turn.toast(message, alert=error.message != Refusal.STALE)
            elif turn.answering:  # the step is still pending: this asks it again
                turn.ask_for_reply(message, question=True)
            else:
                turn.reply(message)
        except BaseException:
            if committed:
                remember_unanswered(turn)
            raise
        await kompas.db(unit.close)
        unit = None
        transaction.close()  # the replies wait for no one, and no one waits for them
        try:
            await answer_query(update, turn.toast_text, alert=turn.toast_alert)
            asked = await flush(turn)
        except BaseException:
            if committed:
                remember_unanswered(turn)
            raise
        if asked:
            await kompas.db(bind_questions, kompas.engine, turn.caller, asked)
    finally:
        try:
            if unit is not None:  # rolled back, if still open, before the turn passes
                await kompas.db(unit.close)
        finally:
            transaction.close()


async def _before_command(turn: Turn) -> list[Reply]:
    """Run the before-command hooks the wiring installed (bot/app.py: a new command ends the
    pending dialog); what they said is said even if the command is refused."""
    for hook in turn.kompas.before_commands:
        await hook(turn)
    return list(turn.outbox)
