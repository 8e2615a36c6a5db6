"""Teams: onboarding in three taps, members and approvals, choosing a team in private chat,
and following the group when it migrates or the bot is removed."""

from __future__ import annotations

from bot.handlers.clients import AddClientDialog
from bot.kit.access import ADMIN_STATUSES, MEMBER_STATUSES
from bot.kit.commands import command
from bot.kit.dialogs import ask_for_reply, goto, new
from bot.kit.texts import Refusal
from bot.kit.turn import UNSURE, Turn, button, on_command
from bot.render import onboarding as onboard
from bot.render import refusals, time_zones
from bot.render.members import (
    approval_request,
    let_in,
    members_page,
    nobody_waiting,
    not_let_in,
    now_working_on,
    remove_question,
    removed,
    team_choice,
)
from bot.render.refusals import ADMIN_UNKNOWN, GROUP_ADMIN_STAYS
from bot.render.settings import CURRENCIES, SCALES
from locales import SUPPORTED_LOCALES, InputError, Translator, translator
from storage import callers, demo, teams
from storage.models import MemberStatus, Role, stored_id


def onboarding_language(turn: Turn, team_id: int, *, personal: bool = False) -> None:
    """Step 1 of 3 (of 2 for a personal team), right after /start made the team."""
    text, buttons = onboard.language_step(turn.t, team_id, personal=personal)
    turn.reply(text, buttons=buttons)


async def onboarding_again(turn: Turn) -> None:
    """/start before the setup is finished picks it up where it stopped: a currency chosen is
    not asked again (native reader, round 3). The steps after the language speak the team's."""
    team = turn.team
    done = await turn.run(teams.setup_steps_done, team_id=team.id)
    chosen = translator(team.locale, solo=team.is_personal)
    fixed = await _currency_fixed(turn)
    if "cur" in done or (fixed and ("lang" in done or team.is_personal)):
        kept = team.currency if fixed and "cur" not in done else None
        text, buttons = onboard.scale_step(
            chosen, team.id, personal=team.is_personal, kept_currency=kept
        )
    elif "lang" in done and not team.is_personal:
        text, buttons = onboard.currency_step(chosen, team.id)
    else:
        onboarding_language(turn, team.id, personal=team.is_personal)
        return
    turn.reply(text, buttons=buttons)


@button(role=Role.ADMIN)
async def onboarding(turn: Turn) -> None:
    """Language → currency → grade scale → the empty state.

    Every step after the first speaks the language the team chose, not the presser's own:
    the steps are the team's setup, read by the whole group, and a presser whose private
    chat speaks another language must not see steps 2 and 3 switch back to it."""
    setting, value = (*turn.pressed.args, "", "")[:2]
    team = turn.team
    team_id = team.id
    chosen = translator(team.locale, solo=team.is_personal)
    if setting == "lang" and value in SUPPORTED_LOCALES:
        # The language is never the currency: a sale recorded during the setup fixes the
        # currency, and the language can still be chosen (second reader: «Русский» refused).
        fixed = await _currency_fixed(turn)
        currency = {} if fixed else {"currency": teams.DEFAULT_CURRENCY[value]}
        await turn.change(
            teams.update_team,
            action=f"{teams.SETUP_ACTION}lang",
            locale=value,
            timezone=teams.DEFAULT_TIMEZONE[value],
            **currency,
        )
        # A personal team's language is its owner's. In a group, an owner who once chose
        # another language for themselves (/lang) would go on reading that one in the group
        # they just set up in this one: the choice made last is theirs.
        pref = await turn.run(teams.user_pref, user_id=turn.caller.user_id)
        if team.is_personal or (pref is not None and pref.locale not in (None, value)):
            await turn.run(
                teams.set_user_locale, user_id=turn.caller.user_id, locale=value, now=turn.now
            )
        # Whoever chose the language reads the next step in it.
        t = translator(value, solo=team.is_personal)
        if fixed:  # the currency its sales are in: no choice left to offer
            text, buttons = onboard.scale_step(
                t, team_id, personal=team.is_personal, kept_currency=team.currency
            )
        else:
            text, buttons = onboard.currency_step(t, team_id)
        turn.edit(text, buttons=buttons)
    elif setting == "cur" and value in CURRENCIES:
        await turn.change(teams.update_team, action=f"{teams.SETUP_ACTION}cur", currency=value)
        text, buttons = onboard.scale_step(chosen, team_id, personal=team.is_personal)
        turn.edit(text, buttons=buttons)
    elif setting == "scale" and value in SCALES:
        await turn.change(teams.update_team, grade_scale=value, onboarded=True)
        text, buttons = onboard.empty_state(chosen, team_id, _assumed_zone(chosen, turn))
        turn.edit(text, buttons=buttons)
    else:
        raise InputError(Refusal.STALE)


