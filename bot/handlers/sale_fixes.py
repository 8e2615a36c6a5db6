"""/sales and the buttons on a recorded sale: mark it paid, correct a field, delete it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.handlers.sales import big_amount
from bot.kit import arguments
from bot.kit.client_dialog import ClientDialog
from bot.kit.commands import command
from bot.kit.dialogs import Conversation, Dialog, finish, goto, question
from bot.kit.sensitive import answer_with_money, require_money
from bot.kit.turn import Turn, button
from bot.reading import sale_grammar
from bot.render import payments as render_payments
from bot.render import refusals
from bot.render import sale_list as render
from bot.render.sale_doubts import (
    CONFIRM,
    CORRECT,
    COSTLY,
    NO,
    RECORD,
    doubt_question,
    old_question,
    too_old,
)
from bot.render.sales import marked_paid, paid_in_place, spoken_day
from locales import InputError
from locales.numbers import BARE_ASK
from storage import members, resolver, sales
from storage.models import stored_id
from storage.models.clients import SALE_NOTE_LENGTH
from storage.refusals import Refused

PAGE = 5


@button()
async def mark_sale_paid(turn: Turn) -> None:
    """The ✓ Already paid button under a new sale."""
    await require_money(turn)
    sale_id = turn.pressed.int_arg(0)
    row = await turn.run(sales.sale_in_team, team_id=turn.team_id, sale_id=sale_id)
    change = await turn.change(
        sales.update_sale,
        sale_id=sale_id,
        changes={"paid_on": row.sold_on},
    )
    turn.toast(marked_paid(turn.t))
    message = turn.update.callback_query.message if turn.update.callback_query else None
    said = getattr(message, "text_html", None) if message is not None else None
    # The sale as it was said, now paid, with an Undo of the payment: the sale's own Undo,
    # kept there, took the whole sale away on a double tap on ✓ (an attacker)
    turn.confirm(paid_in_place(turn.t, said), change.undo_id, edit=True)


class SalesDialog(ClientDialog):
    name = "sales"
    adds_unknown = False

    def which_client(self, turn: Turn) -> str:
        return render.whose_sales(turn.t)

    async def with_client(self, turn: Turn, convo: Conversation) -> None:
        await finish(turn, convo)
        await show_sales(turn, convo.data["client_id"], 0, edit=False)


@command
async def sales_list(turn: Turn) -> None:
    """/sales <client>: the client's sales, newest first, with buttons to correct or delete."""
    await SalesDialog().begin(turn, arguments.argument_text(turn) or None)


async def show_sales(turn: Turn, client_id: int, page: int, *, edit: bool) -> None:
    t, team = turn.t, turn.team
    client = await turn.run(resolver.client_in_team, team_id=team.id, client_id=client_id)
    rows, total = await turn.run(
        sales.sales_of, team_id=team.id, client_id=client_id, limit=PAGE, offset=page * PAGE
    )
    if total and not rows:  # a page past the end (sales deleted since, or a forged one): the last
        page = (total - 1) // PAGE
        rows, total = await turn.run(
            sales.sales_of,
            team_id=team.id,
            client_id=client_id,
            limit=PAGE,
            offset=page * PAGE,
        )
    if total == 0:
        text = render.no_sales(t, client.name)
        turn.edit(text) if edit else turn.reply(text)
        return
    recorders = None
    if not team.is_personal:  # who recorded each sale, in a team of several
        listed = await turn.run(members.members, team_id=team.id)
        recorders = {m.user_id: m.display_name for m in listed if m.display_name}
    shown = render.sales_page(
        t,
        team,
        client_id,
        client.name,
        rows,
        page,
        (total + PAGE - 1) // PAGE,
        PAGE,
        turn.today,
        recorders,
    )
    # A member of a team that keeps money for its admins: the dates and times, no amounts,
    # nothing to correct or delete (bot/kit/sensitive.py); an admin asking in the group, privately.
    await answer_with_money(
        turn,
        shown.text,
        buttons=shown.buttons,
        edit=edit,
        without_money=shown.text_without_money,
        buttons_without_money=shown.buttons_without_money,
    )


@button()
async def sales_page(turn: Turn) -> None:
    await show_sales(turn, turn.pressed.int_arg(0), max(0, turn.pressed.int_arg(1)), edit=True)


@button()
async def delete_sale_ask(turn: Turn) -> None:
    await require_money(turn)
    sale_id = turn.pressed.int_arg(0)
    row = await turn.run(sales.sale_in_team, team_id=turn.team_id, sale_id=sale_id)
    text, buttons = render.delete_question(turn.t, turn.team, row)
    turn.edit(text, buttons=buttons)


@button()
async def delete_sale(turn: Turn) -> None:
    await require_money(turn)
    t = turn.t
    row = await turn.run(sales.sale_in_team, team_id=turn.team_id, sale_id=turn.pressed.int_arg(0))
    change = await turn.change(
        sales.delete_sale,
        sale_id=stored_id(row),
    )
    turn.confirm(render.sale_deleted(t, turn.team, row), change.undo_id, edit=True)


FIELDS = ("amount", "cost", "minutes", "sold_on", "paid_on", "note")


