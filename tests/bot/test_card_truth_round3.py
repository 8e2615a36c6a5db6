"""What a native Russian reader and a hand-checker found untrue on the card and in /clients
(round 3): a grade for a client without a sale, a profit resting on an assumed margin said as
if measured, and the revenue share said twice. Expected figures are worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from scoring import analysis_to_json, snapshot_rows
from storage.analysis import team_analysis
from storage.callers import team_view
from storage.engine import new_session
from tests.bot.test_truth import OWNER, TODAY, solo_team
from tests.chat import Chat
from tests.factories import make_client, make_event, make_sale

NO_SALES_YET = {
    "nl": "nog geen beoordeling (nog geen verkopen)",
    "ru": "оценки пока нет: продаж ещё не было",
}


def _two_buyers(engine: Engine, team) -> None:  # type: ignore[no-untyped-def]
    for name, amount in (("Bakkerij Jansen", 40_000), ("Garage Smit", 20_000)):
        client = make_client(engine, team, name, acquired_on=dt.date(2025, 1, 1))
        for days in (20, 50, 80, 110):
            make_sale(engine, team, client, amount, sold_on=TODAY - dt.timedelta(days=days))


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_a_client_without_a_sale_has_no_grade_on_the_card_or_in_the_list(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    _two_buyers(sqlite_engine, team)
    name = "Иванова Мария Петровна" if locale == "ru" else "Petra de Vries"
    make_client(sqlite_engine, team, name, kind="person")  # just added, as /add does
    me = chat.person(OWNER, "Sanne", locale)
    card = (await chat.send(me, f"/client {name}")).text
    first = card.splitlines()[0]
    assert first == f"{name} · {NO_SALES_YET[locale]}", card
    # No made-up figures for nobody's sales: no "0 % of revenue", no profit, no lift.
    assert "0 %" not in card and "€" not in card and "₽" not in card, card
    listed = (await chat.send(me, "/clients")).text.splitlines()
    # Two graded clients first, the new one last, saying it has no grade (not "–", not "0 %").
    no_grade = {"nl": "nog geen beoordeling", "ru": "оценки пока нет"}[locale]
    assert listed[3] == f"3. {name} · {no_grade}", listed
    assert "Bakkerij Jansen" in listed[1] and "Garage Smit" in listed[2], listed


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_a_client_whose_sales_are_older_than_the_window_has_no_grade(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    _two_buyers(sqlite_engine, team)
    old = make_client(sqlite_engine, team, "Oud BV", acquired_on=dt.date(2023, 1, 1))
    make_sale(sqlite_engine, team, old, 30_000, sold_on=TODAY - dt.timedelta(days=500))
    me = chat.person(OWNER, "Sanne", locale)
    first = (await chat.send(me, "/client Oud BV")).text.splitlines()[0]
    said = {
        "nl": "geen beoordeling: geen verkopen in de afgelopen 12 maanden",
        "ru": "оценки нет: за последние 12 месяцев продаж не было",
    }
    assert first == f"Oud BV · {said[locale]}", first


async def test_the_report_and_the_week_snapshot_give_no_grade_to_a_client_without_a_sale(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = solo_team(sqlite_engine, "nl")
    _two_buyers(sqlite_engine, team)
    new = make_client(sqlite_engine, team, "Petra de Vries")
    me = chat.person(OWNER, "Sanne", "nl")
    await chat.send(me, "/clients")  # the team as the bot sees it
    with new_session(sqlite_engine) as session:
        view = team_view(session=session, team_id=team.id or 0)
        assert view is not None
        analysis = team_analysis(session=session, team=view, today=TODAY).analysis
    assert analysis_to_json(analysis)["grades"][str(new)]["grade"] is None
    [row] = [r for r in snapshot_rows(analysis, "2026-W48") if r["client_id"] == new]
    assert row["grade"] == ""  # saved without a grade: next week's first grade is no change


def _one_without_costs(engine: Engine, team) -> None:  # type: ignore[no-untyped-def]
    """Bakkerij Jansen: four sales of 400 with cost 100 each (margin 75 %); Garage Smit: four
    sales of 200 without costs, so its profit rests on that 75 %: 800 − 25 % × 800 = 600."""
    for name, amount, cost in (("Bakkerij Jansen", 40_000, 10_000), ("Garage Smit", 20_000, None)):
        client = make_client(engine, team, name, acquired_on=dt.date(2025, 1, 1))
        for days in (20, 50, 80, 110):
            make_sale(
                engine, team, client, amount, sold_on=TODAY - dt.timedelta(days=days), cost=cost
            )


@pytest.mark.parametrize(
    ("locale", "said", "measured"),
    [
        (
            "nl",
            "winst € 600 per jaar (schatting bij 75% winstmarge)",
            "winst € 1.200 per jaar",
        ),
        (
            "ru",
            "прибыль 600 ₽ в год (при вашей обычной доле прибыли 75 %)",
            "прибыль 1 200 ₽ в год",
        ),
    ],
)
async def test_a_profit_on_an_assumed_margin_says_so_on_the_first_screen(
    chat: Chat, sqlite_engine: Engine, locale: str, said: str, measured: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    _one_without_costs(sqlite_engine, team)
    me = chat.person(OWNER, "Sanne", locale)
    card = (await chat.send(me, "/client Garage Smit")).text
    assert said in card, card
    # Every sale with its cost: the profit is measured, said without a margin.
    costed = (await chat.send(me, "/client Bakkerij Jansen")).text
    assert measured in costed and "марже" not in costed and "marge" not in costed, costed


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_clients_by_profit_mark_a_profit_on_an_assumed_margin(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    _one_without_costs(sqlite_engine, team)
    me = chat.person(OWNER, "Sanne", locale)
    await chat.send(me, "/clients")
    by_profit = (await chat.press(me, "Op winst" if locale == "nl" else "По прибыли")).text
    lines = by_profit.splitlines()
    # Window profits by hand: 4 × (400 − 100) = 1 200 measured, 600 on the assumed margin.
    jansen = "€ 1.200" if locale == "nl" else "1 200 ₽"
    smit = "≈ € 600" if locale == "nl" else "≈ 600 ₽"
    assert "Bakkerij Jansen" in lines[1] and lines[1].endswith(jansen), lines
    assert "≈" not in lines[1], lines
    assert "Garage Smit" in lines[2] and lines[2].endswith(smit), lines
    # The window's profit, said as such: the card's is an estimate of a year.
    window = "winst laatste 12 mnd: " if locale == "nl" else "прибыль за 12 мес.: "
    assert window + jansen in lines[1] and window + smit in lines[2], lines


@pytest.mark.parametrize(
    ("locale", "loss"),
    [("nl", "verlies laatste 12 mnd: € 800"), ("ru", "убыток за 12 мес.: 800 ₽")],
)
async def test_clients_by_profit_say_a_loss_as_a_loss(
    chat: Chat, sqlite_engine: Engine, locale: str, loss: str
) -> None:
    """The checker read "winst laatste 12 mnd: € -850" on the list where the card says
    "verlies € 850 per jaar"."""
    team = solo_team(sqlite_engine, locale)
    _one_without_costs(sqlite_engine, team)
    client = make_client(sqlite_engine, team, "Drukkerij Rood", acquired_on=dt.date(2025, 1, 1))
    for days in (20, 50, 80, 110):  # 4 × (100 − 300) = −800
        make_sale(
            sqlite_engine,
            team,
            client,
            10_000,
            sold_on=TODAY - dt.timedelta(days=days),
            cost=30_000,
        )
    me = chat.person(OWNER, "Sanne", locale)
    await chat.send(me, "/clients")
    by_profit = (await chat.press(me, "Op winst" if locale == "nl" else "По прибыли")).text
    [rood] = [line for line in by_profit.splitlines() if "Drukkerij Rood" in line]
    assert rood.endswith(loss), rood


@pytest.mark.parametrize(
    ("locale", "verdict", "share"),
    [
        ("nl", "Je bent sterk afhankelijk van deze klant: 50% van de omzet.", "50%"),
        ("ru", "На этого клиента приходится 50 % выручки.", "50 %"),
    ],
)
async def test_the_card_says_the_revenue_share_once(
    chat: Chat, sqlite_engine: Engine, locale: str, verdict: str, share: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    # One client brings 4 × 1 000 = 4 000; eight others (enough for alarms) 4 × 125 = 500 each,
    # 4 000 together: the big one is 4 000 / 8 000 = 50 % of revenue.
    for k, amount in enumerate((100_000, *[12_500] * 8)):
        client = make_client(
            sqlite_engine,
            team,
            "Groot BV" if k == 0 else f"Klein {k}",
            acquired_on=TODAY.replace(year=2025),
        )
        for days in (20, 50, 80, 110):
            make_sale(sqlite_engine, team, client, amount, sold_on=TODAY - dt.timedelta(days=days))
    me = chat.person(OWNER, "Sanne", locale)
    card = (await chat.send(me, "/client Groot BV")).text
    assert verdict in card.splitlines()[1], card
    assert card.count(share) == 1, card


@pytest.mark.parametrize(
    ("locale", "button", "card_says", "events", "purchases"),
    [
        ("nl", "Details", "1 klacht", "1 klacht · 0 complimenten · 0 aanbevelingen", "1 verkoop"),
        (
            "ru",
            "Подробнее",
            "1 проблема",
            "1 проблема · 0 благодарностей · 0 рекомендаций",
            "1 покупка",
        ),
    ],
)
async def test_details_count_the_complaint_the_card_names_and_say_one_sale_in_the_singular(
    chat: Chat,
    sqlite_engine: Engine,
    locale: str,
    button: str,
    card_says: str,
    events: str,
    purchases: str,
) -> None:
    """Second readers: the card said "1 klacht" while its Details said "Complimenten 0 ·
    aanbevelingen 0" and "Verkopen 1"."""
    team = solo_team(sqlite_engine, locale)
    _two_buyers(sqlite_engine, team)
    client = make_client(sqlite_engine, team, "Kapsalon Knip", acquired_on=dt.date(2025, 1, 1))
    make_sale(sqlite_engine, team, client, 30_000, sold_on=TODAY - dt.timedelta(days=30))
    make_event(sqlite_engine, team, client, "complaint", happened_on=TODAY - dt.timedelta(days=9))
    owner = chat.person(OWNER, "Olga", locale)
    seen = await chat.send(owner, "/client Kapsalon Knip")
    assert card_says in seen.text
    details = (await chat.press(owner, button)).text.splitlines()
    assert events in details
    assert any(line.startswith(purchases + " · ") or line == purchases for line in details)


@pytest.mark.parametrize(
    ("locale", "details", "said"),
    [
        ("nl", "Details", "Geen verkopen in deze periode."),
        ("ru", "Подробнее", "Продаж за этот период не было."),
    ],
)
async def test_details_of_a_client_without_sales_say_so_not_zeros(
    chat: Chat, sqlite_engine: Engine, locale: str, details: str, said: str
) -> None:
    """A Russian reader: «Выручка: 0 ₽ · затраты: 0 ₽ · прибыль: 0 ₽ / 0 покупок»."""
    team = solo_team(sqlite_engine, locale)
    make_client(sqlite_engine, team, "Alsu Nieuw", kind="person")
    me = chat.person(OWNER, "Sanne", locale)
    await chat.send(me, "/client Alsu Nieuw")
    text = (await chat.press(me, details)).text
    assert said in text.splitlines(), text
    assert "0 ₽" not in text and "€ 0" not in text.replace("\u00a0", " "), text
