"""Dutch replies about one client say the client's name, "de klant", "deze klant" or "die",
never "hun", "ze", "hen" or "zij" (a native reads those as several people); and a sale is
confirmed as "€ 250 — Daan Kok", never "€ 250 van Daan Kok" (issue 17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PLURAL_PRONOUN = re.compile(r"\b(hun|ze|hen|zij)\b", re.IGNORECASE)

# Every English message about a single client (their card, a note, a sale, a decline, a
# prospect's check, an undo …) whose Dutch once said "hun", "ze", "hen" or "zij".
ONE_CLIENT = (
    "/check — a few questions about a potential client, then my verdict: do they fit, and what "
    "do clients like them bring? Or in one line: /check Hotel Het Anker, organisation, Utrecht",
    "/client Bakkerij de Vries — their grade, what it rests on, and the one change that lifts "
    "it a grade. Buttons below for details and actions.",
    "/decline — one client at a time who brings little and costs you in other ways "
    "(complaints, late payments, time), with what letting them go would risk. Admins decide "
    "with a button; I ask first.\n/decline Bakkerij de Vries — that client, if they are on "
    "the list.",
    "/forget Bakkerij de Vries — erases their name, details and notes for good, on their "
    "request (AVG/GDPR, 152-FZ). Sales and ratings stay as anonymous numbers, so your figures "
    "stay right. I ask first; it can't be undone.",
    "/profile — the ideal client in three areas: who they are, how they fit your team, and how "
    "many there are in your market. Admins change it step by step with buttons.",
    "/sales Bakkerij de Vries — their sales, newest first, with buttons to correct (✎) or "
    "delete (✕) one.",
    "<b>Fit with you:</b> none of your clients is much like them yet, so there's no track "
    "record to go by.",
    "<b>Who they are:</b> your ideal profile sets no demographics yet (/profile).",
    "<b>Who they are:</b> {checks}",
    "A message you could send them:",
    "A prospect: no sales yet. /check tells you whether they fit.",
    "Complaint noted for {client}. It weighs on their grade.",
    "Decline {client}? They leave the scoring and the alarms; their history stays, and you can "
    "undo this for 24 hours.",
    "Erase the personal data of {client} for good? Their name becomes a number, and their "
    "details and notes are deleted. Sales and ratings stay as anonymous figures, so your totals "
    "stay right. <b>This can't be undone.</b>",
    "Erased. This client is “{label}” from now on; their sales and ratings still count, "
    "without anything that says who they are.",
    "How did they find you?",
    "How they found you",
    "I don't have “{name}” yet. Shall I add them?",
    "Keeping {client}. I won't propose them again for three months.",
    "One of your ideal clients: look after them.",
    "Saved as a prospect: {client}. Their first sale makes them a client.",
    "That date is still to come: since when are they a client?",
    "How is it working with this client? Say so with /rate.",
    "Type the name of the client they referred.",
    "Who did they refer? Type the new client's name too.",
    "Year of birth? Only if they're happy to share it.",
    "Your business leans on them: {share} of revenue.",
    "but the figures say they barely pay off.",
    "clients like them bring {amount} profit a year (team {median})",
    "the team likes working with them",
    "the team rates them {rating} of 5",
    "the team rates them {rating} of 5 (team {median})",
    "they brought you {client}, an ideal client who may hear of it",
    "they lose you {amount} a year",
    "they still owe you {amount}",
    "yet the figures say they pay off well.",
    "{client}, an ideal client, sent them to you",
    "{share} of your revenue goes with them",
    "• {client}: {share} of revenue, gone if they leave",
    "you chose to keep them for now",
    "their grade is still above the middle",
    "They bring about {amount} a year less than a typical client.",
)


def _dutch() -> dict[str, str]:
    with (ROOT / "locales" / "nl" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return {m.id: m.string for m in read_po(po, locale="nl") if isinstance(m.id, str)}


@pytest.mark.parametrize("msgid", ONE_CLIENT, ids=lambda m: m[:50])
def test_one_client_is_never_they_in_dutch(msgid: str) -> None:
    dutch = _dutch()
    assert msgid in dutch, "the message is gone from the catalog: update this list"
    assert not PLURAL_PRONOUN.search(dutch[msgid]), dutch[msgid]


@pytest.mark.parametrize(
    "msgid",
    [
        "Sale recorded: <b>{amount}</b> from {client}, {date}.",
        "You recorded this sale less than 10 minutes ago: {amount} from {client}, {date}. "
        "Record it again?",
    ],
)
def test_a_sale_reads_amount_dash_client(msgid: str) -> None:
    assert "{amount} — {client}" in _dutch()[msgid].replace("<b>", "").replace("</b>", "")


def test_no_sale_is_of_an_amount_of_a_date() -> None:
    """ "De verkoop van € 250 van 3 december" reads as two owners; a date goes with "op"."""
    doubled = [text for text in _dutch().values() if "{amount} van {date}" in str(text)]
    assert doubled == []
