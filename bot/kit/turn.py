"""One update's unit of work: the caller, their translator, one database transaction, the replies.

A handler is `async def handler(turn: Turn) -> None`, wrapped by `command`, `button` or `reply`.
The wrapper resolves who is asking and for which team, checks their role, runs the handler,
writes the processed-update ledger in the same transaction as the handler's changes, commits,
and only then sends the replies: a confirmation is never shown for a change that did not land.
Database work goes through `turn.run`: on a worker thread with PostgreSQL, in place with the
embedded SQLite file, one update at a time (why: `Kompas.db` in bot/kit/runtime.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any, Concatenate, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session
from telegram import (
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot.kit import failures, incoming, membership
from bot.kit.access import ADMIN_STATUSES, MEMBER_STATUSES
from bot.kit.callbacks import STALE, Callback, is_digest_keyboard, pack, unpack
from bot.kit.runtime import Kompas, kompas_of
from bot.labels import team_name
from bot.render.members import team_choice
from bot.render.text import CAPTION_LIMIT, fit_html, html_to_text
from locales import N_, InputError, Markup, Translator, translator
from storage import callers, ledger, teams
from storage import dialogs as dialog_store
from storage.analysis import AnalysedTeam, team_analysis
from storage.callers import MemberView, TeamView
from storage.engine import UnitOfWork
from storage.models import MemberStatus, Role, Team

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")
Handler = Callable[["Turn"], Awaitable[None]]
Buttons = list[list[tuple[str, str]]]  # rows of (label, callback data or a Link)


class Link(str):
    """A button's target that is a t.me or web address rather than callback data."""

    __slots__ = ()


ANONYMOUS_ADMIN = N_(
    "I need to know who is writing, and this came in the name of a group or channel, so I "
    "changed nothing. Write as yourself: turn off “Remain anonymous” in your admin rights, or "
    "write to me in a private chat."
)
NOT_SENT_PRIVATELY = N_(
    "I couldn't write to you privately: Telegram lets me only once you've opened a chat "
    "with me. Tap the button, press Start, and ask again here."
)
OPEN_PRIVATE_CHAT = N_("Open a private chat")
NO_TEAM = N_("There's no team here yet. Send /start to set one up.")
SETTING_UP = N_("The team is still being set up. Give its owner a minute.")
AWAITING_APPROVAL = N_("An admin still has to approve you. I'll let you know.")
ADMINS_ASKED = N_("I've asked the team's admins to let you in. I'll let you know here.")
REMOVED = N_("You've been taken out of this team; an admin can let you back in.")
ADMINS_ONLY = N_("Only the team's admins can do that.")
OWNER_ONLY = N_("Only the team's owner can do that.")
OWNERSHIP_PASSED = N_("{name} now owns the team: {former} is no longer an admin of the group.")
OWNERSHIP_TAKEN = N_("{name} now owns the team.")
UNDO = N_("↩ Undo")  # under every confirmed change (`Turn.confirm`), for 24 hours
UNSURE = "unsure"  # a status Telegram never gives: it could not be asked
# A message this much older than the clock is carried out late: dated by when it was said.
LATE = dt.timedelta(minutes=10)


@dataclass
class Reply:
    text: str
    buttons: Buttons | None = None
    force_reply: bool = False
    edit: bool = False
    chat_id: int | None = None
    document: tuple[str, bytes] | None = None
    photo: bytes | None = None
    # "I sent it to you privately": said only if Telegram took the private replies before it.
    after_private: bool = False
    delivered: bool = False
    message_id: int | None = None  # the message an edit replaces, when not the pressed one
    question: bool = False  # asks the pending dialog step: a reply to it is the answer


@dataclass
class Caller:
    user_id: int
    display_name: str
    chat_id: int
    in_group: bool
    language_code: str | None
    locale: str
    team: TeamView | None = None
    member: MemberView | None = None
    newcomer: bool = False  # joined just now, and the team's admins have to let them in


