"""Who is in which team: approval requests, the choice of team in private chat, /start there."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from bot.kit.callbacks import pack
from bot.kit.telegram_html import html_to_text
from bot.render.buttons import Buttons, name_on_button, yes_or_no
from bot.render.stored_refusals import HAS_A_TEAM
from locales import N_, Markup, Translator
from storage.callers import TeamView
from storage.models import MemberStatus, Role


def button_label(text: str, limit: int = 60) -> str:
    """Button text is plain in Telegram: a name with "&" shows as "&", not "&amp;"."""
    return html_to_text(text)[:limit]


def approval_request(t: Translator, team: Any, name: str, member_id: int) -> tuple[Markup, Buttons]:
    """What every admin gets privately when someone new needs letting in."""
    text = t._(
        "<b>{name}</b> would like to join <b>{team}</b>. Let them in?",
        name=name,
        team=team_name(t, team),
    )
    buttons = [
        [
            (button_label(t._("✓ Let in")), pack("mok", team.id, member_id, "p")),
            (button_label(t._("✕ Decline")), pack("mno", team.id, member_id)),
        ]
    ]
    return text, buttons


def approval_in_group(t: Translator, name: str, link: str) -> Markup:
    """The group's note when an admin has never opened a private chat with the bot."""
    return t._(
        "{name} would like to join the team. Admins, open a chat with me to let them in: {link}",
        name=name,
        link=link,
    )


def team_choice(t: Translator, teams: Sequence[Any], current: int | None) -> tuple[Markup, Buttons]:
    """The teams a person can work on in private chat, the current one ticked; one person with
    only their own clients hears just that, and no choice of one."""
    if len(teams) == 1 and getattr(teams[0], "is_personal", False):
        return t._(
            "Here you work on your own clients. Once you're in a group with Kompas too, you'll "
            "choose here between your own clients and the group's."
        ), []
    names = _told_apart(t, teams)
    buttons = [
        [(("✓ " if team.id == current else "") + name, pack("useteam", 0, team.id))]
        for team, name in zip(teams, names, strict=True)
    ]
    return t._("Which team do you want to work on here?"), buttons


def _told_apart(t: Translator, teams: Sequence[Any]) -> list[str]:
    """The teams' names as buttons: two groups of the same title (two "Studio"s) get the day
    each team began, and if that is the same too, a number (attacker h18)."""
    plain = [team_name(t, team)[:50] for team in teams]
    names = list(plain)
    for i, team in enumerate(teams):
        if plain.count(plain[i]) > 1 and getattr(team, "created_at", None):
            # The day it began where the team lives, as every date the team sees.
            began = team.created_at.astimezone(ZoneInfo(team.timezone)).date()
            since = t.date(began, style="medium")
            names[i] = str(t._("{team} (since {date})", team=plain[i], date=since))
    dated, seen = list(names), dict[str, int]()
    for i, name in enumerate(dated):
        if dated.count(name) > 1:
            seen[name] = seen.get(name, 0) + 1
            names[i] = f"{name} #{seen[name]}"
    return names


def private_welcome(t: Translator, teams: Sequence[Any], current: Any) -> Markup:
    """/start in private for someone in a team: where they work here, and how to switch."""
    here = team_name(t, current)
    if len(teams) <= 1 and current.is_personal:  # one person, no team to name
        return t._("You're all set here. Send /help to see what I can do.")
    if len(teams) <= 1:
        return t._("You work in <b>{team}</b>. Send /help to see what I can do.", team=here)
    return (
        private_teams(t, teams)
        + Markup("\n")
        + t._(
            "Here you work on <b>{team}</b>; /team switches. Send /help to see what I can do.",
            team=here,
        )
    )


def private_teams(t: Translator, teams: Sequence[Any]) -> Markup:
    """ "You're in 2 teams: Studio Noord, Salon Zuid."."""
    names = ", ".join(team_name(t, team) for team in teams)
    return t.n_(
        "You're in {n} team: {teams}.", "You're in {n} teams: {teams}.", len(teams), teams=names
    )


def welcome_back(t: Translator, team: Any) -> Markup:
    return t._(
        "You work in <b>{team}</b>. Send /help to see what I can do.",
        team=team_name(t, team),
    )


def team_made(t: Translator, title: str) -> Markup:
    return t._("<b>{team}</b> is now a Kompas team, and you are its owner.", team=title)


