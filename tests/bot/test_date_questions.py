"""Correcting a sale or a client reads dates as people type them: weekdays, "vorige week
vrijdag", "в прошлую пятницу", and a day without a year that is still to come this year is
last year's. A sale's date, a payment's date and "client since" can't be in the future:
refused, nothing changed. A bare number for a sale's time is asked about, not taken as minutes.

The test clock stands on Monday 23 November 2026."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from storage.models import Client, Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, rows


async def _correct(chat: Chat, who, client: str, field: str) -> None:  # type: ignore[no-untyped-def]
    await chat.send(who, f"/sales {client}")
    await chat.press(who, "✎ Verkoop 1" if who.language_code == "nl" else "✎ Продажа 1")
    await chat.press(who, field)


async def test_a_sale_moved_to_a_weekday_in_dutch(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    make_sale(sqlite_engine, nl_team, client, 50000, sold_on=dt.date(2026, 11, 2))
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for typed, day in [
        ("vrijdag", dt.date(2026, 11, 20)),
        ("vorige week dinsdag", dt.date(2026, 11, 17)),
        ("afgelopen zaterdag", dt.date(2026, 11, 21)),
    ]:
        await _correct(chat, anna, "bakkerij", "Datum")
        seen = await chat.send(anna, typed)
        assert "Verkoop gecorrigeerd: " in seen, typed
        assert rows(sqlite_engine, Sale)[0].sold_on == day, typed


async def test_a_sale_date_still_to_come_is_refused_and_nothing_changes(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    make_sale(sqlite_engine, nl_team, client, 50000, sold_on=dt.date(2026, 11, 2))
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await _correct(chat, anna, "bakkerij", "Datum")
    seen = await chat.send(anna, "24-11-2026")
    assert "„24-11-2026” moet nog komen. Typ een dag die al geweest is" in seen.text
    assert rows(sqlite_engine, Sale)[0].sold_on == dt.date(2026, 11, 2)
    seen = await chat.send(anna, "24-11")  # tomorrow without a year: not last year's
    assert "„24-11” moet nog komen. Typ een dag die al geweest is" in seen.text
    assert rows(sqlite_engine, Sale)[0].sold_on == dt.date(2026, 11, 2)
    seen = await chat.send(anna, "gisteren")  # the question still stands
    assert "Verkoop gecorrigeerd: " in seen
    assert rows(sqlite_engine, Sale)[0].sold_on == dt.date(2026, 11, 22)


async def test_a_payment_date_typed_the_russian_way(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, ru_team, "Волкова Анна")
    make_sale(sqlite_engine, ru_team, client, 250000, sold_on=dt.date(2026, 11, 2))
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await _correct(chat, olga, "волкова", "Дата оплаты")
    seen = await chat.send(olga, "в прошлую пятницу")
    assert "Продажа исправлена: " in seen
    assert rows(sqlite_engine, Sale)[0].paid_on == dt.date(2026, 11, 20)
    await _correct(chat, olga, "волкова", "Дата оплаты")
    seen = await chat.send(olga, "1 декабря 2026")
    assert "Дата «1 декабря 2026» ещё не наступила." in seen.text
    assert rows(sqlite_engine, Sale)[0].paid_on == dt.date(2026, 11, 20)
    seen = await chat.send(olga, "на прошлой неделе в среду")
    assert "Продажа исправлена: " in seen
    assert rows(sqlite_engine, Sale)[0].paid_on == dt.date(2026, 11, 18)


async def test_client_since_reads_weekdays_and_refuses_the_future(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Anouk de Boer", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/edit anouk")
    await chat.press(anna, "Klant sinds")
    seen = await chat.send(anna, "1-1-2027")
    assert "Die datum moet nog komen: sinds wanneer is dit een klant?" in seen.text
    assert rows(sqlite_engine, Client)[0].acquired_on != dt.date(2027, 1, 1)
    seen = await chat.send(anna, "15 december")  # 22 days ahead: refused, not last December
    assert "Die datum moet nog komen: sinds wanneer is dit een klant?" in seen.text
    seen = await chat.send(anna, "15 december 2025")
    assert "Klant sinds gewijzigd in" in seen.text
    assert rows(sqlite_engine, Client)[0].acquired_on == dt.date(2025, 12, 15)
    await chat.press(anna, "Klant sinds")
    await chat.send(anna, "vorige week vrijdag")
    assert rows(sqlite_engine, Client)[0].acquired_on == dt.date(2026, 11, 20)


async def test_a_bare_number_for_a_sales_time_is_asked_about_not_guessed(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    make_sale(sqlite_engine, nl_team, client, 50000, minutes=60)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await _correct(chat, anna, "bakkerij", "Tijd")
    seen = await chat.send(anna, "2")
    assert "2 — minuten of uren? Schrijf 2u of 2 min." in seen.text
    assert rows(sqlite_engine, Sale)[0].minutes == 60  # not 2 minutes, silently
    seen = await chat.send(anna, "anderhalve uur")
    assert "Verkoop gecorrigeerd: " in seen
    assert rows(sqlite_engine, Sale)[0].minutes == 90