@dataclass
class Turn:
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

    @property
    def t(self) -> Translator:
        """The caller's language; a personal team's texts speak to one person."""
        team = self.caller.team
        return translator(self.caller.locale, solo=team is not None and team.is_personal)

    @property
    def team(self) -> TeamView:
        if self.caller.team is None:
            raise InputError(NO_TEAM)
        return self.caller.team

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

    def reply(
        self,
        text: str,
        *,
        buttons: Buttons | None = None,
        force_reply: bool = False,
        chat_id: int | None = None,
        question: bool = False,
    ) -> None:
        self.outbox.append(Reply(text, buttons, force_reply, chat_id=chat_id, question=question))

    def say_sent_privately(self, text: str = "") -> None:
        """Say `text` here once Telegram has taken the caller's private replies queued before it.

        Telegram refuses a private message to someone who never opened a chat with the bot; they
        then get a button that opens that chat instead of a claim that isn't so.
        """
        self.outbox.append(Reply(text, after_private=True))

    def edit(
        self,
        text: str,
        *,
        buttons: Buttons | None = None,
        message_id: int | None = None,
        question: bool = False,
    ) -> None:
        """Replace the pressed message (paging, confirmations) instead of sending a new one;
        `message_id`: another message of the bot's in this chat (a dialog's menu). A button
        under the digest answers with a new message: the digest stays for everybody."""
        if message_id is None and self._pressed_digest():
            self.reply(text, buttons=buttons, question=question)
            return
        self.outbox.append(
            Reply(text, buttons, edit=True, message_id=message_id, question=question)
        )

    def _pressed_digest(self) -> bool:
        query = self.update.callback_query
        message = query.message if query is not None else None
        markup = getattr(message, "reply_markup", None)
        if markup is None:
            return False
        data = [
            str(button.callback_data)
            for row in markup.inline_keyboard
            for button in row
            if button.callback_data is not None
        ]
        return is_digest_keyboard(data)

    def ask_for_reply(self, text: Markup | str, *, question: bool = False) -> None:
        """A question answered by typing. In a group the bot only sees replies to itself
        (privacy mode), so the asker is named: Telegram then opens the reply for them alone,
        even when a button press, not a message of theirs, asked the question."""
        if not self.caller.in_group:
            self.reply(text, question=question)
            return
        mention = (
            Markup(f'<a href="tg://user?id={self.caller.user_id}">')
            + self.caller.display_name
            + Markup("</a>")
        )
        text = self.t.after_address(text)
        self.reply(mention + Markup(", ") + text, force_reply=True, question=question)

    def send_document(
        self, name: str, content: bytes, caption: str = "", *, chat_id: int | None = None
    ) -> None:
        self.outbox.append(Reply(caption, document=(name, content), chat_id=chat_id))

    def abandon(self) -> None:
        """Roll this update's changes back but still send the replies (a refused import)."""
        self.abandoned = True

    def confirm(
        self, text: str, undo_id: int, *, extra: Buttons | None = None, edit: bool = False
    ) -> None:
        """Say a change was made, with an ↩ Undo button for 24 hours under `extra`'s rows;
        `edit`: in place of the pressed message."""
        undo = [(self.t._(UNDO), pack("undo", self.team.id or 0, undo_id))] if undo_id else []
        buttons = [row for row in [*(extra or []), undo] if row]
        if edit and self.update.callback_query is not None:
            self.edit(text, buttons=buttons)
        else:
            self.reply(text, buttons=buttons)
        self.confirmed()

    def confirmed(self) -> None:
        """The reply just queued confirms a change: should it not reach the chat after the
        commit, the user is told this was saved (with its Undo), not that nothing changed."""
        self.saved.append(self.outbox[-1])

    def after_commit(self, hook: Callable[[], Awaitable[None]]) -> None:
        """Run `hook` once the changes are committed, e.g. to reschedule from the new values."""
        self.committed_hooks.append(hook)

    def send_photo(
        self,
        content: bytes,
        caption: str = "",
        *,
        buttons: Buttons | None = None,
        chat_id: int | None = None,
    ) -> None:
        self.outbox.append(Reply(caption, buttons, photo=content, chat_id=chat_id))

    def toast(self, text: str, *, alert: bool = False) -> None:
        self.toast_text = text
        self.toast_alert = alert

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
        confirmation says the change did. Not cached, since the changes may still roll back."""
        return await asyncio.to_thread(
            _call_with_session, team_analysis, self.session, team=self.team, today=self.today
        )

    async def telegram_status(
        self,
        chat_id: int | None = None,
        *,
        user_id: int | None = None,
        live: bool = False,
        unsure: str = ChatMemberStatus.LEFT,
    ) -> str:
        """What Telegram says of the caller (or `user_id`) in the chat; `unsure` when it
        could not be asked."""
        chat = chat_id if chat_id is not None else self.caller.chat_id
        user = user_id if user_id is not None else self.caller.user_id
        return await self.kompas.chat_members.status(
            self.context.bot, chat, user, now=self.now, live=live, unsure=unsure
        )

    async def my_teams(self) -> list[Team]:
        """The teams this person may work on in private chat: their own personal team and the
        groups Telegram says they are still in, where they are an active member."""
        found = await self.run(teams.teams_of_user, user_id=self.caller.user_id)
        mine = []
        for candidate in found:
            if candidate.is_personal:
                if candidate.chat_id == self.caller.user_id:
                    mine.append(candidate)
            elif await self.telegram_status(candidate.chat_id) in MEMBER_STATUSES:
                mine.append(candidate)
        return mine

    async def require(self, role: Role) -> None:
        """The caller must hold `role` in the team; Telegram decides who is a group admin."""
        team = self.team
        member = self.caller.member
        if member is None:
            raise InputError(NO_TEAM if team.onboarded else SETTING_UP)
        if member.status != MemberStatus.ACTIVE:
            raise InputError(AWAITING_APPROVAL)
        if role == Role.MEMBER or team.is_personal:
            return
        # Asked of Telegram now, never from the cache: a demotion counts at once. The owner
        # too: someone Telegram demoted is no admin of the team any more.
        is_admin = await self.telegram_status(team.chat_id, live=True) in ADMIN_STATUSES
        if is_admin and member.role != Role.OWNER:
            await self._take_over_from_a_demoted_owner()
        if role == Role.OWNER and self.role != Role.OWNER:
            raise InputError(OWNER_ONLY)
        synced = Role.ADMIN if is_admin else Role.MEMBER
        if self.role not in (synced, Role.OWNER):
            await self.run(teams.set_role, member_id=member.id, role=synced)
        if not is_admin:
            raise InputError(ADMINS_ONLY)

    async def _take_over_from_a_demoted_owner(self) -> None:
        """Ownership follows Telegram: once the owner is no admin of the group any more, the
        first admin to act becomes owner, and the group is told."""
        owner = await self.run(teams.team_owner, team_id=self.team.id)
        former = (owner.id, owner.display_name) if owner is not None else None
        if owner is not None:
            # Telegram out of reach says nothing about the owner: ownership stays put.
            status = await self.telegram_status(
                self.team.chat_id, user_id=owner.user_id, live=True, unsure=UNSURE
            )
            if status in ADMIN_STATUSES or status == UNSURE:
                return
        member = self.caller.member
        assert member is not None
        passed = await self.run(
            teams.pass_ownership,
            team_id=self.team.id,
            to_member_id=member.id,
            from_member_id=former[0] if former is not None else None,
            now=self.now,
        )
        if not passed:  # another admin took over first, or the owner changed meanwhile
            return
        self.caller.member = replace(member, role=Role.OWNER)
        t = self.t
        self.reply(
            t._(OWNERSHIP_PASSED, name=member.display_name, former=former[1])
            if former is not None
            else t._(OWNERSHIP_TAKEN, name=member.display_name)
        )


def _call_with_session(fn: Callable[..., R], session: Session, *args: Any, **kwargs: Any) -> R:
    return fn(*args, session=session, **kwargs)


# Decorators ---------------------------------------------------------------------------------

# Run before every command that is not part of a dialog (bot/kit/dialogs.py ends a pending one).
_BEFORE_COMMANDS: list[Handler] = []


def before_commands(hook: Handler) -> Handler:
    """Register `hook` to run, in the command's own transaction, before each command."""
    _BEFORE_COMMANDS.append(hook)
    return hook


