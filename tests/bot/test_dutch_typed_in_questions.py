"""Every amount, time and date a Dutch user types, read the same in every question that asks
for one as in a one-line /sale: the sale dialog's amount, cost and time steps, a sale's date
and a payment's date when corrected, "klant sinds", and /profile's hours per order (issue 17).

The test clock stands on Monday 23 November 2026."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from storage.models import Client, IdealProfileRow, Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, make_client, make_sale, make_team, rows

AMOUNTS = [
    ("1.250,50", 125050),
    ("1250,50", 125050),
    ("€1.250", 125000),
    ("€ 1.250", 125000),
    ("1.250 €", 125000),
    ("450,-", 45000),
    ("1250 euro", 125000),
    ("2,5k", 250000),
    ("30k", 3000000),
    ("30K", 3000000),
    ("250 eur", 25000),
]
TIMES = [
    ("2u", 120),
    ("2 uur", 120),
    ("1,5 u", 90),
    ("1u30", 90),
    ("anderhalf uur", 90),
    ("90 min", 90),
    ("een half uur", 30),
    ("kwartier", 15),
    ("twee uur", 120),
    ("tien minuten", 10),
]
DATES = [  # Monday 23 November 2026
    ("gisteren", dt.date(2026, 11, 22)),
    ("eergisteren", dt.date(2026, 11, 21)),
    ("vorige week vrijdag", dt.date(2026, 11, 20)),  # the Friday of 16–22 Nov
    ("23-11", dt.date(2026, 11, 23)),
    ("23 nov", dt.date(2026, 11, 23)),
    ("20 november", dt.date(2026, 11, 20)),
    ("vrijdag", dt.date(2026, 11, 20)),
]


@pytest.mark.parametrize(("typed", "cents"), AMOUNTS)
async def test_the_sale_dialog_reads_amounts_and_costs(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, typed: str, cents: int
) -> None:
    make_client(sqlite_engine, nl_team, "Daan Kok", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Daan Kok")
    seen = await chat.send(anna, typed)
    assert "Wat waren je kosten" in seen.text, seen.text
    seen = await chat.send(anna, typed)  # the same as a cost: asked about, as it equals it
    assert "Hoeveel tijd" in seen.text, seen.text
    await chat.press(anna, "Overslaan")
    assert [(s.amount, s.cost) for s in rows(sqlite_engine, Sale)] == [(cents, cents)]


@pytest.mark.parametrize(("typed", "minutes"), TIMES)
async def test_the_sale_dialog_reads_times(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, typed: str, minutes: int
) -> None:
    make_client(sqlite_engine, nl_team, "Daan Kok", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Daan Kok")
    await chat.send(anna, "250")
    await chat.press(anna, "Overslaan")
    seen = await chat.send(anna, typed)
    assert "Verkoop vastgelegd: € 250 — Daan Kok, vandaag." in seen, seen.text
    assert [s.minutes for s in rows(sqlite_engine, Sale)] == [minutes]


@pytest.mark.parametrize(("typed", "day"), DATES)
async def test_a_corrected_sale_and_payment_read_dates(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, typed: str, day: dt.date
) -> None:
    client = make_client(sqlite_engine, nl_team, "Daan Kok", kind="person")
    make_sale(sqlite_engine, nl_team, client, 50000, sold_on=dt.date(2026, 11, 2))
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for field, column in (("Datum", "sold_on"), ("Betaald op", "paid_on")):
        await chat.send(anna, "/verkopen daan")
        await chat.press(anna, "✎ Verkoop 1")
        await chat.press(anna, field)
        seen = await chat.send(anna, typed)
        assert "Verkoop gecorrigeerd: " in seen, (field, seen.text)
        assert getattr(rows(sqlite_engine, Sale)[0], column) == day, field


@pytest.mark.parametrize(("typed", "day"), DATES)
async def test_client_since_reads_dates(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, typed: str, day: dt.date
) -> None:
    make_client(sqlite_engine, nl_team, "Daan Kok", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/wijzig daan")
    await chat.press(anna, "Klant sinds")
    seen = await chat.send(anna, typed)
    assert "Klant sinds gewijzigd in" in seen.text, seen.text
    assert rows(sqlite_engine, Client)[0].acquired_on == day


@pytest.mark.parametrize(
    ("typed", "hours"),
    [
        ("10 uur", 10.0),
        ("2u", 2.0),
        ("2 uur", 2.0),
        ("1,5 u", 1.5),
        ("anderhalf uur", 1.5),
        ("twee uur", 2.0),
    ],
)
async def test_hours_per_order_in_the_profile(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, typed: str, hours: float
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/profiel")
    await chat.press(anna, "+ Nieuw: Alle klanten")
    await chat.press(anna, "Past bij jou")  # her own team: one person
    await chat.press(anna, "Uren per verkoop, hoogstens")
    seen = await chat.send(anna, typed)
    assert "Opgeslagen: Uren per verkoop, hoogstens: " in seen
    [profile] = rows(sqlite_engine, IdealProfileRow)
    assert profile.criteria["fit"]["max_hours_per_order"] == hours


async def test_the_amount_step_takes_the_rest_of_the_sale_too(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Daan Kok", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Daan Kok")
    seen = await chat.send(anna, "250 2u")
    assert "Verkoop vastgelegd: € 250 — Daan Kok, vandaag." in seen, seen.text
    await chat.send(anna, "/verkoop Daan Kok")
    seen = await chat.send(anna, "€ 95, 20 kosten, 1 uur")
    assert "Verkoop vastgelegd: € 95 — Daan Kok, vandaag." in seen, seen.text
    await chat.send(anna, "/verkoop Daan Kok")
    seen = await chat.send(anna, "120 gisteren")  # the cost and the time are still asked
    assert "Wat waren je kosten" in seen.text
    await chat.press(anna, "Overslaan")
    seen = await chat.send(anna, "45 min")
    assert "Verkoop vastgelegd: € 120 — Daan Kok, gisteren." in seen, seen.text
    assert [(s.amount, s.cost, s.minutes, s.sold_on) for s in rows(sqlite_engine, Sale)] == [
        (25000, None, 120, dt.date(2026, 11, 23)),
        (9500, 2000, 60, dt.date(2026, 11, 23)),
        (12000, None, 45, dt.date(2026, 11, 22)),
    ]
    await chat.send(anna, "/verkoop Daan Kok")
    seen = await chat.send(anna, "twee kilo")  # no sale in it: the amount is asked again
    assert "„twee kilo” kan ik niet als bedrag lezen" in seen.text


@pytest.mark.parametrize(
    ("typed", "paid"),
    [("250", [25000]), ("€ 400,-", [40000]), ("650", [40000, 25000]), ("alles", [40000, 25000])],
)
async def test_which_sale_was_paid_takes_an_amount_typed(
    chat: Chat, sqlite_engine: Engine, typed: str, paid: list[int]
) -> None:
    team = make_team(
        sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True, payment_days=14
    )
    client = make_client(sqlite_engine, team, "Bakkerij de Vries")
    make_sale(sqlite_engine, team, client, 40000, sold_on=dt.date(2026, 11, 2))
    make_sale(sqlite_engine, team, client, 25000, sold_on=dt.date(2026, 11, 9))
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/betaald bakkerij")
    assert "Hoeveel heeft Bakkerij de Vries betaald?" in seen.text, seen.text
    await chat.send(anna, typed)  # typed instead of pressing a button
    assert sorted(s.amount for s in rows(sqlite_engine, Sale) if s.paid_on) == sorted(paid)
