"""Membership that holds: removal, approval by every admin, a member's private chat, and cards
without money for members of a team that keeps money for its admins (issue 16, findings 3-5)."""

from __future__ import annotations

from sqlalchemy import Engine

from bot.transports.local_bot_api import Failure
from storage.models import Client, Member, Sale, Team, UserPref
from tests.chat import Chat
from tests.factories import NOW, add_member, make_client, make_sale, make_team, rows

GROUP, SALON = -500, -600
OLGA, PIET, FATIMA, JAN = 21, 23, 24, 25
DUTCH_REMOVED = "Je bent uit dit team gehaald; een beheerder kan je weer toelaten."
RUSSIAN_REMOVED = "Вас исключили из этой команды; вернуть вас может администратор."


def _status(engine: Engine, user_id: int) -> str:
    [member] = [m for m in rows(engine, Member) if m.user_id == user_id]
    return str(member.status)


def _russian_studio(engine: Engine) -> Team:
    """A Russian group team whose newcomers an admin lets in."""
    return make_team(
        engine,
        chat_id=GROUP,
        owner_id=OLGA,
        locale="ru",
        currency="RUB",
        title="Студия",
        members_need_approval=True,
    )


# Finding 3: a removed member stays removed -------------------------------------------------


async def test_a_removed_member_is_told_once_then_silence_until_let_back_in(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, piet = chat.person(OLGA, "Olga", "nl"), chat.person(PIET, "Piet", "nl")
    fatima = chat.person(FATIMA, "Fatima", "nl")
    chat.group(GROUP, "Studio", creator=olga, admins=(piet,), members=(fatima,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=OLGA)
    client_id = make_client(sqlite_engine, team, "Bakkerij de Vries")
    make_sale(sqlite_engine, team, client_id, 120000)
    card = (await chat.send(fatima, "/client bakkerij", chat=GROUP)).last
    assert "Bakkerij de Vries" in card.text

    await chat.send(piet, "/members", chat=GROUP)
    await chat.press(piet, "✕ Fatima verwijderen", chat=GROUP)
    seen = await chat.press(piet, "Ja, verwijderen", chat=GROUP)
    assert "Fatima — lid · verwijderd" in seen
    assert "↩ Fatima weer toelaten" in seen.buttons

    # Still in the Telegram group: told once, then nothing at all.
    seen = await chat.send(fatima, "/client bakkerij", chat=GROUP)
    assert seen.text == DUTCH_REMOVED
    for text in ("/sale bakkerij 300", "/export", "/client bakkerij", "/start", "/help"):
        seen = await chat.send(fatima, text, chat=GROUP)
        assert not seen.messages, (text, seen.text)
    seen = await chat.press_data(fatima, card, card.button_data("Details"))
    assert not seen.messages and not chat.api.callback_answers[-1].get("text")
    # Nor through a private chat.
    seen = await chat.send(fatima, "/sale bakkerij 300")
    assert "Verkoop vastgelegd" not in seen.text and "Bakkerij" not in seen.text
    assert len(rows(sqlite_engine, Sale)) == 1
    assert not any(m.document for m in chat.api.messages)
    assert _status(sqlite_engine, FATIMA) == "removed"

    # An admin lets her back in from /members.
    await chat.send(olga, "/members", chat=GROUP)
    seen = await chat.press(olga, "↩ Fatima weer toelaten", chat=GROUP)
    assert "Fatima zit nu in het team." in seen
    seen = await chat.send(fatima, "/sale bakkerij 300", chat=GROUP)
    assert "Verkoop vastgelegd" in seen
    # Removed again: told again, once.
    await chat.send(olga, "/members", chat=GROUP)
    await chat.press(olga, "✕ Fatima verwijderen", chat=GROUP)
    await chat.press(olga, "Ja, verwijderen", chat=GROUP)
    assert (await chat.send(fatima, "/client bakkerij", chat=GROUP)).text == DUTCH_REMOVED
    assert not (await chat.send(fatima, "/client bakkerij", chat=GROUP)).messages


async def test_a_removed_member_pressing_a_button_first_gets_one_pop_up_in_russian(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, ivan = chat.person(OLGA, "Ольга", "ru"), chat.person(22, "Иван", "ru")
    chat.group(GROUP, "Студия", creator=olga, members=(ivan,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=OLGA, locale="ru", currency="RUB")
    client_id = make_client(sqlite_engine, team, "Кофейня «Зерно»")
    make_sale(sqlite_engine, team, client_id, 500000)
    card = (await chat.send(ivan, "/client зерно", chat=GROUP)).last
    await chat.send(olga, "/members", chat=GROUP)
    await chat.press(olga, "✕ Удалить: Иван", chat=GROUP)
    seen = await chat.press(olga, "Да, удалить", chat=GROUP)
    assert "исключён(а)" in seen
    seen = await chat.press_data(ivan, card, card.button_data("Продажа"))
    assert not seen.messages
    assert chat.api.callback_answers[-1]["text"] == RUSSIAN_REMOVED
    seen = await chat.send(ivan, "/sale зерно 100", chat=GROUP)
    assert not seen.messages
    assert len(rows(sqlite_engine, Sale)) == 1


# Finding 4: approval requests reach every admin --------------------------------------------


async def test_every_admin_is_asked_privately_and_a_link_helps_the_one_who_never_opened_a_chat(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, piet = chat.person(OLGA, "Olga", "nl"), chat.person(PIET, "Piet", "nl")
    fatima, jan = chat.person(FATIMA, "Fatima", "nl"), chat.person(JAN, "Jan", "nl")
    chat.group(GROUP, "Studio", creator=olga, admins=(piet,), members=(fatima, jan))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=OLGA, members_need_approval=True)
    add_member(sqlite_engine, team, JAN)  # let in earlier
    # Piet never opened a private chat with the bot: Telegram refuses to write to him.
    chat.api.fail(
        Failure("sendMessage", 403, "Forbidden: bot can't initiate conversation", chat_id=PIET)
    )

    seen = await chat.send(fatima, "/add Bakkerij", chat=GROUP)
    [told] = [m for m in seen.messages if m.chat_id == GROUP and "gevraagd" in m.text]
    assert told.text == (
        "Ik heb de beheerders van het team gevraagd je toe te laten. Wat je stuurde is nog niet "
        "vastgelegd: stuur het opnieuw zodra je bent toegelaten. Ik laat het je hier weten."
    )
    [request] = [m for m in seen.messages if m.chat_id == OLGA]
    assert request.text == "<b>Fatima</b> wil meedoen met <b>Studio</b>. Toelaten?"
    assert request.button_labels == ["✓ Toelaten", "✕ Weigeren"]
    [note] = [m for m in seen.messages if m.chat_id == GROUP and "t.me" in m.text]
    assert note.text == (
        "Fatima wil meedoen. Beheerders: open een privéchat met mij om Fatima toe te "
        f"laten: https://t.me/kompas_bot?start=approve_{team.id}"
    )
    assert not rows(sqlite_engine, Client)
    seen = await chat.send(fatima, "/add Bakkerij", chat=GROUP)
    assert seen.text == (
        "Een beheerder moet je nog goedkeuren; tot dan leg ik niets vast van wat je stuurt. "
        "Ik laat het je weten."
    )
    assert not [m for m in chat.api.messages if m.chat_id == OLGA and m is not request]

    # Piet follows the link: /start shows him the waiting request.
    seen = await chat.send(piet, f"/start approve_{team.id}")
    assert seen.text == "Fatima wil meedoen met Studio. Toelaten?"
    piets_request = seen.last
    # A plain member can't use the buttons, even with the request's own data.
    jans = (await chat.send(jan, "/start")).last
    seen = await chat.press_data(jan, jans, request.button_data("✓ Toelaten"))
    assert not seen.messages
    assert _status(sqlite_engine, FATIMA) == "pending"

    seen = await chat.press(olga, "✓ Toelaten", chat=OLGA)
    [done] = [m for m in seen.messages if m.chat_id == OLGA]
    assert done.text == "Fatima zit nu in het team."
    # Her first /add was not recorded while she waited: the group note tells her to resend it.
    [group_note] = [m for m in seen.messages if m.chat_id == GROUP]
    assert group_note.text == (
        "Fatima zit nu in het team. Fatima, wat je eerder stuurde is niet vastgelegd: "
        "stuur het opnieuw."
    )
    # Piet's copy is answered already.
    seen = await chat.press_data(piet, piets_request, piets_request.button_data("✓ Toelaten"))
    assert chat.api.callback_answers[-1]["text"] == "Fatima zit al in het team."
    seen = await chat.send(fatima, "/add Bakkerij, organisatie", chat=GROUP)
    assert "Toegevoegd" in seen


async def test_a_declined_newcomer_stays_out_in_russian(chat: Chat, sqlite_engine: Engine) -> None:
    olga, ivan = chat.person(OLGA, "Ольга", "ru"), chat.person(22, "Иван", "ru")
    chat.group(GROUP, "Студия", creator=olga, members=(ivan,))
    _russian_studio(sqlite_engine)
    seen = await chat.send(ivan, "/clients", chat=GROUP)
    assert (
        "Я попросил администраторов команды принять вас. То, что вы отправили, пока не "
        "записано: отправьте это ещё раз, когда вас примут. Сообщу здесь."
    ) in seen
    [request] = [m for m in seen.messages if m.chat_id == OLGA]
    assert request.text == "<b>Иван</b> хочет присоединиться к команде <b>Студия</b>. Принять?"
    assert not [m for m in seen.messages if "t.me" in m.text]
    seen = await chat.press(olga, "✕ Отклонить", chat=OLGA)
    assert seen.text == "Иван: заявка отклонена. Изменить это можно через /members."
    assert (await chat.send(ivan, "/clients", chat=GROUP)).text == RUSSIAN_REMOVED
    assert not (await chat.send(ivan, "/clients", chat=GROUP)).messages
    await chat.send(olga, "/members", chat=GROUP)
    await chat.press(olga, "↩ Вернуть: Иван", chat=GROUP)
    seen = await chat.send(ivan, "/add Пекарня «Колосок», организация", chat=GROUP)
    assert "Добавлено: Пекарня «Колосок»" in seen


# Finding 5: a member's private chat --------------------------------------------------------


async def test_a_member_of_one_team_works_on_it_in_private_without_team(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, fatima = chat.person(OLGA, "Olga", "nl"), chat.person(FATIMA, "Fatima", "nl")
    chat.group(GROUP, "Studio Noord", creator=olga, members=(fatima,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=OLGA, title="Studio Noord")
    make_client(sqlite_engine, team, "Bakkerij de Vries")
    await chat.send(fatima, "/help", chat=GROUP)  # she uses the bot in the group first

    seen = await chat.send(fatima, "/start")
    assert (
        seen.text.splitlines()[0] == "Je werkt in Studio Noord. Stuur /hulp om te zien wat ik kan."
    )
    # no team choice to make; only a team of her own is offered (A1)
    assert "Hier is nog geen team" not in seen.text
    assert seen.buttons == ["Hier beginnen, voor mezelf"]
    seen = await chat.send(fatima, "/sale bakkerij 250")
    assert "Verkoop vastgelegd" in seen
    assert [s.amount for s in rows(sqlite_engine, Sale)] == [25000]


async def test_a_member_of_several_teams_chooses_once_in_russian(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, masha = chat.person(OLGA, "Ольга", "ru"), chat.person(30, "Маша", "ru")
    anna = chat.person(31, "Анна", "ru")
    chat.group(GROUP, "Студия", creator=olga, members=(masha,))
    chat.group(SALON, "Салон", creator=anna, members=(masha,))
    studio = make_team(
        sqlite_engine, chat_id=GROUP, owner_id=OLGA, locale="ru", currency="RUB", title="Студия"
    )
    salon = make_team(
        sqlite_engine, chat_id=SALON, owner_id=31, locale="ru", currency="RUB", title="Салон"
    )
    make_client(sqlite_engine, studio, "Кофейня «Зерно»")
    make_client(sqlite_engine, salon, "Барбершоп «Усы»")
    await chat.send(masha, "/help", chat=GROUP)
    await chat.send(masha, "/help", chat=SALON)

    seen = await chat.send(masha, "/start")
    assert seen.text.startswith("Вы состоите в 2 командах: Салон, Студия.\n")
    assert seen.buttons == ["Салон", "Студия"]
    seen = await chat.send(masha, "/sale зерно 100")
    assert seen.buttons == ["Салон", "Студия"] and not rows(sqlite_engine, Sale)
    await chat.press(masha, "Студия")
    seen = await chat.send(masha, "/sale зерно 100")
    assert "Продажа записана" in seen.text
    seen = await chat.send(masha, "/start")
    assert seen.text == (
        "Вы состоите в 2 командах: Салон, Студия.\n"
        "Здесь вы работаете с командой Студия; сменить — /team. Что я умею — /help.\n"
        "Есть и свои клиенты? Заведите здесь личный список — он будет отдельно от группы."
    )
    [pref] = rows(sqlite_engine, UserPref)
    assert pref.current_team_id == studio.id


async def test_members_get_cards_without_the_money_when_money_is_for_admins(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, fatima = chat.person(OLGA, "Olga", "nl"), chat.person(FATIMA, "Fatima", "nl")
    chat.group(GROUP, "Studio", creator=olga, members=(fatima,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=OLGA, sensitive_to_admins=True)
    client_id = make_client(sqlite_engine, team, "Bakkerij de Vries")
    make_sale(sqlite_engine, team, client_id, 120000, sold_on=NOW.date())
    for chat_id in (GROUP, FATIMA):
        seen = await chat.send(fatima, "/client bakkerij", chat=chat_id)
        first = seen.text.splitlines()[0]
        assert first.startswith("Bakkerij de Vries · beoordeling"), seen.text
        assert "score" not in seen.text and "0 klachten" in seen.text  # the score: in Details
        assert "€" not in seen.text and "van de omzet" not in seen.text and "%" not in seen.text
        assert "alleen beheerders de bedragen" not in seen.text
    seen = await chat.send(olga, "/client bakkerij")
    assert "100% van de omzet" in seen.text and "€" in seen.text


async def test_a_newcomers_first_sale_is_said_to_be_unrecorded_and_resent_after_approval_in_russian(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, piet = chat.person(OLGA, "Ольга", "ru"), chat.person(PIET, "Пётр", "ru")
    chat.group(GROUP, "Студия", creator=olga, members=(piet,))
    team = _russian_studio(sqlite_engine)
    make_client(sqlite_engine, team, "Пекарня")
    seen = await chat.send(piet, "/sale пекарня 100", chat=GROUP)
    assert "пока не записано: отправьте это ещё раз, когда вас примут" in seen.text
    assert not rows(sqlite_engine, Sale)
    seen = await chat.press(olga, "✓ Принять", chat=OLGA)
    [group_note] = [m for m in seen.messages if m.chat_id == GROUP]
    assert group_note.text == (
        "Пётр теперь в команде. Пётр, то, что вы отправляли раньше, не записано: "
        "отправьте это ещё раз."
    )
