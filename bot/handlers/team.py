"""Teams: onboarding in three taps, members and approvals, choosing a team in private chat,
and following the group when it migrates or the bot is removed."""

from __future__ import annotations

from bot import labels
from bot.handlers.clients import AddClientDialog
from bot.kit.access import ADMIN_STATUSES, MEMBER_STATUSES
from bot.kit.callbacks import STALE, pack
from bot.kit.dialogs import ask_for_reply, goto, new
from bot.kit.turn import UNSURE, Buttons, Turn, button, command
from bot.render.members import approval_request, button_label, team_choice
from bot.render.settings import CURRENCIES, LANGUAGES, SCALES, SYMBOLS
from locales import N_, SUPPORTED_LOCALES, InputError, Markup, translator
from storage import callers, demo, teams
from storage.models import MemberStatus, Role


def onboarding_language(turn: Turn, team_id: int, *, personal: bool = False) -> None:
    """Step 1 of 3, right after /start made the team. A personal team speaks the language its
    owner reads this in (they change it in /settings), so it starts at the currency: 2 taps."""
    t = turn.t
    if personal:
        turn.reply(
            t._("Two taps and you can start.")
            + Markup("\n")
            + t._("<b>{step}</b> In which currency do you work?", step="1/2"),
            buttons=_currency_rows(team_id),
        )
        return
    buttons = [[(LANGUAGES[c], pack("ob", team_id, "lang", c)) for c in SUPPORTED_LOCALES]]
    turn.reply(
        t._(
            "Let's set up your team in three taps.\n<b>1/3</b> Which language does the team speak?"
        ),
        buttons=buttons,
    )


def _currency_rows(team_id: int) -> Buttons:
    return [
        [
            (f"{SYMBOLS[c]} {c}".strip(), pack("ob", team_id, "cur", c))
            for c in CURRENCIES[i : i + 3]
        ]
        for i in range(0, len(CURRENCIES), 3)
    ]


@button(role=Role.ADMIN)
async def onboarding(turn: Turn) -> None:
    """Language → currency → grade scale → the empty state."""
    assert turn.callback is not None
    setting, value = (*turn.callback.args, "", "")[:2]
    team = turn.team
    team_id = team.id or 0
    if setting == "lang" and value in SUPPORTED_LOCALES:
        await turn.run(
            teams.update_team,
            team_id=team_id,
            user_id=turn.caller.user_id,
            now=turn.now,
            locale=value,
            currency=teams.DEFAULT_CURRENCY[value],
            timezone=teams.DEFAULT_TIMEZONE[value],
        )
        if team.is_personal:
            await turn.run(
                teams.set_user_locale, user_id=turn.caller.user_id, locale=value, now=turn.now
            )
        t = translator(value, solo=team.is_personal)  # who chose it reads the next step in it
        turn.edit(
            t._("<b>{step}</b> In which currency do you work?", step="2/3"),
            buttons=_currency_rows(team_id),
        )
    elif setting == "cur" and value in CURRENCIES:
        await turn.run(
            teams.update_team,
            team_id=team_id,
            user_id=turn.caller.user_id,
            now=turn.now,
            currency=value,
        )
        t = turn.t
        rows = [[(label, pack("ob", team_id, "scale", code)) for code, label in SCALES.items()]]
        turn.edit(
            t._(
                "<b>{step}</b> How shall I grade clients? A is best on A–D, 5 on 1–5, 10 on 1–10.",
                step="2/2" if team.is_personal else "3/3",
            ),
            buttons=rows,
        )
    elif setting == "scale" and value in SCALES:
        await turn.run(
            teams.update_team,
            team_id=team_id,
            user_id=turn.caller.user_id,
            now=turn.now,
            grade_scale=value,
            onboarded=True,
        )
        text, buttons = empty_state(turn, team_id)
        turn.edit(text, buttons=buttons)
    else:
        raise InputError(N_("This button is no longer valid."))


def empty_state(turn: Turn, team_id: int) -> tuple[Markup, Buttons]:
    t = turn.t
    text = t._("All set! Kompas gets useful from your first client. How do you want to start?")
    buttons = [
        [(t._("Add a client"), pack("first", team_id, "add"))],
        [(t._("Import a file"), pack("first", team_id, "import"))],
        [(t._("Try the demo data"), pack("first", team_id, "demo"))],
    ]
    return text, buttons


