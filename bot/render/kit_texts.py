"""What the kit says on its own (bot/kit/texts.py): its refusals, the questions and notes of a
dialog, and the notes about membership and delivery. This module is the kit's `KitTexts`, a
function for each of its members: the wiring hands it to the kit (bot/app.py), which sits below
render and never imports it."""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.kit.callbacks import UNDO, pack
from bot.kit.outbox import Link
from bot.kit.texts import CANCEL, NEW, OTHER, SKIP, ClientChoice, Options, Refusal
from bot.render import refusals, stored_refusals
from bot.render.buttons import Buttons
from bot.render.help import unknown_command as unknown_command
from bot.render.members import approval_in_group as approval_in_group
from bot.render.members import approval_request as approval_request
from bot.render.members import now_working_on as now_working_on
from bot.render.members import team_choice as team_choice
from locales import N_, InputError, Markup, Translator
from storage.models import ClientKind

KIT_REFUSALS = {
    Refusal.STALE: N_("This button is no longer valid."),
    Refusal.ANONYMOUS_ADMIN: N_(
        "I need to know who is writing, and this came in the name of a group or channel, so I "
        "changed nothing. Write as yourself: turn off “Remain anonymous” in your admin rights, "
        "or write to me in a private chat."
    ),
    Refusal.NO_TEAM: stored_refusals.NO_TEAM,
    Refusal.SETTING_UP: N_("The team is still being set up. Give its owner a minute."),
    Refusal.AWAITING_APPROVAL: N_(
        "An admin still has to approve you; until then I record nothing you send. "
        "I'll let you know."
    ),
    Refusal.ADMINS_ONLY: N_("Only the team's admins can do that."),
    Refusal.OWNER_ONLY: N_("Only the team's owner can do that."),
    Refusal.FOR_ADMINS: N_(
        "This team keeps money figures and the clients to let go for its admins. "
        "Ask one of them, or ask to become one."
    ),
    Refusal.MONEY_WORK_FOR_ADMINS: N_(
        "This team keeps money figures for its admins, so payments and corrections to sales "
        "are theirs to record. Ask one of them."
    ),
    Refusal.TOO_OFTEN: N_("One moment: you asked for that a lot just now. Try again in {wait}."),
    Refusal.TEAM_TOO_OFTEN: N_("Your team sent me a lot of files just now. Try again in {wait}."),
    Refusal.NOT_A_NAME: N_("“{text}” doesn't look like a name. Type the client's name, please."),
    Refusal.COMMAND_IN_NAME: N_("“{name}” has a command in it: send the command on its own."),
    Refusal.NOT_A_BIRTH_YEAR: N_("Type a year like 1985, or skip."),
    Refusal.NOT_FOUND: refusals.CLIENT_NOT_FOUND,
    Refusal.WHICH_CLIENT: stored_refusals.WHICH_CLIENT,
    Refusal.CLIENT_FIRST: N_("I need to know which client first."),
    Refusal.PERSON_OR_ORGANISATION: refusals.TAP_A_KIND,
    Refusal.NOTHING_TO_SKIP: N_("There's nothing to skip right now."),
}


def refusal(t: Translator, error: InputError) -> Markup:
    """Why nothing changed: a kit's or storage's refusal or a handler's message id, with its
    params."""
    error = stored_refusals.worded(error)
    params = dict(error.params)
    if error.message == Refusal.ADMINS_ONLY and (admins := params.pop("admins", ())):
        return t.n_(
            "Only {names} (admin) can do that.",
            "Only these admins can do that: {names}.",
            len(admins),
            names=t.names(admins),
        )
    if error.message in (Refusal.TOO_OFTEN, Refusal.TEAM_TOO_OFTEN):
        params["wait"] = wait_text(t, params.pop("seconds"))
    return t.error(InputError(KIT_REFUSALS.get(error.message, error.message), **params))