def teams_to_choose(t: Translator, teams: Sequence[Any]) -> tuple[Markup, Buttons]:
    """/start in private chat for someone in several teams and none chosen: which, and choose."""
    text, buttons = team_choice(t, teams, None)
    return private_teams(t, teams) + Markup("\n") + text, buttons


def first_hello(t: Translator) -> tuple[Markup, Buttons]:
    """/start in private chat from someone in no team yet."""
    text = t._(
        "Hi! I'm Kompas. I rate your clients, warn you when you lean on one of them too "
        "much, and show who your ideal clients are.\n\nAdd me to your team's group and "
        "send /start there, or start a team of your own here."
    )
    return text, [[(t._("Start my own team"), pack("personal", 0))]]


def own_team_offer(t: Translator, welcome: Markup) -> tuple[Markup, Buttons]:
    """/start in private for a member of group teams without a team of their own: the
    welcome, and a way to keep their own clients apart (/help start promises it)."""
    offer = t._("Clients of your own besides? Start your own team here: it stays apart.")
    return welcome + Markup("\n") + offer, [[(t._("Start my own team"), pack("personal", 0))]]


def team_already(t: Translator) -> Markup:
    return t._(HAS_A_TEAM)


def own_team_ready(t: Translator, *, other_teams: bool = False) -> Markup:
    """`other_teams`: the person is in a group's team too; this chat now works on their own."""
    if other_teams:
        return t._("Your own team is ready. This chat works on it now; /team switches teams.")
    return t._("Your own team is ready.")


ROLE_NAMES = {Role.OWNER: N_("owner"), Role.ADMIN: N_("admin"), Role.MEMBER: N_("member")}


def members_page(
    t: Translator, team: TeamView, members: Sequence[Any], removable: Collection[int]
) -> tuple[Markup, Buttons]:
    """/members: everyone with their role and status; let in the waiting and the removed,
    remove those in `removable` (member ids)."""
    present = [m for m in members if m.status != MemberStatus.REMOVED]
    lines = [
        t.n_(
            "<b>{team}</b>: {n} person",
            "<b>{team}</b>: {n} people",
            len(present),
            team=team.title,
        )
    ]
    buttons: Buttons = []
    for member in members:
        role = t._(ROLE_NAMES[Role(member.role)])
        short = name_on_button(member.display_name)
        line = Markup("• ") + member.display_name + Markup(" — ") + role
        if member.status == MemberStatus.PENDING:
            line += Markup(" · ") + t._("waiting for approval")
            label = button_label(t._("✓ Let {name} in", name=short))
            buttons.append([(label, pack("mok", team.id, member.id))])
        elif member.status == MemberStatus.REMOVED:
            line += Markup(" · ") + t._("removed")
            label = button_label(t._("↩ Let {name} back in", name=short))
            buttons.append([(label, pack("mok", team.id, member.id))])
        lines.append(line)
        if member.id in removable:
            label = button_label(t._("✕ Remove {name}", name=short))
            buttons.append([(label, pack("mdel", team.id, member.id))])
    return Markup("\n").join(lines), buttons


def let_in(t: Translator, name: str, *, sent_before: bool = False) -> Markup:
    """`sent_before`: a newcomer whose first message was not recorded while they waited."""
    if sent_before:
        return t._(
            "{name} is in the team now. {name}, what you sent before was not recorded: "
            "send it again.",
            name=name,
        )
    return t._("{name} is in the team now.", name=name)


def not_let_in(t: Translator, name: str) -> Markup:
    return t._("{name} was not let in. /members can change that.", name=name)


def nobody_waiting(t: Translator) -> Markup:
    return t._("Nobody is waiting to be let in.")


def remove_question(
    t: Translator, team_id: int, member_id: int, name: str
) -> tuple[Markup, Buttons]:
    text = t._("Remove {name} from the team? Their past entries stay.", name=name)
    return text, yes_or_no(
        t, t._("Yes, remove"), pack("mdel", team_id, member_id, 1), pack("mlist", team_id)
    )


def removed(t: Translator, name: str) -> Markup:
    return t._("{name} is no longer in the team.", name=name)


def now_working_on(t: Translator, team: Any) -> Markup:
    return t._("You're now working on <b>{team}</b>.", team=team_name(t, team))


def team_name(t: Translator, team: Any) -> str:
    """How a team is called to its people: a personal team is "my own team" whatever its
    stored title (the owner's name, "Demo"); a group team by the group's title."""
    return str(t._("My own team")) if team.is_personal or not team.title else str(team.title)
