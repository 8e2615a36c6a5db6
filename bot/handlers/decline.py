"""/decline: the clients to consider letting go; an admin decides per client, confirm first."""

from __future__ import annotations

import datetime as dt

from bot.kit import arguments
from bot.kit.callbacks import pack
from bot.kit.sensitive import answer_with_money
from bot.kit.turn import Turn, button, command
from bot.render.decline import candidate_text, decline_letter, nearest_text
from bot.render.explain import warning
from locales import N_, InputError, Markup, translator
from storage import clients, resolver
from storage.models import Client, ClientStatus, Role

NOTICE = dt.timedelta(days=30)  # the polite letter names a date a month ahead
# A decision button pressed after the client's status changed (another admin, a double tap,
# an older message) says what holds now and changes nothing.
ALREADY_DECLINED = N_("{client} is already declined; nothing changed.")
DECLINED_MEANWHILE = N_(
    "{client} was declined meanwhile, so nothing is kept. To keep them after all, "
    "tap “Take back” on their card."
)
ALREADY_ACTIVE = N_("{client} is already a client; nothing changed.")


@command()
async def decline(turn: Turn) -> None:
    """/decline [client]: one candidate at a time, with reasons, risks and buttons to decide."""
    query = arguments.argument_text(turn)
    if not query:
        await show_candidate(turn, 0, edit=False)
        return
    found = await turn.run(resolver.resolve_client, team_id=turn.team.id, query=query)
    if found.one is None:
        if len(found.matches) == 1:  # only looks like the name typed
            raise InputError(
                N_("Do you mean {client}? Type their name in full."), client=found.matches[0].name
            )
        if found.matches:
            raise InputError(
                N_("Several clients match “{name}”: type more of the name."), name=query
            )
        raise InputError(N_("I can't find “{name}” among your clients."), name=query)
    candidates = (await turn.analysis()).analysis.decline_candidates
    index = next((i for i, c in enumerate(candidates) if c.client_id == found.one.id), None)
    if index is None:
        raise InputError(
            N_("{client} isn't among the clients to consider letting go."), client=found.one.name
        )
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
    names = analysis.clients["name"].to_dict()
    row = analysis.clients.loc[candidate.client_id]
    text = candidate_text(
        t, team, candidate, row, names, index + 1, len(candidates), analysis.references
    )
    team_id, client_id = team.id, candidate.client_id
    buttons = [
        [
            (t._("Decline…"), pack("dec", team_id, client_id)),
            (t._("Keep"), pack("kp", team_id, client_id)),
            (t._("Later"), pack("dl", team_id, index + 1)),
        ]
    ]
    if len(candidates) > 1:
        buttons.append(
            [("‹", pack("dl", team_id, index - 1)), ("›", pack("dl", team_id, index + 1))]
        )
    await answer_with_money(turn, text, buttons=buttons, edit=edit)


@button()
async def candidate_page(turn: Turn) -> None:
    assert turn.callback is not None
    await show_candidate(turn, turn.callback.int_arg(0), edit=True)


async def _pressed_client(turn: Turn) -> Client:
    """The client a decision button names, if it is still this team's; locked until the
    update commits, so two admins deciding at once decide one after the other."""
    assert turn.callback is not None
    return await turn.run(
        resolver.client_in_team,
        team_id=turn.team.id,
        client_id=turn.callback.int_arg(0),
        lock=True,
    )


def _refuse_if(client: Client, status: ClientStatus, message: str) -> None:
    if client.status == status:
        raise InputError(message, client=client.name)


async def _set_status(turn: Turn, client: Client, status: ClientStatus) -> int:
    change = await turn.run(
        clients.set_status,
        team_id=turn.team.id,
        client_id=client.id or 0,
        user_id=turn.caller.user_id,
        status=status,
        now=turn.now,
    )
    return change.undo_id


@button(role=Role.ADMIN)
async def decline_ask(turn: Turn) -> None:
    """Confirmation first: declining is a real decision."""
    client = await _pressed_client(turn)
    _refuse_if(client, ClientStatus.DECLINED, ALREADY_DECLINED)
    client_id = client.id or 0
    t = turn.t
    turn.edit(
        t._(
            "Decline {client}? They leave the scoring and the alarms; their history "
            "stays, and you can undo this for 24 hours.",
            client=client.name,
        ),
        buttons=[
            [
                (t._("Yes, decline"), pack("decok", turn.team.id, client_id)),
                (t._("No"), pack("card", turn.team.id, client_id)),
            ]
        ],
    )


@button(role=Role.ADMIN)
async def decline_confirmed(turn: Turn) -> None:
    client = await _pressed_client(turn)
    _refuse_if(client, ClientStatus.DECLINED, ALREADY_DECLINED)
    undo_id = await _set_status(turn, client, ClientStatus.DECLINED)
    t = turn.t
    turn.confirm(t._("{client} is declined.", client=client.name), undo_id, edit=True)
    # The letter goes to the client, so it is in the team's language, not the reader's.
    team_t = translator(turn.team.locale, solo=turn.team.is_personal)
    last_day = team_t.date(turn.today + NOTICE, style="long")
    turn.reply(
        t._("A message you could send them:")
        + Markup("\n\n")
        + decline_letter(team_t, client, last_day, turn.team.title)
    )


@button(role=Role.ADMIN)
async def keep(turn: Turn) -> None:
    """Keep a proposed client (not proposed again for a while)."""
    client = await _pressed_client(turn)
    _refuse_if(client, ClientStatus.DECLINED, DECLINED_MEANWHILE)
    change = await turn.run(
        clients.keep_client,
        team_id=turn.team.id,
        client_id=client.id or 0,
        user_id=turn.caller.user_id,
        today=turn.today,
        now=turn.now,
    )
    turn.confirm(
        turn.t._(
            "Keeping {client}. I won't propose them again for three months.", client=client.name
        ),
        change.undo_id,
        edit=True,
    )


@button(role=Role.ADMIN)
async def take_back(turn: Turn) -> None:
    """A declined client becomes a client again."""
    client = await _pressed_client(turn)
    _refuse_if(client, ClientStatus.ACTIVE, ALREADY_ACTIVE)
    undo_id = await _set_status(turn, client, ClientStatus.ACTIVE)
    turn.confirm(turn.t._("{client} is a client again.", client=client.name), undo_id, edit=True)