def _assumed_zone(t: Translator, turn: Turn) -> str | None:
    """The team's time zone in words when its country has several (Russia: a Yekaterinburg
    team set up in Russian got Moscow time unsaid); None where there is one (the Netherlands)."""
    team = turn.team
    if len(set(time_zones.country_zones().get(time_zones.home_country(team), ()))) < 2:
        return None
    return time_zones.zone_label(t, team.timezone, now=turn.now)


async def _currency_fixed(turn: Turn) -> bool:
    """Whether the team's currency can no longer change: it has sales (Product rules)."""
    return await turn.run(teams.team_has_sales, team_id=turn.team.id)


@button()
async def first_steps(turn: Turn) -> None:
    """The empty state's three ways to start."""
    choice = turn.pressed.args[0] if turn.pressed.args else ""
    if choice == "add":
        await goto(turn, new(AddClientDialog.name, turn), "name")
    elif choice == "import":
        await turn.require(Role.ADMIN)
        # In a group the bot sees a file only as a reply to it (privacy mode): ask for one.
        ask_for_reply(turn, onboard.send_a_file(turn.t))
    elif choice == "demo":
        await turn.require(Role.ADMIN)
        team = turn.team
        empty = await turn.run(demo.team_is_empty, team_id=team.id)
        if not empty:
            raise InputError(refusals.DEMO_NEEDS_AN_EMPTY_TEAM)
        count = await turn.run(demo.seed_demo, team=team, today=turn.today, now=turn.now)
        turn.reply(onboard.demo_added(turn.t, count))
    else:
        raise InputError(Refusal.STALE)


# /members ------------------------------------------------------------------------------------


@command
async def members(turn: Turn) -> None:
    """Lists the team's members; buttons approve newcomers and remove people."""
    await _show_members(turn, edit=False)


async def _show_members(turn: Turn, *, edit: bool) -> None:
    team = turn.team
    rows = await turn.run(teams.members, team_id=team.id)
    removable = set()
    for member in rows:
        if member.status == MemberStatus.REMOVED:
            continue
        if member.role != Role.OWNER and member.user_id != turn.caller.user_id:
            if not team.is_personal and (  # a group admin stays: no button that is then refused
                await turn.telegram_status(team.chat_id, user_id=member.user_id) in ADMIN_STATUSES
            ):
                continue
            removable.add(member.id)
    text, buttons = members_page(turn.t, team, rows, removable)
    turn.edit(text, buttons=buttons) if edit else turn.reply(text, buttons=buttons)


@button(role=Role.ADMIN)
async def approve(turn: Turn) -> None:
    """Lets a newcomer in (from /members or an admin's private request), or a removed member
    back in; the group hears it."""
    member_id = turn.pressed.int_arg(0)
    # A newcomer was kept waiting on their first message, which was not recorded.
    waiting = await turn.run(teams.waiting_members, team_id=turn.team_id)
    sent_before = any(m.id == member_id for m in waiting)
    member = await turn.run(
        teams.approve_member,
        team_id=turn.team_id,
        member_id=member_id,
        request=turn.pressed.args[1:] == ("p",),
    )
    done = let_in(turn.t, member.display_name)
    turn.toast(done)
    if not turn.team.is_personal:
        group = translator(turn.team.locale)
        note = let_in(group, member.display_name, sent_before=sent_before)
        turn.reply(note, chat_id=turn.team.chat_id)
    if turn.pressed.args[1:] == ("p",):  # the private request: it is answered now
        turn.edit(done)
    else:
        await _show_members(turn, edit=True)


@button(role=Role.ADMIN)
async def decline(turn: Turn) -> None:
    """An admin's No to a newcomer: they stay out until an admin lets them in from /members."""
    member = await turn.run(
        teams.decline_member, team_id=turn.team_id, member_id=turn.pressed.int_arg(0)
    )
    turn.edit(not_let_in(turn.t, member.display_name))


