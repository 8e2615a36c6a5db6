"""The answer to "record it again?", asked when the same person notes the same complaint,
compliment, referral or payment within minutes (bot/render/sale_doubts.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.kit.dialogs import Conversation, finish
from bot.kit.turn import Turn
from bot.render import refusals
from bot.render.sale_doubts import NO, RECORD, stays_once
from locales import InputError


async def answer_record_again(
    turn: Turn, convo: Conversation, choice: str | None, record: Callable[[], Awaitable[None]]
) -> None:
    """Yes: `record` runs again, now past the question; No: the first one stays, alone."""
    if choice == RECORD:
        convo.data["again_ok"] = True
        await record()
    elif choice == NO:
        await finish(turn, convo)
        turn.edit(stays_once(turn.t))
    else:
        raise InputError(refusals.PICK_A_BUTTON)