class FixSaleDialog(Dialog):
    """Correct one field of one sale: which field → new value → saved with Undo."""

    name = "fix_sale"

    async def ask(self, turn: Turn, convo: Conversation) -> None:
        if convo.step == "field":
            text, options = render.fix_question(turn.t)
            question(turn, convo, text, options=options, edit=True)
            return
        if convo.step == CONFIRM and convo.data.get("doubt"):  # as a new sale's slip is asked
            text, options = doubt_question(turn.t, turn.team, convo.data, turn.today)
            question(turn, convo, text, options=options, per_row=1)
            return
        if convo.step == CONFIRM:  # as a new sale dated that far back is asked about
            day = dt.date.fromisoformat(convo.data["value"])
            text, options = old_question(turn.t, spoken_day(turn.t, day, turn.today))
            question(turn, convo, text, options=options, per_row=1)
            return
        question(turn, convo, render.fix_prompt(turn.t, convo.data["field"]))

    async def answer(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        t, team = turn.t, turn.team
        if convo.step == "field":
            if choice not in FIELDS:
                raise InputError(refusals.PICK_WHAT_TO_CORRECT)
            await goto(turn, convo, "value", field=choice)
            return
        if convo.step == CONFIRM and not text:
            if choice in (NO, CORRECT):  # the sale keeps its value; the right one may be typed
                await goto(turn, convo, "value", doubt=None)
                return
            if choice != RECORD:
                raise InputError(refusals.PICK_A_BUTTON)
            value = convo.data["value"]
            if convo.data["field"] == "sold_on":
                value = dt.date.fromisoformat(value)
            await self._save(turn, convo, value)
            return
        if not text:
            raise InputError(refusals.TYPE_THE_NEW_VALUE)
        field = convo.data["field"]
        parsers = {
            "amount": lambda: t.parse_money(text, team.currency, allow_zero=False),
            "cost": lambda: (
                0 if sale_grammar.says_no_cost(text) else t.parse_money(text, team.currency)
            ),
            "minutes": lambda: t.parse_duration(text, bare=BARE_ASK),  # "2": minutes or hours?
            "sold_on": lambda: t.parse_date(text, today=turn.today, past=True),
            "paid_on": lambda: t.parse_date(text, today=turn.today, past=True),
            "note": lambda: _what_was_done(text),
        }
        value = parsers[field]()
        if field in ("amount", "cost"):  # a slip is asked about, as on a new sale
            doubt = await _doubt(turn, convo.data["sale_id"], field, value)
            if doubt is not None:
                await goto(turn, convo, CONFIRM, value=value, **doubt)
                return
        if field == "paid_on":  # never paid before it was sold; the question stays open
            sale = await turn.run(
                sales.sale_in_team, team_id=turn.team_id, sale_id=convo.data["sale_id"]
            )
            if value < sale.sold_on:
                raise InputError(
                    refusals.PAID_BEFORE_SOLD,
                    sold=render_payments.medium_date(t, sale.sold_on),
                    paid=render_payments.medium_date(t, value),
                )
        if field == "sold_on" and too_old(value, turn.today):  # typed at the question: asked too
            await goto(turn, convo, CONFIRM, value=value.isoformat())
            return
        await self._save(turn, convo, value)

    async def _save(self, turn: Turn, convo: Conversation, value: object) -> None:
        field = convo.data["field"]
        await finish(turn, convo)
        sale = await turn.run(
            sales.sale_in_team, team_id=turn.team_id, sale_id=convo.data["sale_id"]
        )
        if getattr(sale, field) == value:  # "corrected" to what it was: said so, nothing to undo
            turn.reply(render.sale_unchanged(turn.t))
            return
        change = await turn.change(
            sales.update_sale, sale_id=convo.data["sale_id"], changes={field: value}
        )
        text = render.sale_corrected(turn.t, turn.team.currency, field, value, turn.today)
        turn.confirm(text, change.undo_id)


def _what_was_done(text: str) -> str:
    """What was done, as typed ("knippen en kleuren"); longer than a sale holds is refused, as
    the question stays open to type it shorter."""
    said = " ".join(text.split())
    if len(said) > SALE_NOTE_LENGTH:
        raise InputError(Refused.TOO_LONG, max=SALE_NOTE_LENGTH)
    return said


async def _doubt(turn: Turn, sale_id: int, field: str, value: int) -> dict[str, Any] | None:
    """Why a corrected amount or cost should be asked about: far above the client's usual
    sale, or a cost above the amount."""
    sale = await turn.run(sales.sale_in_team, team_id=turn.team_id, sale_id=sale_id)
    amount, cost = (value, sale.cost) if field == "amount" else (sale.amount, value)
    client = await turn.run(resolver.client_in_team, team_id=turn.team_id, client_id=sale.client_id)
    if field == "amount":
        big = await big_amount(turn, {"client_id": sale.client_id, "amount": value})
        if big is not None:
            return {**big, "amount": amount, "client": client.name}
    if (cost or 0) > amount:
        return {"doubt": COSTLY, "amount": amount, "cost": cost}
    return None


@button()
async def fix_sale(turn: Turn) -> None:
    await require_money(turn)
    sale_id = turn.pressed.int_arg(0)
    await turn.run(sales.sale_in_team, team_id=turn.team_id, sale_id=sale_id)
    convo = Conversation(FixSaleDialog.name, "", turn.team_id, {"sale_id": sale_id})
    await goto(turn, convo, "field")
