"""Issue 18, the flow of updates: edits change nothing, and only people are members."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from storage.models import Member, Sale
from tests.chat import Chat
from tests.factories import make_client, make_team, rows

ANNA, PIET, GROUP, CHANNEL = 11, 12, -700, -1007000
# Telegram's stand-ins for a sender that is a chat: an anonymous admin, a channel.
GROUP_ANONYMOUS_BOT = {"id": 1087968824, "is_bot": True, "first_name": "Group"}
CHANNEL_BOT = {"id": 136817688, "is_bot": True, "first_name": "Channel"}
EDITS_NL = (
    "Een bewerkt bericht verwerk ik niet opnieuw. Wil je iets aanpassen? Maak mijn antwoord "
    "ongedaan met ↩ en stuur het als nieuw bericht."
)
EDITS_RU = (
    "Исправления я не учитываю: остаётся то, что вы отправили сначала. Чтобы изменить, "
    "отмените мой ответ кнопкой ↩ и отправьте заново новым сообщением."
)


async def test_an_edited_sale_is_not_recorded_again_and_the_edit_is_answered_once(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True)
    make_client(sqlite_engine, team, "Bakkerij")
    anna = chat.person(ANNA, "Anna", "nl")
    sent = chat.factory.message(anna, ANNA, "/sale Bakkerij 10")
    assert "Verkoop vastgelegd: € 10" in await chat.deliver(sent)
    seen = await chat.deliver(chat.factory.edited(sent, "/sale Bakkerij 100"))
    assert seen.text == EDITS_NL
    assert (await chat.deliver(chat.factory.edited(sent, "/sale Bakkerij 1000"))).messages == []
    assert [s.amount for s in rows(sqlite_engine, Sale)] == [1000]  # one sale of € 10


async def test_an_edited_answer_to_a_question_is_not_taken_as_the_answer(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(
        sqlite_engine, chat_id=ANNA, owner_id=ANNA, personal=True, locale="ru", currency="RUB"
    )
    make_client(sqlite_engine, team, "Кофейня")
    anna = chat.person(ANNA, "Анна", "ru")
    await chat.send(anna, "/sale Кофейня")  # asks for the amount
    answer = chat.factory.message(anna, ANNA, "500")
    assert "Сколько ушло на материалы" in await chat.deliver(answer)  # next: the cost
    seen = await chat.deliver(chat.factory.edited(answer, "5000"))
    assert seen.text == EDITS_RU  # neither the amount again nor the cost
    while not rows(sqlite_engine, Sale):  # the cost, the time: skipped
        await chat.press(anna, "Пропустить")
    assert [(s.amount, s.cost) for s in rows(sqlite_engine, Sale)] == [(50000, None)]


async def test_an_edit_of_a_group_message_not_meant_for_the_bot_gets_no_answer(
    chat: Chat, sqlite_engine: Engine
) -> None:
    anna, piet = chat.person(ANNA, "Anna", "nl"), chat.person(PIET, "Piet", "nl")
    chat.group(GROUP, "Studio", creator=anna, members=(piet,))
    make_team(sqlite_engine, chat_id=GROUP, owner_id=ANNA)
    talk = chat.factory.message(piet, GROUP, "koffie?")
    await chat.deliver(talk)
    assert (await chat.deliver(chat.factory.edited(talk, "thee?"))).messages == []
    command = chat.factory.message(piet, GROUP, "/help")
    await chat.deliver(command)
    assert (await chat.deliver(chat.factory.edited(command, "/hulp"))).text == EDITS_NL


def _as_a_chat(chat: Chat, sender: dict[str, Any], sender_chat: dict[str, Any], text: str):  # type: ignore[no-untyped-def]
    update = chat.factory.message(
        chat.person(ANNA, "Anna", "nl"), GROUP, text, sender_chat=sender_chat
    )
    data = update.to_dict()
    data["message"]["from"] = sender
    return type(update).de_json(data, chat.app.bot)


async def test_an_anonymous_admin_is_told_to_write_as_themselves_and_never_becomes_a_member(
    chat: Chat, sqlite_engine: Engine
) -> None:
    anna = chat.person(ANNA, "Anna", "nl")
    group = chat.api.chats[chat.group(GROUP, "Studio", creator=anna)]
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=ANNA)
    make_client(sqlite_engine, team, "Bakkerij")
    members_before = [(m.user_id, m.display_name) for m in rows(sqlite_engine, Member)]
    seen = await chat.deliver(_as_a_chat(chat, GROUP_ANONYMOUS_BOT, group, "/sale Bakkerij 10"))
    assert seen.text == (
        "Ik moet weten wie er schrijft, en dit kwam binnen namens een groep of kanaal, dus ik heb "
        "niets veranderd. Schrijf als jezelf: zet ‘Anoniem blijven’ uit bij je beheerdersrechten, "
        "of stuur me een privébericht."
    )
    assert rows(sqlite_engine, Sale) == []
    assert [(m.user_id, m.display_name) for m in rows(sqlite_engine, Member)] == members_before


async def test_posts_in_a_channels_name_never_create_members(
    chat: Chat, sqlite_engine: Engine
) -> None:
    anna = chat.person(ANNA, "Anna", "nl")
    chat.group(GROUP, "Studio", creator=anna)
    make_team(sqlite_engine, chat_id=GROUP, owner_id=ANNA)
    channel = {"id": CHANNEL, "type": "channel", "title": "Studio nieuws"}
    members_before = rows(sqlite_engine, Member)
    forwarded = _as_a_chat(chat, CHANNEL_BOT, channel, "/help")  # the linked channel's post
    data = forwarded.to_dict()
    data["message"]["is_automatic_forward"] = True
    assert (await chat.deliver(type(forwarded).de_json(data, chat.app.bot))).messages == []
    seen = await chat.deliver(_as_a_chat(chat, CHANNEL_BOT, channel, "/clients"))
    assert seen.text.startswith("Ik moet weten wie er schrijft")
    assert len(rows(sqlite_engine, Member)) == len(members_before)
    assert "Channel" not in {m.display_name for m in rows(sqlite_engine, Member)}
