"""/portrait: the ideal-client portrait, per client kind."""

from __future__ import annotations

from bot.kit.commands import command
from bot.kit.sensitive import money_shown_to_caller
from bot.kit.turn import Turn
from bot.render import refusals
from bot.render.data_warnings import warning
from bot.render.portrait import portraits_page
from locales import InputError
from locales.vocabulary import PORTRAIT_KINDS


@command
async def portrait(turn: Turn) -> None:
    """/portrait [persons|organisations]."""
    word = turn.args[0].lower() if turn.args else ""
    kind = PORTRAIT_KINDS.get(word)
    if word and kind is None:
        raise InputError(refusals.PORTRAIT_USAGE)
    analysis = (await turn.analysis()).analysis
    t, team = turn.t, turn.team
    no_revenue = next((w for w in analysis.warnings if w.code == "no_revenue"), None)
    if no_revenue is not None:
        turn.reply(warning(t, team.currency, no_revenue) or "")
        return
    chosen = [
        p for p in analysis.portraits if p.segment is None and (kind is None or p.kind == kind)
    ]
    if not chosen:
        raise InputError(refusals.NO_CLIENTS_OF_THAT_KIND)
    with_money = await money_shown_to_caller(turn)
    turn.reply(portraits_page(t, team, analysis, chosen, with_money=with_money))
