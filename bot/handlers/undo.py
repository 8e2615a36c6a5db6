"""Taking a confirmed change back, for 24 hours: the ↩ Undo button under it, or /undo for
the caller's own last one when the button has scrolled out of sight."""

from __future__ import annotations

from bot.kit.commands import command
from bot.kit.turn import Turn, button
from bot.render.changes import nothing_to_undo, undone
from locales import InputError
from storage import changes, undo
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
    # Said once, in the confirmation it replaces: a toast with the same words read twice.
    turn.edit(await _reverse(turn, pending))


@command
async def undo_last(turn: Turn) -> None:
    """/undo: the caller's own last change, as its button would; never someone else's."""
    pending = await turn.run(undo.latest_undo, team_id=turn.team_id, user_id=turn.caller.user_id)
    if pending is None:
        turn.reply(nothing_to_undo(turn.t))
        return
    turn.reply(await _reverse(turn, pending))


async def _reverse(turn: Turn, pending: PendingUndo) -> str:
    """Undoes `pending` under the button's rules; what to say it did."""
    if pending.user_id != turn.caller.user_id or pending.action in ADMIN_ACTIONS:
        await turn.require(Role.ADMIN)
    action = await turn.change(undo.undo, undo_id=pending.id)
    return undone(turn.t, action, pending.payload, turn.team.currency)
