"""What Telegram says about a user in a chat, cached briefly so a busy group costs few calls.

The cache serves only who may see a team (membership, private chat). Admin rights are asked of
Telegram on every admin action (`live`), so a demotion counts at once even where the bot is no
admin of the group and hears nothing of it; a chat_member update (someone left, was removed,
promoted or demoted) drops that person's cached answer at once.
"""

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
    """get_chat_member answers, kept for a minute unless Telegram says they changed."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, int], tuple[str, dt.datetime]] = {}

    async def status(
        self,
        bot: Bot,
        chat_id: int,
        user_id: int,
        *,
        now: dt.datetime,
        live: bool = False,
        unsure: str = ChatMemberStatus.LEFT,
    ) -> str:
        """The user's status in the chat; `live`: ask Telegram now, whatever is cached;
        `unsure`: the answer when Telegram could not be reached."""
        key = (chat_id, user_id)
        cached = self._cache.get(key)
        if cached and cached[1] > now and not live:
            return cached[0]
        try:
            member = await bot.get_chat_member(chat_id, user_id)
            status = str(member.status)
            if status == ChatMemberStatus.RESTRICTED and not getattr(member, "is_member", True):
                status = ChatMemberStatus.LEFT
        except (BadRequest, Forbidden):
            status = ChatMemberStatus.LEFT  # chat gone or bot removed: nobody is a member
        except TelegramError:
            log.warning("get_chat_member failed; no answer from Telegram for now")
            return unsure
        self._cache[key] = (status, now + TTL)
        return status

    def forget(self, chat_id: int, user_id: int) -> None:
        self._cache.pop((chat_id, user_id), None)

    def forget_chat(self, chat_id: int) -> None:
        """The bot itself was removed from or added to the chat: nothing known there holds."""
        for key in [key for key in self._cache if key[0] == chat_id]:
            del self._cache[key]
