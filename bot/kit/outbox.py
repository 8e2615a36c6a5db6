"""What a turn says and how it reaches Telegram: replies queue up while the handler runs and go
out only after the commit, so a confirmation never shows for a change that did not land.

`Replies` is the queueing half of `Turn` (bot/kit/turn.py); `flush` sends the queue.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from telegram import (
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.kit.callbacks import is_digest_keyboard, undo_buttons
from bot.kit.telegram_html import CAPTION_LIMIT, fit_html, html_to_text
from locales import Markup
from storage import dialogs as dialog_store
from storage.engine import UnitOfWork

if TYPE_CHECKING:
    from bot.kit.caller import Caller
    from bot.kit.runtime import Kompas
    from bot.kit.turn import Turn

log = logging.getLogger(__name__)

Buttons = list[list[tuple[str, str]]]  # rows of (label, callback data or a Link)


class Link(str):
    """A button's target that is a t.me or web address rather than callback data."""

    __slots__ = ()


@dataclass
class Reply:
    text: str
    buttons: Buttons | None = None
    force_reply: bool = False
    edit: bool = False
    chat_id: int | None = None
    document: tuple[str, bytes] | None = None
    photo: bytes | None = None
    # "I sent it to you privately": said only if Telegram took the private replies before it.
    after_private: bool = False
    delivered: bool = False
    message_id: int | None = None  # the message an edit replaces, when not the pressed one
    question: bool = False  # asks the pending dialog step: a reply to it is the answer


class Replies:
    """The replies a turn queues (mixed into `Turn`): sent in order once its work is committed."""

    update: Update  # the turn's own fields, which these methods read and fill
    kompas: Kompas
    caller: Caller
    outbox: list[Reply]
    saved: list[Reply]  # confirmations of changes, with Undo
    toast_text: str | None
    toast_alert: bool

    def reply(
        self,
        text: str,
        *,
        buttons: Buttons | None = None,
        force_reply: bool = False,
        chat_id: int | None = None,
        question: bool = False,
    ) -> None:
        self.outbox.append(Reply(text, buttons, force_reply, chat_id=chat_id, question=question))

    def say_sent_privately(self, text: str = "") -> None:
        """Say `text` here once Telegram has taken the caller's private replies queued before it.

        Telegram refuses a private message to someone who never opened a chat with the bot; they
        then get a button that opens that chat instead of a claim that isn't so.
        """
        self.outbox.append(Reply(text, after_private=True))

    def edit(
        self,
        text: str,
        *,
        buttons: Buttons | None = None,
        message_id: int | None = None,
        question: bool = False,
    ) -> None:
        """Replace the pressed message (paging, confirmations) instead of sending a new one;
        `message_id`: another message of the bot's in this chat (a dialog's menu). A button
        under the digest answers with a new message: the digest stays for everybody."""
        if message_id is None and self._pressed_digest():
            self.reply(text, buttons=buttons, question=question)
            return
        self.outbox.append(
            Reply(text, buttons, edit=True, message_id=message_id, question=question)
        )

    def kept_undo(self) -> Buttons:
        """The ↩ Undo of the pressed message (`confirm`), to keep when its other buttons go."""
        query = self.update.callback_query
        markup = getattr(query.message, "reply_markup", None) if query and query.message else None
        if markup is None:
            return []
        keyboard = [
            [(str(button.text), str(button.callback_data or "")) for button in row]
            for row in markup.inline_keyboard
        ]
        return undo_buttons(keyboard)

    def _pressed_digest(self) -> bool:
        query = self.update.callback_query
        message = query.message if query is not None else None
        markup = getattr(message, "reply_markup", None)
        if markup is None:
            return False
        data = [
            str(button.callback_data)
            for row in markup.inline_keyboard
            for button in row
            if button.callback_data is not None
        ]
        return is_digest_keyboard(data)

    def ask_for_reply(self, text: Markup | str, *, question: bool = False) -> None:
        """A question answered by typing. In a group the bot only sees replies to itself
        (privacy mode), so the asker is named: Telegram then opens the reply for them alone,
        even when a button press, not a message of theirs, asked the question."""
        if not self.caller.in_group:
            self.reply(text, question=question)
            return
        mention = (
            Markup(f'<a href="tg://user?id={self.caller.user_id}">')
            + self.caller.display_name
            + Markup("</a>")
        )
        text = self.t.after_address(text)
        self.reply(mention + Markup(", ") + text, force_reply=True, question=question)

    def send_document(
        self, name: str, content: bytes, caption: str = "", *, chat_id: int | None = None
    ) -> None:
        self.outbox.append(Reply(caption, document=(name, content), chat_id=chat_id))

    def confirm(
        self, text: str, undo_id: int, *, extra: Buttons | None = None, edit: bool = False
    ) -> None:
        """Say a change was made, with an ↩ Undo button for 24 hours under `extra`'s rows;
        `edit`: in place of the pressed message."""
        undo = self.kompas.texts.undo_row(self.t, self.team.id, undo_id) if undo_id else []
        buttons = [row for row in [*(extra or []), undo] if row]
        if edit and self.update.callback_query is not None:
            self.edit(text, buttons=buttons)
        else:
            self.reply(text, buttons=buttons)
        self.confirmed()

    def confirmed(self) -> None:
        """The reply just queued confirms a change: should it not reach the chat after the
        commit, the user is told this was saved (with its Undo), not that nothing changed."""
        self.saved.append(self.outbox[-1])

    def send_photo(
        self,
        content: bytes,
        caption: str = "",
        *,
        buttons: Buttons | None = None,
        chat_id: int | None = None,
    ) -> None:
        self.outbox.append(Reply(caption, buttons, photo=content, chat_id=chat_id))

    def toast(self, text: str, *, alert: bool = False) -> None:
        self.toast_text = text
        self.toast_alert = alert


