"""The local Bot API answers as Telegram does where Kompas depends on it."""

from __future__ import annotations

import itertools

import pytest
from telegram import Bot
from telegram.error import Forbidden

from bot.transports.local_bot_api import LocalBotApi
from bot.transports.updates import Person, UpdateFactory


async def _bot(api: LocalBotApi) -> Bot:
    bot = Bot("0:offline", request=api, get_updates_request=api)
    await bot.initialize()
    return bot


async def test_a_person_who_never_opened_a_private_chat_cannot_be_written_to() -> None:
    api = LocalBotApi()
    bot = await _bot(api)
    with pytest.raises(Forbidden, match="can't initiate conversation"):
        await bot.send_message(1002, "Hoi")
    api.add_private_chat(1002, "Fatima")
    assert (await bot.send_message(1002, "Hoi")).text == "Hoi"


async def test_get_chat_member_names_the_person_with_their_status() -> None:
    api = LocalBotApi()
    bot = await _bot(api)
    api.add_group(-5, "Kapsalon")
    api.set_member(-5, 1002, "member", "Fatima")
    api.set_member(-5, 1003, "administrator")
    member = await bot.get_chat_member(-5, 1002)
    assert (member.status, member.user.first_name) == ("member", "Fatima")
    assert api.groups_of(1002) == [(-5, "member")]
    assert (await bot.get_chat_member(-5, 1004)).status == "left"


async def test_message_ids_continue_a_given_sequence_shared_with_the_people() -> None:
    ids = itertools.count(41)
    api = LocalBotApi(message_ids=ids)
    bot = await _bot(api)
    api.add_private_chat(1002, "Fatima")
    assert (await bot.send_message(1002, "Hoi")).message_id == 41
    factory = UpdateFactory(api, bot, first_update_id=8, message_ids=ids)
    update = factory.message(Person(1002, "Fatima"), 1002, "/help")
    assert (update.update_id, update.message.message_id) == (8, 42)


async def test_a_caption_command_is_marked_as_in_telegram() -> None:
    api = LocalBotApi()
    bot = await _bot(api)
    api.add_group(-5, "Kapsalon")
    factory = UpdateFactory(api, bot)
    update = factory.message(Person(1, "Joris"), -5, "/import", document=("k.csv", b"Klant\n"))
    message = update.message
    assert message.caption == "/import" and message.caption_entities[0].type == "bot_command"
