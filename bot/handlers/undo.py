"""The ↩ Undo button under every confirmed change, for 24 hours."""

from __future__ import annotations

from bot.kit.turn import Turn, button
from locales import N_, InputError
from storage import changes, undo
from storage.models import Role

UNDONE_OTHER = N_("Undone.")  # a message id of its own: nested in _(…) it is not extracted
UNDONE = {
    "client_created": N_("Undone: the client is gone again."),
    "sale_created": N_("Undone: the sale is gone again."),
    "sale_updated": N_("Undone: the sale is back as it was."),
    "sale_deleted": N_("Undone: the sale is back."),
    "sales_paid": N_("Undone: those sales are open again."),
    "referral_created": N_("Undone: the referral is gone again."),
    "complaint_created": N_("Undone: the complaint is gone again."),
    "compliment_created": N_("Undone: the compliment is gone again."),
    "ratings_created": N_("Undone: your earlier rating counts again."),
    "client_updated": N_("Undone: the client's details are back as they were."),
    "client_status": N_("Undone: the client's status is back as it was."),
    "team_settings": N_("Undone: the setting is back as it was."),
    "profile_created": N_("Undone: the profile is gone again."),
    "profile_changed": N_("Undone: the profile is back as it was."),
    "profile_deleted": N_("Undone: the profile is back."),
}


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
    assert turn.callback is not None
    undo_id = turn.callback.int_arg(0)
    pending = await turn.run(changes.pending_undo, team_id=turn.team.id or 0, undo_id=undo_id)
    if pending is None:
        raise InputError(changes.UNDO_GONE)
    if pending.user_id != turn.caller.user_id or pending.action in ADMIN_ACTIONS:
        await turn.require(Role.ADMIN)
    action = await turn.run(
        undo.undo,
        team_id=turn.team.id or 0,
        undo_id=undo_id,
        user_id=turn.caller.user_id,
        now=turn.now,
    )
    text = turn.t._(UNDONE.get(action, UNDONE_OTHER))
    turn.toast(text)
    turn.edit(text)
