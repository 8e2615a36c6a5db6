"""/edit (issue 16, finding 11): skip keeps the value, Clear empties it, the confirmation
says the new value, one menu message is edited in place, and a wrong value is asked again
without killing the menu."""

from __future__ import annotations

from sqlalchemy import Engine

from scoring.profile import IdealProfile
from storage.engine import new_session
from storage.models import Client, IdealProfileRow, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_team, rows

GROUP = -500


def _menus(chat: Chat, chat_id: int, words: str) -> list[int]:
    return [m.message_id for m in chat.api.in_chat(chat_id) if words in m.text]


async def test_dutch_edit_keeps_on_skip_clears_on_clear_and_says_the_new_value(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(
        sqlite_engine, nl_team, "Anouk de Boer", kind="person", city="Utrecht", income=4_000_000
    )
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/edit anouk")
    assert "Wat wil je wijzigen voor Anouk de Boer?" in seen
    menu = seen.last.message_id
    seen = await chat.press(anna, "Inkomen per jaar")
    assert [m.message_id for m in seen.messages] == [menu]  # the menu became the question
    assert seen.text == "Anouk de Boer — Inkomen per jaar: € 40.000.\nTyp het inkomen per jaar."
    assert seen.buttons == ["Laten zoals het is", "Wissen"]
    seen = await chat.send(anna, "/skip")
    assert "Ongewijzigd: inkomen per jaar." in seen
    assert rows(sqlite_engine, Client)[0].income == 4_000_000  # skip keeps it

    await chat.press(anna, "Inkomen per jaar")
    seen = await chat.send(anna, "veel")
    assert "bedrag" in seen.text  # refused: the question still stands
    seen = await chat.send(anna, "45.000")
    assert "Inkomen per jaar gewijzigd in € 45.000." in seen
    assert rows(sqlite_engine, Client)[0].income == 4_500_000
    # The confirmation is new (with Undo); the menu came back in its own message.
    assert _menus(chat, NL_OWNER, "Wat wil je wijzigen voor Anouk de Boer?") == [menu]

    await chat.press(anna, "Inkomen per jaar")
    seen = await chat.send(anna, "veel")
    seen = await chat.press(anna, "Laten zoals het is")  # a button still works after an error
    assert "Wat wil je wijzigen voor Anouk de Boer?" in seen
    seen = await chat.press(anna, "Plaats")
    assert "Anouk de Boer — Plaats: Utrecht." in seen
    seen = await chat.press(anna, "Wissen")
    assert "Gewist: plaats." in seen
    assert rows(sqlite_engine, Client)[0].city is None
    await chat.press(anna, "↩ Ongedaan maken")
    assert rows(sqlite_engine, Client)[0].city == "Utrecht"
    seen = await chat.press(anna, "Geslacht")
    seen = await chat.press(anna, "Vrouw")
    assert "Geslacht gewijzigd in vrouw." in seen
    seen = await chat.press(anna, "✓ Klaar")
    assert "Opgeslagen. Anouk de Boer is bijgewerkt." in seen
    assert _menus(chat, NL_OWNER, "Wat zal ik wijzigen") == []
    assert len(_menus(chat, NL_OWNER, "Opgeslagen")) == 1


async def test_russian_group_edit_asks_again_after_a_wrong_value_and_buttons_keep_working(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga = chat.person(21, "Ольга", "ru")
    chat.group(GROUP, "Студия", creator=olga)
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=21, locale="ru", currency="RUB")
    make_client(sqlite_engine, team, "Кофейня «Зерно»", city="Казань", employees=8)
    await chat.send(olga, "/edit зерно", chat=GROUP)
    seen = await chat.press(olga, "Сотрудники", chat=GROUP)
    assert "Кофейня «Зерно» — Сотрудники: 8" in seen.text.splitlines()
    assert seen.last.force_reply and "Ольга, напишите число сотрудников." in seen.text
    seen = await chat.reply(olga, "много", chat=GROUP)
    assert "Сотрудники" not in seen.text and seen.text  # refused, said why
    # The buttons still work after the error: keep, back to the menu, and on.
    seen = await chat.press(olga, "Оставить как есть", chat=GROUP)
    assert "Кофейня «Зерно»: что изменить?" in seen
    await chat.press(olga, "Сотрудники", chat=GROUP)
    seen = await chat.reply(olga, "12", chat=GROUP)
    assert "Сотрудники: теперь 12." in seen.text.splitlines()
    seen = await chat.press(olga, "Город", chat=GROUP)
    assert "Кофейня «Зерно» — Город: Казань" in seen.text.splitlines()
    seen = await chat.send(olga, "/skip", chat=GROUP)
    assert "Без изменений: город." in seen
    assert [(c.city, c.employees) for c in rows(sqlite_engine, Client)] == [("Казань", 12)]
    assert len(_menus(chat, GROUP, "что изменить?")) == 1


async def test_a_salon_is_not_asked_a_private_clients_income_education_or_segment(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    """Income, education and segment are offered only where the team keeps them: a salon's
    private client shows neither; once the team's profile asks about income, or another client
    of that kind has a segment, the trait is on the menu (both languages, one rule)."""
    make_client(sqlite_engine, ru_team, "Иванова Анна", kind="person", city="Москва")
    make_client(sqlite_engine, nl_team, "Anouk de Boer", kind="person", city="Utrecht")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/edit иванова")
    assert {"Пол", "Год рождения", "Интересы", "Город"} <= set(seen.buttons)
    assert not {"Доход в год", "Образование", "Сегмент"} & set(seen.buttons)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/edit anouk")
    assert {"Geslacht", "Geboortejaar", "Plaats"} <= set(seen.buttons)
    assert not {"Inkomen per jaar", "Opleiding", "Segment"} & set(seen.buttons)

    # The team starts to keep them: a profile for persons asks about income; another private
    # client has a segment. An organisation's segment does not put it on a person's menu.
    make_client(sqlite_engine, ru_team, "Петров Олег", kind="person", segment="VIP")
    with new_session(sqlite_engine) as session:
        profile = IdealProfile(name="идеал", kind="person", min_income=60_000_000)
        session.add(
            IdealProfileRow(
                team_id=ru_team.id or 0, name="идеал", kind="person", criteria=profile.to_dict()
            )
        )
        session.commit()
    make_client(sqlite_engine, nl_team, "Bakkerij Jansen", kind="organisation", segment="horeca")
    await chat.press(olga, "✓ Готово")
    seen = await chat.send(olga, "/edit иванова")
    assert {"Доход в год", "Сегмент"} <= set(seen.buttons)
    assert "Образование" not in seen.buttons
    await chat.press(anna, "✓ Klaar")
    seen = await chat.send(anna, "/edit anouk")
    assert not {"Inkomen per jaar", "Opleiding", "Segment"} & set(seen.buttons)


async def test_a_dutch_team_is_offered_its_own_countrys_sources(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """A Dutch reader's salon was offered VK, Avito, 2GIS and Yandex Maps as where a client
    came from."""
    make_client(sqlite_engine, nl_team, "Jan Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/wijzig Jan Smit")
    seen = await chat.press(anna, "Gevonden via")
    assert "Marktplaats" in seen.buttons
    assert not {"VK", "Avito", "2GIS", "Yandex Maps"} & set(seen.buttons), seen.buttons


async def test_dutch_prospects_are_asked_for_in_dutch(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """/hulp said "/klanten prospects", and "/klanten mogelijke klanten" was refused."""
    make_client(sqlite_engine, nl_team, "Jan Smit", kind="person", status="prospect")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for typed in ("/klanten mogelijk", "/klanten mogelijke klanten"):
        seen = await chat.send(anna, typed)
        assert "Jan Smit" in seen.text, seen.text
    seen = await chat.send(anna, "/klanten xyz")
    assert "/klanten mogelijk" in seen.text and "prospects" not in seen.text


async def test_a_changed_source_reads_as_a_sentence(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """A Dutch reader got "Gevonden via gewijzigd in Marktplaats."."""
    make_client(sqlite_engine, nl_team, "Jan Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/wijzig Jan Smit")
    await chat.press(anna, "Gevonden via")
    seen = await chat.press(anna, "Marktplaats")
    assert "Gewijzigd: gevonden via Marktplaats." in seen.text, seen.text
    assert "gewijzigd in" not in seen.text
