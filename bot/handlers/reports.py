"""/client, /clients and /risk: asking Kompas what it thinks, on a phone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.kit import arguments, dialogs
from bot.kit.client_dialog import ClientDialog
from bot.kit.commands import command
from bot.kit.dialogs import Conversation, finish
from bot.kit.sensitive import (
    answer_with_money,
    money_shown,
    money_shown_to_caller,
    sorts_for,
)
from bot.kit.texts import Refusal
from bot.kit.turn import Turn, button
from bot.render import refusals
from bot.render import reports as render
from bot.render.card import card_text, card_view
from bot.render.card_details import details_text
from bot.render.lists import SORTS, Row, active_rows
from locales import InputError
from locales.vocabulary import CLIENT_LISTS
from storage import clients, resolver, snapshots
from storage.analysis import iso_week
from storage.models import ClientStatus

FILTERS = {"a": ClientStatus.ACTIVE, "p": ClientStatus.PROSPECT, "d": ClientStatus.DECLINED}


class CardDialog(ClientDialog):
    """/client <name>: find the client, then show the card."""

    name = "card"
    adds_unknown = False

    def which_client(self, turn: Turn) -> str:
        return render.whose_card(turn.t)

    async def with_client(self, turn: Turn, convo: Conversation) -> None:
        await finish(turn, convo)
        await show_card(turn, convo.data["client_id"], edit=False)


@command
async def client(turn: Turn) -> None:
    """/client <name>: grade, verdict, reasons and what lifts it a grade."""
    await CardDialog().begin(turn, arguments.argument_text(turn) or None)


async def show_card(turn: Turn, client_id: int, *, edit: bool) -> None:
    t, team = turn.t, turn.team
    record = await turn.run(resolver.client_in_team, team_id=team.id, client_id=client_id)
    analysed = await turn.analysis()
    table = analysed.analysis.clients
    buttons = render.card_buttons(t, team.id, client_id, record.status)
    if record.status != ClientStatus.ACTIVE or client_id not in table.index:
        text = render.status_text(t, record.name, record.status)  # no figures to keep back
        turn.edit(text, buttons=buttons) if edit else turn.reply(text, buttons=buttons)
        return
    previous = await turn.run(
        snapshots.previous_grade,
        team_id=team.id,
        client_id=client_id,
        before_week=iso_week(turn.today),
    )
    view = card_view(analysed.analysis, client_id, previous)
    text = card_text(t, team, view)
    # A member of a team that keeps money for its admins sees the card without the money.
    plain = None if money_shown(turn) else card_text(t, team, view, with_money=False)
    await answer_with_money(turn, text, buttons=buttons, edit=edit, without_money=plain)


@button()
async def card_again(turn: Turn) -> None:
    await show_card(turn, turn.pressed.int_arg(0), edit=True)


@button()
async def details(turn: Turn) -> None:
    """Everything behind the card, in the same message; Back returns to the card."""
    client_id = turn.pressed.int_arg(0)
    record = await turn.run(resolver.client_in_team, team_id=turn.team_id, client_id=client_id)
    analysed = await turn.analysis()
    if client_id not in analysed.analysis.clients.index:
        raise InputError(Refusal.STALE)
    text = details_text(turn.t, turn.team, analysed.analysis, record)
    plain = None
    if not money_shown(turn):  # a member still reads the purchases, payments and traits
        plain = details_text(turn.t, turn.team, analysed.analysis, record, with_money=False)
    back = render.back_to_card(turn.t, turn.team_id, client_id)
    await answer_with_money(turn, text, buttons=back, edit=True, without_money=plain)


@button()
async def act_on_client(turn: Turn) -> None:
    """A card's action buttons start the matching dialog with the client already chosen."""
    name = turn.pressed.args[0] if turn.pressed.args else ""
    dialog = dialogs.registered(turn, name)
    if not isinstance(dialog, ClientDialog):
        raise InputError(Refusal.STALE)
    await dialog.begin_with(turn, turn.pressed.int_arg(1))


# /clients -----------------------------------------------------------------------------------


@command
async def clients_list(turn: Turn) -> None:
    """/clients [prospects|declined]: ten per page, sortable."""
    word = turn.args[0].lower() if turn.args else ""
    which = {"prospect": "p", "declined": "d", "all": "a"}.get(CLIENT_LISTS.get(word, ""))
    if word and which is None:
        raise InputError(refusals.CLIENTS_USAGE)
    await show_list(turn, which or "a", "grade", 0, edit=False)


async def show_list(turn: Turn, which: str, sort: str, page: int, *, edit: bool) -> None:
    team = turn.team
    with_money = await money_shown_to_caller(turn)
    sorts = sorts_for(SORTS, with_money)
    if sort not in sorts:  # an order by money (an old or forged button) tells the figures
        raise InputError(Refusal.FOR_ADMINS)
    if which == "a":
        analysed = await turn.analysis()
        rows = active_rows(analysed.analysis.clients, sort)
    else:
        found = await turn.run(clients.clients_with_status, team_id=team.id, status=FILTERS[which])
        zone = ZoneInfo(team.timezone)
        rows = [
            _plain_row(client_id, name, changed.astimezone(zone).date() if changed else None)
            for client_id, name, changed in found
        ]
    text, buttons = render.list_page(
        turn.t, team, rows, which, sort, sorts, page, with_money=with_money
    )
    turn.edit(text, buttons=buttons) if edit else turn.reply(text, buttons=buttons)


def _plain_row(client_id: int, name: str, since: dt.date | None) -> Row:
    """A prospect or a declined client: no grade, the day they got that status (team's date)."""
    return Row(client_id, name, None, None, None, None, status_since=since)


@button()
async def list_page(turn: Turn) -> None:
    args = turn.pressed.args
    if len(args) < 3 or args[0] not in FILTERS or args[1] not in SORTS:
        raise InputError(Refusal.STALE)
    await show_list(turn, args[0], args[1], turn.pressed.int_arg(2), edit=True)


# /risk ---------------------------------------------------------------------------------------


@command
async def risk(turn: Turn) -> None:
    """/risk: concentration, time-eaters, big spenders who owe money."""
    await show_risk(turn)


async def show_risk(turn: Turn, page: int = 0, *, edit: bool = False) -> None:
    analysed = await turn.analysis()
    text, buttons = render.risk_page(turn.t, turn.team, analysed.analysis, page)
    await answer_with_money(turn, text, buttons=buttons, edit=edit)


@button()
async def risk_page(turn: Turn) -> None:
    """‹ › under /risk: its other pages, in the same message."""
    await show_risk(turn, turn.pressed.int_arg(0), edit=True)