def command(
    *, role: Role | None = Role.MEMBER, in_dialog: bool = False
) -> Callable[[Handler], Callable[..., Any]]:
    """A slash command. `role=None`: works without a team (start, help, lang).
    `in_dialog`: answers the pending dialog (/skip, /cancel) instead of starting anew."""
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
        caller = await kompas.db(_resolve_caller, unit, kompas, update, context.bot.id, now)
        if caller is None:  # a redelivered update: done already
            await _answer_query(update, None)
            uncertain = kompas.uncertain.pop(update.update_id, None)
            if uncertain:  # its COMMIT's answer was lost: now it is known to have landed
                await failures.tell(context.bot, uncertain)
            return
        turn = Turn(update, context, kompas, unit.session, caller, now)
        committed = False
        try:
            if await _authorize(turn, role=role, kind=kind):
                if kind == "command":
                    for hook in _BEFORE_COMMANDS:
                        await hook(turn)
                await handler(turn)
            if turn.abandoned:
                await kompas.db(_refuse, unit, context.bot.id, update.update_id, now)
            else:
                await _commit(turn, unit)  # the changes and their ledger entry, together
                committed = True
                kompas.committed()
                for hook in turn.committed_hooks:
                    await hook()
        except InputError as error:
            if committed:  # a hook refused after the commit: the changes stand
                _remember_unanswered(turn)
                raise
            await kompas.db(_refuse, unit, context.bot.id, update.update_id, now)
            turn.outbox.clear()
            message = turn.t.error(error)
            if kind == "button":  # a pop-up for the presser, not a message to the whole group
                turn.toast(message, alert=error.message != STALE)
            elif turn.answering:  # the step is still pending: this asks it again
                turn.ask_for_reply(message, question=True)
            else:
                turn.reply(message)
        except BaseException:
            if committed:
                _remember_unanswered(turn)
            raise
        await kompas.db(unit.close)
        unit = None
        transaction.close()  # the replies wait for no one, and no one waits for them
        try:
            await _answer_query(update, turn.toast_text, alert=turn.toast_alert)
            asked = await _flush(turn)
        except BaseException:
            if committed:
                _remember_unanswered(turn)
            raise
        if asked:
            await kompas.db(_bind_questions, kompas.engine, turn.caller, asked)
    finally:
        try:
            if unit is not None:  # rolled back, if still open, before the turn passes
                await kompas.db(unit.close)
        finally:
            transaction.close()


