"""First contact: /start in private and in a group, /help, /lang, unknown commands."""

from __future__ import annotations

import pytest
from telegram.ext import CommandHandler

from tests.chat import Chat


async def test_private_start_offers_a_personal_team_and_creates_it(chat: Chat) -> None:
    anna = chat.person(11, "Anna", "nl")
    seen = await chat.send(anna, "/start")
    assert "Ik ben Kompas" in seen
    assert seen.buttons == ["Hier beginnen, voor mezelf"]
    seen = await chat.press(anna, "Hier beginnen, voor mezelf")
    assert "Goed, dan beginnen we" in seen
    again = await chat.send(anna, "/start")
    assert "1/2" in again  # onboarding not finished: /start picks it up again


async def test_group_start_by_admin_makes_the_group_a_team(chat: Chat) -> None:
    owner = chat.person(21, "Olga", "ru")
    group = chat.group(-500, "Студия «Север»", creator=owner)
    seen = await chat.send(owner, "/start", chat=group)
    assert "Группа Студия «Север» подключена к Kompas" in seen and "1/3" in seen
    assert "<b>Студия «Север»</b>" in seen.html


async def test_group_start_by_non_admin_is_refused(chat: Chat) -> None:
    owner = chat.person(21, "Olga", "ru")
    member = chat.person(22, "Ivan", "ru")
    group = chat.group(-500, "Студия", creator=owner, members=(member,))
    seen = await chat.send(member, "/start", chat=group)
    assert "только её администратор" in seen
    seen = await chat.send(owner, "/start", chat=group)
    assert "подключена к Kompas" in seen


async def test_group_title_with_html_is_shown_as_text(chat: Chat) -> None:
    owner = chat.person(21, "Olga", "nl")
    group = chat.group(-501, "<b>Team</b> & co", creator=owner)
    seen = await chat.send(owner, "/start", chat=group)
    assert "&lt;b&gt;Team&lt;/b&gt; &amp; co" in seen.html
    assert "<b>Team</b> & co werkt nu met Kompas." in seen.text


async def test_lang_switches_language_for_the_next_replies(chat: Chat) -> None:
    anna = chat.person(11, "Anna", "ru")
    assert "Что я умею" in await chat.send(anna, "/help")
    seen = await chat.send(anna, "/lang nl")
    assert "vanaf nu spreek ik Nederlands" in seen
    assert "Wat ik kan" in await chat.send(anna, "/help")


async def test_lang_with_buttons_edits_the_question(chat: Chat) -> None:
    anna = chat.person(11, "Anna", "nl")
    question = await chat.send(anna, "/lang")
    assert question.buttons == ["Nederlands", "Русский"]
    seen = await chat.press(anna, "Русский")
    assert seen.last.message_id == question.last.message_id
    assert "по-русски" in seen


async def test_lang_with_an_unknown_code_says_what_to_type(chat: Chat) -> None:
    anna = chat.person(11, "Anna", "nl")
    seen = await chat.send(anna, "/lang en")
    assert "typ /taal nl of /taal ru" in seen


async def test_unknown_command_points_to_help_in_the_callers_language(chat: Chat) -> None:
    ivan = chat.person(12, "Ivan", "ru")
    seen = await chat.send(ivan, "/frobnicate")
    assert seen.text == "/frobnicate — такого я не знаю. Что я умею — /help."


async def test_a_mistyped_command_suggests_the_nearest_one(chat: Chat) -> None:
    anna = chat.person(11, "Anna", "nl")
    seen = await chat.send(anna, "/verkop")
    assert seen.text == "Het commando /verkop ken ik niet. Bedoel je /verkoop?"
    ivan = chat.person(12, "Ivan", "ru")
    seen = await chat.send(ivan, "/sael")
    assert seen.text == "/sael — такого я не знаю. Вы имели в виду /sale?"


@pytest.mark.parametrize(
    ("locale", "typed", "meant"),
    [("ru", "/hlep", "/help"), ("nl", "/hlep", "/hulp"), ("ru", "/klnt", "/client")],
)
async def test_a_mistyped_command_is_named_as_the_caller_knows_it(
    chat: Chat, locale: str, typed: str, meant: str
) -> None:
    """A Russian's /hlep is /help, never the Dutch /hulp (a Russian reader)."""
    seen = await chat.send(chat.person(13, "Ivan", locale), typed)
    assert seen.text.endswith(f" {meant}?"), seen.text


