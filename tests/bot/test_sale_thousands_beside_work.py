"""Space-grouped thousands before what was done: the Russian reader's `/sale петрова 4 500
маникюр` was booked as 4 ₽ (the «500» read as 500 manicures and dropped), and `долг` after the
amount left the sale paid."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from storage.models import Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows


@pytest.mark.parametrize(
    ("locale", "line", "figures"),
    [
        ("ru", "/sale петрова 4 500 маникюр", (450_000, None)),
        ("ru", "/sale петрова 4 500 стрижка и укладка", (450_000, None)),
        ("ru", "/sale петрова 3 500 окрашивание 2 часа", (350_000, 120)),
        ("ru", "/sale петрова 2 стрижки 4 500", (450_000, None)),
        ("nl", "/verkoop jansen 1 250 knippen", (125_000, None)),
        ("nl", "/verkoop jansen 70 2 banden vervangen", (7_000, None)),  # 2 is a count
    ],
)
async def test_the_whole_amount_is_booked(
    chat: Chat,
    nl_team: Team,
    ru_team: Team,
    sqlite_engine: Engine,
    locale: str,
    line: str,
    figures: tuple[int, int | None],
) -> None:
    team, name = (ru_team, "Петрова") if locale == "ru" else (nl_team, "Jansen")
    make_client(sqlite_engine, team, name, kind="person")
    person = chat.person(RU_OWNER if locale == "ru" else NL_OWNER, "Anna", locale)
    seen = await chat.send(person, line)
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.minutes) == figures, seen.text
    shown = f"{figures[0] // 100:,}".replace(",", " " if locale == "ru" else ".")
    assert shown in seen.text.replace("\u00a0", " "), seen.text


async def test_a_debt_said_in_one_word_is_an_open_invoice(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "ООО Ромашка", kind="organisation")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale ромашка 10000 долг")
    [sale] = rows(sqlite_engine, Sale)
    assert sale.amount == 1_000_000 and sale.paid_on is None and sale.due_on is not None
    assert "Ещё не оплачено" in seen.text, seen.text


@pytest.mark.parametrize(
    ("locale", "line", "said"),
    [
        # The attacker's «3000 скидка 500» was stored as 3 000 ₽ with a cost of 500 ₽
        ("ru", "/sale петрова 3000 скидка 500", "Скидку я отдельно не учитываю"),
        ("ru", "/sale петрова 3000 минус скидка 500", "Скидку я отдельно не учитываю"),
        ("nl", "/verkoop jansen 100 20 korting", "Kortingen houd ik niet apart bij"),
        # and "109 inclusief 9 procent btw" as € 90,08 (21 % taken off, the 9 read as a count
        # of things done and dropped)
        ("nl", "/verkoop jansen 109 inclusief 9 procent btw", "Een percentage is geen bedrag"),
        ("nl", "/verkoop jansen 450 5%", "Een percentage is geen bedrag"),
        ("ru", "/sale петрова 1200 с НДС 10 процентов", "Процент — это не сумма"),
    ],
)
async def test_a_discount_or_a_percentage_is_refused_not_booked(
    chat: Chat,
    nl_team: Team,
    ru_team: Team,
    sqlite_engine: Engine,
    locale: str,
    line: str,
    said: str,
) -> None:
    team, name = (ru_team, "Петрова") if locale == "ru" else (nl_team, "Jansen")
    make_client(sqlite_engine, team, name, kind="person")
    person = chat.person(RU_OWNER if locale == "ru" else NL_OWNER, "Anna", locale)
    seen = await chat.send(person, line)
    assert said in seen.text, seen.text
    assert rows(sqlite_engine, Sale) == []


async def test_a_discount_said_without_a_number_is_skipped(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Петрова", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/sale петрова 2700 со скидкой")
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.cost) == (270_000, None)