SAVED_ALL_THE_SAME = N_("My answer got lost on the way, but this was saved:")
HANDLED_ALL_THE_SAME = N_(
    "Something went wrong on my side as I answered: your message was dealt with, only my "
    "answer got lost. Have a look before you send it again."
)


# Seconds to wait before each look in the ledger when the answer to a COMMIT was lost.
LEDGER_LOOKS = (0.0, 0.5, 2.0)


async def _commit(turn: Turn, unit: UnitOfWork) -> None:
    """Commit the update's work. Should the connection die after COMMIT was sent and before
    its answer came, the ledger says whether it landed: then the confirmations go out as
    usual, never a failure for something that was saved; if not, the update is kept and
    carried out when it comes again (bot/kit/failures.py)."""
    kompas, update_id = turn.kompas, turn.update.update_id
    try:
        await kompas.db(unit.commit)
    except SQLAlchemyError as error:
        if not failures.retryable(error):
            raise
        failure = error
    else:
        kompas.uncertain.pop(update_id, None)
        return
    with contextlib.suppress(SQLAlchemyError):
        await kompas.db(unit.close)  # the lost connection (and SQLite's lock) let go of
    bot_id = turn.context.bot.id
    for pause in LEDGER_LOOKS:
        await asyncio.sleep(pause)
        try:
            landed = await kompas.db(ledger.recorded, kompas.engine, bot_id, update_id, turn.now)
        except SQLAlchemyError:
            continue
        if not landed:
            raise failure  # nothing was saved: kept, and carried out when it comes again
        log.warning("update %s: the answer to its COMMIT was lost; the ledger has it", update_id)
        kompas.uncertain.pop(update_id, None)
        return
    # Not known yet: if it landed, its redelivery finds it in the ledger and says what was
    # saved; if not, the redelivery carries it out.
    _remember_unanswered(turn, into=kompas.uncertain)
    raise failure


def _remember_unanswered(turn: Turn, *, into: dict[int, Any] | None = None) -> None:
    """The work is committed but the answer failed: the error handler must not say that
    nothing changed. What was saved goes to the user with its Undo, so a retry doesn't
    record it twice."""
    t, chat_id = turn.t, turn.caller.chat_id
    honest = [
        (chat_id, f"{t._(SAVED_ALL_THE_SAME)}\n{fit_html(saved.text)}", keyboard(saved.buttons))
        for saved in turn.saved
        if not saved.delivered
    ]
    if not honest and teams.data_changed(turn.session):
        honest = [(chat_id, str(t._(HANDLED_ALL_THE_SAME)), None)]
    if honest:  # otherwise only the ledger and dialog state changed: "nothing changed" is true
        (turn.kompas.unanswered if into is None else into)[turn.update.update_id] = honest


