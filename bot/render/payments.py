"""/paid in words: which client, which sale a payment is for, and "record it again?"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.render.buttons import Options
from bot.render.sales import open_sale_label
from locales import Markup, Translator
from storage.callers import TeamView
from storage.payments import OpenSale


def who_paid(t: Translator) -> Markup:
    return t._("Who paid? Type (part of) the name.")


def exact_money(t: Translator, team: TeamView, amount: int) -> str:
    """An amount to the cent, as a refusal quotes it."""
    return t.money(amount, team.currency)


def medium_date(t: Translator, day: dt.date) -> str:
    return t.date(day, style="medium")


def paid_again(
    t: Translator, team: TeamView, client: str, amount: int, paid_by: str | None
) -> Markup:
    """The same payment recorded within minutes, by the asker or (`paid_by`) someone else."""
    money = t.money(amount, team.currency)
    if paid_by:
        return t._(
            "{name} recorded a payment of {amount} from {client} less than 10 minutes "
            "ago. Record it again?",
            name=paid_by,
            amount=money,
            client=client,
        )
    return t._(
        "You recorded a payment of {amount} from {client} less than 10 minutes ago. "
        "Record it again?",
        amount=money,
        client=client,
    )


def towards_question(
    t: Translator,
    team: TeamView,
    today: dt.date,
    client: str,
    amount: int,
    payable: Sequence[OpenSale],
    oldest: str | None,
) -> tuple[Markup, Options]:
    """A part payment: each open sale it may be for, and (`oldest`: its answer) oldest first."""
    options = [(open_sale_label(t, team, s, today), str(s.id)) for s in payable]
    if oldest is not None:
        options.append((t._("The oldest first"), oldest))
    text = t._(
        "Which sale is the {amount} from {client} for?",
        amount=t.money(amount, team.currency),
        client=client,
    )
    return text, options


def which_question(
    t: Translator,
    team: TeamView,
    today: dt.date,
    client: str,
    owed: Sequence[OpenSale],
    everything: str,
    part: str,
) -> tuple[Markup, Options]:
    """Several open sales: one of them, all, or part of it."""
    total = t.money(sum(s.open for s in owed), team.currency)
    options = [(open_sale_label(t, team, s, today), str(s.id)) for s in owed]
    options += [(t._("All: {amount}", amount=total), everything), (t._("Part of it"), part)]
    text = t._("What did {client} pay? Open: {amount}.", client=client, amount=total)
    return text, options


def part_question(t: Translator, team: TeamView, client: str, owed: Sequence[OpenSale]) -> Markup:
    total = t.money(sum(s.open for s in owed), team.currency)
    return t._(
        "How much did {client} pay? {amount} is open; the rest stays open.",
        client=client,
        amount=total,
    )
