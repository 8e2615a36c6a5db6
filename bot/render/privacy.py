"""/forget in words: the question before erasing a client's personal data, and what it did."""

from __future__ import annotations

from bot.kit.callbacks import pack
from bot.render.buttons import Buttons, yes_or_no
from locales import Markup, Translator


def which_client(t: Translator) -> Markup:
    return t._("Whose personal data shall I erase? Type (part of) the name.")


def erase_question(
    t: Translator, team_id: int, client_id: int, client: str
) -> tuple[Markup, Buttons]:
    """What goes, what stays, that it can't be undone; Yes and No."""
    text = t._(
        "Erase the personal data of {client} for good? Their name becomes a number, and "
        "their details and notes are deleted. Sales and ratings stay as anonymous figures, "
        "so your totals stay right. <b>This can't be undone.</b>",
        client=client,
    )
    return text, yes_or_no(
        t, t._("Yes, erase"), pack("fgt", team_id, client_id), pack("fgtno", team_id, client_id)
    )


def erased(t: Translator, label: str) -> Markup:
    return t._(
        "Erased. This client is “{label}” from now on; their sales and ratings still "
        "count, without anything that says who they are.",
        label=label,
    )


def stopped(t: Translator) -> Markup:
    return t._("Stopped. Nothing was changed.")
