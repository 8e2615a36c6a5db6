"""What a card says is true: grades on amounts alone, verdicts that match the figures, late
payments as counts, reasons only where a client really differs, one yearly profit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from storage.models import Team
from tests.chat import Chat
from tests.factories import make_client, make_event, make_sale, make_team

OWNER = 11
TODAY = dt.date(2026, 11, 23)


def solo_team(engine: Engine, locale: str) -> Team:
    currency = "EUR" if locale == "nl" else "RUB"
    return make_team(
        engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale=locale, currency=currency
    )


def amounts_only(engine: Engine, team: Team, count: int) -> list[int]:
    """`count` clients who bought monthly for a year, client k spending k × € 50 a month."""
    ids = []
    for k in range(1, count + 1):
        client = make_client(
            engine, team, f"Klant {k:02d}", kind="person", acquired_on=dt.date(2024, 1, 1)
        )
        ids.append(client)
        for month in range(12):
            make_sale(
                engine, team, client, k * 5_000, sold_on=TODAY - dt.timedelta(days=15 + 30 * month)
            )
    return ids


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_a_solo_team_with_amounts_only_gets_grades_that_follow_revenue(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    amounts_only(sqlite_engine, team, 12)
    me = chat.person(OWNER, "Sanne", locale)
    grades, scores = {}, {}
    for k in (1, 6, 12):
        seen = await chat.send(me, f"/client Klant {k:02d}")
        card = seen.text  # Details edits the same message
        first = card.splitlines()[0]
        grades[k] = first.rsplit(" ", 1)[-1]
        # The score stands only in Details: "Score: 47 van 100", «Оценка в баллах: 47 из 100».
        details = (await chat.press(me, "Details" if locale == "nl" else "Подробнее")).text
        [score] = [
            line for line in details.splitlines() if line.startswith(("Score", "Оценка в баллах"))
        ]
        scores[k] = int(score.split(": ")[1].split()[0])
        assert (
            "Nog nergens kosten ingevuld, dus ik beoordeel op omzet."
            if locale == "nl"
            else "Ни у одной продажи не указаны затраты: оценка по выручке."
        ) in card
        yearly = f"{k * 600:,}".replace(",", "." if locale == "nl" else " ")
        said = f"omzet € {yearly} per jaar" if locale == "nl" else f"выручка {yearly} ₽ в год"
        assert said in card, card
    # More revenue, a better score: the biggest spender is graded above the smallest.
    assert scores[1] < scores[6] < scores[12], scores
    assert grades[12] < grades[1], grades


async def test_a_profitable_client_is_never_told_they_cost_more_than_they_bring(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = solo_team(sqlite_engine, "nl")
    others = [make_client(sqlite_engine, team, f"Bedrijf {k}") for k in range(1, 10)]
    for k, client in enumerate(others, start=1):
        for month in range(6):
            make_sale(
                sqlite_engine,
                team,
                client,
                200_000 + k * 10_000,
                cost=150_000,
                sold_on=TODAY - dt.timedelta(days=20 + 30 * month),
            )
    early = make_client(sqlite_engine, team, "Fysio Zeist", acquired_on=dt.date(2025, 1, 1))
    for month in range(6):
        sold = TODAY - dt.timedelta(days=20 + 30 * month)
        make_sale(
            sqlite_engine,
            team,
            early,
            50_000,
            cost=20_000,
            sold_on=sold,
            due_on=sold + dt.timedelta(days=14),
            paid_on=sold + dt.timedelta(days=2),
        )
    make_event(sqlite_engine, team, early, "complaint", happened_on=TODAY - dt.timedelta(days=10))
    me = chat.person(OWNER, "Sanne", "nl")
    seen = await chat.send(me, "/client Fysio Zeist")
    assert "winst € 1.800 per jaar" in seen.text, seen.text  # 6 × (€ 500 − € 200)
    assert "Kost je meer dan het oplevert" not in seen.text
    assert "te laat" not in seen.text  # every invoice paid early


@pytest.mark.parametrize(
    ("locale", "said"),
    [("nl", "5 van 7 facturen te laat"), ("ru", "с опозданием: 5 из 7 счетов")],
)
async def test_late_payments_are_real_counts_and_never_invented(
    chat: Chat, sqlite_engine: Engine, locale: str, said: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    late = make_client(sqlite_engine, team, "Laat BV")
    punctual = make_client(sqlite_engine, team, "Stipt BV")
    for i in range(7):
        sold = TODAY - dt.timedelta(days=40 + 40 * i)
        due = sold + dt.timedelta(days=14)
        make_sale(
            sqlite_engine,
            team,
            late,
            100_000,
            cost=50_000,
            sold_on=sold,
            due_on=due,
            paid_on=due + dt.timedelta(days=10 if i < 5 else -3),
        )
        make_sale(
            sqlite_engine,
            team,
            punctual,
            100_000,
            cost=50_000,
            sold_on=sold,
            due_on=due,
            paid_on=due - dt.timedelta(days=3),
        )
    me = chat.person(OWNER, "Sanne", locale)
    seen = await chat.send(me, "/client Laat")
    details = await chat.press(me, "Details" if locale == "nl" else "Подробнее")
    assert said in details
    for text in (seen.text, details.text):
        assert "%" not in text.split("\n", 2)[-1] or said in text  # no shrunk rate anywhere
        shown = [
            line for line in text.splitlines() if not line.startswith(("Score", "Оценка в баллах"))
        ]
        assert "64" not in "\n".join(shown) and "71" not in "\n".join(shown)
    card = (await chat.send(me, "/client Stipt")).text
    details = (await chat.press(me, "Details" if locale == "nl" else "Подробнее")).text
    for text in (card, details):
        assert ("te laat" if locale == "nl" else "с опозданием") not in text


async def test_reasons_only_where_a_client_really_differs(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = solo_team(sqlite_engine, "nl")
    # Nine clients at € 3.000 profit a year; one 2 % under that, nobody complains.
    for k in range(10):
        client = make_client(sqlite_engine, team, f"Klant {k}", acquired_on=dt.date(2024, 1, 1))
        profit = 300_000 if k else 294_000
        for month in range(12):
            make_sale(
                sqlite_engine,
                team,
                client,
                profit // 12 + 10_000,
                cost=10_000,
                sold_on=TODAY - dt.timedelta(days=10 + 30 * month),
            )
    me = chat.person(OWNER, "Sanne", "nl")
    seen = await chat.send(me, "/client Klant 0")
    assert "klachten (doorsneeklant 0)" not in seen.text
    assert "▼ winst" not in seen.text
    assert "winst € 2.940 per jaar" in seen.text


async def test_card_and_details_show_the_same_yearly_profit_labelled_for_a_new_client(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = solo_team(sqlite_engine, "nl")
    for k in range(3):
        client = make_client(sqlite_engine, team, f"Vast {k}", acquired_on=dt.date(2023, 1, 1))
        for month in range(12):
            make_sale(
                sqlite_engine,
                team,
                client,
                50_000,
                cost=20_000,
                sold_on=TODAY - dt.timedelta(days=5 + 30 * month),
            )
    young = make_client(sqlite_engine, team, "Nieuw BV", acquired_on=TODAY - dt.timedelta(days=120))
    for month in range(4):
        make_sale(
            sqlite_engine,
            team,
            young,
            60_000,
            cost=20_000,
            sold_on=TODAY - dt.timedelta(days=5 + 30 * month),
        )
    me = chat.person(OWNER, "Sanne", "nl")
    card = (await chat.send(me, "/client Nieuw")).text  # Details edits the same message
    details = (await chat.press(me, "Details")).text
    # € 1.600 profit in 120 days as a client plus the 30 days its monthly rhythm covers:
    # 1.600 × 365 / 150 = € 3.893 a year.
    assert "winst € 3.893 per jaar (schatting)" in card
    assert "winst € 3.893 per jaar (schatting)" in details
    assert "winst € 1.600 (67% van de omzet)" in details
    card = (await chat.send(me, "/client Vast 1")).text
    details = (await chat.press(me, "Details")).text
    assert "winst € 3.600 per jaar" in card and "schatting" not in card
    assert "winst € 3.600 (60% van de omzet)" in details and "schatting" not in details


async def test_a_sales_file_without_payment_columns_owes_nothing(
    chat: Chat, sqlite_engine: Engine
) -> None:
    solo_team(sqlite_engine, "ru")
    me = chat.person(OWNER, "Ольга", "ru")
    sales = "Клиент;Дата;Сумма\nАнна Петрова;10.06.2026;3 500\nАнна Петрова;10.09.2026;3 500\n"
    await chat.upload(me, "продажи.csv", sales.encode())
    card = (await chat.send(me, "/client Анна")).text
    assert "долг" not in card and "долж" not in card
    paid = (await chat.send(me, "/paid Анна")).text
    assert "7 000" not in paid  # nothing to pay: the file held no open invoice


async def test_details_name_the_margin_that_stood_in_and_no_ideal_client_without_a_profile(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = solo_team(sqlite_engine, "nl")
    costed = make_client(sqlite_engine, team, "Tandarts Visser", acquired_on=dt.date(2024, 1, 1))
    bare = make_client(sqlite_engine, team, "Kapsalon Bloem", acquired_on=dt.date(2024, 1, 1))
    for month in range(3):
        sold = TODAY - dt.timedelta(days=20 + 60 * month)
        make_sale(sqlite_engine, team, costed, 400_000, cost=100_000, sold_on=sold)
        make_sale(sqlite_engine, team, bare, 30_000, sold_on=sold)
    me = chat.person(OWNER, "Sanne", "nl")
    card = (await chat.send(me, "/client Kapsalon")).text
    details = (await chat.press(me, "Details")).text
    # No default margin: the 75 % of the sales with costs (3 × 3.000 of 3 × 4.000) stood in.
    assert (
        "marge die je verkopen met kosten hadden toen de beoordelingen van deze week werden "
        "bepaald (75%)"
    ) in details
    assert "standaardmarge" not in details
    for text in (card, details):
        assert "ideale klant" not in text  # the team wrote no ideal profile


async def test_a_new_client_with_one_sale_shows_what_they_brought_so_far(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = solo_team(sqlite_engine, "nl")
    for k in range(4):
        client = make_client(sqlite_engine, team, f"Vast {k}", acquired_on=dt.date(2024, 1, 1))
        for month in range(12):
            make_sale(
                sqlite_engine,
                team,
                client,
                50_000,
                cost=20_000,
                sold_on=TODAY - dt.timedelta(days=5 + 30 * month),
            )
    new = make_client(
        sqlite_engine, team, "Bloemist De Wit", acquired_on=TODAY - dt.timedelta(days=2)
    )
    make_sale(sqlite_engine, team, new, 50_000, cost=10_000, sold_on=TODAY - dt.timedelta(days=2))
    me = chat.person(OWNER, "Sanne", "nl")
    card = (await chat.send(me, "/client Bloemist")).text
    assert "winst € 400 tot nu toe" in card
    assert "per jaar" not in card  # two days are no year to compare with the team's
