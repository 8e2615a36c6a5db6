"""Taking a confirmed change back, for 24 hours: the ↩ Undo button under it, or /undo for
the caller's own last one when the button has scrolled out of sight."""

from __future__ import annotations

import datetime as dt

from bot.kit import dialogs
from bot.kit.commands import command
from bot.kit.turn import Turn, button
from bot.render.changes import nothing_to_undo, stopped_instead, undone, undone_sale
from locales import InputError, Markup
from storage import changes, resolver, sales, teams, undo
from storage.models import PendingUndo, Role
from storage.refusals import Refused

# Changes only an admin may make: undoing them takes an admin too, the one who made them
# included (Telegram may have demoted them since).
ADMIN_ACTIONS = frozenset(
    {
        "team_settings",
        "settings",
        "profile_created",
        "profile_changed",
        "profile_deleted",
        "import",
        "client_status",
    }
)


@button()
async def undo_change(turn: Turn) -> None:
    """Reverses the change; someone else's change, or an admin-only one, only by an admin."""
    undo_id = turn.pressed.int_arg(0)
    pending = await turn.run(changes.pending_undo, team_id=turn.team_id, undo_id=undo_id)
    if pending is None:
        raise InputError(Refused.UNDO_EXPIRED)
    # Said once, in the confirmation it replaces (a toast with the same words read twice),
    # with which sale it was: the confirmation that named it is gone (the Dutch reader).
    turn.edit(await _undone_said(turn, pending))


@command
async def undo_last(turn: Turn) -> None:
    """/undo: the caller's own last change, as its button would; never someone else's. With
    a question open that has saved nothing, it stops that question and nothing else: what was
    being begun is what a user means to take back, and their last change stays until they
    send /undo again."""
    stopped = await dialogs.stop_bare_question(turn)
    if stopped is not None:
        turn.reply(stopped_instead(turn.t, stopped))
        return
    await dialogs.end_pending(turn)  # as any other command would
    pending = await turn.run(undo.latest_undo, team_id=turn.team_id, user_id=turn.caller.user_id)
    if pending is None:
        turn.reply(nothing_to_undo(turn.t, await _latest_by_someone_else(turn)))
        return
    turn.reply(await _undone_said(turn, pending))


SALE_ACTIONS = frozenset({"sale_created", "sale_and_client_created"})  # read before: it goes
SALE_BACK = frozenset({"sale_updated", "sale_deleted"})  # read after: it is back as it was


async def _undone_said(turn: Turn, pending: PendingUndo) -> Markup:
    """Undoes `pending`: what it did, and which sale it was about (amount, client, day), read
    before a new sale goes and after a corrected or deleted one is back (readers were told
    only "the sale is back as it was", and could tell which from /sales alone)."""
    which = await _which_sale(turn, pending) if pending.action in SALE_ACTIONS else None
    done = await _reverse(turn, pending)
    if pending.action in SALE_BACK:
        which = await _which_sale(turn, pending)
    return done if which is None else undone_sale(turn.t, done, turn.team, which, turn.today)


async def _which_sale(turn: Turn, pending: PendingUndo) -> tuple[int, str, dt.date] | None:
    """The sale an undo is about: amount, client, day (None when it is gone)."""
    sale_id = pending.payload.get("sale_id") or (pending.payload.get("sale") or {}).get("id")
    if not isinstance(sale_id, int):
        return None
    try:
        sale = await turn.run(sales.sale_in_team, team_id=turn.team_id, sale_id=sale_id)
        client = await turn.run(
            resolver.client_in_team, team_id=turn.team_id, client_id=sale.client_id
        )
    except InputError:
        return None  # gone already: the undo itself says so
    return sale.amount, client.name, sale.sold_on


async def _reverse(turn: Turn, pending: PendingUndo) -> str:
    """Undoes `pending` under the button's rules; what to say it did, and, for someone else's
    change, whose it was and who took it back (the confirmation it replaces was theirs)."""
    theirs = pending.user_id != turn.caller.user_id
    if theirs or pending.action in ADMIN_ACTIONS:
        await turn.require(Role.ADMIN)
    author = await _name(turn, pending.user_id) if theirs else None
    action = await turn.change(undo.undo, undo_id=pending.id)
    by = (author, turn.caller.display_name) if author else None
    return undone(turn.t, action, pending.payload, turn.team.currency, by=by, now=turn.now)


async def _latest_by_someone_else(turn: Turn) -> str | None:
    """Who made the team's latest change that can still be undone, when it wasn't the caller:
    /undo takes back only the caller's own, and says whose the latest is instead."""
    latest = await turn.run(undo.latest_undo, team_id=turn.team_id, user_id=None)
    if latest is None or latest.user_id == turn.caller.user_id or latest.expires_at < turn.now:
        return None
    return await _name(turn, latest.user_id)


async def _name(turn: Turn, user_id: int) -> str | None:
    member = await turn.run(teams.member_of, team_id=turn.team_id, user_id=user_id)
    return member.display_name if member and member.display_name else None
