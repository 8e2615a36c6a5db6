"""/paid: a client paid — all they owe, one sale, or part of it, today or on the day said."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from bot.handlers.record_again import answer_record_again
from bot.kit import arguments
from bot.kit.callbacks import id_from
from bot.kit.client_dialog import ClientDialog
from bot.kit.commands import command
from bot.kit.dialogs import Conversation, finish, goto, question
from bot.kit.sensitive import require_money
from bot.kit.turn import Turn
from bot.reading import grammar
from bot.render import payments as render
from bot.render import refusals
from bot.render.refusals import MORE_THAN_OWED, PAID_BEFORE_SALE
from bot.render.sale_doubts import (
    AGAIN_WITHIN,
    CONFIRM,
    again_options,
)
from bot.render.sales import payment_text
from locales import InputError
from storage import clients, payments, resolver, sales, teams
from storage import dialogs as dialog_store

ALL, PART, OLDEST = "all", "part", "oldest"


class PaidDialog(ClientDialog):
    """client → an amount said: the sale it settles, all, or the sale it is part of; none
    said: one open sale is paid at once, of several which one, all, or part of it → Undo."""

    name = "paid"
    adds_unknown = False

    def which_client(self, turn: Turn) -> str:
        return render.who_paid(turn.t)

    async def narrowed(
        self, turn: Turn, convo: Conversation, query: str, matches: tuple[resolver.Match, ...]
    ) -> tuple[resolver.Match, ...]:
        """Of several look-alikes, only those with something open: `/paid Петрова` offered a
        Петрова who owed nothing (found by the Russian second reader)."""
        owing = []
        for match in matches:
            if await turn.run(payments.open_sales, team_id=turn.team_id, client_id=match.id):
                owing.append(match)
        if not owing:
            await finish(turn, convo)
            raise InputError(refusals.NOBODY_OWES, name=query)
        return tuple(owing)

    async def with_client(self, turn: Turn, convo: Conversation) -> None:
        await require_money(turn)  # a dialog begun before the team hid its money, too
        owed = await self._open(turn, convo)
        if convo.data.get("everything"):  # "/paid De Roos alles"
            await self._pay(turn, convo, None)
        elif "amount" in convo.data:
            if await self._paid_again(turn, convo):
                return
            await self._paid_amount(turn, convo, owed, convo.data["amount"])
        elif len(owed) == 1:
            await self._pay(turn, convo, [owed[0].id])
        else:
            await goto(turn, convo, "which")

    async def _paid_amount(
        self, turn: Turn, convo: Conversation, owed: list[payments.OpenSale], amount: int
    ) -> None:
        """`/paid Glans 500`: equal to all that is open pays all, equal to one sale's open part
        pays that sale, equal to the oldest sales together pays those; more than any one sale
        is paid oldest first; otherwise it is part of one: asked which when several could."""
        total = sum(s.open for s in owed)
        if amount > total:
            await finish(turn, convo)
            raise InputError(
                MORE_THAN_OWED,
                client=convo.data["client"],
                amount=render.exact_money(turn.t, turn.team, total),
            )
        exact = [s for s in owed if s.open == amount]
        oldest = oldest_first(owed, amount)
        if amount == total or exact:
            await self._pay(turn, convo, None if amount == total else [exact[0].id])
        elif sum(s.open for s in oldest) == amount:  # "/paid Котова 5 800": 2 800 + 3 000
            await self._pay(turn, convo, [s.id for s in oldest])
        elif len(owed) == 1 or all(s.open < amount for s in owed):
            await self._pay_part(turn, convo, amount, None)
        elif not _payable(turn, convo, owed, amount):  # "… 2000 gisteren": none sold by then
            await self._pay_part(turn, convo, amount, None)  # refused at once, with the reason
        else:
            await goto(turn, convo, "towards")

    async def _paid_again(self, turn: Turn, convo: Conversation) -> bool:
        """The same payment (client, amount) recorded within minutes: asked before another
        open sale is paid with it (README: Money). True when the question was asked."""
        if convo.data.get("again_ok"):
            return False
        by = await turn.run(
            payments.paid_lately,
            team_id=turn.team_id,
            client_id=convo.data["client_id"],
            user_id=turn.caller.user_id,
            amount=convo.data["amount"],
            since=turn.now - AGAIN_WITHIN,
            paid_on=_paid_on(turn, convo),
        )
        if by is None:
            return False
        name = None
        if by != turn.caller.user_id:
            member = await turn.run(teams.member_of, team_id=turn.team_id, user_id=by)
            name = member.display_name if member else "?"
        await goto(turn, convo, CONFIRM, paid_by=name)
        return True

    async def _open(self, turn: Turn, convo: Conversation) -> list[payments.OpenSale]:
        owed = await turn.run(
            payments.open_sales, team_id=turn.team_id, client_id=convo.data["client_id"]
        )
        if not owed:
            await finish(turn, convo)
            client_id = convo.data["client_id"]
            days = await turn.run(
                sales.client_payment_days, team_id=turn.team_id, client_id=client_id
            )
            # A client who pays on the spot owes nothing unless a sale says so: say how it does
            nothing = refusals.NOTHING_TO_PAY if days else refusals.NOTHING_TO_PAY_ON_THE_SPOT
            raise InputError(nothing, client=convo.data["client"])
        return owed

    async def ask_step(self, turn: Turn, convo: Conversation) -> None:
        t, team, client = turn.t, turn.team, convo.data["client"]
        if convo.step == CONFIRM:
            text = render.paid_again(
                t, team, client, convo.data["amount"], convo.data.get("paid_by")
            )
            question(
                turn,
                convo,
                text,
                options=again_options(t),
                per_row=1,
                cancel=False,
                edit=turn.update.callback_query is not None,
            )
            return
        owed = await self._open(turn, convo)
        if convo.step == "towards":
            amount = convo.data["amount"]
            text, options = render.towards_question(
                t,
                team,
                turn.today,
                client,
                amount,
                _payable(turn, convo, owed, amount),
                OLDEST if _oldest_payable(turn, convo, owed, amount) else None,
            )
            question(turn, convo, text, options=options, per_row=1)
        elif convo.step == "which":
            text, options = render.which_question(t, team, turn.today, client, owed, ALL, PART)
            edit = turn.update.callback_query is not None
            question(turn, convo, text, options=options, per_row=1, edit=edit)
        else:
            question(turn, convo, render.part_question(t, team, client, owed))

    async def answer_step(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        await require_money(turn)
        if convo.step == CONFIRM:
            await answer_record_again(turn, convo, choice, lambda: self.with_client(turn, convo))
            return
        if convo.step == "towards":
            if choice == OLDEST:
                await self._pay_part(turn, convo, convo.data["amount"], None)
            elif choice and choice.isdigit():
                await self._pay_part(turn, convo, convo.data["amount"], id_from(choice))
            else:
                raise InputError(refusals.PICK_A_BUTTON)
            return
        if convo.step == "which":
            if choice == ALL:
                await self._pay(turn, convo, None)
            elif choice == PART:
                await goto(turn, convo, "part")
            elif choice and choice.isdigit():
                await self._pay(turn, convo, [id_from(choice)])
            elif text and text.strip().casefold().rstrip(".!") in grammar.EVERYTHING_WORDS:
                await self._pay(turn, convo, None)  # "alles" typed instead of the button
            elif text:  # "250" typed instead of a button: as after the name in one line
                convo.data["amount"] = turn.t.parse_money(
                    text, turn.team.currency, allow_zero=False
                )
                owed = await self._open(turn, convo)
                await self._paid_amount(turn, convo, owed, convo.data["amount"])
            else:
                raise InputError(refusals.PICK_A_BUTTON)
            return
        if not text:
            raise InputError(refusals.TYPE_THE_AMOUNT)
        amount = turn.t.parse_money(text, turn.team.currency, allow_zero=False)
        owed = sum(s.open for s in await self._open(turn, convo))
        if amount > owed:
            raise InputError(
                MORE_THAN_OWED,
                client=convo.data["client"],
                amount=render.exact_money(turn.t, turn.team, owed),
            )
        await self._pay_part(turn, convo, amount, None)

    async def _pay_part(
        self, turn: Turn, convo: Conversation, amount: int, sale_id: int | None
    ) -> None:
        owed = await self._open(turn, convo)
        reached = [s for s in owed if s.id == sale_id] if sale_id else oldest_first(owed, amount)
        payment, paid_on = await self._record(
            turn, convo, reached, payments.pay_part, amount=amount, sale_id=sale_id
        )
        closed = [s for s in reached if s.open <= amount - _before(reached, s)]
        rest = [s for s in reached if s not in closed]  # of several open sales: say which
        partly = (rest[0], amount - _before(reached, rest[0])) if rest and len(owed) > 1 else None
        _confirm_payment(turn, convo, payment, paid_on, closed, part=True, partly=partly)

    async def _pay(self, turn: Turn, convo: Conversation, sale_ids: list[int] | None) -> None:
        owed = await self._open(turn, convo)
        closed = [s for s in owed if sale_ids is None or s.id in sale_ids]
        payment, paid_on = await self._record(
            turn, convo, closed, payments.mark_paid, sale_ids=sale_ids
        )
        _confirm_payment(turn, convo, payment, paid_on, closed)

    async def _record(
        self,
        turn: Turn,
        convo: Conversation,
        paying: list[payments.OpenSale],
        record: Callable[..., payments.Payment],
        **values: Any,
    ) -> tuple[payments.Payment, dt.date]:
        """The payment recorded (`record`: pay_part or mark_paid) and the day paid, ending the
        dialog; a payment before a sale it pays changes nothing."""
        await finish(turn, convo)
        paid_on = _paid_on(turn, convo)
        latest = max((s.sold_on for s in paying), default=paid_on)
        if paid_on < latest:  # the question ends too: the refusal says to send /paid again
            where = {"chat_id": turn.caller.chat_id, "user_id": turn.caller.user_id}
            turn.keep_if_refused(dialog_store.clear_dialog, **where)
            raise InputError(
                PAID_BEFORE_SALE,
                sold=render.medium_date(turn.t, latest),
                paid=render.medium_date(turn.t, paid_on),
            )
        payment = await turn.change(
            record, client_id=convo.data["client_id"], paid_on=paid_on, **values
        )
        return payment, paid_on


def _payable(
    turn: Turn, convo: Conversation, owed: list[payments.OpenSale], amount: int
) -> list[payments.OpenSale]:
    """The open sales a part payment of `amount` may be for: larger than it, and sold by the
    day it was paid (a sale of today is never offered for a payment of yesterday)."""
    paid_on = _paid_on(turn, convo)
    return [s for s in owed if s.open > amount and s.sold_on <= paid_on]


def _oldest_payable(
    turn: Turn, convo: Conversation, owed: list[payments.OpenSale], amount: int
) -> bool:
    """Whether paying oldest first reaches only sales sold by the day it was paid."""
    paid_on = _paid_on(turn, convo)
    return all(s.sold_on <= paid_on for s in oldest_first(owed, amount))


def oldest_first(owed: list[payments.OpenSale], amount: int) -> list[payments.OpenSale]:
    """The open sales a payment of `amount` reaches, oldest first (README: Typing commands)."""
    return [s for s in owed if _before(owed, s) < amount]


def _before(owed: list[payments.OpenSale], sale: payments.OpenSale) -> int:
    """What is open on the sales older than `sale` (owed is oldest first)."""
    return sum(s.open for s in owed[: owed.index(sale)])


def _confirm_payment(
    turn: Turn,
    convo: Conversation,
    payment: payments.Payment,
    paid_on: dt.date,
    closed: list[payments.OpenSale],
    *,
    part: bool = False,
    partly: tuple[payments.OpenSale, int] | None = None,
) -> None:
    text = payment_text(
        turn.t,
        turn.team,
        convo.data["client"],
        payment,
        part=part,
        paid_on=paid_on,
        today=turn.today,
        closed=closed,
        partly=partly,
    )
    turn.confirm(text, payment.change.undo_id, edit=turn.update.callback_query is not None)


def _paid_on(turn: Turn, convo: Conversation) -> dt.date:
    said = convo.data.get("paid_on")
    return dt.date.fromisoformat(said) if said else turn.today


@command
async def paid(turn: Turn) -> None:
    """/paid <client> [amount] [date] (README: Typing commands): what is open is paid, today
    or on the day said; of several open sales, the one, all or part of it."""
    await require_money(turn)
    text = arguments.argument_text(turn)
    if not text:
        await PaidDialog().begin(turn, None)
        return
    line = grammar.read_paid(grammar.reader(turn), text)
    team_id = turn.team_id
    if line.lead_in and await turn.run(
        clients.client_by_key, team_id=team_id, name=f"{line.lead_in} {line.name}"
    ):
        line = replace(line, name=f"{line.lead_in} {line.name}")  # «У Ашота»: a client's name
    if line.longer is not None and await turn.run(  # "/paid Kapsalon 1": the 1 is the name's
        clients.client_by_key, team_id=turn.team_id, name=line.longer.name
    ):
        line = line.longer
    await PaidDialog().begin(turn, line.name, **line.data())