async def test_help_for_one_command(chat: Chat) -> None:
    anna = chat.person(11, "Anna", "nl")
    seen = await chat.send(anna, "/help lang")
    assert "typ /taal nl of /taal ru" in seen
    seen = await chat.send(anna, "/help nothing")
    assert "ken ik niet" in seen


async def test_every_command_the_bot_answers_is_explained_in_help(chat: Chat) -> None:
    anna = chat.person(11, "Anna", "nl")
    commands = {
        command
        for handlers in chat.app.handlers.values()
        for handler in handlers
        if isinstance(handler, CommandHandler)
        for command in handler.commands
    }
    assert {"portrait", "decline", "sale"} <= commands
    for command in sorted(commands):
        seen = await chat.send(anna, f"/help {command}")
        assert "ken ik niet" not in seen.text, command
    seen = await chat.send(anna, "/help portrait")
    assert "/portret particulieren of /portret organisaties" in seen


async def test_language_code_other_than_nl_or_ru_gets_the_default(chat: Chat) -> None:
    tom = chat.person(13, "Tom", "en")
    assert "Wat ik kan" in await chat.send(tom, "/help")


async def test_command_menus_are_published_per_language(chat: Chat) -> None:
    menus = chat.api.commands
    assert set(menus) == {"", "nl", "ru"}
    ru = {c["command"]: c["description"] for c in menus["ru"]}
    nl = {c["command"]: c["description"] for c in menus["nl"]}
    assert ru["help"] == "Что я умею"
    assert nl["hulp"] == "Wat ik kan"


async def test_a_redelivered_update_is_processed_once(chat: Chat) -> None:
    anna = chat.person(11, "Anna", "nl")
    first = await chat.send(anna, "/help", update_id=4242)
    again = await chat.send(anna, "/help", update_id=4242)
    assert first.messages and not again.messages


async def test_a_forged_button_for_another_team_changes_nothing(chat: Chat) -> None:
    anna = chat.person(11, "Anna", "nl")
    await chat.send(anna, "/lang")
    message = chat.api.in_chat(11)[-1]
    seen = await chat.press_data(anna, message, "lang:999:ru")
    assert not seen.messages
    assert chat.api.callback_answers[-1]["text"] == "Deze knop werkt niet meer."
    assert "Wat ik kan" in await chat.send(anna, "/help")


async def test_a_button_without_data_or_with_an_unknown_action_is_no_longer_valid(
    chat: Chat,
) -> None:
    """Telegram allows empty callback data; old versions had actions this one no longer has."""
    anna = chat.person(11, "Anna", "nl")
    await chat.send(anna, "/lang")
    message = chat.api.in_chat(11)[-1]
    for data in ("", "gone:1:2"):
        answered = len(chat.api.callback_answers)
        seen = await chat.press_data(anna, message, data)
        assert not seen.messages
        assert [a["text"] for a in chat.api.callback_answers[answered:]] == [
            "Deze knop werkt niet meer."
        ]


async def test_another_word_for_a_command_suggests_it(chat: Chat) -> None:
    anna = chat.person(11, "Anna", "nl")
    seen = await chat.send(anna, "/verkocht Jan Smit 200")
    assert seen.text == "Het commando /verkocht ken ik niet. Bedoel je /verkoop?"
    seen = await chat.send(anna, "/betaling Jan Smit")
    assert seen.text == "Het commando /betaling ken ik niet. Bedoel je /betaald?"
    seen = await chat.send(anna, "/nieuw Jan Smit")
    assert seen.text == "Het commando /nieuw ken ik niet. Bedoel je /toevoegen?"


async def test_a_command_for_another_bot_is_left_alone(chat: Chat) -> None:
    anna = chat.person(11, "Anna", "nl")
    seen = await chat.send(anna, "/hulp@andere_bot")
    assert seen.text == ""
    seen = await chat.send(anna, "/verkop@kompas_bot")  # ours, mistyped
    assert seen.text == "Het commando /verkop ken ik niet. Bedoel je /verkoop?"
