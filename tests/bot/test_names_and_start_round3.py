"""A native Russian reader's findings, round three: a full name with a patronymic is a person
without asking, a lower-case name is stored as natives write it, and a group's /start offers
the presser's own language first."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, rows


async def test_group_start_offers_the_pressers_own_language_first(chat: Chat) -> None:
    olga = chat.person(21, "Ольга", "ru")
    group = chat.group(-500, "Студия «Север»", creator=olga)
    seen = await chat.send(olga, "/start", chat=group)
    assert "1/3" in seen and seen.buttons == ["Русский", "Nederlands"]
    anna = chat.person(22, "Anna", "nl")
    group = chat.group(-501, "Bakkerij Noord", creator=anna)
    seen = await chat.send(anna, "/start", chat=group)
    assert "1/3" in seen and seen.buttons == ["Nederlands", "Русский"]


def _clients(engine: Engine) -> set[tuple[str, str]]:
    return {(c.name, c.kind) for c in rows(engine, Client)}


async def test_a_name_with_a_patronymic_is_a_person_without_asking(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/add")
    seen = await chat.send(olga, "иванова мария петровна")
    assert "частное лицо или организация" not in seen
    assert "В каком городе" in seen
    await chat.press(olga, "Пропустить")
    await chat.press(olga, "Пропустить")
    seen = await chat.press(olga, "Пропустить")
    assert "Добавлено: Иванова Мария Петровна (частное лицо)." in seen
    # a complaint about someone new offers the one kind the name says, never both
    await chat.send(olga, "/complaint")
    seen = await chat.send(olga, "Петров Сергей Иванович")
    assert seen.text == "«Петров Сергей Иванович» — такого клиента в списке пока нет. Добавить?"
    assert seen.buttons == ["Добавить «Петров Сергей Иванович» как частное лицо", "Отмена"]
    await chat.press(olga, "Добавить «Петров Сергей Иванович» как частное лицо")
    # a legal form first says an organisation, with its owner's name as a person's
    await chat.send(olga, "/add ип козлова анна викторовна")
    # a first name and a surname say a person, as an import reads them (the Russian reader:
    # «/add Иванова Мария» was asked); two words that say neither are still asked
    await chat.send(olga, "/add")
    seen = await chat.send(olga, "Мария Кузнецова")
    assert "В каком городе" in seen
    await chat.send(olga, "/cancel")
    await chat.send(olga, "/add")
    seen = await chat.send(olga, "Белая Роза")
    assert "Белая Роза — частное лицо или организация?" in seen
    assert _clients(sqlite_engine) == {
        ("Иванова Мария Петровна", "person"),
        ("Петров Сергей Иванович", "person"),
        ("ИП Козлова Анна Викторовна", "organisation"),
    }


async def test_an_organisation_typed_in_lower_case_is_written_as_natives_write_it(
    chat: Chat, ru_team: Team, nl_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    assert "Добавлено: ООО Ромашка (организация)." in await chat.send(olga, "/add ооо ромашка")
    await chat.send(olga, "/sale кофейня зерно 500")
    await chat.send(olga, "/add ип петрова и.и.")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop bakkerij de zon 250")
    await chat.send(anna, "/toevoegen stichting het anker")
    await chat.send(anna, "/toevoegen jansen bv")
    await chat.send(anna, "/toevoegen Kofe mania, organisatie")  # typed with a capital: as typed
    assert _clients(sqlite_engine) == {
        ("ООО Ромашка", "organisation"),
        ("Кофейня зерно", "organisation"),
        ("ИП Петрова И. И.", "organisation"),
        ("Bakkerij de Zon", "organisation"),
        ("Stichting het Anker", "organisation"),
        ("Jansen BV", "organisation"),
        ("Kofe mania", "organisation"),
    }


async def test_start_again_picks_the_setup_up_where_it_stopped(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga = chat.person(21, "Ольга", "ru")
    await chat.send(olga, "/start")
    await chat.press(olga, "Начать здесь, для себя")
    again = await chat.send(olga, "/start")
    assert "1/2 В какой валюте вы работаете?" in again  # nothing answered yet
    await chat.press(olga, "₽ RUB")
    again = await chat.send(olga, "/start")
    assert "В какой валюте" not in again  # the currency chosen is remembered
    assert "2/2 Как оценивать клиентов?" in again and again.buttons == ["A–D", "1–5", "1–10"]
    seen = await chat.press(olga, "1–10")
    assert "Всё готово!" in seen
    assert (await chat.send(olga, "/start")).text == ("Всё готово. Что я умею — /help.")
    [team] = rows(sqlite_engine, Team)
    assert (team.currency, team.grade_scale, team.onboarded) == ("RUB", "1-10", True)
    # in a group: the language chosen, /start goes on at the currency
    anna = chat.person(22, "Anna", "nl")
    group = chat.group(-502, "Bakkerij Noord", creator=anna)
    await chat.send(anna, "/start", chat=group)
    await chat.press(anna, "Nederlands", chat=group)
    again = await chat.send(anna, "/start", chat=group)
    assert "2/3 In welke valuta werk je?" in again and "€ EUR" in again.buttons
