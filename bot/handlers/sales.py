"""/sale: recording money as it comes in (/sales and corrections: bot/handlers/sale_fixes.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bot.handlers import sale_line
from bot.handlers.settings import may_change_settings
from bot.kit import arguments
from bot.kit.client_dialog import ClientDialog
from bot.kit.commands import command
from bot.kit.dialogs import SKIP, Conversation, finish, goto, new, question
from bot.kit.sensitive import money_shown_to_caller, money_work_allowed
from bot.kit.turn import Turn
from bot.reading import grammar, sale_grammar
from bot.render import refusals
from bot.render import sales as render
from bot.render.changes import grade_news
from bot.render.sale_doubts import (
    AGAIN,
    AGAIN_WITHIN,
    BIG,
    CONFIRM,
    CORRECT,
    COSTLY,
    NO,
    OLD,
    RECORD,
    doubt_question,
    nothing_recorded,
    stays_once,
    too_old,
)
from bot.render.sales import sale_recorded
from locales import InputError
from locales.numbers import (
    BARE_ASK,
    MAX_MINUTES,
    DurationUnitMissing,
    starts_spoken_duration,
    time_too_long,
)
from storage import sales, team_settings, teams, undo
from storage.sales import SaleInput

PAGE = 5
MINUTES, HOURS = "min", "h"  # the answers to "2 — minutes or hours?"
READING, AMOUNTS = "reading", "amounts"  # "Studio 54 100" and "500 200": asked with buttons


class SaleDialog(ClientDialog):
    """client → amount → cost (skippable) → time (skippable) → recorded."""

    name = "sale"

    def which_client(self, turn: Turn) -> str:
        return render.which_client_bought(turn.t)

    async def with_client(self, turn: Turn, convo: Conversation) -> None:
        if "choices" in convo.data:  # "/sale Smit 500 200": 500 200, or 500 and a cost of 200?
            await goto(turn, convo, AMOUNTS)
        elif "bare_time" in convo.data:  # "/sale Volkova, 1000, 0, 2": 2 minutes or 2 hours?
            await goto(turn, convo, "unit")
        elif "amount" in convo.data:  # a one-line /sale: everything is known
            await finish(turn, convo)
            await record(turn, convo.data)
        else:
            await goto(turn, convo, "amount", pay_days=await _payment_days(turn, convo.data))

    async def ask_step(self, turn: Turn, convo: Conversation) -> None:
        t, client = turn.t, convo.data.get("client", "")
        if convo.step == CONFIRM:
            text, options = doubt_question(t, turn.team, convo.data, turn.today)
            question(
                turn,
                convo,
                text,
                options=options,
                per_row=1,
                cancel=convo.data["doubt"] != AGAIN,
                edit=turn.update.callback_query is not None,
            )
        elif convo.step in (READING, AMOUNTS):
            text, options = self._readings(turn, convo)
            question(turn, convo, text, options=options, per_row=1)
        elif convo.step == "amount":
            # An invoice asks what was charged, not yet paid.
            # "/verkoop Jansen twaalf": the words after the name are said back, never dropped
            invoiced, unread = convo.data.get("pay_days"), convo.data.get("unread", "")
            question(turn, convo, render.amount_prompt(t, client, invoiced=invoiced, unread=unread))
        elif convo.step == "cost":
            question(turn, convo, render.cost_prompt(t), skip=True)
        elif convo.step == "unit":
            number = Decimal(convo.data["bare_time"])
            # 1,5 minutes is no one's meaning: then hours only
            minutes = int(number) if number == number.to_integral_value() else None
            hours = _whole_minutes(number * 60) if number * 60 < MAX_MINUTES else None
            text, options = render.unit_question(
                t, convo.data["bare_text"], [(minutes, MINUTES), (hours, HOURS)]
            )
            question(turn, convo, text, options=options)
        elif convo.step == "time":
            question(turn, convo, render.time_prompt(t), skip=True)

    async def answer_step(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        t, currency = turn.t, turn.team.currency
        if convo.step == CONFIRM:
            await self._confirmed(turn, convo, text=text, choice=choice)
        elif convo.step in (READING, AMOUNTS):
            key = "names" if convo.step == READING else "choices"
            if not (
                choice
                and choice.isascii()
                and choice.isdigit()
                and int(choice) < len(convo.data[key])
            ):
                raise InputError(refusals.PICK_A_BUTTON)
            convo.data.update(convo.data.pop(key)[int(choice)])
            if convo.step == READING:
                await self.find(turn, convo, convo.data.pop("name"))
            else:
                await self.with_client(turn, convo)
        elif convo.step == "amount":
            convo.data.pop("unread", None)  # said back once, not again if the amount is asked again
            if not text:
                raise InputError(refusals.TYPE_THE_AMOUNT)
            try:
                convo.data["amount"] = t.parse_money(text, currency, allow_zero=False)
            except InputError as error:
                if not await self._more_than_an_amount(turn, convo, text):
                    raise error from None
                return
            convo.data.pop("big_ok", None)
            doubt = await big_amount(turn, convo.data)
            if doubt:
                await goto(turn, convo, CONFIRM, **doubt)
            elif convo.data.get("ready"):  # the amount of a one-line /sale, corrected
                await finish(turn, convo)
                await record(turn, convo.data)
            else:
                await goto(turn, convo, "cost")
        elif convo.step == "cost":
            if choice == SKIP or not text:
                cost = None
            else:
                cost = 0 if sale_grammar.says_no_cost(text) else t.parse_money(text, currency)
            if convo.data.get("ready"):  # the cost of a one-line /sale, corrected
                convo.data.update(cost=cost, cost_ok=False)
                await finish(turn, convo)
                await record(turn, convo.data)
                return
            await goto(turn, convo, "time", cost=cost)
        elif convo.step == "unit":
            number = Decimal(convo.data["bare_time"])
            if choice in (MINUTES, HOURS):
                minutes = _whole_minutes(number * (60 if choice == HOURS else 1))
                if minutes >= MAX_MINUTES:
                    raise time_too_long(convo.data["bare_text"], t.locale)
            else:  # typed instead: "2u", "2 ч"; a bare number again is asked again
                typed = text or ""
                if not any(c.isdigit() for c in typed) and not starts_spoken_duration(typed):
                    typed = f"{convo.data['bare_text']} {typed}"  # "uren", "min": the unit alone
                minutes = t.parse_duration(typed, bare=BARE_ASK)
            for key in ("bare_time", "bare_text"):
                convo.data.pop(key)
            convo.data["minutes"] = minutes
            await finish(turn, convo)
            await record(turn, convo.data)
        elif convo.step == "time":
            try:
                minutes = (
                    None if choice == SKIP or not text else t.parse_duration(text, bare=BARE_ASK)
                )
            except DurationUnitMissing as bare:  # "2": asked once, with a button for each
                await goto(
                    turn, convo, "unit", bare_time=str(bare.number), bare_text=bare.params["text"]
                )
                return
            convo.data["minutes"] = minutes
            await finish(turn, convo)
            await record(turn, convo.data)

    async def _more_than_an_amount(self, turn: Turn, convo: Conversation, text: str) -> bool:
        """The amount step answered with more of the sale (`250 2u`, `€ 95, 20 kosten, 1
        uur`, `120 gisteren`): what it says is kept, and with a cost or a time the sale is
        recorded as a one-line /sale would be. False when the text doesn't read so."""
        try:
            line = sale_grammar.read_fields(grammar.reader(turn), text)
        except InputError:
            return False
        readings = line.readings
        if line.what:  # "85 knippen": what was done, kept with the sale
            convo.data["what"] = line.what
        if len(readings) > 1:  # "500 200": one amount, or the amount and the cost?
            convo.data["choices"] = [reading.data() for reading in readings]
        else:
            said = readings[0]
            if said.amount is None:
                return False
            convo.data.update(said.data())
            if said.cost is None and said.minutes is None and said.bare_time is None:
                doubt = await big_amount(turn, convo.data)  # "120 gisteren": cost still asked
                await goto(turn, convo, *((CONFIRM,) if doubt else ("cost",)), **(doubt or {}))
                return True
        await self.with_client(turn, convo)
        return True

    async def _confirmed(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        """The answer to a doubt: record after all, correct the amount, or record nothing."""
        data = convo.data
        fixed = {BIG: "amount", COSTLY: "cost"}.get(data["doubt"])  # what "Correct" asks again
        if fixed and text:  # the right amount (or cost) typed at once
            convo.step = fixed
            await self.answer_step(turn, convo, text=text, choice=None)
        elif choice == CORRECT and fixed:
            data.pop(fixed, None)
            await goto(turn, convo, fixed)
        elif choice == RECORD:
            data[_ACCEPTED.get(data["doubt"], "again_ok")] = True
            if data["doubt"] == BIG and not data.get("ready"):  # the dialog goes on: cost
                await goto(turn, convo, "cost")
                return
            await finish(turn, convo)
            await record(turn, data)
        elif choice == NO and data["doubt"] == AGAIN:
            await finish(turn, convo)
            turn.edit(stays_once(turn.t))
        elif choice == NO and data["doubt"] == OLD:
            await finish(turn, convo)
            turn.edit(nothing_recorded(turn.t))
        else:
            raise InputError(refusals.PICK_A_BUTTON)

    def _readings(self, turn: Turn, convo: Conversation) -> tuple[str, list[tuple[str, str]]]:
        """The question and buttons for a line that reads two ways."""
        t, currency = turn.t, turn.team.currency
        if convo.step == READING:
            return render.name_readings(t, currency, convo.data["names"])
        return render.amount_readings(t, currency, convo.data["choices"])


_ACCEPTED = {BIG: "big_ok", COSTLY: "cost_ok", OLD: "old_ok"}  # "record it": not asked again


async def big_amount(turn: Turn, data: dict[str, Any]) -> dict[str, Any] | None:
    """A doubt when the amount looks like a slip beside the usual sale (README: Money)."""
    if data.get("big_ok"):
        return None
    usual = await turn.run(sales.usual_sale, team_id=turn.team_id, client_id=data["client_id"])
    if usual is None or not usual.doubts(data["amount"]):
        return None
    if not await money_shown_to_caller(turn):  # money is the admins': the question says less
        return {"doubt": BIG, "usual": None, "usual_of_client": usual.of_client}
    return {"doubt": BIG, "usual": round(usual.median), "usual_of_client": usual.of_client}


async def _doubt(turn: Turn, data: dict[str, Any], sold_on: dt.date) -> dict[str, Any] | None:
    """Why this sale should be asked about before it is recorded, if at all."""
    big = await big_amount(turn, data)
    if big is not None:
        return big
    if (data.get("cost") or 0) > data["amount"] and not data.get("cost_ok"):  # 1 990, cost 2 000
        return {"doubt": COSTLY}
    if too_old(sold_on, turn.today) and not data.get("old_ok"):
        return {"doubt": OLD}
    if data.get("again_ok"):
        return None
    again = await turn.run(
        sales.recorded_lately,
        team_id=turn.team_id,
        client_id=data["client_id"],
        user_id=turn.caller.user_id,
        amount=data["amount"],
        sold_on=sold_on,
        since=turn.now - AGAIN_WITHIN,
    )
    if again is None:
        return None
    if again == turn.caller.user_id:
        return {"doubt": AGAIN}
    member = await turn.run(teams.member_of, team_id=turn.team_id, user_id=again)
    return {"doubt": AGAIN, "by": member.display_name if member else "?"}


def _whole_minutes(minutes: Decimal) -> int:
    return int(minutes.quantize(Decimal(1), rounding=ROUND_HALF_UP))


async def _payment_days(turn: Turn, data: dict[str, Any]) -> int:
    """0 when this client pays on the spot, else the days their invoice gives them."""
    return await turn.run(
        sales.client_payment_days, team_id=turn.team_id, client_id=data["client_id"]
    )


async def record(turn: Turn, data: dict[str, Any]) -> None:
    """Record the sale described by `data`: paid on the spot, or an invoice with a Paid button.
    A sale that looks like a slip (far above the usual amount, or the same sale again within
    minutes) is asked about first, and recorded once the answer says so."""
    days = data["pay_days"] if "pay_days" in data else await _payment_days(turn, data)
    if days and data.get("paid_now") and await money_work_allowed(turn):
        days = 0  # "/verkoop Jan Smit 200 contant": paid on the spot, not invoiced
    unpaid = data.get("paid_now") is False  # "op rekening", «в долг»: an open invoice
    if unpaid and not days:
        days = sales.INVOICE_DAYS  # a client who pays on the spot: the usual invoice term
    today = dt.date.fromisoformat(data["sold_on"]) if data.get("sold_on") else turn.today
    said_due = data.get("due_on")  # "betaalt vrijdag": that day, not the client's term
    due_on = dt.date.fromisoformat(said_due) if said_due else today + dt.timedelta(days=days)
    doubt = await _doubt(turn, data, today)
    if doubt is not None:
        convo = new(SaleDialog.name, turn, **{**data, "pay_days": days, "ready": True})
        await goto(turn, convo, CONFIRM, **doubt)
        return
    sale = SaleInput(
        amount=data["amount"],
        cost=data.get("cost"),
        minutes=data.get("minutes"),
        sold_on=today,
        due_on=due_on if days else None,
        paid_on=None if days else today,
        note=sales.kept_note(data.get("what") or data.get("unread")),  # «Смирнова стрижка 1500»
    )
    before = await turn.analysis()
    change = await turn.change(
        sales.record_sale,
        client_id=data["client_id"],
        sale=sale,
    )
    if data.get("created"):  # the line added the client: its Undo takes both back
        await turn.run(
            undo.undo_removes_new_client,
            team_id=turn.team_id,
            undo_id=change.undo_id,
            client_id=data["client_id"],
        )
    # The tip points to /settings: only for whom may change it there, and offered once to them.
    hour_cost_tip = sale.minutes is not None and turn.team.hour_cost is None
    if hour_cost_tip:
        hour_cost_tip = await may_change_settings(turn)
    if hour_cost_tip:
        hour_cost_tip = await turn.change(
            team_settings.offer_hour_cost,
        )
    text = sale_recorded(
        turn.t,
        turn.team,
        data["client"],
        sale,
        turn.today,
        new_client=bool(data.get("created")),
        unpaid_said=unpaid,
        typed_amount=data.get("typed_amount"),
        hour_cost_tip=hour_cost_tip,
        news=grade_news(
            turn.t,
            before.analysis,
            (await turn.analysis_with_changes()).analysis,
            data["client_id"],
            with_share=not turn.team.sensitive_to_admins,
        ),
    )
    paid = render.already_paid_row(turn.t, turn.team_id, change.entity_id)
    offer_paid = days and await money_work_allowed(turn)
    turn.confirm(text, change.undo_id, extra=[paid] if offer_paid else [])


@command
async def sale(turn: Turn) -> None:
    """/sale [client] [amount] [cost] [time] [date] (README: Typing commands), or a guided
    dialog for what is missing."""
    text = arguments.argument_text(turn)
    dialog = SaleDialog()
    if not text:
        await dialog.begin(turn, None)
        return
    line = sale_grammar.read_sale(grammar.reader(turn), text)
    if line.lead_in and await sale_line.client_named(turn, f"{line.lead_in} {line.name}"):
        line = replace(line, name=f"{line.lead_in} {line.name}")  # «У Ашота»: a client's name
    await sale_line.refuse_unless_a_client(turn, line)
    if await sale_line.names_a_client_whole(turn, line, text):  # "Café Vrijdag", "Studio 54"
        await dialog.begin(turn, text)
        return
    chosen = await sale_line.reading_of_name(turn, line, text)
    if chosen is None:  # "Studio 54 100": is 54 part of the name?
        readings = [line.longer, line] if line.longer else [line]
        names = [{"name": r.name, **sale_line.said(r)} for r in readings]
        await goto(turn, new(dialog.name, turn, names=names), READING)
        return
    name, unread = await sale_line.spelled_amount(turn, chosen)  # "Jansen twaalf"
    await dialog.begin(turn, name, **sale_line.said(chosen), **unread)
