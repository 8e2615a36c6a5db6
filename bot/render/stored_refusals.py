"""The words of storage's refusals (storage/refusals.py): storage raises them by name, render
says them, so each message is spelled once, here or in render/refusals.py."""

from __future__ import annotations

from bot.render import refusals
from locales import N_, InputError
from storage.refusals import Refused

NO_TEAM = N_("There's no team here yet. Send /start to set one up.")
WHICH_CLIENT = N_("Which client? Type (part of) their name.")
HAS_A_TEAM = N_("You already have a team. Send /help to see what I can do.")

STORED_REFUSALS = {
    Refused.NO_TEAM: NO_TEAM,
    Refused.HAS_A_TEAM: HAS_A_TEAM,
    Refused.CURRENCY_LOCKED: N_("The currency can't change once the team has sales."),
    Refused.NOT_IN_THE_TEAM: refusals.NOT_IN_THE_TEAM,
    Refused.OWNER_STAYS: N_("The owner can't be removed."),
    Refused.ALREADY_IN_THE_TEAM: N_("{name} is already in the team."),
    Refused.ALREADY_ANSWERED: N_("Someone already answered this request."),
    Refused.ALREADY_LISTED: refusals.ALREADY_LISTED,
    Refused.NAME_NEEDED: refusals.NAME_NEEDED,
    Refused.NAME_TOO_LONG: N_("That name is too long: at most {max} characters."),
    Refused.RESERVED_NAME: N_(
        "“{name}” is how Kompas labels an erased client: choose another name."
    ),
    Refused.WHICH_CLIENT: WHICH_CLIENT,
    Refused.CLIENT_GONE: N_("That client isn't here any more."),
    Refused.SALE_GONE: N_("That sale isn't here any more."),
    Refused.PROFILE_GONE: N_("That profile isn't here any more."),
    Refused.PROFILE_EXISTS: N_("There is already a profile like this: {name}."),
    Refused.NOTHING_TO_PAY: refusals.NOTHING_TO_PAY,
    Refused.MORE_THAN_OWED: N_("That's more than {client} still owes."),
    Refused.RATE_EACH_POINT: N_("Rate each point from 1 to 5."),
    Refused.RATING_OUT_OF_RANGE: N_("Ratings go from 1 to 5, with 5 the best."),
    Refused.WHO_WAS_REFERRED: N_("Who did they refer? Type the new client's name too."),
    Refused.SELF_REFERRAL: refusals.SELF_REFERRAL,
    Refused.REFERRAL_CIRCLE: N_(
        "Not recorded: {referrer} came to you through {referred}, so it can't be the other way "
        "round."
    ),
    Refused.UNDO_EXPIRED: N_("This can't be undone any more (undo works for 24 hours)."),
    Refused.ALREADY_UNDONE: N_("This was already undone."),
    Refused.CHANGED_SINCE: N_(
        "This can't be undone any more: what it changed has been changed or removed since."
    ),
    Refused.SALE_CLIENT_GONE: N_(
        "This can't be undone: the client of that sale doesn't exist any more."
    ),
    Refused.CLIENT_KEPT: N_("This client already has sales or notes, so I kept them."),
}


def worded(error: InputError) -> InputError:
    """`error` with its message id in place of storage's key; any other error as it is."""
    message = STORED_REFUSALS.get(error.message)  # type: ignore[call-overload]
    return error if message is None else InputError(message, **error.params)
