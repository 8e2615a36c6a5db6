"""The one command registry: every command's name, its Dutch name, what it does and who may use
it. Routing (bot/app.py), rate limits (bot/kit/limits.py), Telegram's per-language menu and /help
all read it.

Telegram commands are Latin: a-z, 0-9 and `_`, at most 32 characters. Every command also
answers to its Dutch name (`/klant`, `/verkoop`); the English names keep working for everyone.
Dutch menus and /help show the Dutch names; Russian ones show the English names, since
Telegram has no Cyrillic commands.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from locales import N_
from storage.models import Role


@dataclass(frozen=True)
class MenuCommand:
    name: str
    dutch: str  # the name Dutch speakers type and see; may equal `name` ("team")
    description: str  # message id, translated where shown
    role: Role | None = Role.MEMBER
    usage: str | None = None  # message id of the long help, for /help <command>
    listed: bool = True  # False: only answers inside a dialog, in no menu (/skip)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this command answers to."""
        return (self.name,) if self.dutch == self.name else (self.name, self.dutch)

    def name_in(self, locale: str) -> str:
        """The name shown to someone speaking `locale`."""
        return self.dutch if locale == "nl" else self.name


COMMANDS: tuple[MenuCommand, ...] = (
    MenuCommand(
        "start",
        "start",
        N_("Set up Kompas or open your team"),
        None,
        N_(
            "/start — in a group, the group becomes a team (you must be its admin). "
            "In a private chat you get your own team, or pick one of yours."
        ),
    ),
    MenuCommand(
        "client",
        "klant",
        N_("A client's card: grade and why"),
        Role.MEMBER,
        N_(
            "/client Bakkerij de Vries — their grade, what it rests on, and the one change "
            "that lifts it a grade. Buttons below for details and actions."
        ),
    ),
    MenuCommand(
        "clients",
        "klanten",
        N_("All clients, ten at a time"),
        Role.MEMBER,
        N_(
            "/clients — graded list, sortable by grade, revenue or profit. "
            "/clients prospects or /clients declined for the others."
        ),
    ),
    MenuCommand(
        "risk",
        "risico",
        N_("Where you lean on too few clients"),
        Role.MEMBER,
        N_(
            "/risk — how much of your revenue rests on your biggest clients, who eats your "
            "time, and which big spenders owe you money."
        ),
    ),
    MenuCommand(
        "portrait",
        "portret",
        N_("Your ideal clients: who they are, where they come from"),
        Role.MEMBER,
        N_(
            "/portrait — what your most profitable clients have in common and where they came "
            "from, so you know whom to look for. /portrait persons or /portrait organisations "
            "for one kind."
        ),
    ),
    MenuCommand(
        "decline",
        "afscheid",
        N_("Clients to consider letting go"),
        Role.MEMBER,
        N_(
            "/decline — one client at a time who brings little and costs you in other ways "
            "(complaints, late payments, time), with what letting them go would risk. Admins "
            "decide with a button; I ask first.\n/decline Bakkerij de Vries — that client, if they "
            "are on the list."
        ),
    ),
    MenuCommand(
        "digest",
        "overzicht",
        N_("This week's digest now; on or off"),
        Role.ADMIN,
        N_(
            "/digest — this week's digest right now. /digest off stops the weekly post, "
            "/digest on starts it again. Day and time: /settings."
        ),
    ),
    MenuCommand(
        "add",
        "toevoegen",
        N_("Add a client"),
        Role.MEMBER,
        N_(
            "/add — I ask for the name and a few details, step by step.\n"
            "Or in one line: /add Bakkerij de Vries, organisation, Utrecht"
        ),
    ),
    MenuCommand(
        "check",
        "toets",
        N_("Does a potential client fit you?"),
        Role.MEMBER,
        N_(
            "/check — a few questions about a potential client, then my verdict: do they fit, "
            "and what do clients like them bring? Or in one line: "
            "/check Hotel Het Anker, organisation, Utrecht"
        ),
    ),
    MenuCommand(
        "sale",
        "verkoop",
        N_("Record a sale"),
        Role.MEMBER,
        N_(
            "/sale — I ask who, how much, the cost and the time.\n"
            "Or in one line: /sale Bakkerij de Vries 1250\n"
            "With cost, time and day: /sale Bakkerij de Vries, 1250, 300, 2h, yesterday"
        ),
    ),
    MenuCommand(
        "paid",
        "betaald",
        N_("A client paid"),
        Role.MEMBER,
        N_(
            "/paid Bakkerij de Vries — an open sale is paid today; of several, pick one, all "
            "or part of it. With an amount and a day: /paid Bakkerij de Vries 500 yesterday"
        ),
    ),
    MenuCommand(
        "sales",
        "verkopen",
        N_("A client's sales: correct or delete"),
        Role.MEMBER,
        N_(
            "/sales Bakkerij de Vries — their sales, newest first, with buttons to "
            "correct (✎) or delete (✕) one."
        ),
    ),
    MenuCommand(
        "rate",
        "beoordeel",
        N_("Rate how it is to work with a client"),
        Role.MEMBER,
        N_(
            "/rate Bakkerij de Vries — three questions, tap 1 to 5 (5 is best).\n"
            "Or in one line: /rate Bakkerij de Vries 4 5 3 (pleasant, reasonable, "
            "pays on time)."
        ),
    ),
    MenuCommand(
        "refer",
        "aanbeveling",
        N_("A client referred someone"),
        Role.MEMBER,
        N_(
            "/refer Bakkerij de Vries, Hotel Het Anker — who referred whom. A new name "
            "becomes a prospect."
        ),
    ),
    MenuCommand(
        "complaint",
        "klacht",
        N_("Note a complaint"),
        Role.MEMBER,
        N_(
            "/complaint Bakkerij de Vries invoice disputed — the note is "
            "optional, and so is a colon after the name."
        ),
    ),
    MenuCommand(
        "compliment",
        "compliment",
        N_("Note a compliment"),
        Role.MEMBER,
        N_(
            "/compliment Bakkerij de Vries loved the new logo — the note "
            "is optional, and so is a colon after the name."
        ),
    ),
    MenuCommand(
        "edit",
        "wijzig",
        N_("Change a client's details"),
        Role.MEMBER,
        N_("/edit Bakkerij de Vries — pick a detail with a button and type the new value."),
    ),
    MenuCommand(
        "profile",
        "profiel",
        N_("Your ideal client profile"),
        Role.MEMBER,
        N_(
            "/profile — the ideal client in three areas: who they are, how they fit your team, "
            "and how many there are in your market. Admins change it step by step with buttons."
        ),
    ),
    MenuCommand(
        "settings",
        "instellingen",
        N_("Team settings"),
        Role.MEMBER,
        N_(
            "/settings — language, currency, VAT, how clients pay, what an hour of work costs, "
            "time zone, grade scale, the digest and more. Everyone can look; admins change them "
            "with buttons, with Undo."
        ),
    ),
    MenuCommand(
        "import",
        "importeer",
        N_("Import clients or sales from a file"),
        Role.ADMIN,
        N_(
            "/import — send a CSV or Excel file with your clients or sales; I recognise the "
            "columns. One wrong row and nothing is imported: I list the rows to fix."
        ),
    ),
    MenuCommand(
        "export",
        "exporteer",
        N_("Export clients and sales as files"),
        Role.MEMBER,
        N_(
            "/export — your clients and sales as CSV files for Excel.\n"
            "/export Bakkerij de Vries — everything about one client, for their request "
            "to see their data (admins)."
        ),
    ),
    MenuCommand(
        "forget",
        "vergeet",
        N_("Erase a client's personal data"),
        Role.ADMIN,
        N_(
            "/forget Bakkerij de Vries — erases their name, details and notes for good, on "
            "their request (AVG/GDPR, 152-FZ). Sales and ratings stay as anonymous numbers, so "
            "your figures stay right. I ask first; it can't be undone."
        ),
    ),
    MenuCommand(
        "members",
        "leden",
        N_("Team members: approve and remove"),
        Role.ADMIN,
        N_("/members — everyone in the team; admins approve newcomers and remove people."),
    ),
    MenuCommand(
        "team",
        "team",
        N_("Choose your team (private chat)"),
        None,
        N_("/team — in a private chat with me: pick which of your teams to work on."),
    ),
    MenuCommand(
        "lang",
        "taal",
        N_("Language: Nederlands or русский"),
        None,
        N_("/lang — choose with a button, or type /lang nl or /lang ru."),
    ),
    MenuCommand(
        "skip",
        "overslaan",
        N_("Skip this question"),
        None,
        N_("/skip — skips the question I just asked, when it may stay empty."),
        listed=False,
    ),
    MenuCommand(
        "cancel",
        "annuleer",
        N_("Stop what we're doing"),
        None,
        N_("/cancel — stops the questions in progress; nothing is changed."),
    ),
    MenuCommand(
        "help",
        "hulp",
        N_("What I can do"),
        None,
        N_("/help — the list of commands. /help sale — how one command works."),
    ),
)


