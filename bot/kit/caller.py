"""Who is asking, in which team, and whether they may: resolved before a handler runs.

The caller is found and the update claimed in the ledger in one step (`resolve_caller`); then
`authorize` decides whether the handler runs at all: anonymous admins, removed members and
newcomers awaiting approval are answered by the kit itself, and a private chat is given its
team. `Authority` is the part of `Turn` that asks Telegram about roles.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType

from bot.kit import membership
from bot.kit.access import ADMIN_STATUSES, MEMBER_STATUSES
from bot.kit.callbacks import unpack
from bot.kit.runtime import Kompas
from bot.kit.texts import Refusal
from locales import InputError, guess_locale
from storage import callers, ledger, teams
from storage.callers import MemberView, TeamView
from storage.engine import UnitOfWork
from storage.models import MemberStatus, Role, Team, stored_id

if TYPE_CHECKING:
    from telegram.ext import ContextTypes

    from bot.kit.turn import Turn

UNSURE = "unsure"  # a status Telegram never gives: it could not be asked


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


class Authority:
    """What Telegram says of the caller, and the role they need (mixed into `Turn`)."""

    caller: Caller  # the turn's own fields, which these methods read
    kompas: Kompas
    context: ContextTypes.DEFAULT_TYPE
    now: dt.datetime

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
            raise InputError(Refusal.NO_TEAM if team.onboarded else Refusal.SETTING_UP)
        if member.status != MemberStatus.ACTIVE:
            raise InputError(Refusal.AWAITING_APPROVAL)
        if role == Role.MEMBER or team.is_personal:
            return
        # Asked of Telegram now, never from the cache: a demotion counts at once. The owner
        # too: someone Telegram demoted is no admin of the team any more.
        is_admin = await self.telegram_status(team.chat_id, live=True) in ADMIN_STATUSES
        if is_admin and member.role != Role.OWNER:
            await self._take_over_from_a_demoted_owner()
        if role == Role.OWNER and self.role != Role.OWNER:
            raise InputError(Refusal.OWNER_ONLY)
        synced = Role.ADMIN if is_admin else Role.MEMBER
        if self.role not in (synced, Role.OWNER):
            await self.run(teams.set_role, member_id=member.id, role=synced)
        if not is_admin:
            # Named, so the member knows whom to ask ("Dat kan alleen Marieke", issue 20); never
            # the caller, whom Telegram no longer counts as an admin
            admins = sorted(  # the owner first, then by name: the same order every time
                await self.run(teams.team_admins, team_id=team.id),
                key=lambda m: (m.role != Role.OWNER, m.display_name.casefold()),
            )
            names = tuple(
                dict.fromkeys(
                    m.display_name for m in admins if m.display_name and m.user_id != member.user_id
                )
            )
            raise InputError(Refusal.ADMINS_ONLY, admins=names)

    async def holds(self, role: Role) -> bool:
        """Whether the caller holds `role` in the team: `require` without the refusal."""
        try:
            await self.require(role)
        except InputError:
            return False
        return True

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
        former_name = former[1] if former is not None else None
        self.reply(self.kompas.texts.ownership_passed(self.t, member.display_name, former_name))


def resolve_caller(
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
            stored_id(joined), user.id, joined.role, joined.status, joined.display_name
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
    return guess_locale(language_code, default)


async def authorize(turn: Turn, *, role: Role | None, kind: str) -> bool:
    """Whether the handler runs; False when the kit has answered the update itself."""
    update, caller = turn.update, turn.caller
    message = update.effective_message
    if message is not None and message.sender_chat is not None and caller.in_group:
        if message.is_automatic_forward:  # the linked channel's post: nobody asked anything
            return False
        raise InputError(Refusal.ANONYMOUS_ADMIN)
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
            raise InputError(Refusal.STALE)
        return True
    await turn.require(role)
    if turn.callback is not None and turn.callback.team_id != _team_id(caller):
        raise InputError(Refusal.STALE)
    return True


def _removed(caller: Caller) -> bool:
    return caller.member is not None and caller.member.status == MemberStatus.REMOVED


async def _turn_away(turn: Turn, kind: str) -> None:
    """A removed member still in the group: told once, then silence, until re-admitted."""
    member = turn.caller.member
    assert member is not None
    if await turn.run(teams.claim_removal_notice, member_id=member.id):
        note = turn.kompas.texts.removed(turn.t)
        turn.toast(note, alert=True) if kind == "button" else turn.reply(note)


async def _ask_admins(turn: Turn, kind: str) -> None:
    """A newcomer the admins have to let in: every admin is asked once the join is saved."""
    team, member = turn.team, turn.caller.member
    assert member is not None
    bot = turn.context.bot
    admins = await membership.admins_to_ask(turn.kompas, bot, turn.session, team, turn.now)

    async def ask() -> None:
        await membership.ask_admins(bot, team, member, admins, turn.kompas.texts)

    turn.after_commit(ask)
    note = turn.kompas.texts.admins_asked(turn.t)
    turn.toast(note, alert=True) if kind == "button" else turn.reply(note)


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
            turn.reply(turn.kompas.texts.now_working_on(turn.t, caller.team))
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
        text, buttons = turn.kompas.texts.team_choice(turn.t, mine, None)
        turn.reply(text, buttons=buttons)
        return False
    return True


def _team_id(caller: Caller) -> int:
    return caller.team.id if caller.team else 0
