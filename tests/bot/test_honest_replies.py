"""Every reply is true (issue 16, findings 6 and 7): "sent to you privately" only once Telegram
took the private message, and a change that was saved is never called "nothing changed"."""

from __future__ import annotations

from sqlalchemy import Engine

from tests.chat import Chat
from tests.factories import make_client, make_sale, make_team

GROUP = -716


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
    assert "privé naar je gestuurd" not in seen
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
    assert "privé naar je gestuurd" in note.text and not note.buttons


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