def wait_text(t: Translator, seconds: float) -> str:
    """ "12 seconds", "2 minutes": how long until the next call is allowed."""
    if seconds < 60:
        return t.n_("{n} second", "{n} seconds", max(1, math.ceil(seconds)))
    return t.n_("{n} minute", "{n} minutes", math.ceil(seconds / 60))


def admins_asked(t: Translator) -> Markup:
    """To a newcomer whose first message waits for the admins: it is not kept, so say so."""
    return t._(
        "I've asked the team's admins to let you in. What you sent is not recorded yet: "
        "send it again once you're in. I'll let you know here."
    )


def removed(t: Translator) -> Markup:
    return t._("You've been taken out of this team; an admin can let you back in.")


def ownership_passed(t: Translator, name: str, former: str | None) -> Markup:
    """The group's note when ownership follows Telegram's admin rights to `name`."""
    if former is None:
        return t._("{name} now owns the team.", name=name)
    return t._(
        "{name} now owns the team: {former} is no longer an admin of the group.",
        name=name,
        former=former,
    )


# Dialogs ------------------------------------------------------------------------------------


def with_reply_hint(t: Translator, question: str, skip: bool) -> Markup:
    """A question answered by replying in a group (buttons there would be everyone's), with
    how to skip or stop it."""
    hint = t._("/skip to skip, /cancel to stop") if skip else t._("/cancel to stop")
    return Markup(f"{question}\n<i>{hint}</i>")


def controls(t: Translator, skip: bool, cancel: bool) -> Options:
    return [(t._("Skip"), SKIP)] * skip + [(t._("Cancel"), CANCEL)] * cancel


def stopped(t: Translator, saved: Sequence[str]) -> Markup:
    """A dialog stopped: what was saved on the way stays, or nothing changed (Product rules)."""
    if saved:
        return t._("Stopped. What you saved stays: {what}.", what=", ".join(saved))
    return t._("Stopped. Nothing was changed.")


def new_client_kept(t: Translator, name: str) -> Markup:
    """A client a dialog added on the way ("/verkoop Pluto", then Particulier), as `stopped`
    lists it among what stays."""
    return t._("the new client {client}", client=name)


# What a new command stopped, by the dialog's name: "(What you started … was stopped.)" left
# the Russian reader guessing what was stopped (issue 20).
STOPPED_DIALOGS = {
    "sale": N_("Recording a sale"),
    "add": N_("Adding a client"),
    "check": N_("Checking a potential client"),
    "paid": N_("Recording a payment"),
    "edit": N_("Changing a client's details"),
    "rate": N_("A review"),
    "complaint": N_("A complaint"),
    "compliment": N_("A compliment"),
    "refer": N_("A referral"),
    "forget": N_("Erasing personal data"),
    "profile": N_("Changing the ideal client"),
    "fix_sale": N_("Correcting a sale"),
}


def dialog_ended(t: Translator, dialog: str, client: str | None) -> Markup:
    what = STOPPED_DIALOGS.get(dialog)
    if what and client:
        return t._("(Stopped: {what}, {client}.)", what=t._(what), client=client)
    if what:
        return t._("(Stopped: {what}.)", what=t._(what))
    if client:
        return t._("(What you started for {client} was stopped.)", client=client)
    return t._("(What you started before was stopped.)")


def expired(t: Translator) -> Markup:
    return t._("That question has expired. Send the command again to start anew.")


def nothing_to_stop(t: Translator) -> Markup:
    return t._("There's nothing to stop right now.")


def pick_a_button(t: Translator) -> Markup:
    return t._(refusals.PICK_A_BUTTON)


def asks_for_a_button(error: InputError) -> bool:
    """ "Pick one of the buttons": not "Tap Person or Organisation", which names its question."""
    return error.message == refusals.PICK_A_BUTTON


def question_closed(t: Translator, saved: Sequence[str]) -> Markup:
    """Text typed in a private chat under a question only its buttons answer: the question is
    closed, what was saved on the way said, and how to go on (the Russian reader's A16)."""
    closed = t._("That isn't an answer to my question with buttons above, so I've closed it.")
    return Markup("\n").join([closed, stopped(t, saved), get_going(t)])