def _resolve_caller(
    unit: UnitOfWork, kompas: Kompas, update: Update, bot_id: int, now: dt.datetime
) -> Caller | None:
    """Find who asks in which team, then claim the update in the ledger (None: seen before)."""
    session = unit.session
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    in_group = chat.type != ChatType.PRIVATE
    context = callers.caller_context(
        session=session,
        user_id=user.id,
        chat_id=chat.id,
        in_group=in_group,
        button_team=None if in_group else _button_team(update),
    )
    team, member = context.team, context.member
    newcomer = False
    if (
        team is not None
        and member is None
        and in_group
        and team.onboarded
        and _by_hand(update)
        and not _in_the_name_of_a_chat(update)
    ):
        joined = teams.add_member(
            session=session,
            team_id=team.id,
            user_id=user.id,
            role=Role.MEMBER,
            display_name=user.full_name,
            now=now,
            status=MemberStatus.PENDING if team.members_need_approval else MemberStatus.ACTIVE,
        )
        member = callers.MemberView(
            joined.id or 0, user.id, joined.role, joined.status, joined.display_name
        )
        newcomer = joined.status == MemberStatus.PENDING
        # Joining stands on its own: it must survive even when the first action is refused.
        # It commits before the claim, which must commit only with the update's own work.
        unit.commit()
    if not ledger.claim(session=session, bot_id=bot_id, update_id=update.update_id, now=now):
        return None
    locale = _locale(
        context.chosen_locale,
        team if in_group else None,
        user.language_code,
        kompas.settings.default_locale,
    )
    return Caller(
        user.id,
        user.full_name,
        chat.id,
        in_group,
        user.language_code,
        locale,
        team,
        member,
        newcomer,
    )


def _by_hand(update: Update) -> bool:
    """Something a person sent or pressed, not Telegram's news about the chat (a migration,
    the bot added or removed): only that makes someone a member or reaches a removed one."""
    if update.callback_query is not None:
        return True
    message = update.message or update.edited_message
    return message is not None and bool(message.text or message.caption or message.document)


def _in_the_name_of_a_chat(update: Update) -> bool:
    """Sent as a group or channel (an anonymous admin, a channel post, a user writing as their
    channel): Telegram's stand-in sender ("Group", "Channel") is nobody, never a member."""
    message = update.effective_message
    return message is not None and message.sender_chat is not None


def _button_team(update: Update) -> int | None:
    """The team a pressed button belongs to, so an admin's private copy of a group's card
    works whichever team they chose for private chat."""
    if update.callback_query is None:
        return None
    try:
        return unpack(update.callback_query.data).team_id
    except InputError:
        return None


def _locale(
    chosen: str | None, group_team: TeamView | None, language_code: str | None, default: str
) -> str:
    """The user's own choice, else the group team's language, else Telegram's, else default."""
    if chosen:
        return chosen
    if group_team is not None:
        return group_team.locale
    code = (language_code or "").split("-")[0].lower()
    return code if code in ("nl", "ru") else default


async def _authorize(turn: Turn, *, role: Role | None, kind: str) -> bool:
    """Whether the handler runs; False when the kit has answered the update itself."""
    update, caller = turn.update, turn.caller
    message = update.effective_message
    if message is not None and message.sender_chat is not None and caller.in_group:
        if message.is_automatic_forward:  # the linked channel's post: nobody asked anything
            return False
        raise InputError(ANONYMOUS_ADMIN)
    if caller.in_group and _removed(caller) and _by_hand(update):
        await _turn_away(turn, kind)
        return False
    if caller.newcomer:
        await _ask_admins(turn, kind)
        return False
    if kind == "button":
        turn.callback = unpack(update.callback_query.data if update.callback_query else None)
    if not caller.in_group and not await _private_team(turn, choose=role is not None):
        return False
    if role is None:
        if turn.callback is not None and turn.callback.team_id not in (0, _team_id(caller)):
            raise InputError(STALE)
        return True
    await turn.require(role)
    if turn.callback is not None and turn.callback.team_id != _team_id(caller):
        raise InputError(STALE)
    return True


def _removed(caller: Caller) -> bool:
    return caller.member is not None and caller.member.status == MemberStatus.REMOVED