async def waiting_requests(turn: Turn, team_id: int) -> None:
    """/start from the group's link: the newcomers waiting in that team, each with its
    buttons, for an admin of it."""
    found = await turn.run(
        callers.caller_context,
        user_id=turn.caller.user_id,
        chat_id=turn.caller.chat_id,
        in_group=False,
        button_team=team_id,
    )
    if found.team is None or found.team.is_personal:
        raise InputError(Refusal.STALE)
    turn.caller.team, turn.caller.member = found.team, found.member
    await turn.require(Role.ADMIN)
    waiting = await turn.run(teams.waiting_members, team_id=team_id)
    if not waiting:
        turn.reply(nobody_waiting(turn.t))
    for member in waiting:
        text, buttons = approval_request(turn.t, found.team, member.display_name, stored_id(member))
        turn.reply(text, buttons=buttons)


@button(role=Role.ADMIN)
async def remove(turn: Turn) -> None:
    member_id = turn.pressed.int_arg(0)
    rows = await turn.run(teams.members, team_id=turn.team_id)
    member = next((m for m in rows if m.id == member_id), None)
    if member is None:
        raise InputError(refusals.NOT_IN_THE_TEAM)
    await _not_a_group_admin(turn, member.user_id, member.display_name)
    if len(turn.pressed.args) < 2:
        text, buttons = remove_question(turn.t, turn.team_id, member_id, member.display_name)
        turn.edit(text, buttons=buttons)
        return
    member = await turn.run(teams.remove_member, team_id=turn.team_id, member_id=member_id)
    turn.toast(removed(turn.t, member.display_name))
    await _show_members(turn, edit=True)


async def _not_a_group_admin(turn: Turn, user_id: int, name: str) -> None:
    """Whom Telegram makes an admin of the group is not Kompas's to take out of the team:
    they would walk straight back in. Asked live, so a demotion a minute ago counts."""
    status = await turn.telegram_status(
        turn.team.chat_id, user_id=user_id, live=True, unsure=UNSURE
    )
    if status == UNSURE:
        raise InputError(ADMIN_UNKNOWN, name=name)
    if status in ADMIN_STATUSES:
        raise InputError(GROUP_ADMIN_STAYS, name=name)


@button(role=Role.ADMIN)
async def members_again(turn: Turn) -> None:
    await _show_members(turn, edit=True)


# /team in private chat -----------------------------------------------------------------------


@command
async def team(turn: Turn) -> None:
    """In private chat: which of your teams to work on."""
    if turn.caller.in_group:
        raise InputError(refusals.TEAM_CHOSEN_IN_PRIVATE)
    mine = await turn.my_teams()
    if not mine:
        raise InputError(refusals.IN_NO_TEAM)
    current = turn.caller.team.id if turn.caller.team else None
    text, buttons = team_choice(turn.t, mine, current)
    turn.reply(text, buttons=buttons)


@button(role=None)
async def use_team(turn: Turn) -> None:
    team_id = turn.pressed.int_arg(0)
    chosen = await turn.run(teams.team_by_id, team_id=team_id)
    member = None
    if chosen is not None:
        member = await turn.run(teams.member_of, team_id=team_id, user_id=turn.caller.user_id)
    allowed = (
        chosen is not None
        and chosen.active
        and member is not None
        and member.status == MemberStatus.ACTIVE
        and (chosen.is_personal or await turn.telegram_status(chosen.chat_id) in MEMBER_STATUSES)
    )
    if not allowed or chosen is None:
        raise InputError(Refusal.STALE)
    await turn.run(
        teams.set_current_team, user_id=turn.caller.user_id, team_id=team_id, now=turn.now
    )
    turn.edit(now_working_on(turn.t, chosen))


# Telegram's own events about the group -------------------------------------------------------


@on_command(role=None)
async def chat_migrated(turn: Turn) -> None:
    """The group became a supergroup: the team moves to the new chat id, nothing lost."""
    message = turn.update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        old, new_id = message.chat_id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id:
        old, new_id = message.migrate_from_chat_id, message.chat_id
    else:
        return
    await turn.run(teams.move_team_chat, old_chat_id=old, new_chat_id=new_id)


@on_command(role=None)
async def bot_membership(turn: Turn) -> None:
    """Removed from a group: the team goes inactive, its data kept. Added back: active again."""
    change = turn.update.my_chat_member
    if change is None or change.chat.type == "private":
        return
    status = change.new_chat_member.status
    active = status in ("member", "administrator")
    existing = await turn.run(teams.set_team_active, chat_id=change.chat.id, active=active)
    if active and existing is None:
        turn.reply(onboard.hello_to_a_group(turn.t), chat_id=change.chat.id)
