"""Asking a team's admins to let a newcomer in (Product rules: Who is a team).

Every admin is asked privately, with Approve / Decline buttons. Telegram refuses a private
message to someone who never opened a chat with the bot; then the group gets a short note with
a link that opens that chat, where /start shows the waiting requests.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlmodel import Session
from telegram import Bot, Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot.kit.access import ADMIN_STATUSES
from bot.kit.outbox import keyboard
from bot.kit.runtime import Kompas, kompas_of
from bot.kit.texts import KitTexts
from locales import translator
from storage import teams
from storage.callers import MemberView, TeamView
from storage.engine import new_session

log = logging.getLogger(__name__)

START_PAYLOAD = "approve_"  # t.me/<bot>?start=approve_<team id>


@dataclass(frozen=True)
class Admin:
    user_id: int
    locale: str


async def admins_to_ask(
    kompas: Kompas, bot: Bot, session: Session, team: TeamView, now: dt.datetime
) -> list[Admin]:
    """The group's admins as Telegram lists them, and those Kompas knows, each in their own
    language; Telegram's admins join the team as admins so their buttons find it."""
    listed: list[tuple[int, str]] = []
    try:
        for admin in await bot.get_chat_administrators(team.chat_id):
            if not admin.user.is_bot:
                listed.append((admin.user.id, admin.user.full_name))
    except TelegramError:
        log.info("the group's admins could not be listed; asking the admins Kompas knows")

    def enlist() -> list[Admin]:
        teams.enlist_admins(session=session, team_id=team.id, admins=listed, now=now)
        # Removed or waiting people are not asked; once Telegram answered, only its admins
        # are: someone demoted in Telegram, the owner too, can no longer approve.
        current = {user_id for user_id, _ in listed}
        ids = [
            m.user_id
            for m in teams.team_admins(session=session, team_id=team.id)
            if not current or m.user_id in current
        ]
        chosen = teams.locales_of(session=session, user_ids=ids)
        return [Admin(i, chosen.get(i, team.locale)) for i in ids]

    return await kompas.db(enlist)


async def ask_admins(
    bot: Bot, team: TeamView, newcomer: MemberView, admins: list[Admin], texts: KitTexts
) -> None:
    """Send the request to every admin privately; a note in the group for those Telegram
    would not let the bot write to."""
    unreachable = 0
    for admin in admins:
        t = translator(admin.locale)
        text, buttons = texts.approval_request(t, team, newcomer.display_name, newcomer.id)
        try:
            await bot.send_message(admin.user_id, text, reply_markup=keyboard(buttons))
        except (Forbidden, BadRequest):
            unreachable += 1  # never opened a private chat with the bot, or blocked it
        except TelegramError:
            unreachable += 1
            log.warning("an approval request could not be sent")
    if unreachable or not admins:
        group = translator(team.locale)
        link = f"https://t.me/{bot.username}?start={START_PAYLOAD}{team.id}"
        try:
            await bot.send_message(
                team.chat_id, texts.approval_in_group(group, newcomer.display_name, link)
            )
        except TelegramError:
            log.warning("the group could not be told about a newcomer")


async def status_changed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Telegram says someone's standing in a group changed (left, removed, promoted, demoted)
    or the bot's own did: what was cached about it no longer holds, from this update on."""
    kompas = kompas_of(context)
    cache = kompas.chat_members
    if update.chat_member is not None:
        change = update.chat_member
        user = change.new_chat_member.user
        cache.forget(change.chat.id, user.id)
        if not user.is_bot:
            is_admin = change.new_chat_member.status in ADMIN_STATUSES
            await kompas.db(
                _follow, kompas, change.chat.id, user.id, is_admin, user.full_name, kompas.clock()
            )
    elif update.my_chat_member is not None:
        cache.forget_chat(update.my_chat_member.chat.id)


def _follow(
    kompas: Kompas, chat_id: int, user_id: int, is_admin: bool, name: str, now: dt.datetime
) -> None:
    with new_session(kompas.engine) as session:
        teams.follow_telegram(
            session=session, chat_id=chat_id, user_id=user_id, is_admin=is_admin, name=name,
            now=now,
        )  # fmt: skip
        session.commit()
