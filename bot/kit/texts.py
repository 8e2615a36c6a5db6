"""Everything the kit says on its own, in render's words: the kit sits below render and never
imports it, so render makes these texts and keyboards (bot/render/kit_texts.py) and the wiring
hands that module in (bot/app.py, `Kompas.texts`): the module itself is the `KitTexts`, one
function per member, so no list restates them. A renderer then changes without touching the kit.

The kit's refusals are raised by name (`InputError(Refusal.STALE)`), where no translator is at
hand (unpacking a button's data); `KitTexts.refusal` words them, and any handler's message id.
The choices below are what the kit's own buttons answer with: render puts them on the buttons
it makes, the kit reads them back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from locales import InputError, Markup, Translator
from storage.models import ClientKind

if TYPE_CHECKING:
    from bot.kit.outbox import Buttons

Options = list[tuple[str, str]]  # a question's choices: (label, the answer it gives)
Kinds = Sequence[tuple[str, ClientKind]]  # a new client's kinds as (choice, kind), person first

# The answers of a dialog's own buttons (bot/kit/dialogs.py, bot/kit/client_dialog.py).
SKIP, CANCEL = "skip", "cancel"
NEW = "new"  # someone new: add the name as typed
OTHER = "other"  # "No" to "Did you mean …?": which client then is asked, never a dead end
# The kind of a new client, from its button: never guessed (issue 17).
NEW_AS = {"newp": ClientKind.PERSON, "newo": ClientKind.ORGANISATION}


class Refusal(StrEnum):
    """Why the kit changed nothing, by name; handlers raise the ones that fit them too."""

    STALE = "stale"  # a button forged, outdated, or another team's
    ANONYMOUS_ADMIN = "anonymous admin"  # written in the name of a group or channel
    NO_TEAM = "no team"
    SETTING_UP = "setting up"  # the team exists, its owner is still onboarding
    AWAITING_APPROVAL = "awaiting approval"
    ADMINS_ONLY = "admins only"
    OWNER_ONLY = "owner only"
    FOR_ADMINS = "for admins"  # money figures and the decline list, in a team keeping them
    MONEY_WORK_FOR_ADMINS = "money work for admins"  # payments and corrections, likewise
    TOO_OFTEN = "too often"  # `seconds`: how long to wait
    TEAM_TOO_OFTEN = "team too often"  # `seconds`: how long the team waits for a file
    NOT_A_NAME = "not a name"  # `text`: what was typed for a client's name
    COMMAND_IN_NAME = "command in name"  # `name`: a client's name with a /command in it
    NOT_A_BIRTH_YEAR = "not a birth year"
    NOT_FOUND = "not found"  # `name`: no client by that name
    WHICH_CLIENT = "which client"  # a client step answered with nothing
    CLIENT_FIRST = "client first"  # a client step skipped
    PERSON_OR_ORGANISATION = "person or organisation"  # the kind step answered otherwise
    NOTHING_TO_SKIP = "nothing to skip"


@dataclass(frozen=True)
class ClientChoice:
    """What a dialog's client step offers for the name typed (`query`)."""

    query: str
    matches: Options  # (name, choice) per look-alike; empty: nobody matches
    too_many: bool  # more match than are shown: type more of the name
    adds: bool  # "Someone new" / "No, add …" may add the name as typed
    kinds: Kinds  # nobody matches: the kinds to add it as
    kind_said: bool  # the name says its kind (`kinds` has one): asked without "person or …"


class KitTexts(Protocol):
    """Everything the kit says on its own, one callable each, the caller's translator first
    (bot/render/kit_texts.py, a module, has each as a function of that name)."""

    # (t, an InputError: a Refusal or a handler's message id, with its params) → its text
    refusal: Callable[[Translator, InputError], Markup]

    # Membership. (t, the person's teams, the current team's id) → the question, a button per team
    team_choice: Callable[[Translator, Sequence[Any], int | None], tuple[Markup, Buttons]]
    # (t, the team, the newcomer's name, their member id) → the request and Let in / Decline
    approval_request: Callable[[Translator, Any, str, int], tuple[Markup, Buttons]]
    # (t, the newcomer's name, a link that opens a private chat with the bot) → the group's note
    approval_in_group: Callable[[Translator, str, str], Markup]
    admins_asked: Callable[[Translator], Markup]  # to a newcomer the admins must let in
    removed: Callable[[Translator], Markup]  # to a removed member, once
    # (t, the new owner's name, the former owner's, None if there was none) → the group's note
    ownership_passed: Callable[[Translator, str, str | None], Markup]
    now_working_on: Callable[[Translator, Any], Markup]  # (t, the team) → a private chat's note

    # Dialogs. (t, a free-text question in a group, whether it may be skipped) → with its hint
    with_reply_hint: Callable[[Translator, str, bool], Markup]
    # (t, skip, cancel) → the Skip and Cancel buttons under a question, as wanted
    controls: Callable[[Translator, bool, bool], Options]
    stopped: Callable[[Translator, Sequence[str]], Markup]  # (t, what was saved meanwhile)
    new_client_kept: Callable[[Translator, str], Markup]  # (t, name) → said among what was saved
    # (t, the dialog's name, the client it was about, if any) → a new command ended it
    dialog_ended: Callable[[Translator, str, str | None], Markup]
    expired: Callable[[Translator], Markup]
    nothing_to_stop: Callable[[Translator], Markup]
    pick_a_button: Callable[[Translator], Markup]  # a reply to a message with buttons
    # (an answer's refusal) → whether it says only the question's buttons answer it
    asks_for_a_button: Callable[[InputError], bool]
    # (t, what was saved meanwhile) → a private chat's text that answered no button question
    question_closed: Callable[[Translator, Sequence[str]], Markup]
    get_going: Callable[[Translator], Markup]  # a message with no dialog pending
    # (t, the "/word" typed, the command meant) → «/продажа …» sent as text: /sale is meant
    unknown_command: Callable[[Translator, str, str | None], Markup]
    not_the_question: Callable[[Translator], Markup]  # a reply to the bot, not to the question
    client_choice: Callable[[Translator, ClientChoice], tuple[Markup, Options]]
    # (t, the new client's name, its kinds) → is it a person or an organisation?
    kind_question: Callable[[Translator, str, Kinds], tuple[Markup, Options]]

    # Replies. (t, the team's id, the change's undo id) → the ↩ Undo row under a confirmation
    undo_row: Callable[[Translator, int, int], list[tuple[str, str]]]
    # (t, a t.me link to the private chat, None without the bot's username) → the group's note
    not_sent_privately: Callable[[Translator, str | None], tuple[Markup, Buttons]]
    sent_privately_with_money: Callable[[Translator], Markup]  # an admin's figures, privately
    saved_all_the_same: Callable[[Translator, str], Markup]  # (t, the lost confirmation)
    handled_all_the_same: Callable[[Translator], Markup]  # the lost answer confirmed nothing
