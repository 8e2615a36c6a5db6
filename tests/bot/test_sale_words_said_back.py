"""Words after a client's name that are no amount are said back, never silently dropped: native
readers typed "/verkoop Jansen twaalf" and «/sale Иванова двенадцать» and were asked the amount
as if nothing had been typed."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from storage.models import Client, Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, rows

SAID_BACK = {
    "nl": "„{}” lees ik niet als bedrag: een bedrag typ je in cijfers. Hoeveel heeft {} betaald?",
    "ru": "«{}» я не считаю суммой: сумму пишите цифрами. Какая сумма продажи? Клиент: {}.",
}


@pytest.mark.parametrize(
    ("locale", "name", "line", "unread"),
    [
        ("nl", "Jansen", "/verkoop Jansen twaalf", "twaalf"),
        ("nl", "Jansen", "/verkoop Jansen vijfentwintig euro", "vijfentwintig euro"),
        ("nl", "Jansen", "/verkoop Jansen abc", "abc"),
        ("ru", "Иванова", "/sale Иванова двенадцать", "двенадцать"),
        ("ru", "Иванова", "/sale Иванова сорок пять", "сорок пять"),
        ("ru", "Иванова", "/sale Иванова abc", "abc"),
    ],
)
async def test_words_that_are_no_amount_are_named_in_the_amount_question(
    chat: Chat,
    nl_team: Team,
    ru_team: Team,
    sqlite_engine: Engine,
    locale: str,
    name: str,
    line: str,
    unread: str,
) -> None:
    make_client(sqlite_engine, nl_team if locale == "nl" else ru_team, name, kind="person")
    person = chat.person(NL_OWNER if locale == "nl" else RU_OWNER, "Anna", locale)
    seen = await chat.send(person, line)
    assert SAID_BACK[locale].format(unread, name) in seen.text, seen.text
    seen = await chat.send(person, "12")  # the amount, in digits: the dialog goes on
    assert rows(sqlite_engine, Sale) == [] and "?" in seen.text


@pytest.mark.parametrize(
    ("locale", "line", "unread"),
    [("nl", "/verkoop Jansen twaalf", "twaalf"), ("ru", "/sale Петров двенадцать", "двенадцать")],
)
async def test_a_number_in_words_is_never_part_of_a_new_clients_name(
    chat: Chat,
    nl_team: Team,
    ru_team: Team,
    sqlite_engine: Engine,
    locale: str,
    line: str,
    unread: str,
) -> None:
    """Two clients share the name typed: the choice offers the name without the number."""
    team = nl_team if locale == "nl" else ru_team
    first, second = ("Fietsenmaker Jansen", "Tandarts Jansen")
    if locale == "ru":
        first, second = ("Петров Иван", "Петров Олег")
    make_client(sqlite_engine, team, first, kind="person")
    make_client(sqlite_engine, team, second, kind="person")
    person = chat.person(NL_OWNER if locale == "nl" else RU_OWNER, "Anna", locale)
    seen = await chat.send(person, line)
    assert not any(unread in button for button in seen.buttons), seen.buttons
    seen = await chat.press(person, first)
    assert SAID_BACK[locale].format(unread, first) in seen.text, seen.text
    assert {client.name for client in rows(sqlite_engine, Client)} == {first, second}


async def test_a_clients_name_with_a_number_word_stays_whole(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Hotel zeven", kind="organisation")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/verkoop Hotel zeven")
    assert seen.text.startswith("Hoeveel heb je Hotel zeven gefactureerd?"), seen.text


async def test_the_words_are_said_back_once_not_when_the_amount_is_asked_again(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    jansen = make_client(sqlite_engine, nl_team, "Jansen", kind="person")
    make_sale(sqlite_engine, nl_team, jansen, 1_200)  # € 12: € 5.000 is far above the usual
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Jansen twaalf")
    await chat.send(anna, "5000")
    seen = await chat.press(anna, "Bedrag verbeteren")
    assert "twaalf" not in seen.text and "Hoeveel heeft Jansen betaald?" in seen.text, seen.text


@pytest.mark.parametrize(
    ("locale", "line", "refusal"),
    [
        ("nl", "/verkoop Jansen 85 twaalf", "„twaalf” kan ik niet als bedrag lezen."),
        ("ru", "/sale Иванова 2500 двенадцать", "«двенадцать» не похоже на сумму."),
    ],
)
async def test_a_number_in_words_after_the_amount_is_refused_not_dropped(
    chat: Chat,
    nl_team: Team,
    ru_team: Team,
    sqlite_engine: Engine,
    locale: str,
    line: str,
    refusal: str,
) -> None:
    """€ 85 was recorded and "twaalf" (a cost? the hours?) silently skipped as what was done."""
    team, name = (nl_team, "Jansen") if locale == "nl" else (ru_team, "Иванова")
    make_client(sqlite_engine, team, name, kind="person")
    person = chat.person(NL_OWNER if locale == "nl" else RU_OWNER, "Anna", locale)
    seen = await chat.send(person, line)
    assert refusal in seen.text, seen.text
    assert rows(sqlite_engine, Sale) == []


@pytest.mark.parametrize(
    ("locale", "line", "amount"),
    [
        ("nl", "/verkoop Jansen 70 twee banden vervangen", 7_000),
        ("ru", "/sale Иванова 2500 две стрижки", 250_000),
    ],
)
async def test_a_count_of_things_in_words_is_still_what_was_done(
    chat: Chat,
    nl_team: Team,
    ru_team: Team,
    sqlite_engine: Engine,
    locale: str,
    line: str,
    amount: int,
) -> None:
    team, name = (nl_team, "Jansen") if locale == "nl" else (ru_team, "Иванова")
    make_client(sqlite_engine, team, name, kind="person")
    person = chat.person(NL_OWNER if locale == "nl" else RU_OWNER, "Anna", locale)
    await chat.send(person, line)
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.cost, sale.minutes) == (amount, None, None)


async def test_a_time_after_what_was_done_is_the_time_not_a_cost(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """«/sale Катя 1200 маникюр 40 мин» booked 40 ₽ of cost (the Russian reader): «мин» was
    taken for a word of what was done, and the 40 before it for the cost."""
    make_client(sqlite_engine, ru_team, "Катя", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/sale Катя 1200 маникюр 40 мин")
    await chat.send(olga, "/sale Катя 1300 40 мин маникюр")
    sales = sorted((s.amount, s.cost, s.minutes) for s in rows(sqlite_engine, Sale))
    assert sales == [(120_000, None, 40), (130_000, None, 40)]
