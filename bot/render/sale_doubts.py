"""The question asked before recording a sale that looks like a slip: an amount far above the
usual sale, or the same sale recorded again within minutes (issues 17 and 18)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from locales import Translator
from storage.callers import TeamView
from storage.models import Team

BIG, AGAIN = "big", "again"  # why the sale is asked about
RECORD, CORRECT, NO = "record", "correct", "no"  # the answers


def doubt_question(
    t: Translator, team: Team | TeamView, data: dict[str, Any], today: dt.date
) -> tuple[str, list[tuple[str, str]]]:
    """The question and its (label, answer) buttons for the doubt in `data`."""
    amount = t.money(data["amount"], team.currency)
    if data["doubt"] == BIG:
        usual = t.money(data["usual"], team.currency)
        if data["usual_of_client"]:
            text = t._(
                "{amount} is more than 100 times what {client} usually pays ({usual}). Record it?",
                amount=amount,
                client=data["client"],
                usual=usual,
            )
        else:
            text = t._(
                "{amount} is more than 100 times a usual sale ({usual}). Record it?",
                amount=amount,
                usual=usual,
            )
        return text, [
            (t._("Yes, record {amount}", amount=amount), RECORD),
            (t._("Correct the amount"), CORRECT),
        ]
    sold_on = dt.date.fromisoformat(data["sold_on"]) if data.get("sold_on") else today
    text = t._(
        "You recorded this sale less than 10 minutes ago: {amount} from {client}, {date}. "
        "Record it again?",
        amount=amount,
        client=data["client"],
        date=t.date(sold_on),
    )
    return text, [(t._("Yes, record it again"), RECORD), (t._("No"), NO)]
