"""The texts a personal team reads instead of the team's: a solo specialist is one person, never
"team" / «команда» (DESIGN, "Who is a team"; issue 20).

Each entry is an ordinary message id under the catalog context ``solo``; `Translator(solo=True)`
reads that translation where the catalog has one, else the usual one. Texts that can be said
the same way to a team and to one person are rephrased once instead and need no entry here.
"""

from __future__ import annotations


def C_(context: str, message: str) -> str:
    """Mark `message` for extraction under `context` (pybabel -k C_:1c,2); the extractor reads
    only a literal, so the entries say "solo" where locales.translation.SOLO is meant."""
    return message


SOLO_TEXTS = (
    # /help and the menu
    C_("solo", "Set up Kompas or open your team"),
    C_("solo", "Team settings"),
    C_("solo", "Team and language"),  # the /settings group: language and anonymising
    C_("solo", "Choose your team (private chat)"),
    C_("solo", "Which team do you want to work on here?"),
    # settings a person answers for themselves
    C_("solo", "Which language does the team speak? The group, the digest and exports use it."),
    C_("solo", "Which time zone does the team work in?"),
    C_("solo", "“{text}” is not in {currency}, the team's currency. Type it like {example}."),
    # the card and explanations: their own judgement, not a team's
    C_("solo", "Team experience: {word} ({rating} of 5)"),
    C_("solo", "the team rates them {rating} of 5"),
    C_("solo", "the team rates them {rating} of 5 (team {median})"),
    C_("solo", "the team likes working with them"),
    C_("solo", "Fit with the team"),
    C_("solo", "What happened, in a few words? (Kept for the team only; skip if you like.)"),
    C_("solo", "What did the client like? (Kept for the team only; skip if you like.)"),
    C_("solo", "The team has no ideal client profile yet. An admin can write one."),
    C_("solo", "Which ideal client profile? A team can have one per kind of client."),
    # the decline letter: a solo specialist writes "I"
    C_(
        "solo",
        "Thank you for working with us. We have looked at our planning and see that we can "
        "no longer give you the attention you deserve, so from {date} we will not take on "
        "new work for you. Everything we agreed will of course be finished properly, and we "
        "are happy to suggest someone who suits you better.",
    ),
    C_("solo", "Your team sent me a lot of files just now. Try again in {wait}."),
    # /help's usage texts: no admins in a one-person team
    C_(
        "solo",
        "/decline — one client at a time who brings little and costs you in other ways "
        "(complaints, late payments, time), with what letting them go would risk. Admins "
        "decide with a button; I ask first.\n/decline Bakkerij de Vries — that client, if "
        "they are on the list.",
    ),
    C_(
        "solo",
        "/export — your clients, sales and history (complaints, compliments, referrals, "
        "ratings) as CSV files for Excel.\n/export Bakkerij de Vries — everything about "
        "one client, for their request to see their data (admins).",
    ),
    C_(
        "solo",
        "/profile — the ideal client in three areas: who they are, how they fit your team, "
        "and how many there are in your market. Admins change it step by step with buttons.",
    ),
    C_(
        "solo",
        "/settings — language, currency, VAT, how clients pay, what an hour of work costs, "
        "time zone, grade scale, the digest and more. Everyone can look; admins change "
        "them with buttons, with Undo.",
    ),
)
