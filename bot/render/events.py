"""/complaint, /compliment and /refer in words: the questions, and what was noted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.render.buttons import Options
from locales import N_, Markup, Translator, escape
from storage.models import EventKind


def what_happened(t: Translator, *, compliment: bool = False) -> Markup:
    """The note's question; a client who thanked you is asked about by what they liked."""
    if compliment:
        return t._("What did the client like? (Kept for the team only; skip if you like.)")
    return t._("What happened, in a few words? (Kept for the team only; skip if you like.)")


def noted(confirmation: str, moved: Markup | None) -> Markup:
    """A note's confirmation, and the client's new grade when the note moved it."""
    text = Markup(escape(confirmation))
    return text + " " + moved if moved else text


@dataclass(frozen=True, slots=True)
class NoteWords:
    """What /complaint or /compliment asks, confirms and asks again: the same dialog in its
    own words."""

    which_client: str
    noted: str  # {client}
    again: str  # {client}


NOTE_WORDS = {
    EventKind.COMPLAINT: NoteWords(
        N_("Which client is the complaint about? Type (part of) the name."),
        N_("Complaint noted for {client}. It weighs on their grade."),
        N_("You noted this complaint about {client} less than 10 minutes ago. Record it again?"),
    ),
    EventKind.COMPLIMENT: NoteWords(
        N_("Which client paid you a compliment? Type (part of) the name."),
        N_("Nice! Compliment from {client} noted."),
        N_("You noted this compliment from {client} less than 10 minutes ago. Record it again?"),
    ),
}


def note_which_client(t: Translator, kind: EventKind) -> Markup:
    return t._(NOTE_WORDS[kind].which_client)


def note_noted(t: Translator, kind: EventKind, client: str) -> Markup:
    return t._(NOTE_WORDS[kind].noted, client=client)


def note_again(t: Translator, kind: EventKind, client: str) -> Markup:
    return t._(NOTE_WORDS[kind].again, client=client)


def referrer_which(t: Translator) -> Markup:
    return t._("Which client referred someone? Type (part of) the name.")


def referral_again(t: Translator, client: str, referred: str) -> Markup:
    return t._(
        "That {client} referred {referred} is noted already. Record it again?",
        client=client,
        referred=referred,
    )


def whom_referred(t: Translator, client: str) -> Markup:
    return t._("Whom did {client} refer to you? Type the name.", client=client)


def referred_choice(
    t: Translator, matches: Sequence[Sequence[object]], typed: str, new: str
) -> tuple[Markup, Options]:
    """The clients the typed name may mean, each a button, and someone new by that name."""
    buttons = [(str(name), str(client_id)) for client_id, name in matches]
    buttons.append((t._("Someone new: “{name}”", name=typed), new))
    return t._("Which one do you mean?"), buttons


def referral_noted(t: Translator, client: str, referred: str, *, created: bool) -> Markup:
    text = t._("Referral noted: {client} brought you {referred}.", client=client, referred=referred)
    if created:
        text += "\n" + t._("{referred} is on your list as a prospect.", referred=referred)
    return text
