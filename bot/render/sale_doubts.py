"""The question asked before recording a sale that looks like a slip: an amount far above the
usual sale, a cost above the amount, a date more than a year back, or the same sale recorded
again within minutes (issues 17 and 18). The last one, "record it again?", is asked of a
complaint too (bot/handlers/events.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.render.sales import spoken_day
from locales import N_, Markup, Translator
from storage.callers import TeamView

BIG, COSTLY, OLD, AGAIN = "big", "costly", "old", "again"  # why the sale is asked about
RECORD, CORRECT, NO = "record", "correct", "no"  # the answers
CONFIRM = "confirm"  # the dialog step that asks before recording
AGAIN_WITHIN = dt.timedelta(minutes=10)  # the same thing by the same person: asked first
OLD_AFTER = dt.timedelta(days=365)  # a sale dated earlier is asked about («01.01.2020»)
STAYS_ONCE = N_("Fine: it stays recorded once.")


def stays_once(t: Translator) -> Markup:
    """The answer to "No" after "record it again?"."""
    return t._(STAYS_ONCE)


def nothing_recorded(t: Translator) -> Markup:
    """The answer to "No" after "dated more than a year ago: record it?"."""
    return t._("Nothing recorded. Send the sale again with the right date.")


def too_old(sold_on: dt.date, today: dt.date) -> bool:
    """Whether a sale on `sold_on` is dated so far back that it is asked about first."""
    return sold_on < today - OLD_AFTER


def old_question(t: Translator, day: str) -> tuple[str, list[tuple[str, str]]]:
    """ "Dated more than a year ago: record it?", for a new sale and a sale's corrected date."""
    text = t._("This sale is dated {date}, more than a year ago. Record it?", date=day)
    return text, [(t._("Yes, record it"), RECORD), (t._("No"), NO)]


def again_options(t: Translator) -> list[tuple[str, str]]:
    """The answers to "record it again?"."""
    return [(t._("Yes, record it again"), RECORD), (t._("No"), NO)]


def doubt_question(
    t: Translator, team: TeamView, data: dict[str, Any], today: dt.date
) -> tuple[str, list[tuple[str, str]]]:
    """The question and its (label, answer) buttons for the doubt in `data`."""
    amount = t.money(data["amount"], team.currency)
    if data["doubt"] == BIG and data.get("usual") is None:
        # A member of a team that keeps money for its admins: no median, no client's figure.
        text = t._("{amount} is far more than a usual sale here. Record it?", amount=amount)
        return text, [
            (t._("Yes, record {amount}", amount=amount), RECORD),
            (t._("Correct the amount"), CORRECT),
        ]
    if data["doubt"] == BIG:
        return _big_question(t, amount, data, usual=t.money(data["usual"], team.currency)), [
            (t._("Yes, record {amount}", amount=amount), RECORD),
            (t._("Correct the amount"), CORRECT),
        ]
    if data["doubt"] == COSTLY:
        text = t._(
            "Costs {cost} are more than the amount {amount}. Record it like this?",
            cost=t.money(data["cost"], team.currency),
            amount=amount,
        )
        return text, [(t._("Yes, record it"), RECORD), (t._("Correct the cost"), CORRECT)]
    sold_on = dt.date.fromisoformat(data["sold_on"]) if data.get("sold_on") else today
    day = spoken_day(t, sold_on, today)
    if data["doubt"] == OLD:  # the Russian reader's «01.01.2020», taken without a question
        return old_question(t, day)
    if data.get("by"):  # a teammate booked the same sale: both may be about one payment
        text = t._(
            "{name} recorded this sale less than 10 minutes ago: {amount} from {client}, "
            "{date}. Record it again?",
            name=data["by"],
            amount=amount,
            client=data["client"],
            date=day,
        )
        return text, again_options(t)
    text = t._(
        "You recorded this sale less than 10 minutes ago: {amount} from {client}, {date}. "
        "Record it again?",
        amount=amount,
        client=data["client"],
        date=day,
    )
    return text, again_options(t)


def _big_question(t: Translator, amount: str, data: dict[str, Any], *, usual: str) -> str:
    """How many times the usual sale the amount is: exactly (a zero typed too many, 4 500 for
    450), else at least, rounded down."""
    times = _times_rounded_down(data["amount"], data["usual"])
    client = data["client"] if data["usual_of_client"] else None
    if data["amount"] == times * data["usual"] and client:
        return t.n_(
            "{amount} is {n} time what {client} usually pays ({usual}). Record it?",
            "{amount} is {n} times what {client} usually pays ({usual}). Record it?",
            times,
            amount=amount,
            client=client,
            usual=usual,
        )
    if data["amount"] == times * data["usual"]:
        return t.n_(
            "{amount} is {n} time a usual sale ({usual}). Record it?",
            "{amount} is {n} times a usual sale ({usual}). Record it?",
            times,
            amount=amount,
            usual=usual,
        )
    if client:
        return t.n_(
            "{amount} is at least {n} time what {client} usually pays ({usual}). Record it?",
            "{amount} is at least {n} times what {client} usually pays ({usual}). Record it?",
            times,
            amount=amount,
            client=client,
            usual=usual,
        )
    return t.n_(
        "{amount} is at least {n} time a usual sale ({usual}). Record it?",
        "{amount} is at least {n} times a usual sale ({usual}). Record it?",
        times,
        amount=amount,
        usual=usual,
    )


def _times_rounded_down(amount: int, usual: int) -> int:
    """How many times the usual sale the amount is, rounded down to two significant digits
    (1 234 times: 1 200), so "at least" is always true."""
    times = amount // max(usual, 1)
    step = 10 ** max(len(str(times)) - 2, 0)
    return times // step * step
