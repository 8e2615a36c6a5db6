"""/decline: the clients to consider letting go; an admin decides per client, confirm first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from bot.kit import arguments
from bot.kit.commands import command
from bot.kit.sensitive import answer_with_money
from bot.kit.turn import Turn, button
from bot.render import refusals
from bot.render.data_warnings import warning
from bot.render.decline import (
    candidate_buttons,
    candidate_text,
    decline_question,
    declined,
    kept,
    nearest_text,
    not_a_candidate,
    taken_back,
)
from bot.render.decline_letter import letter_to_send
from bot.render.refusals import ALREADY_ACTIVE, ALREADY_DECLINED, DECLINED_MEANWHILE
from locales import InputError, Markup, Translator, translator
from storage import clients, payments, resolver
from storage.models import Client, ClientStatus, Role, stored_id

NOTICE = dt.timedelta(days=30)  # the polite letter names a date a month ahead


@command
async def decline(turn: Turn) -> None:
    """/decline [client]: one candidate at a time, with reasons, risks and buttons to decide."""
    query = arguments.argument_text(turn)
    if not query:
        await show_candidate(turn, 0, edit=False)
        return
    found = await turn.run(resolver.resolve_client, team_id=turn.team_id, query=query)
    if found.one is None:
        if len(found.matches) == 1:  # only looks like the name typed
            raise InputError(refusals.ONLY_LOOKS_LIKE, client=found.matches[0].name)
        if found.matches:
            raise InputError(refusals.SEVERAL_MATCH, name=query)
        raise InputError(refusals.CLIENT_NOT_FOUND, name=query)
    analysis = (await turn.analysis()).analysis
    candidates = analysis.decline_candidates
    index = next((i for i, c in enumerate(candidates) if c.client_id == found.one.id), None)
    if index is None:
        why = not_a_candidate(turn.t, turn.team, analysis, found.one.id, found.one.name)
        if why is None:  # not scored: a prospect, a declined or archived client
            raise InputError(refusals.NOT_A_DECLINE_CANDIDATE, client=found.one.name)
        await answer_with_money(turn, why, edit=False)
        return
    await show_candidate(turn, index, edit=False)


async def show_candidate(turn: Turn, index: int, *, edit: bool) -> None:
    t, team = turn.t, turn.team
    analysis = (await turn.analysis()).analysis
    candidates = analysis.decline_candidates
    if not candidates:
        no_revenue = next((w for w in analysis.warnings if w.code == "no_revenue"), None)
        text = (
            warning(t, team.currency, no_revenue) if no_revenue is not None else None
        ) or nearest_text(t, team, analysis)
        await answer_with_money(turn, text, edit=edit)
        return
    index %= len(candidates)
    candidate = candidates[index]
    names = analysis.names
    row = analysis.clients.loc[candidate.client_id]
    text = candidate_text(
        t,
        team,
        candidate,
        row,
        names,
        index + 1,
        len(candidates),
        analysis.references,
        decides=await turn.holds(Role.ADMIN),
    )
    buttons = candidate_buttons(t, team.id, candidate.client_id, index, len(candidates))
    await answer_with_money(turn, text, buttons=buttons, edit=edit)


@button()
async def candidate_page(turn: Turn) -> None:
    await show_candidate(turn, turn.pressed.int_arg(0), edit=True)


async def _pressed_client(turn: Turn) -> Client:
    """The client a decision button names, if it is still this team's; locked until the
    update commits, so two admins deciding at once decide one after the other."""
    return await turn.run(
        resolver.client_in_team,
        team_id=turn.team_id,
        client_id=turn.pressed.int_arg(0),
        lock=True,
    )


def _refuse_if(client: Client, status: ClientStatus, message: str) -> None:
    if client.status == status:
        raise InputError(message, client=client.name)


async def _move_pressed_client(
    turn: Turn,
    status: ClientStatus,
    already: str,
    confirmation: Callable[[Translator, str], Markup],
) -> Client:
    """The pressed client moved to `status` (refused with `already` if there) and the move
    confirmed with Undo."""
    client = await _pressed_client(turn)
    _refuse_if(client, status, already)
    change = await turn.change(clients.set_status, client_id=stored_id(client), status=status)
    turn.confirm(confirmation(turn.t, client.name), change.undo_id, edit=True)
    return client


@button(role=Role.ADMIN)
async def decline_ask(turn: Turn) -> None:
    """Confirmation first: declining is a real decision."""
    client = await _pressed_client(turn)
    _refuse_if(client, ClientStatus.DECLINED, ALREADY_DECLINED)
    open_sales = await turn.run(
        payments.open_sales, team_id=turn.team_id, client_id=stored_id(client)
    )
    text, buttons = decline_question(
        turn.t,
        turn.team_id,
        stored_id(client),
        client.name,
        owed=sum(sale.open for sale in open_sales),
        currency=turn.team.currency,
    )
    turn.edit(text, buttons=buttons)


@button(role=Role.ADMIN)
async def decline_confirmed(turn: Turn) -> None:
    client = await _move_pressed_client(turn, ClientStatus.DECLINED, ALREADY_DECLINED, declined)
    # The letter goes to the client, so it is in the team's language, not the reader's.
    team_t = translator(turn.team.locale, solo=turn.team.is_personal)
    turn.reply(letter_to_send(turn.t, team_t, client, turn.today + NOTICE, turn.team.title))


@button(role=Role.ADMIN)
async def keep(turn: Turn) -> None:
    """Keep a proposed client (not proposed again for a while)."""
    client = await _pressed_client(turn)
    _refuse_if(client, ClientStatus.DECLINED, DECLINED_MEANWHILE)
    change = await turn.change(
        clients.keep_client,
        client_id=stored_id(client),
        today=turn.today,
    )
    turn.confirm(kept(turn.t, client.name), change.undo_id, edit=True)


@button(role=Role.ADMIN)
async def take_back(turn: Turn) -> None:
    """A declined client becomes a client again."""
    await _move_pressed_client(turn, ClientStatus.ACTIVE, ALREADY_ACTIVE, taken_back)