async def _turn_away(turn: Turn, kind: str) -> None:
    """A removed member still in the group: told once, then silence, until re-admitted."""
    member = turn.caller.member
    assert member is not None
    if await turn.run(teams.claim_removal_notice, member_id=member.id):
        note = turn.t._(REMOVED)
        turn.toast(note, alert=True) if kind == "button" else turn.reply(note)


async def _ask_admins(turn: Turn, kind: str) -> None:
    """A newcomer the admins have to let in: every admin is asked once the join is saved."""
    team, member = turn.team, turn.caller.member
    assert member is not None
    bot = turn.context.bot
    admins = await membership.admins_to_ask(turn.kompas, bot, turn.session, team, turn.now)

    async def ask() -> None:
        await membership.ask_admins(bot, team, member, admins)

    turn.after_commit(ask)
    note = turn.t._(ADMINS_ASKED)
    turn.toast(note, alert=True) if kind == "button" else turn.reply(note)


NOW_WORKING_ON = N_("You're now working on <b>{team}</b>.")


async def _team_is_current(turn: Turn) -> bool:
    """Whether the private chat's chosen team is the one this update works on."""
    pref = await turn.run(teams.user_pref, user_id=turn.caller.user_id)
    current = pref.current_team_id if pref is not None else None
    return current is None or turn.caller.team is None or current == turn.caller.team.id


async def _private_team(turn: Turn, *, choose: bool) -> bool:
    """The team a private chat works on: the one chosen with /team, else the personal team,
    else the only team the person is in; with several and none chosen, they choose first
    (`choose`: this update needs a team, so ask now and don't run the handler)."""
    caller = turn.caller
    team, member = caller.team, caller.member
    # A group's team only for its members whom Telegram says are still in the group.
    if (
        team is not None
        and not team.is_personal
        and (
            member is None
            or _removed(caller)
            or await turn.telegram_status(team.chat_id) not in MEMBER_STATUSES
        )
    ):
        caller.team, caller.member = None, None
    if caller.team is not None:
        if turn.callback is not None and not await _team_is_current(turn):
            # A button on another team's card: from here on, this chat works on that team,
            # so the answer to the question it asks lands there too.
            await turn.run(
                teams.set_current_team,
                user_id=caller.user_id,
                team_id=caller.team.id,
                now=turn.now,
            )
            turn.reply(turn.t._(NOW_WORKING_ON, team=team_name(turn.t, caller.team)))
        return True
    mine = await turn.my_teams()
    if len(mine) == 1:
        only = mine[0]
        found = await turn.run(
            callers.caller_context,
            user_id=caller.user_id,
            chat_id=caller.chat_id,
            in_group=False,
            button_team=only.id,
        )
        caller.team, caller.member = found.team, found.member
        await turn.run(
            teams.set_current_team, user_id=caller.user_id, team_id=only.id, now=turn.now
        )
        return True
    if mine and choose and turn.callback is None:
        text, buttons = team_choice(turn.t, mine, None)
        turn.reply(text, buttons=buttons)
        return False
    return True


def _team_id(caller: Caller) -> int:
    return caller.team.id or 0 if caller.team else 0


def _refuse(unit: UnitOfWork, bot_id: int, update_id: int, now: dt.datetime) -> None:
    """Roll the handler's changes back but keep the update in the ledger: it was answered.

    Without the entry, Telegram redelivering a refused update would show the refusal twice,
    or carry the update out after all once something else had changed meanwhile.
    """
    unit.rollback()
    ledger.claim(session=unit.session, bot_id=bot_id, update_id=update_id, now=now)
    unit.commit()


async def _answer_query(update: Update, text: str | None, *, alert: bool = False) -> None:
    # Answered after the (millisecond) transaction so the toast can say how it went.
    if update.callback_query is None:
        return
    try:
        await update.callback_query.answer(text=_plain(text) if text else None, show_alert=alert)
    except TelegramError:
        log.info("callback query could not be answered (expired)")


def _plain(text: str) -> str:
    return html_to_text(text)[:200]


def keyboard(buttons: Buttons | None) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(button_text(label), url=data)
                if isinstance(data, Link)
                else InlineKeyboardButton(button_text(label), callback_data=data)
                for label, data in row
            ]
            for row in buttons
        ]
    )


