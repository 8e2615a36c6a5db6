"""Who is called ideal, in the chat: never by default, never with a low grade (issue 15)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from storage.engine import new_session
from storage.models import Rating, Team
from tests.chat import Chat
from tests.factories import make_client, make_event, make_sale, make_team

OWNER = 11
TODAY = dt.date(2026, 11, 23)
IDEAL_LINE = {
    "nl": "Een van je ideale klanten: koester deze klant.",
    "ru": "Один из ваших идеальных",
}


def months_ago(months: int) -> dt.date:
    return TODAY - dt.timedelta(days=30 * months + 5)


def two_private_clients(engine: Engine, locale: str) -> tuple[Team, list[str]]:
    currency = "EUR" if locale == "nl" else "RUB"
    team = make_team(
        engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale=locale, currency=currency
    )
    names = ["Eva de Wit", "Sanne Bos"] if locale == "nl" else ["Ольга Смирнова", "Ирина Козлова"]
    for n, name in enumerate(names):
        client_id = make_client(engine, team, name, kind="person", acquired_on=dt.date(2025, 1, 10))
        for m in range(6):
            make_sale(engine, team, client_id, 8_000 * (n + 1), sold_on=months_ago(m), cost=2_000)
        make_event(engine, team, client_id, "referral", happened_on=months_ago(1))
    return team, names


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_two_private_clients_are_not_ideal_by_default(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    _, names = two_private_clients(sqlite_engine, locale)
    anna = chat.person(OWNER, "Anna", locale)
    for name in names:
        card = await chat.send(anna, f"/client {name}")
        assert card.text.startswith(name)
        assert IDEAL_LINE[locale] not in card.text
    portrait = await chat.send(anna, "/portrait")
    expected = {
        "nl": "Nog te weinig klanten om te zeggen wie ideaal is: vanaf 5 particuliere klanten "
        "kan ik dat zeggen (je hebt er 2).",
        "ru": "Пока слишком мало клиентов, чтобы сказать, кто из них идеальный: нужно хотя бы "
        "5 частных клиентов (сейчас 2).",
    }
    assert portrait.text == expected[locale]


async def test_a_client_graded_five_of_ten_is_never_told_ideal(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(
        sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True, grade_scale="1-10"
    )
    since = dt.date(2025, 1, 10)
    # Bouwbedrijf Kras brings the most profit of ten organisations, but complains, pays late,
    # eats time and the team rates it 1 of 5.
    kras = make_client(sqlite_engine, team, "Bouwbedrijf Kras", acquired_on=since)
    for m in (2, 5, 8):
        make_sale(
            sqlite_engine,
            team,
            kras,
            320_000,
            sold_on=months_ago(m),
            cost=100_000,
            minutes=2_400,
            due_on=months_ago(m) + dt.timedelta(days=14),
            paid_on=months_ago(m) + dt.timedelta(days=10),
        )
    for day in (5, 12):
        make_event(sqlite_engine, team, kras, "complaint", happened_on=TODAY - dt.timedelta(day))
    with new_session(sqlite_engine) as session:
        for criterion in ("pleasant", "demands"):
            session.add(
                Rating(
                    team_id=team.id or 0,
                    client_id=kras,
                    user_id=OWNER,
                    rated_on=TODAY - dt.timedelta(days=3),
                    criterion=criterion,
                    value=1,
                )
            )
        session.commit()
    for i in range(2, 11):
        other = make_client(sqlite_engine, team, f"Klant {i}", acquired_on=since)
        for m in range(12):
            make_sale(
                sqlite_engine,
                team,
                other,
                10_000 * i,
                sold_on=months_ago(m),
                cost=5_000 * i,
                minutes=120,
                due_on=months_ago(m) + dt.timedelta(days=14),
                paid_on=months_ago(m) + dt.timedelta(days=10),
            )
        make_event(sqlite_engine, team, other, "referral", happened_on=months_ago(2))
    anna = chat.person(OWNER, "Anna", "nl")
    card = await chat.send(anna, "/client Bouwbedrijf Kras")
    first = card.text.splitlines()[0]
    assert first.startswith("Bouwbedrijf Kras") and "cijfer 5" in first, card.text
    assert card.text.count("▼") >= 2, card.text
    assert IDEAL_LINE["nl"] not in card.text
    best = await chat.send(anna, "/client Klant 10")
    assert IDEAL_LINE["nl"] in best.text


async def test_run_rate_is_what_regular_ideal_clients_paid_in_a_year(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(
        sqlite_engine,
        chat_id=OWNER,
        owner_id=OWNER,
        personal=True,
        locale="ru",
        currency="RUB",
        timezone="Europe/Moscow",
    )
    since = dt.date(2025, 1, 10)

    def client(name: str, acquired_on: dt.date = since) -> int:
        return make_client(sqlite_engine, team, name, acquired_on=acquired_on)

    def sold(client_id: int, rubles: int, days_ago: int) -> None:
        day = TODAY - dt.timedelta(days=days_ago)
        make_sale(sqlite_engine, team, client_id, rubles * 100, sold_on=day, cost=rubles * 40)

    # The top fifth of fifteen organisations, each of them referring someone:
    lotos = client("Йога-студия «Лотос»")  # three sales of 10 000 ₽ this year, one last year
    for days_ago in (20, 150, 300, 400):
        sold(lotos, 10_000, days_ago)
    kedr = client("Кафе «Кедр»", acquired_on=TODAY - dt.timedelta(days=90))  # new: 21 300 ₽
    sold(kedr, 10_000, 80)
    sold(kedr, 11_300, 10)
    vesna = client("Салон «Весна»")  # one sale of 40 000 ₽: not a regular client
    sold(vesna, 40_000, 100)
    for client_id in (lotos, kedr, vesna):
        make_event(sqlite_engine, team, client_id, "referral", happened_on=TODAY - dt.timedelta(40))
    for i in range(12):
        other = client(f"Клиент {i + 1}")
        sold(other, 1_000, 30)
        sold(other, 1_000, 200)
    anna = chat.person(OWNER, "Анна", "ru")
    seen = await chat.send(anna, "/portrait")
    # 30 000 + 10 000 + 11 300 = 51 300 ₽ over 12 months: 4 275 ₽ a month, nothing annualised;
    # said "about" with three significant digits: 4 280.
    assert (
        "Постоянные идеальные клиенты за последние 12 месяцев приносили около 4 280 ₽ "
        "в месяц (по записанным продажам) — на эти деньги можно рассчитывать."
    ) in seen.text, seen.text
