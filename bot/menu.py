"""The one command registry: every command declared once — its English and Dutch names, its
handler, who may use it, its menu and help texts, its rate limit (what a command is:
bot/kit/commands.py). Routing (bot/app.py), Telegram's per-language menus, /help and the rate
limits all read it; a handler marked `@command` without an entry here fails the tests.
"""

from __future__ import annotations

from bot.handlers import (
    check,
    client_edit,
    clients,
    decline,
    digest,
    events,
    files,
    payments,
    portrait,
    privacy,
    profile,
    ratings,
    reports,
    sale_fixes,
    sales,
    start,
    team,
    undo,
)
from bot.handlers import help as help_handlers
from bot.handlers import settings as settings_handlers
from bot.kit import dialogs
from bot.kit.commands import Command, CommandTable
from bot.kit.limits import ANALYSIS, CHART, EXPORT, IMPORT
from locales import N_
from locales.command_words import HELP_TOPICS, SAID_OTHERWISE
from storage.models import Role

COMMANDS: tuple[Command, ...] = (
    Command(
        "start",
        "start",
        start.start,
        N_("Set up Kompas or open your team"),
        None,
        N_(
            "/start — in a group, the group becomes a team (you must be its admin). "
            "In a private chat you get your own team, or pick one of yours."
        ),
    ),
    Command(
        "client",
        "klant",
        reports.client,
        N_("A client's card: grade and why"),
        Role.MEMBER,
        N_(
            "/client Bakkerij de Vries — their grade, what it rests on, and the one change "
            "that lifts it a grade. Buttons below for details and actions."
        ),
    ),
    Command(
        "clients",
        "klanten",
        reports.clients_list,
        N_("All clients, ten at a time"),
        Role.MEMBER,
        N_(
            "/clients — graded list, sortable by grade, revenue or profit. "
            "/clients prospects or /clients declined for the others."
        ),
        limit=ANALYSIS,
    ),
    Command(
        "risk",
        "risico",
        reports.risk,
        N_("Where you lean on too few clients"),
        Role.MEMBER,
        N_(
            "/risk — how much of your revenue rests on your biggest clients, who eats your "
            "time, and which big spenders owe you money."
        ),
        limit=ANALYSIS,
    ),
    Command(
        "portrait",
        "portret",
        portrait.portrait,
        N_("Your ideal clients: who they are, where they come from"),
        Role.MEMBER,
        N_(
            "/portrait — what your most profitable clients have in common and where they came "
            "from, so you know whom to look for. /portrait persons or /portrait organisations "
            "for one kind."
        ),
        limit=ANALYSIS,
    ),
    Command(
        "decline",
        "afscheid",
        decline.decline,
        N_("Clients to consider letting go"),
        Role.MEMBER,
        N_(
            "/decline — one client at a time who brings little and costs you in other ways "
            "(complaints, late payments, time), with what letting them go would risk. Admins "
            "decide with a button; I ask first.\n/decline Bakkerij de Vries — that client, if they "
            "are on the list."
        ),
    ),
    Command(
        "digest",
        "overzicht",
        digest.digest,
        N_("This week's digest now; on or off"),
        Role.ADMIN,
        N_(
            "/digest — this week's digest right now. /digest off stops the weekly post, "
            "/digest on starts it again. Day and time: /settings."
        ),
        limit=CHART,
    ),
    Command(
        "add",
        "toevoegen",
        clients.add,
        N_("Add a client"),
        Role.MEMBER,
        N_(
            "/add — I ask for the name and a few details, step by step.\n"
            "Or in one line: /add Bakkerij de Vries, organisation, Utrecht"
        ),
    ),
    Command(
        "check",
        "toets",
        check.check,
        N_("Does a potential client fit you?"),
        Role.MEMBER,
        N_(
            "/check — a few questions about a potential client, then my verdict: do they fit, "
            "and what do clients like them bring? Or in one line: "
            "/check Hotel Het Anker, organisation, Utrecht"
        ),
    ),
    Command(
        "sale",
        "verkoop",
        sales.sale,
        N_("Record a sale, paid or on credit"),
        Role.MEMBER,
        N_(
            "/sale — I ask who, how much, the cost and the time.\n"
            "Or in one line: /sale Bakkerij de Vries 1250\n"
            "With cost, time and day: /sale Bakkerij de Vries, 1250, 300, 2h, yesterday\n"
            "Not paid yet: /sale Bakkerij de Vries 1250 on credit"
        ),
    ),
    Command(
        "paid",
        "betaald",
        payments.paid,
        N_("A client paid"),
        Role.MEMBER,
        N_(
            "/paid Bakkerij de Vries — an open sale is paid today; of several, pick one, all "
            "or part of it. With an amount and a day: /paid Bakkerij de Vries 500 yesterday"
        ),
    ),
    Command(
        "sales",
        "verkopen",
        sale_fixes.sales_list,
        N_("A client's sales: correct or delete"),
        Role.MEMBER,
        N_(
            "/sales Bakkerij de Vries — their sales, newest first, with buttons to "
            "correct (✎) or delete (✕) one."
        ),
    ),
    Command(
        "rate",
        "beoordeel",
        ratings.rate,
        N_("Rate how it is to work with a client"),
        Role.MEMBER,
        N_(
            "/rate Bakkerij de Vries — three questions, tap 1 to 5 (5 is best).\n"
            "Or in one line: /rate Bakkerij de Vries 4 5 3 (pleasant, reasonable, "
            "pays on time)."
        ),
    ),
    Command(
        "refer",
        "aanbeveling",
        events.refer,
        N_("A client referred someone"),
        Role.MEMBER,
        N_(
            "/refer Bakkerij de Vries, Hotel Het Anker — who referred whom. A new name "
            "becomes a prospect."
        ),
    ),
    Command(
        "complaint",
        "klacht",
        events.complaint,
        N_("Note a complaint"),
        Role.MEMBER,
        N_(
            "/complaint Bakkerij de Vries invoice disputed — the note is "
            "optional, and so is a colon after the name."
        ),
    ),
    Command(
        "compliment",
        "compliment",
        events.compliment,
        N_("Note a compliment"),
        Role.MEMBER,
        N_(
            "/compliment Bakkerij de Vries loved the new logo — the note "
            "is optional, and so is a colon after the name."
        ),
    ),
    Command(
        "edit",
        "wijzig",
        client_edit.edit,
        N_("Change a client's details"),
        Role.MEMBER,
        N_("/edit Bakkerij de Vries — pick a detail with a button and type the new value."),
    ),
    Command(
        "profile",
        "profiel",
        profile.profile,
        N_("Your ideal client profile"),
        Role.MEMBER,
        N_(
            "/profile — the ideal client in three areas: who they are, how they fit your team, "
            "and how many there are in your market. Admins change it step by step with buttons."
        ),
    ),
    Command(
        "settings",
        "instellingen",
        settings_handlers.settings,
        N_("Team settings"),
        Role.MEMBER,
        N_(
            "/settings — language, currency, VAT, how clients pay, what an hour of work costs, "
            "time zone, grade scale, the digest and more. Everyone can look; admins change them "
            "with buttons, with Undo."
        ),
    ),
    Command(
        "import",
        "importeer",
        files.import_command,
        N_("Import clients or sales from a file"),
        Role.ADMIN,
        N_(
            "/import — send a CSV or Excel file with your clients, sales or history; I "
            "recognise the columns. One wrong row and nothing is imported: I list the rows to "
            "fix."
        ),
        limit=IMPORT,
    ),
    Command(
        "export",
        "exporteer",
        files.export,
        N_("Export clients and sales as files"),
        Role.MEMBER,
        N_(
            "/export — your clients, sales and history (complaints, compliments, referrals, "
            "ratings) as CSV files for Excel.\n"
            "/export Bakkerij de Vries — everything about one client, for their request "
            "to see their data (admins)."
        ),
        limit=EXPORT,
    ),
    Command(
        "forget",
        "vergeet",
        privacy.forget,
        N_("Erase a client's personal data"),
        Role.ADMIN,
        N_(
            "/forget Bakkerij de Vries — erases their name, details and notes for good, on "
            "their request (AVG/GDPR, 152-FZ). Sales and ratings stay as anonymous numbers, so "
            "your figures stay right. I ask first; it can't be undone."
        ),
    ),
    Command(
        "members",
        "leden",
        team.members,
        N_("Team members: approve and remove"),
        Role.ADMIN,
        N_("/members — everyone in the team; admins approve newcomers and remove people."),
    ),
    Command(
        "team",
        "team",
        team.team,
        N_("Choose your team (private chat)"),
        None,
        N_("/team — in a private chat with me: pick which of your teams to work on."),
    ),
    Command(
        "lang",
        "taal",
        help_handlers.lang,
        N_("Language: Dutch or Russian"),
        None,
        N_("/lang — choose with a button, or type /lang nl or /lang ru."),
    ),
    Command(
        "skip",
        "overslaan",
        dialogs.skip,
        N_("Skip this question"),
        None,
        N_("/skip — skips the question I just asked, when it may stay empty."),
        listed=False,
        in_dialog=True,
    ),
    Command(
        "undo",
        "ongedaan",
        undo.undo_last,
        N_("Undo your last change"),
        Role.MEMBER,
        N_(
            "/undo — takes back your own last change, as the ↩ Undo button under it does, for "
            "24 hours. Again for the change before it."
        ),
        in_dialog=True,
    ),
    Command(
        "cancel",
        "annuleer",
        dialogs.cancel,
        N_("Stop what we're doing"),
        None,
        N_("/cancel — stops the questions in progress; nothing is changed."),
        in_dialog=True,
    ),
    Command(
        "help",
        "hulp",
        help_handlers.help_command,
        N_("What I can do"),
        None,
        N_("/help — the list of commands. /help sale — how one command works."),
    ),
)


TABLE = CommandTable(COMMANDS, SAID_OTHERWISE, HELP_TOPICS)
BY_NAME = TABLE.by_name  # every name typed → its command
RULES = TABLE.rules  # the rate limits, by the command's English name
visible_to = TABLE.visible_to
find = TABLE.find
nearest = TABLE.nearest