@button()
async def first_steps(turn: Turn) -> None:
    """The empty state's three ways to start."""
    assert turn.callback is not None
    choice = turn.callback.args[0] if turn.callback.args else ""
    t = turn.t
    if choice == "add":
        await goto(turn, new(AddClientDialog.name, turn), "name")
    elif choice == "import":
        await turn.require(Role.ADMIN)
        # In a group the bot sees a file only as a reply to it (privacy mode): ask for one.
        ask_for_reply(
            turn,
            t._(
                "Send me a CSV or Excel file with your clients or your sales as a "
                "document. I recognise the columns myself."
            ),
        )
    elif choice == "demo":
        await turn.require(Role.ADMIN)
        team = turn.team
        empty = await turn.run(demo.team_is_empty, team_id=team.id or 0)
        if not empty:
            raise InputError(N_("Your team already has clients, so I left the demo data out."))
        count = await turn.run(demo.seed_demo, team=team, today=turn.today, now=turn.now)
        turn.reply(
            t.n_(
                "Added {n} demo client with a year of sales. Try /risk or /portrait.",
                "Added {n} demo clients with a year of sales. Try /risk or /portrait.",
                count,
            )
        )
    else:
        raise InputError(N_("This button is no longer valid."))


# /members ------------------------------------------------------------------------------------

ROLE_NAMES = {Role.OWNER: N_("owner"), Role.ADMIN: N_("admin"), Role.MEMBER: N_("member")}


@command(role=Role.ADMIN)
async def members(turn: Turn) -> None:
    """Lists the team's members; buttons approve newcomers and remove people."""
    await _show_members(turn, edit=False)


async def _show_members(turn: Turn, *, edit: bool) -> None:
    t, team = turn.t, turn.team
    rows = await turn.run(teams.members, team_id=team.id or 0)
    present = [m for m in rows if m.status != MemberStatus.REMOVED]
    lines = [
        t.n_(
            "<b>{team}</b>: {n} person",
            "<b>{team}</b>: {n} people",
            len(present),
            team=team.title,
        )
    ]
    buttons: Buttons = []
    for member in rows:
        role = t._(ROLE_NAMES[Role(member.role)])
        line = Markup("• ") + member.display_name + Markup(" — ") + role
        if member.status == MemberStatus.PENDING:
            line += Markup(" · ") + t._("waiting for approval")
            buttons.append(
                [
                    (
                        button_label(t._("✓ Let {name} in", name=member.display_name)),
                        pack("mok", team.id or 0, member.id),
                    )
                ]
            )
        elif member.status == MemberStatus.REMOVED:
            line += Markup(" · ") + t._("removed")
            buttons.append(
                [
                    (
                        button_label(t._("↩ Let {name} back in", name=member.display_name)),
                        pack("mok", team.id or 0, member.id),
                    )
                ]
            )
        lines.append(line)
        if member.status == MemberStatus.REMOVED:
            continue
        if member.role != Role.OWNER and member.user_id != turn.caller.user_id:
            if not team.is_personal and (  # a group admin stays: no button that is then refused
                await turn.telegram_status(team.chat_id, user_id=member.user_id) in ADMIN_STATUSES
            ):
                continue
            buttons.append(
                [
                    (
                        button_label(t._("✕ Remove {name}", name=member.display_name)),
                        pack("mdel", team.id or 0, member.id),
                    )
                ]
            )
    text = Markup("\n").join(lines)
    turn.edit(text, buttons=buttons) if edit else turn.reply(text, buttons=buttons)


@button(role=Role.ADMIN)
async def approve(turn: Turn) -> None:
    """Lets a newcomer in (from /members or an admin's private request), or a removed member
    back in; the group hears it."""
    assert turn.callback is not None
    member = await turn.run(
        teams.approve_member,
        team_id=turn.team.id or 0,
        member_id=turn.callback.int_arg(0),
        request=turn.callback.args[1:] == ("p",),
    )
    done = turn.t._("{name} is in the team now.", name=member.display_name)
    turn.toast(done)
    if not turn.team.is_personal:
        group = translator(turn.team.locale)
        turn.reply(
            group._("{name} is in the team now.", name=member.display_name),
            chat_id=turn.team.chat_id,
        )
    if turn.callback.args[1:] == ("p",):  # the private request: it is answered now
        turn.edit(done)
    else:
        await _show_members(turn, edit=True)


