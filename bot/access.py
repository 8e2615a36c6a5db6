"""What Telegram says about a user in a chat, cached briefly so a busy group costs few calls."""

from __future__ import annotations

import datetime as dt
import logging

from telegram import Bot
from telegram.constants import ChatMemberStatus
from telegram.error import BadRequest, Forbidden, TelegramError

log = logging.getLogger(__name__)

ADMIN_STATUSES = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR})
MEMBER_STATUSES = ADMIN_STATUSES | {ChatMemberStatus.MEMBER, ChatMemberStatus.RESTRICTED}
TTL = dt.timedelta(seconds=60)


class ChatMemberCache:
    """get_chat_member answers, kept for a minute."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, int], tuple[str, dt.datetime]] = {}

    async def status(self, bot: Bot, chat_id: int, user_id: int, *, now: dt.datetime) -> str:
        key = (chat_id, user_id)
        cached = self._cache.get(key)
        if cached and cached[1] > now:
            return cached[0]
        try:
            member = await bot.get_chat_member(chat_id, user_id)
            status = str(member.status)
            if status == ChatMemberStatus.RESTRICTED and not getattr(member, "is_member", True):
                status = ChatMemberStatus.LEFT
        except (BadRequest, Forbidden):
            status = ChatMemberStatus.LEFT  # chat gone or bot removed: nobody is a member
        except TelegramError:
            log.warning("get_chat_member failed; treating the user as not a member for now")
            return ChatMemberStatus.LEFT
        self._cache[key] = (status, now + TTL)
        return status

    def forget(self, chat_id: int, user_id: int) -> None:
        self._cache.pop((chat_id, user_id), None)