async def answer_query(update: Update, text: str | None, *, alert: bool = False) -> None:
    # Answered after the (millisecond) transaction so the toast can say how it went.
    if update.callback_query is None:
        return
    try:
        await update.callback_query.answer(text=_plain(text) if text else None, show_alert=alert)
    except TelegramError:
        log.info("callback query could not be answered (expired)")


def _plain(text: str) -> str:
    return html_to_text(text)[:200]


def keyboard(buttons: Buttons | None) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(button_text(label), url=data)
                if isinstance(data, Link)
                else InlineKeyboardButton(button_text(label), callback_data=data)
                for label, data in row
            ]
            for row in buttons
        ]
    )


def button_text(label: str) -> str:
    """A label as Telegram shows it: button text is plain text, never parsed as HTML.

    A label from the translator is Markup, its parameters escaped for a message; shown on a
    button that would read `Jansen &amp; Zn`, so it goes back to the words. A plain string
    (a client's name as stored) is shown as it is.
    """
    return html_to_text(label) if isinstance(label, Markup) else label


def bind_questions(engine: Engine, caller: Caller, message_ids: list[int]) -> None:
    """Remember which messages asked the pending step, once Telegram has given their ids.

    A separate small transaction: the ids exist only after the update's work was committed
    and its replies sent. Failing here costs only the binding, never the answer just given.
    """
    try:
        unit = UnitOfWork(engine)
    except SQLAlchemyError:
        log.warning("could not remember which message asked the dialog's question")
        return
    try:
        for message_id in message_ids:
            dialog_store.bind_question(
                session=unit.session,
                chat_id=caller.chat_id,
                user_id=caller.user_id,
                message_id=message_id,
            )
        unit.commit()
    except SQLAlchemyError:
        unit.rollback()
        log.warning("could not remember which message asked the dialog's question")
    finally:
        unit.close()


async def flush(turn: Turn) -> list[int]:
    """Send the replies; the ids of the messages that ask the pending dialog step."""
    bot = turn.context.bot
    message = turn.update.effective_message
    asked: list[int] = []
    refused: set[int] = set()  # private chats Telegram would not let us write to
    for out in turn.outbox:
        chat_id = out.chat_id if out.chat_id is not None else turn.caller.chat_id
        if chat_id in refused:
            continue
        if out.after_private:
            if turn.caller.user_id in refused:
                out = _open_private_chat(turn)
            elif not out.text:
                continue
        # What people type can come back in a reply; cut rather than be refused by Telegram.
        text = fit_html(out.text)
        media = out.document is not None or out.photo is not None
        caption = (fit_html(out.text, CAPTION_LIMIT) or None) if media else None
        markup: Any = keyboard(out.buttons)
        if out.force_reply and markup is None:
            markup = ForceReply(selective=True)
        try:
            if out.edit and out.message_id is not None:
                await bot.edit_message_text(
                    text, chat_id=chat_id, message_id=out.message_id, reply_markup=markup
                )
                sent_id = out.message_id
            elif out.edit and message is not None and turn.update.callback_query is not None:
                await bot.edit_message_text(
                    text,
                    chat_id=message.chat_id,
                    message_id=message.message_id,
                    reply_markup=markup,
                )
                sent_id = message.message_id
            elif out.document is not None:
                name, content = out.document
                await bot.send_document(chat_id, InputFile(content, filename=name), caption=caption)
                sent_id = None
            elif out.photo is not None:
                sent_id = None
                await bot.send_photo(
                    chat_id,
                    InputFile(out.photo, filename="chart.png"),
                    caption=caption,
                    reply_markup=markup,
                )
            else:
                # In a group, ForceReply(selective) reaches the asker through a reply to them.
                quote = out.force_reply and message is not None and turn.caller.in_group
                sent = await bot.send_message(
                    chat_id,
                    text,
                    reply_markup=markup,
                    reply_parameters=ReplyParameters(message.message_id) if quote else None,
                )
                sent_id = sent.message_id
            if out.question and sent_id is not None:
                asked.append(sent_id)
        except BadRequest as exc:
            if chat_id != turn.caller.chat_id and "chat not found" in str(exc).lower():
                refused.add(chat_id)  # a private chat Telegram doesn't know: never opened
            elif "not modified" not in str(exc):
                log.warning("reply rejected by Telegram: %s", type(exc).__name__)
            elif out.question and out.edit and message is not None:
                asked.append(message.message_id)  # unchanged, and still the question
        except Forbidden:
            refused.add(chat_id)
            log.info("reply not delivered: the bot may not write to this chat")
        else:
            out.delivered = True
    return asked


def _open_private_chat(turn: Turn) -> Reply:
    """Instead of "sent privately": a t.me link that opens the private chat with the bot."""
    username = turn.context.bot.username
    team_id = turn.caller.team.id if turn.caller.team else 0
    link = f"https://t.me/{username}?start=team{team_id}" if username else None
    text, buttons = turn.kompas.texts.not_sent_privately(turn.t, link)
    return Reply(text, buttons)
