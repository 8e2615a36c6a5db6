"""Every reply is true (issue 16, findings 6 and 7): "sent to you privately" only once Telegram
took the private message, and a change that was saved is never called "nothing changed"."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.transports.local_bot_api import Failure
from storage.models import Sale
from tests.chat import Chat
from tests.factories import make_client, make_sale, make_team, rows

GROUP = -716
NAMES = {"nl": "Schoonmaakbedrijf Glans", "ru": "Клининг «Глянец»"}


async def test_a_card_for_an_admin_who_never_opened_a_private_chat(
    chat: Chat, sqlite_engine: Engine
) -> None:
    joris = chat.person(21, "Joris", "nl", opened=False)
    chat.group(GROUP, "Glans & Co", creator=joris)
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=21, sensitive_to_admins=True)
    glans = make_client(sqlite_engine, team, "Schoonmaakbedrijf Glans")
    make_sale(sqlite_engine, team, glans, 30_000)

    seen = await chat.send(joris, "/client glans", chat=GROUP)
    [note] = seen.messages
    assert note.chat_id == GROUP and "€" not in note.text
    assert "privé gestuurd" not in seen
    assert seen.text == (
        "Ik kon je geen privébericht sturen: Telegram staat dat pas toe als je zelf een chat "
        "met mij opent. Tik op de knop, druk op Start en vraag het hier opnieuw."
    )
    assert note.buttons == [
        [{"text": "Open een privéchat", "url": f"https://t.me/kompas_bot?start=team{team.id}"}]
    ]

    # Joris follows the link and presses Start; asked again, the card reaches him.
    chat.api.add_private_chat(21, "Joris")
    await chat.send(joris, f"/start team{team.id}")
    seen = await chat.send(joris, "/client glans", chat=GROUP)
    [private] = [m for m in seen.messages if m.chat_id == 21]
    [note] = [m for m in seen.messages if m.chat_id == GROUP]
    assert "Schoonmaakbedrijf Glans" in private.text and "omzet €" in private.text
    assert "privé gestuurd" in note.text and not note.buttons


async def test_an_export_telegram_would_not_deliver_privately(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga = chat.person(31, "Ольга", "ru", opened=False)
    chat.group(GROUP, "Студия", creator=olga)
    team = make_team(
        sqlite_engine,
        chat_id=GROUP,
        owner_id=31,
        locale="ru",
        currency="RUB",
        sensitive_to_admins=True,
    )
    make_client(sqlite_engine, team, "Кофейня «Зерно»")

    seen = await chat.send(olga, "/export", chat=GROUP)
    assert [m.chat_id for m in seen.messages] == [GROUP]
    assert not any(m.document for m in seen.messages)
    assert "отправил" not in seen.text
    assert seen.text.startswith("Не получилось написать вам лично")
    assert seen.buttons == ["Открыть личный чат"]
    # Only one refusal reaches Telegram: the second file isn't tried once the first was refused.
    tried = [params["chat_id"] for method, params in chat.api.calls if method == "sendDocument"]
    assert tried == [31]


BAD_GATEWAY = Failure("sendMessage", 502, "Bad Gateway")


@pytest.mark.parametrize(
    ("locale", "command", "saved", "undo", "undone"),
    [
        (
            "nl",
            "/sale glans, 300",
            "Mijn antwoord raakte onderweg kwijt, maar dit is wel bewaard:\n"
            "Verkoop vastgelegd: € 300 — Schoonmaakbedrijf Glans, vandaag.",
            "↩ Ongedaan maken",
            "Ongedaan gemaakt: de verkoop is verwijderd.",
        ),
        (
            "ru",
            "/sale глянец, 300",
            "Мой ответ потерялся по дороге, но это сохранено:\n"
            "Продажа записана: 300 ₽, Клининг «Глянец», сегодня.",
            "↩ Отменить",
            "Отменено: продажа удалена.",
        ),
    ],
)
async def test_a_sale_saved_before_the_answer_failed_is_told_as_saved(
    chat: Chat,
    sqlite_engine: Engine,
    locale: str,
    command: str,
    saved: str,
    undo: str,
    undone: str,
) -> None:
    joris = chat.person(21, "Joris", locale)
    chat.group(GROUP, "Team", creator=joris)
    team = make_team(
        sqlite_engine,
        chat_id=GROUP,
        owner_id=21,
        locale=locale,
        currency="EUR" if locale == "nl" else "RUB",
        payment_days=0,
    )
    make_client(sqlite_engine, team, NAMES[locale])

    chat.api.fail(BAD_GATEWAY)  # Telegram takes the sale's confirmation no further
    seen = await chat.send(joris, command, chat=GROUP)
    [told] = seen.messages
    assert told.chat_id == GROUP
    assert seen.text.startswith(saved), seen.text
    assert "niets veranderd" not in seen and "ничего не изменилось" not in seen
    assert told.button_labels[-1] == undo
    assert len(rows(sqlite_engine, Sale)) == 1  # said as saved, so nobody sends it again

    seen = await chat.press(joris, undo, chat=GROUP)
    assert seen.text.splitlines()[0] == undone  # then which sale it was
    assert "300" in seen.text.splitlines()[1], seen.text
    assert rows(sqlite_engine, Sale) == []


async def test_nothing_changed_is_said_only_when_nothing_did(
    chat: Chat, sqlite_engine: Engine
) -> None:
    joris = chat.person(21, "Joris", "nl")
    chat.group(GROUP, "Team", creator=joris)
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=21)
    make_client(sqlite_engine, team, NAMES["nl"])
    chat.api.fail(BAD_GATEWAY)
    seen = await chat.send(joris, "/client glans", chat=GROUP)  # reading changes nothing
    assert "er is niets veranderd" in seen
    chat.api.fail(BAD_GATEWAY)
    seen = await chat.send(joris, "/members", chat=GROUP)
    assert "er is niets veranderd" in seen