def get_going(t: Translator) -> Markup:
    return t._("Send a command to get going, for example /add or /sale. /help lists them all.")


def not_the_question(t: Translator) -> Markup:
    return t._(
        "I've done nothing with that. To answer, reply to my question itself, or send /cancel."
    )


def client_choice(t: Translator, choice: ClientChoice) -> tuple[Markup, Options]:
    """The client step's question: add the new name, pick a look-alike, or confirm the one."""
    name, matches = choice.query, choice.matches
    if not matches:
        adds = {
            ClientKind.PERSON: t._("Add “{name}” as a person", name=name),
            ClientKind.ORGANISATION: t._("Add “{name}” as an organisation", name=name),
        }
        options = [(adds[kind], code) for code, kind in choice.kinds]
        if choice.kind_said:  # «Иванова Мария Петровна» is a person: one button
            return t._("I don't have “{name}” yet. Shall I add them?", name=name), options
        text = t._(
            "I don't have “{name}” yet. Shall I add them as a person or an organisation?",
            name=name,
        )
        return text, options
    if len(matches) == 1:  # one look-alike: a yes or no, not a choice
        no = (t._("No, add “{name}”", name=name), NEW) if choice.adds else (t._("No"), OTHER)
        return t._("Did you mean {client}?", client=matches[0][0]), [
            (t._("Yes"), matches[0][1]),
            no,
        ]
    if choice.too_many:
        text = t._("Many clients match “{name}”. Pick one, or type more of the name.", name=name)
        return text, list(matches)
    someone_new = [(t._("Someone new: “{name}”", name=name), NEW)] if choice.adds else []
    return t._("Which one do you mean?"), [*matches, *someone_new]


def kind_question(
    t: Translator, name: str, kinds: Sequence[tuple[str, ClientKind]]
) -> tuple[Markup, Options]:
    """Is the new client `name` a person or an organisation? The kinds in the order given."""
    names = {ClientKind.PERSON: t._("Person"), ClientKind.ORGANISATION: t._("Organisation")}
    question = t._("Is {name} a person or an organisation?", name=name)
    return question, [(names[kind], code) for code, kind in kinds]


# Replies ------------------------------------------------------------------------------------


def undo_row(t: Translator, team_id: int, undo_id: int) -> list[tuple[str, str]]:
    """Under every confirmed change (`Turn.confirm`), for 24 hours."""
    return [(t._("↩ Undo"), pack(UNDO, team_id, undo_id))]


def not_sent_privately(t: Translator, link: str | None) -> tuple[Markup, Buttons]:
    """Instead of "sent privately": a button that opens the private chat with the bot."""
    text = t._(
        "I couldn't write to you privately: Telegram lets me only once you've opened a chat "
        "with me. Tap the button, press Start, and ask again here."
    )
    return text, [[(t._("Open a private chat"), Link(link))]] if link else []


def sent_privately_with_money(t: Translator) -> Markup:
    return t._("I've sent it to you privately: this team keeps money figures for its admins.")


def saved_all_the_same(t: Translator, confirmation: str) -> Markup:
    """A confirmation whose delivery failed, sent again after the failure (`confirmation` is
    HTML already)."""
    lost = t._("My answer got lost on the way, but this was saved:")
    return Markup(f"{lost}\n{confirmation}")


def handled_all_the_same(t: Translator) -> Markup:
    return t._(
        "Something went wrong on my side as I answered: your message was dealt with, only my "
        "answer got lost. Have a look before you send it again."
    )


# Failures the wiring's error handler tells (bot/app.py), once per update ---------------------


def kept(t: Translator) -> Markup:
    """The database failed, and the update comes again: it will be carried out then."""
    return t._("Kept: I'll carry it out as soon as I can. No need to send it again.")


def something_went_wrong(t: Translator) -> Markup:
    return t._(
        "Something went wrong on my side, and nothing was changed. Please try again in a moment."
    )