def button_text(label: str) -> str:
    """A label as Telegram shows it: button text is plain text, never parsed as HTML.

    A label from the translator is Markup, its parameters escaped for a message; shown on a
    button that would read `Jansen &amp; Zn`, so it goes back to the words. A plain string
    (a client's name as stored) is shown as it is.
    """
    return html_to_text(label) if isinstance(label, Markup) else label


def _bind_questions(engine: Engine, caller: Caller, message_ids: list[int]) -> None:
    """Remember which messages asked the pending step, once Telegram has given their ids.

    A separate small transaction: the ids exist only after the update's work was committed
    and its replies sent. Failing here costs only the binding, never the answer just given.
    """
    try:
        unit = UnitOfWork(engine)
    except SQLAlchemyError:
        log.warning("could not remember which message asked the dialog's question")
        return
    try:
        for message_id in message_ids:
            dialog_store.bind_question(
                session=unit.session,
                chat_id=caller.chat_id,
                user_id=caller.user_id,
                message_id=message_id,
            )
        unit.commit()
    except SQLAlchemyError:
        unit.rollback()
        log.warning("could not remember which message asked the dialog's question")
    finally:
        unit.close()


async def _flush(turn: Turn) -> list[int]:
    """Send the replies; the ids of the messages that ask the pending dialog step."""
    bot = turn.context.bot
    message = turn.update.effective_message
    asked: list[int] = []
    refused: set[int] = set()  # private chats Telegram would not let us write to
    for out in turn.outbox:
        chat_id = out.chat_id if out.chat_id is not None else turn.caller.chat_id
        if chat_id in refused:
            continue
        if out.after_private:
            if turn.caller.user_id in refused:
                out = _open_private_chat(turn)
            elif not out.text:
                continue
        # What people type can come back in a reply; cut rather than be refused by Telegram.
        text = fit_html(out.text)
        media = out.document is not None or out.photo is not None
        caption = (fit_html(out.text, CAPTION_LIMIT) or None) if media else None
        markup: Any = keyboard(out.buttons)
        if out.force_reply and markup is None:
            markup = ForceReply(selective=True)
        try:
            if out.edit and out.message_id is not None:
                await bot.edit_message_text(
                    text, chat_id=chat_id, message_id=out.message_id, reply_markup=markup
                )
                sent_id = out.message_id
            elif out.edit and message is not None and turn.update.callback_query is not None:
                await bot.edit_message_text(
                    text,
                    chat_id=message.chat_id,
                    message_id=message.message_id,
                    reply_markup=markup,
                )
                sent_id = message.message_id
            elif out.document is not None:
                name, content = out.document
                await bot.send_document(chat_id, InputFile(content, filename=name), caption=caption)
                sent_id = None
            elif out.photo is not None:
                sent_id = None
                await bot.send_photo(
                    chat_id,
                    InputFile(out.photo, filename="chart.png"),
                    caption=caption,
                    reply_markup=markup,
                )
            else:
                # In a group, ForceReply(selective) reaches the asker through a reply to them.
                quote = out.force_reply and message is not None and turn.caller.in_group
                sent = await bot.send_message(
                    chat_id,
                    text,
                    reply_markup=markup,
                    reply_parameters=ReplyParameters(message.message_id) if quote else None,
                )
                sent_id = sent.message_id
            if out.question and sent_id is not None:
                asked.append(sent_id)
        except BadRequest as exc:
            if chat_id != turn.caller.chat_id and "chat not found" in str(exc).lower():
                refused.add(chat_id)  # a private chat Telegram doesn't know: never opened
            elif "not modified" not in str(exc):
                log.warning("reply rejected by Telegram: %s", type(exc).__name__)
            elif out.question and out.edit and message is not None:
                asked.append(message.message_id)  # unchanged, and still the question
        except Forbidden:
            refused.add(chat_id)
            log.info("reply not delivered: the bot may not write to this chat")
        else:
            out.delivered = True
    return asked


def _open_private_chat(turn: Turn) -> Reply:
    """Instead of "sent privately": a t.me link that opens the private chat with the bot."""
    t, username = turn.t, turn.context.bot.username
    team_id = turn.caller.team.id if turn.caller.team else 0
    link = Link(f"https://t.me/{username}?start=team{team_id}")
    buttons: Buttons = [[(t._(OPEN_PRIVATE_CHAT), link)]] if username else []
    return Reply(t._(NOT_SENT_PRIVATELY), buttons)