@button(role=Role.ADMIN)
async def decline(turn: Turn) -> None:
    """An admin's No to a newcomer: they stay out until an admin lets them in from /members."""
    assert turn.callback is not None
    member = await turn.run(
        teams.decline_member, team_id=turn.team.id or 0, member_id=turn.callback.int_arg(0)
    )
    turn.edit(
        turn.t._("{name} was not let in. /members can change that.", name=member.display_name)
    )


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
        raise InputError(STALE)
    turn.caller.team, turn.caller.member = found.team, found.member
    await turn.require(Role.ADMIN)
    waiting = await turn.run(teams.waiting_members, team_id=team_id)
    if not waiting:
        turn.reply(turn.t._("Nobody is waiting to be let in."))
    for member in waiting:
        text, buttons = approval_request(turn.t, found.team, member.display_name, member.id or 0)
        turn.reply(text, buttons=buttons)


@button(role=Role.ADMIN)
async def remove(turn: Turn) -> None:
    assert turn.callback is not None
    member_id = turn.callback.int_arg(0)
    rows = await turn.run(teams.members, team_id=turn.team.id or 0)
    member = next((m for m in rows if m.id == member_id), None)
    if member is None:
        raise InputError(N_("That person isn't in the team any more."))
    await _not_a_group_admin(turn, member.user_id, member.display_name)
    if len(turn.callback.args) < 2:
        t = turn.t
        turn.edit(
            t._("Remove {name} from the team? Their past entries stay.", name=member.display_name),
            buttons=[
                [
                    (t._("Yes, remove"), pack("mdel", turn.team.id or 0, member_id, 1)),
                    (t._("No"), pack("mlist", turn.team.id or 0)),
                ]
            ],
        )
        return
    member = await turn.run(teams.remove_member, team_id=turn.team.id or 0, member_id=member_id)
    turn.toast(turn.t._("{name} is no longer in the team.", name=member.display_name))
    await _show_members(turn, edit=True)


GROUP_ADMIN_STAYS = N_(
    "{name} is an admin of the Telegram group, so they stay in the team. Only the group's "
    "own settings can change that."
)
ADMIN_UNKNOWN = N_(
    "I couldn't check with Telegram whether {name} is an admin of the group. Try again in a minute."
)


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


@command(role=None)
async def team(turn: Turn) -> None:
    """In private chat: which of your teams to work on."""
    t = turn.t
    if turn.caller.in_group:
        raise InputError(N_("Choose a team in a private chat with me; here it's this group."))
    mine = await turn.my_teams()
    if not mine:
        raise InputError(
            N_(
                "You're not in any team yet. Send /start in your team's group, "
                "or here for a team of your own."
            )
        )
    current = turn.caller.team.id if turn.caller.team else None
    text, buttons = team_choice(t, mine, current)
    turn.reply(text, buttons=buttons)


@button(role=None)
async def use_team(turn: Turn) -> None:
    assert turn.callback is not None
    team_id = turn.callback.int_arg(0)
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
        raise InputError(N_("This button is no longer valid."))
    await turn.run(
        teams.set_current_team, user_id=turn.caller.user_id, team_id=team_id, now=turn.now
    )
    turn.edit(
        turn.t._("You're now working on <b>{team}</b>.", team=labels.team_name(turn.t, chosen))
    )


# Telegram's own events about the group -------------------------------------------------------


@command(role=None)
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


@command(role=None)
async def bot_membership(turn: Turn) -> None:
    """Removed from a group: the team goes inactive, its data kept. Added back: active again."""
    change = turn.update.my_chat_member
    if change is None or change.chat.type == "private":
        return
    status = change.new_chat_member.status
    active = status in ("member", "administrator")
    existing = await turn.run(teams.set_team_active, chat_id=change.chat.id, active=active)
    if active and existing is None:
        turn.reply(
            turn.t._(
                "Hi! I'm Kompas. An admin of this group can send /start to make it a Kompas team."
            ),
            chat_id=change.chat.id,
        )
