"""A new team: /start, three taps of onboarding, the empty state, first client in minutes."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from storage.models import Client, Team
from tests.chat import Chat
from tests.factories import rows


async def test_group_onboarding_in_three_taps_then_first_client(
    chat: Chat, sqlite_engine: Engine
) -> None:
    owner = chat.person(21, "Olga", "ru")
    group = chat.group(-500, "Студия «Север»", creator=owner)
    seen = await chat.send(owner, "/start", chat=group)
    assert "подключена к Kompas" in seen
    assert "1/3" in seen and seen.buttons == ["Русский", "Nederlands"]
    seen = await chat.press(owner, "Русский", chat=group)
    assert "2/3" in seen and "₽ RUB" in seen.buttons
    seen = await chat.press(owner, "₽ RUB", chat=group)
    assert "3/3" in seen and seen.buttons == ["A–D", "1–5", "1–10"]
    seen = await chat.press(owner, "1–10", chat=group)
    assert "Всё готово" in seen
    # Russia has eleven time zones: the one a team got unasked is said, with where to change it
    # (a Yekaterinburg salon read Moscow times without knowing why).
    assert seen.text.startswith("Часовой пояс: Москва (UTC+3). Вы в другом? Поменяйте в /settings.")
    assert seen.buttons == ["Добавить клиента", "Импортировать файл", "Попробовать на демо-данных"]
    [team] = rows(sqlite_engine, Team)
    assert (team.locale, team.currency, team.grade_scale, team.onboarded) == (
        "ru",
        "RUB",
        "1-10",
        True,
    )
    assert team.timezone == "Europe/Moscow"

    seen = await chat.press(owner, "Добавить клиента", chat=group)
    assert "Olga, как зовут нового клиента?" in seen  # no capital after the addressed name
    assert seen.last.force_reply  # privacy mode: the bot sees replies only
    seen = await chat.reply(owner, "Кофейня «Зерно»", chat=group)
    assert "Olga, в каком городе?" in seen  # «Кофейня» says an organisation: not asked
    await chat.reply(owner, "Москва", chat=group)
    await chat.press(owner, "Сайт", chat=group)
    seen = await chat.reply(owner, "общепит", chat=group)
    assert "Добавлено: Кофейня «Зерно» (организация, Москва, источник: сайт)." in seen
    [client] = rows(sqlite_engine, Client)
    assert (client.city, client.source, client.industry) == ("Москва", "website", "общепит")


async def test_personal_team_onboarding_in_dutch(chat: Chat, sqlite_engine: Engine) -> None:
    anna = chat.person(11, "Anna", "nl")
    await chat.send(anna, "/start")
    seen = await chat.press(anna, "Hier beginnen, voor mezelf")
    # Her own chat speaks her language already: no language step, two taps.
    assert "Nog twee vragen." in seen and "1/2" in seen and "Welke taal" not in seen
    seen = await chat.press(anna, "€ EUR")
    assert "2/2" in seen
    seen = await chat.press(anna, "A–D")
    assert "Alles staat klaar!" in seen
    assert "Tijdzone" not in seen  # the Netherlands have one: nothing to say
    seen = await chat.press(anna, "Probeer de demogegevens")
    assert "demoklanten toegevoegd" in seen
    assert len(rows(sqlite_engine, Client)) > 30
    # The count said is the one /klanten says (not the prospects too: 40 above 38)
    added = seen.text.split(" demoklanten")[0].split()[-1]
    listed = (await chat.send(anna, "/klanten")).text.splitlines()[0]
    assert listed == f"{added} klanten", (added, listed)
    await chat.press(anna, "Probeer de demogegevens")
    assert "demogegevens heb ik weggelaten" in chat.api.callback_answers[-1]["text"]


async def test_only_admins_onboard_a_group(chat: Chat) -> None:
    owner = chat.person(21, "Olga", "nl")
    member = chat.person(22, "Piet", "nl")
    group = chat.group(-500, "Studio", creator=owner, members=(member,))
    await chat.send(owner, "/start", chat=group)
    seen = await chat.press(member, "Nederlands", chat=group)
    assert not seen.messages  # no message to the whole group, only a pop-up for the presser
    assert (
        chat.api.callback_answers[-1]["text"] == "Het team wordt nog ingericht. Geef de "
        "eigenaar even de tijd."
    )


async def test_group_migrating_to_a_supergroup_keeps_the_team(
    chat: Chat, sqlite_engine: Engine
) -> None:
    owner = chat.person(21, "Olga", "nl")
    group = chat.group(-500, "Studio", creator=owner)
    await chat.send(owner, "/start", chat=group)
    chat.api.add_group(-1009, "Studio", supergroup=True)
    chat.api.set_member(-1009, 21, "creator")
    update = chat.factory.message(owner, group, extra={"migrate_to_chat_id": -1009})
    await chat.app.process_update(update)
    [team] = rows(sqlite_engine, Team)
    assert team.chat_id == -1009
    seen = await chat.send(owner, "/start", chat=-1009)
    assert "1/3" in seen  # same team, onboarding still where the owner left it


async def test_bot_removed_from_group_marks_team_inactive_and_keeps_data(
    chat: Chat, sqlite_engine: Engine
) -> None:
    owner = chat.person(21, "Olga", "nl")
    group = chat.group(-500, "Studio", creator=owner)
    await chat.send(owner, "/start", chat=group)
    await chat.app.process_update(chat.factory.my_chat_member(owner, group, "member", "kicked"))
    [team] = rows(sqlite_engine, Team)
    assert team.active is False
    await chat.app.process_update(chat.factory.my_chat_member(owner, group, "left", "member"))
    [team] = rows(sqlite_engine, Team)
    assert team.active is True


async def test_import_button_in_a_group_asks_the_presser_for_the_file(
    chat: Chat, sqlite_engine: Engine
) -> None:
    owner, ivan = chat.person(21, "Olga", "ru"), chat.person(22, "Иван", "ru")
    group = chat.group(-501, "Студия", creator=owner, members=(ivan,))
    await chat.send(owner, "/start", chat=group)
    for label in ("Русский", "₽ RUB", "A–D"):
        await chat.press(owner, label, chat=group)
    refused = await chat.press(ivan, "Импортировать файл", chat=group)
    assert refused.messages == []  # a member gets a pop-up, the group sees nothing
    seen = await chat.press(owner, "Импортировать файл", chat=group)
    # A button press is not a message to reply to: the question names Olga instead.
    assert seen.last.force_reply and 'href="tg://user?id=21">Olga</a>' in seen.last.text
    csv = "Имя;Тип;Город\nКофейня «Зерно»;организация;Москва\n".encode()
    done = await chat.upload(owner, "clients.csv", csv, chat=group, reply_to=seen.last)
    assert "Кофейня «Зерно»" in {c.name for c in rows(sqlite_engine, Client)}, done.text


class Counted:
    """A chat that counts what the person did: each message sent and each button pressed."""

    def __init__(self, chat: Chat) -> None:
        self.chat, self.actions = chat, 0

    async def send(self, person, text: str, **kw):  # type: ignore[no-untyped-def]
        self.actions += 1
        return await self.chat.send(person, text, **kw)

    async def press(self, person, label: str, **kw):  # type: ignore[no-untyped-def]
        self.actions += 1
        return await self.chat.press(person, label, **kw)


GRADE = {"nl": "Cijfer: ", "ru": "ценка клиента: "}  # the group picks 1–10: a Dutch "cijfer"


async def test_a_solo_specialist_sees_a_first_grade_within_six_actions(chat: Chat) -> None:
    """/start, 'for myself', currency, scale, one /sale line, person or organisation."""
    you = Counted(chat)
    olga = chat.person(31, "Ольга", "ru")
    await you.send(olga, "/start")
    await you.press(olga, "Начать здесь, для себя")
    await you.press(olga, "₽ RUB")
    await you.press(olga, "A–D")
    seen = await you.send(olga, "/sale Иванова 4500")
    seen = await you.press(olga, "Добавить «Иванова» как частное лицо")
    assert GRADE["ru"] in seen, seen.text
    assert you.actions <= 6


async def test_a_group_sees_a_first_grade_within_six_actions(chat: Chat) -> None:
    """/start, language, currency, scale, one /sale line, person or organisation."""
    you = Counted(chat)
    sanne = chat.person(41, "Sanne", "nl")
    group = chat.group(-600, "Kapsalon Knip", creator=sanne)
    await you.send(sanne, "/start", chat=group)
    for label in ("Nederlands", "€ EUR", "1–10"):
        await you.press(sanne, label, chat=group)
    await you.send(sanne, "/verkoop Jansen 450", chat=group)
    seen = await you.press(sanne, "„Jansen” toevoegen als particulier", chat=group)
    assert GRADE["nl"] in seen, seen.text
    assert you.actions <= 6


@pytest.mark.parametrize(
    ("locale", "typed", "said"),
    [("nl", "euro", "Kies een van de knoppen."), ("ru", "рубли", "Выберите одну из кнопок.")],
)
async def test_typing_under_the_setups_buttons_points_to_them(
    chat: Chat, locale: str, typed: str, said: str
) -> None:
    """Text typed while the setup's currency buttons wait is no cue to "send a command": the
    buttons above are the question (a Dutch reader)."""
    me = chat.person(31, "Eva", locale)
    await chat.send(me, "/start")
    await chat.press(
        me, "Hier beginnen, voor mezelf" if locale == "nl" else "Начать здесь, для себя"
    )

    seen = await chat.send(me, typed)

    assert seen.text == said
