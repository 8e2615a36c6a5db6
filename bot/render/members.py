"""Who is in which team: approval requests, the choice of team in private chat, /start there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot import labels
from bot.kit.callbacks import pack
from bot.render.text import html_to_text
from locales import Markup, Translator

Buttons = list[list[tuple[str, str]]]


def button_label(text: str, limit: int = 60) -> str:
    """Button text is plain in Telegram: a name with "&" shows as "&", not "&amp;"."""
    return html_to_text(text)[:limit]


def approval_request(t: Translator, team: Any, name: str, member_id: int) -> tuple[Markup, Buttons]:
    """What every admin gets privately when someone new needs letting in."""
    text = t._(
        "<b>{name}</b> would like to join <b>{team}</b>. Let them in?",
        name=name,
        team=labels.team_name(t, team),
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
    """The teams a person can work on in private chat, the current one ticked."""
    names = _told_apart(t, teams)
    buttons = [
        [(("✓ " if team.id == current else "") + name, pack("useteam", 0, team.id))]
        for team, name in zip(teams, names, strict=True)
    ]
    return t._("Which team do you want to work on here?"), buttons


def _told_apart(t: Translator, teams: Sequence[Any]) -> list[str]:
    """The teams' names as buttons: two groups of the same title (two "Studio"s) get the day
    each team began, and if that is the same too, a number (attacker h18)."""
    plain = [labels.team_name(t, team)[:50] for team in teams]
    names = list(plain)
    for i, team in enumerate(teams):
        if plain.count(plain[i]) > 1 and getattr(team, "created_at", None):
            since = t.date(team.created_at.date(), style="medium")
            names[i] = str(t._("{team} (since {date})", team=plain[i], date=since))
    dated, seen = list(names), dict[str, int]()
    for i, name in enumerate(dated):
        if dated.count(name) > 1:
            seen[name] = seen.get(name, 0) + 1
            names[i] = f"{name} #{seen[name]}"
    return names


def private_welcome(t: Translator, teams: Sequence[Any], current: Any) -> Markup:
    """/start in private for someone in a team: where they work here, and how to switch."""
    here = labels.team_name(t, current)
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
    names = ", ".join(labels.team_name(t, team) for team in teams)
    return t.n_(
        "You're in {n} team: {teams}.", "You're in {n} teams: {teams}.", len(teams), teams=names
    )
