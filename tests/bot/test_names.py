"""Names as people type them (issue 17): a patronymic is no surname, a new client is a person
or an organisation by the user's tap, and /add asks before making a near-duplicate."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Client, Sale
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, rows


def _russian_people(engine: Engine, team) -> None:  # type: ignore[no-untyped-def]
    make_client(engine, team, "Фёдорова Мария Петровна", kind="person")
    make_client(engine, team, "Зайцева Алёна Ивановна", kind="person")


async def test_a_surname_never_finds_someone_by_their_patronymic(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    _russian_people(sqlite_engine, ru_team)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/client Петров")
    assert seen.text == "Не нахожу «Петров» среди ваших клиентов."
    seen = await chat.send(olga, "/client Иванов")
    assert seen.text == "Не нахожу «Иванов» среди ваших клиентов."
    seen = await chat.send(olga, "/client Петровна")  # the patronymic typed whole
    assert "Фёдорова Мария Петровна" in seen
    assert "Зайцева" not in seen.text


async def test_a_sale_for_a_surname_that_is_only_a_patronymic_offers_to_add(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    _russian_people(sqlite_engine, ru_team)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Петров 2500")
    assert "Фёдорова" not in seen.text
    assert seen.text.startswith("«Петров» — такого клиента в списке пока нет.")
    assert rows(sqlite_engine, Sale) == []


async def test_a_new_name_in_a_sale_asks_person_or_organisation_in_that_order(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    _russian_people(sqlite_engine, ru_team)
    make_client(sqlite_engine, ru_team, "Кофейня «Зерно»")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Новикова, 2500, 300")
    assert seen.text.startswith(
        "«Новикова» — такого клиента в списке пока нет. "
        "Добавить как частное лицо или как организацию?"
    )
    assert seen.buttons == [
        "Добавить «Новикова» как частное лицо",
        "Добавить «Новикова» как организацию",
        "Отмена",
    ]
    assert len(rows(sqlite_engine, Client)) == 3
    seen = await chat.press(olga, "Добавить «Новикова» как частное лицо")
    assert "Продажа записана" in seen
    [new] = rows(sqlite_engine, Client, name="Новикова")
    assert new.kind == "person"
    [sale] = rows(sqlite_engine, Sale)  # the amount and cost typed with the name are kept
    assert (sale.client_id, sale.amount, sale.cost) == (new.id, 250000, 30000)


async def test_the_kind_buttons_follow_the_question_whatever_the_teams_clients_are(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    """Russian reader (A3): the buttons swapped places with the team's usual kind, so a user
    who taps by position stored the wrong kind, and the question «частное лицо или
    организация?» listed them the other way round. Person, then organisation, always."""
    person_first = [
        "„Zonnebloem” toevoegen als particulier",
        "„Zonnebloem” toevoegen als organisatie",
    ]
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sale Zonnebloem 450")
    assert seen.text.endswith("Toevoegen als particulier of als organisatie?")
    assert seen.buttons[:2] == person_first
    await chat.send(anna, "/cancel")
    for name in ("Bakkerij de Vries", "Hotel De Linde", "Garage Bos"):  # organisations lead
        make_client(sqlite_engine, nl_team, name)
    assert (await _kind_buttons(chat, anna, "/sale Zonnebloem 450"))[:2] == person_first
    assert (await _kind_buttons(chat, anna, "/toevoegen Lotus"))[:2] == [
        "Particulier",
        "Organisatie",
    ]
    seen = await chat.send(anna, "/sale Zonnebloem 450")
    seen = await chat.press(anna, "„Zonnebloem” toevoegen als organisatie")
    assert "Verkoop vastgelegd: € 450 — Zonnebloem" in seen
    assert rows(sqlite_engine, Client, name="Zonnebloem")[0].kind == "organisation"


async def _kind_buttons(chat: Chat, person, line: str) -> list[str]:  # type: ignore[no-untyped-def]
    seen = await chat.send(person, line)
    await chat.send(person, "/cancel")
    return seen.buttons


async def test_russian_kind_buttons_follow_the_question(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    for name in ("Кофейня Зерно", "ООО Ромашка", "Студия 21"):  # organisations lead
        make_client(sqlite_engine, ru_team, name)
    seen = await chat.send(olga, "/sale Новикова 2500")
    assert "как частное лицо или как организацию?" in seen.text
    assert seen.buttons[:2] == [
        "Добавить «Новикова» как частное лицо",
        "Добавить «Новикова» как организацию",
    ]
    await chat.send(olga, "/cancel")
    assert (await _kind_buttons(chat, olga, "/add Лотос"))[:2] == [
        "Частное лицо",
        "Организация",
    ]


async def test_someone_new_among_lookalikes_is_asked_their_kind_then_the_sale_goes_on(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Tandarts Jansen")
    make_client(sqlite_engine, nl_team, "Anouk de Boer", kind="person")
    make_client(sqlite_engine, nl_team, "Sanne Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sale Tandarts Bakker 100")
    assert seen.text == "Bedoel je Tandarts Jansen?"  # one look-alike: yes or no
    assert seen.buttons == ["Ja", "Nee, „Tandarts Bakker” toevoegen"]
    seen = await chat.press(anna, "Nee, „Tandarts Bakker” toevoegen")
    assert seen.text.startswith("Is Tandarts Bakker een particulier of een organisatie?")
    assert seen.buttons == ["Particulier", "Organisatie", "Annuleren"]  # as the question says
    assert rows(sqlite_engine, Client, name="Tandarts Bakker") == []
    seen = await chat.press(anna, "Organisatie")
    assert "Verkoop vastgelegd: € 100 — Tandarts Bakker" in seen
    [bakker] = rows(sqlite_engine, Client, name="Tandarts Bakker")
    assert bakker.kind == "organisation"
    assert rows(sqlite_engine, Sale)[0].client_id == bakker.id


async def test_add_of_the_same_surname_and_first_name_asks_is_this_them(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    fedorova = make_client(sqlite_engine, ru_team, "Фёдорова Мария Петровна", kind="person")
    make_sale(sqlite_engine, ru_team, fedorova, 250_000)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/add Фёдорова Мария")
    assert seen.text == "Это Фёдорова Мария Петровна?"
    assert seen.buttons == ["Да", "Нет, добавить «Фёдорова Мария»"]
    seen = await chat.press(olga, "Да")
    assert "Фёдорова Мария Петровна" in seen.text  # her card, in place of the question
    assert seen.messages[0].edits == 1
    assert [c.name for c in rows(sqlite_engine, Client)] == ["Фёдорова Мария Петровна"]


async def test_add_of_an_initial_and_surname_asks_and_no_adds_as_typed(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "J. de Vries", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/add Jan de Vries, persoon")
    assert seen.text == "Is dit J. de Vries?"
    seen = await chat.press(anna, "Nee, „Jan de Vries” toevoegen")
    assert "Toegevoegd: Jan de Vries (particulier)." in seen
    assert {c.name: c.kind for c in rows(sqlite_engine, Client)} == {
        "J. de Vries": "person",
        "Jan de Vries": "person",
    }


async def test_add_of_a_merely_similar_name_asks_nothing(
    chat: Chat, nl_team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Kapsalon Annie")
    make_client(sqlite_engine, nl_team, "Jan Dijkstra", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/add Kapsalon Anna, organisatie")
    assert seen.text.startswith("Toegevoegd: Kapsalon Anna (organisatie).")
    seen = await chat.send(anna, "/add Jan Dekker, persoon")
    assert seen.text.startswith("Toegevoegd: Jan Dekker (particulier).")
    assert len(rows(sqlite_engine, Client)) == 4


async def test_a_referred_newcomer_is_asked_person_or_organisation(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    _russian_people(sqlite_engine, ru_team)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/refer Зайцева, Лотос")
    assert seen.text.startswith("Лотос — частное лицо или организация?")
    assert seen.buttons == ["Частное лицо", "Организация", "Отмена"]
    assert rows(sqlite_engine, Client, name="Лотос") == []
    seen = await chat.press(olga, "Организация")
    assert "Рекомендация записана" in seen
    [new] = rows(sqlite_engine, Client, name="Лотос")
    assert (new.kind, new.status) == ("organisation", "prospect")


async def test_a_referred_newcomer_with_a_surname_and_a_first_name_is_a_person_unasked(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    """«/add Иванова Мария» was asked «частное лицо или организация?», though an import of the
    same name makes her a person (the Russian reader): one reading of a name everywhere."""
    _russian_people(sqlite_engine, ru_team)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/refer Зайцева, Новикова Анна")
    assert "Рекомендация записана" in seen, seen.text
    [new] = rows(sqlite_engine, Client, name="Новикова Анна")
    assert (new.kind, new.status) == ("person", "prospect")


async def test_an_unrated_client_card_speaks_of_this_client_in_russian(
    chat: Chat, ru_team, sqlite_engine: Engine
) -> None:
    """«Команда их ещё не оценивала» about one client read as a crowd (found by the Russian
    second reader)."""
    _russian_people(sqlite_engine, ru_team)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/client Фёдорова")
    assert "Как вам работается с этим клиентом? Оставьте отзыв: /rate." in seen.text, seen.text
    assert "Команда их" not in seen.text
