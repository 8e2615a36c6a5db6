"""Groups with privacy mode on: several people mid-dialog, roles, private chat, restarts."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Member, Sale
from tests.chat import Chat
from tests.factories import make_client, make_team, rows

GROUP = -500


async def test_two_people_in_dialogs_at_once_in_a_group(chat: Chat, sqlite_engine: Engine) -> None:
    olga, ivan = chat.person(21, "Ольга", "ru"), chat.person(22, "Иван", "ru")
    chat.group(GROUP, "Студия", creator=olga, members=(ivan,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=21, locale="ru", currency="RUB")
    make_client(sqlite_engine, team, "Кофейня «Зерно»")
    seen = await chat.send(olga, "/add", chat=GROUP)
    assert seen.last.force_reply and "Ольга" in seen.text
    seen = await chat.send(ivan, "/sale зерно", chat=GROUP)
    # An organisation in a group team gets an invoice: the question is what was invoiced.
    assert "Иван, на какую сумму счёт по клиенту Кофейня «Зерно»?" in seen  # one person addressed
    assert seen.last.force_reply
    # Each answers their own question; neither disturbs the other.
    await chat.reply(olga, "«Колосок»", chat=GROUP)  # «Пекарня …» would say its kind
    seen = await chat.reply(ivan, "2 500", chat=GROUP)
    assert "Иван, сколько ушло на материалы" in seen
    seen = await chat.press(olga, "Организация", chat=GROUP)
    assert "Ольга, в каком городе?" in seen
    await chat.send(ivan, "/skip", chat=GROUP)
    seen = await chat.send(ivan, "/skip", chat=GROUP)
    assert "Продажа записана" in seen
    await chat.send(olga, "/skip", chat=GROUP)
    await chat.send(olga, "/skip", chat=GROUP)
    seen = await chat.send(olga, "/skip", chat=GROUP)
    assert "Добавлено: «Колосок»" in seen
    assert {c.name for c in rows(sqlite_engine, Client)} == {"Кофейня «Зерно»", "«Колосок»"}
    assert rows(sqlite_engine, Sale)[0].amount == 250000
    members = {m.user_id: m.role for m in rows(sqlite_engine, Member)}
    assert members == {21: "owner", 22: "member"}


async def test_someone_elses_dialog_buttons_do_nothing(chat: Chat, sqlite_engine: Engine) -> None:
    olga, ivan = chat.person(21, "Olga", "nl"), chat.person(22, "Ivan", "nl")
    chat.group(GROUP, "Studio", creator=olga, members=(ivan,))
    make_team(sqlite_engine, chat_id=GROUP, owner_id=21)
    await chat.send(olga, "/add", chat=GROUP)
    await chat.reply(olga, "De Vries en Zonen", chat=GROUP)
    seen = await chat.press(ivan, "Organisatie", chat=GROUP)
    assert not seen.messages
    assert chat.api.callback_answers[-1]["text"] == "Deze knop werkt niet meer."
    seen = await chat.press(olga, "Organisatie", chat=GROUP)
    assert "Olga, in welke plaats?" in seen


async def test_member_is_denied_an_admin_action(chat: Chat, sqlite_engine: Engine) -> None:
    olga, ivan = chat.person(21, "Olga", "nl"), chat.person(22, "Ivan", "nl")
    chat.group(GROUP, "Studio", creator=olga, members=(ivan,))
    make_team(sqlite_engine, chat_id=GROUP, owner_id=21)
    seen = await chat.send(ivan, "/members", chat=GROUP)
    assert seen.text == "Dat kan alleen owner21 (beheerder)."
    seen = await chat.send(olga, "/members", chat=GROUP)
    assert "Olga" not in seen.text or "eigenaar" in seen.text


async def test_a_forged_card_button_does_not_open_an_admin_dialog_for_a_member(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, ivan = chat.person(21, "Olga", "nl"), chat.person(22, "Ivan", "nl")
    chat.group(GROUP, "Studio", creator=olga, members=(ivan,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=21)
    client_id = make_client(sqlite_engine, team, "Bakkerij de Vries", city="Utrecht")
    card = (await chat.send(ivan, "/client bakkerij", chat=GROUP)).last
    for dialog in ("export", "forget"):
        seen = await chat.press_data(ivan, card, f"act:{team.id}:{dialog}:{client_id}")
        assert chat.api.callback_answers[-1]["text"] == "Dat kan alleen owner21 (beheerder)."
        assert not seen.messages
    assert not any(m.document for m in chat.api.messages)
    assert rows(sqlite_engine, Client)[0].city == "Utrecht"


async def test_telegram_admins_are_admins(chat: Chat, sqlite_engine: Engine) -> None:
    olga, piet = chat.person(21, "Olga", "nl"), chat.person(23, "Piet", "nl")
    chat.group(GROUP, "Studio", creator=olga, admins=(piet,))
    make_team(sqlite_engine, chat_id=GROUP, owner_id=21)
    seen = await chat.send(piet, "/members", chat=GROUP)
    assert "beheerder" in seen.text
    chat.api.set_member(GROUP, 23, "member")  # demoted in Telegram
    chat.app.bot_data["kompas"].chat_members.forget(GROUP, 23)
    seen = await chat.send(piet, "/members", chat=GROUP)
    assert seen.text == "Dat kan alleen owner21 (beheerder)."


async def test_approval_and_removal_of_members(chat: Chat, sqlite_engine: Engine) -> None:
    olga, ivan = chat.person(21, "Olga", "nl"), chat.person(22, "Ivan", "nl")
    chat.group(GROUP, "Studio", creator=olga, members=(ivan,))
    make_team(sqlite_engine, chat_id=GROUP, owner_id=21, members_need_approval=True)
    seen = await chat.send(ivan, "/add Bakkerij", chat=GROUP)
    assert "Ik heb de beheerders van het team gevraagd je toe te laten" in seen
    seen = await chat.send(ivan, "/add Bakkerij", chat=GROUP)
    assert "Een beheerder moet je nog goedkeuren" in seen
    seen = await chat.send(olga, "/members", chat=GROUP)
    assert "wacht op goedkeuring" in seen
    seen = await chat.press(olga, "✓ Ivan toelaten", chat=GROUP)
    assert "wacht op goedkeuring" not in seen
    seen = await chat.send(ivan, "/add Bakkerij, organisatie", chat=GROUP)
    assert "Toegevoegd" in seen
    await chat.send(olga, "/members", chat=GROUP)
    await chat.press(olga, "✕ Ivan verwijderen", chat=GROUP)
    seen = await chat.press(olga, "Ja, verwijderen", chat=GROUP)
    assert "Ivan — lid · verwijderd" in seen.text
    assert {m.user_id: m.status for m in rows(sqlite_engine, Member)} == {
        21: "active",
        22: "removed",
    }


async def test_private_chat_works_on_a_chosen_team_for_members_only(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, stranger = chat.person(21, "Olga", "nl"), chat.person(99, "Eve", "nl")
    chat.group(GROUP, "Studio Noord", creator=olga)
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=21, title="Studio Noord")
    make_client(sqlite_engine, team, "Bakkerij de Vries")
    seen = await chat.send(olga, "/team")
    assert seen.buttons == ["✓ Studio Noord"]  # her only team: worked on without choosing
    seen = await chat.press(olga, "✓ Studio Noord")
    assert "Je werkt nu in: Studio Noord." in seen
    seen = await chat.send(olga, "/sale bakkerij 100")
    assert "Verkoop vastgelegd" in seen
    # Someone outside the group sees nothing of the team, not even that it exists.
    seen = await chat.send(stranger, "/sale bakkerij 100")
    assert "Studio" not in seen.text and "Bakkerij" not in seen.text
    seen = await chat.send(stranger, "/team")
    assert "Je zit nog in geen enkel team" in seen
    # Olga leaves the group: her private chat no longer reaches the team.
    chat.api.set_member(GROUP, 21, "left")
    chat.app.bot_data["kompas"].chat_members.forget(GROUP, 21)
    seen = await chat.send(olga, "/sale bakkerij 100")
    assert "Bakkerij" not in seen.text
    assert len(rows(sqlite_engine, Sale)) == 1


async def test_anonymous_admin_is_asked_to_write_as_themselves(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga = chat.person(21, "Olga", "nl")
    chat.group(GROUP, "Studio", creator=olga)
    make_team(sqlite_engine, chat_id=GROUP, owner_id=21)
    update = chat.factory.message(olga, GROUP, "/members", sender_chat=chat.api.chats[GROUP])
    chat._seen = []
    await chat.app.process_update(update)
    assert "namens een groep" in chat._seen[-1].text


async def test_a_dialog_survives_a_restart(sqlite_engine: Engine, clock) -> None:  # type: ignore[no-untyped-def]
    team = make_team(sqlite_engine, chat_id=11, owner_id=11, personal=True)
    make_client(sqlite_engine, team, "Bakkerij de Vries")
    first = await Chat.start(sqlite_engine, clock)
    anna = first.person(11, "Anna", "nl")
    await first.send(anna, "/sale bakkerij")
    await first.stop()
    second = await Chat.start(sqlite_engine, clock, first_update_id=1000)
    second.person(11, "Anna", "nl")
    seen = await second.send(anna, "900")
    assert "Wat waren je kosten" in seen
    await second.stop()
    clock.advance(minutes=31)
    third = await Chat.start(sqlite_engine, clock, first_update_id=2000)
    third.person(11, "Anna", "nl")
    seen = await third.send(anna, "300")  # the dialog expired after half an hour
    assert seen.text.startswith("Die vraag is verlopen.")
    seen = await third.send(anna, "300")
    assert "Stuur een commando om te beginnen" in seen
    await third.stop()
    assert rows(sqlite_engine, Sale) == []


async def test_cancel_always_works(chat: Chat, sqlite_engine: Engine) -> None:
    make_team(sqlite_engine, chat_id=11, owner_id=11, personal=True)
    anna = chat.person(11, "Anna", "nl")
    await chat.send(anna, "/add")
    seen = await chat.send(anna, "/cancel")
    assert "Gestopt. Er is niets veranderd." in seen
    seen = await chat.send(anna, "/cancel")
    assert "Er loopt nu niets om te stoppen." in seen
    assert rows(sqlite_engine, Client) == []


async def test_undo_of_someone_elses_change_needs_an_admin(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, ivan, jan = (
        chat.person(21, "Olga", "nl"),
        chat.person(22, "Ivan", "nl"),
        chat.person(23, "Jan", "nl"),
    )
    chat.group(GROUP, "Studio", creator=olga, members=(ivan, jan))
    make_team(sqlite_engine, chat_id=GROUP, owner_id=21)
    seen = await chat.send(ivan, "/add Bakkerij, organisatie", chat=GROUP)
    confirmation = seen.last
    await chat.press(jan, "↩ Ongedaan maken", chat=GROUP, message=confirmation)
    assert chat.api.callback_answers[-1]["text"] == "Dat kan alleen owner21 (beheerder)."
    assert len(rows(sqlite_engine, Client)) == 1
    await chat.press(olga, "↩ Ongedaan maken", chat=GROUP, message=confirmation)
    assert rows(sqlite_engine, Client) == []
