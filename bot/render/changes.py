"""Confirmations of changes: what happened, in the user's words, with an Undo button."""

from __future__ import annotations

from bot.callbacks import pack
from bot.turn import Buttons, Turn


def undo_row(turn: Turn, undo_id: int) -> list[tuple[str, str]]:
    return [(turn.t._("↩ Undo"), pack("undo", turn.team.id or 0, undo_id))] if undo_id else []


def confirm(
    turn: Turn, text: str, undo_id: int, *, extra: Buttons | None = None, edit: bool = False
) -> None:
    """Every change confirmed in chat carries an Undo button for 24 hours."""
    buttons: Buttons = [*(extra or []), undo_row(turn, undo_id)]
    buttons = [row for row in buttons if row]
    if edit and turn.update.callback_query is not None:
        turn.edit(text, buttons=buttons)
    else:
        turn.reply(text, buttons=buttons)
    turn.confirmed()
