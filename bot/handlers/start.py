"""/start: register a group as a team, or give a freelancer a personal team; then onboarding."""

from __future__ import annotations

from bot.handlers.team import onboarding_again, onboarding_language, waiting_requests
from bot.kit.access import ADMIN_STATUSES
from bot.kit.callbacks import id_from
from bot.kit.commands import command
from bot.kit.membership import START_PAYLOAD
from bot.kit.texts import Refusal
from bot.kit.turn import Turn, button
from bot.render import refusals
from bot.render.members import (
    first_hello,
    own_team_offer,
    own_team_ready,
    private_welcome,
    team_already,
    team_made,
    teams_to_choose,
    welcome_back,
)
from locales import InputError
from storage import teams
from storage.models import MemberStatus, Role, stored_id


@command
async def start(turn: Turn) -> None:
    """Greets, and makes this chat a team when it is not one yet."""
    t, caller = turn.t, turn.caller
    payload = turn.args[0] if turn.args and not caller.in_group else ""
    if payload.startswith(START_PAYLOAD) and payload[len(START_PAYLOAD) :].isdigit():
        # Typed as easily as tapped: an id beyond the column is "no longer valid".
        await waiting_requests(turn, id_from(payload[len(START_PAYLOAD) :]))
        return
    team = caller.team
    if team is not None:
        owner = caller.member is not None and caller.member.role == Role.OWNER
        if not team.onboarded and owner:  # picked up at the first step not answered
            await onboarding_again(turn)
            return
        if not caller.in_group:
            mine = await turn.my_teams()
            welcome = private_welcome(t, mine, team)
            if any(mine_team.is_personal for mine_team in mine):
                turn.reply(welcome)
            else:  # in a group's team only: a team of their own is one tap away (A1)
                text, buttons = own_team_offer(t, welcome)
                turn.reply(text, buttons=buttons)
            return
        if caller.member is not None and caller.member.status == MemberStatus.PENDING:
            raise InputError(Refusal.AWAITING_APPROVAL)  # not in the team yet: no "welcome back"
        turn.reply(welcome_back(t, team))
        return
    if caller.in_group:
        if await turn.telegram_status() not in ADMIN_STATUSES:
            raise InputError(refusals.ONLY_GROUP_ADMINS_START)
        chat = turn.update.effective_chat
        assert chat is not None
        created = await turn.run(
            teams.create_team,
            chat_id=chat.id,
            title=chat.title or "",
            locale=caller.locale,
            owner_id=caller.user_id,
            owner_name=caller.display_name,
            is_personal=False,
            now=turn.now,
        )
        turn.reply(team_made(t, chat.title or ""))
        onboarding_language(turn, stored_id(created))
        return
    mine = await turn.my_teams()
    if mine:  # in several teams and none chosen yet: say which, and choose
        text, buttons = teams_to_choose(t, mine)
        turn.reply(text, buttons=buttons)
        return
    text, buttons = first_hello(t)
    turn.reply(text, buttons=buttons)


@button(role=None)
async def personal_team(turn: Turn) -> None:
    """Creates the caller's personal team in their private chat."""
    caller = turn.caller
    others = await turn.my_teams() if not caller.in_group else []
    if caller.in_group or any(team.is_personal for team in others):
        turn.edit(team_already(turn.t))
        return
    created = await turn.run(
        teams.create_team,
        chat_id=caller.user_id,
        title=caller.display_name,
        locale=caller.locale,
        owner_id=caller.user_id,
        owner_name=caller.display_name,
        is_personal=True,
        now=turn.now,
    )
    if others:  # a member of a group's team: this chat works on their own team from now on
        await turn.run(
            teams.set_current_team, user_id=caller.user_id, team_id=created.id, now=turn.now
        )
    turn.edit(own_team_ready(turn.t, other_teams=bool(others)))
    onboarding_language(turn, stored_id(created), personal=True)