def visible_to(role: Role | None) -> list[MenuCommand]:
    """Commands a caller with `role` can use (None: no team yet)."""
    rank = {None: -1, Role.MEMBER: 0, Role.ADMIN: 1, Role.OWNER: 2}
    return [c for c in COMMANDS if c.listed and rank[c.role] <= rank[role]]


# Every name typed → its command: "klant" and "client" both find /client.
BY_NAME: dict[str, MenuCommand] = {name: c for c in COMMANDS for name in c.names}


# Other words people type for a command: `/verkocht` ("sold") means /verkoop.
SAID_OTHERWISE = {
    "verkocht": "verkoop",
    "betaling": "betaald",
    "nieuw": "toevoegen",
    "nieuwe": "toevoegen",
    "sold": "sale",
    "payment": "paid",
    "new": "add",
}


def nearest(name: str) -> str | None:
    """The command name a mistyped one (`/verkop`) or another word for it (`/verkocht`) most
    likely meant, in either language."""
    typed = name.lstrip("/").split("@")[0].lower()
    if typed in SAID_OTHERWISE:
        return f"/{SAID_OTHERWISE[typed]}"
    close = difflib.get_close_matches(typed, BY_NAME, n=1, cutoff=0.75)
    return f"/{close[0]}" if close else None


def find(name: str) -> MenuCommand | None:
    """The command `name` (English or Dutch, with or without "/" and "@bot") stands for."""
    return BY_NAME.get(name.lstrip("/").split("@")[0].lower())
