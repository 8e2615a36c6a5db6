"""Edited messages: what was sent first stands. Running an edited `/sale Bakkerij 10` again
would record a second sale, so an edit changes nothing and is answered once, with the way to
correct it."""

from __future__ import annotations

from collections import OrderedDict

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.kit.turn import Turn, reply_handler
from bot.render.notices import edits_not_applied

_ANSWERED_KEY = "edits_answered"
_REMEMBERED = 2_000  # edited messages remembered per instance, to answer each one once


async def edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edit of a message meant for the bot gets one answer; every other edit, none."""
    message = update.edited_message
    if message is None or not _meant_for_the_bot(update, context.bot.id):
        return
    answered: OrderedDict[tuple[int, int], None] = context.bot_data.setdefault(
        _ANSWERED_KEY, OrderedDict()
    )
    key = (message.chat_id, message.message_id)
    if key in answered:
        return
    answered[key] = None
    while len(answered) > _REMEMBERED:
        answered.popitem(last=False)
    await _say_edits_are_not_applied(update, context)


@reply_handler(role=None)
async def _say_edits_are_not_applied(turn: Turn) -> None:
    turn.reply(edits_not_applied(turn.t))


def _meant_for_the_bot(update: Update, bot_id: int) -> bool:
    """As the bot sees messages: a command, anything in private, a reply to the bot."""
    message = update.edited_message
    assert message is not None
    if message.chat.type == ChatType.PRIVATE:
        return bool(message.text or message.caption or message.document)
    if (message.text or message.caption or "").startswith("/"):
        return True
    replied = message.reply_to_message
    return bool(replied and replied.from_user and replied.from_user.id == bot_id)
