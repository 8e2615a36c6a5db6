"""Found by the attacker (h18): the same thing recorded twice because the "record it again?"
check covered one person and one kind of record only."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from storage.models import Event, Sale
from tests.chat import Chat
from tests.factories import add_member, make_client, make_sale, make_team, rows

JORIS, FATIMA, SANNE, GROUP = 31, 32, 33, -100111
DUE = dt.date(2026, 12, 31)


async def _team(chat: Chat, engine: Engine):  # type: ignore[no-untyped-def]
    joris = chat.person(JORIS, "Joris", "nl")
    fatima, sanne = chat.person(FATIMA, "Fatima", "nl"), chat.person(SANNE, "Sanne", "nl")
    chat.group(GROUP, "Demo", creator=joris, members=(fatima, sanne))
    team = make_team(engine, chat_id=GROUP, owner_id=JORIS)
    add_member(engine, team, FATIMA, "admin")
    add_member(engine, team, SANNE)
    make_client(engine, team, "Yogastudio Lotus")
    make_client(engine, team, "Bakkerij de Vries")
    return team, joris, fatima, sanne


async def test_a_teammate_booking_the_same_sale_within_minutes_is_asked_first(
    chat: Chat, sqlite_engine: Engine
) -> None:
    _, _, fatima, sanne = await _team(chat, sqlite_engine)
    await chat.send(fatima, "/verkoop Yogastudio Lotus 333", chat=GROUP)
    assert len(rows(sqlite_engine, Sale)) == 1
    seen = await chat.send(sanne, "/verkoop Yogastudio Lotus 333", chat=GROUP)
    assert "minder dan 10 minuten geleden al vastgelegd" in seen.text
    assert seen.text.startswith("user32 heeft deze verkoop")  # the factory names Fatima so
    assert "Ja, nog een keer vastleggen" in seen.buttons
    assert len(rows(sqlite_engine, Sale)) == 1
    await chat.press(sanne, "Ja, nog een keer vastleggen", chat=GROUP)
    assert len(rows(sqlite_engine, Sale)) == 2


async def test_the_same_compliment_again_within_minutes_is_asked_first(
    chat: Chat, sqlite_engine: Engine
) -> None:
    _, _, fatima, _ = await _team(chat, sqlite_engine)
    await chat.send(fatima, "/compliment Yogastudio Lotus super", chat=GROUP)
    seen = await chat.send(fatima, "/compliment Yogastudio Lotus super", chat=GROUP)
    assert "Dit compliment van Yogastudio Lotus heb je minder dan 10 minuten" in seen.text
    assert len(rows(sqlite_engine, Event)) == 1
    await chat.press(fatima, "Nee", chat=GROUP)
    assert len(rows(sqlite_engine, Event)) == 1


async def test_the_same_referral_again_is_asked_first(chat: Chat, sqlite_engine: Engine) -> None:
    _, _, fatima, sanne = await _team(chat, sqlite_engine)
    await chat.send(fatima, "/aanbeveling Yogastudio Lotus, Bakkerij de Vries", chat=GROUP)
    assert len(rows(sqlite_engine, Event)) == 1
    seen = await chat.send(sanne, "/aanbeveling Yogastudio Lotus, Bakkerij de Vries", chat=GROUP)
    assert "Bakkerij de Vries heeft aangebracht, is al genoteerd" in seen.text
    assert len(rows(sqlite_engine, Event)) == 1
    await chat.press(sanne, "Ja, nog een keer vastleggen", chat=GROUP)
    assert len(rows(sqlite_engine, Event)) == 2


async def test_the_same_payment_again_within_minutes_is_asked_first(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """`/betaald Dierenkliniek Poot 321` typed twice paid the next open invoice too."""
    team, _, fatima, _ = await _team(chat, sqlite_engine)
    poot = make_client(sqlite_engine, team, "Dierenkliniek Poot")
    for day in (1, 2):
        make_sale(sqlite_engine, team, poot, 32_100, sold_on=dt.date(2026, 10, day), due_on=DUE)
    sales = rows(sqlite_engine, Sale)
    assert len(sales) == 2 and all(s.paid_on is None for s in sales)
    await chat.send(fatima, "/betaald Dierenkliniek Poot 321", chat=GROUP)
    assert sum(s.paid_on is not None for s in rows(sqlite_engine, Sale)) == 1
    seen = await chat.send(fatima, "/betaald Dierenkliniek Poot 321", chat=GROUP)
    assert seen.text.startswith("Je hebt minder dan 10 minuten geleden al een betaling van €")
    assert "321 door Dierenkliniek Poot vastgelegd. Nog een keer vastleggen?" in seen.text
    assert sum(s.paid_on is not None for s in rows(sqlite_engine, Sale)) == 1
    await chat.press(fatima, "Nee", chat=GROUP)
    assert sum(s.paid_on is not None for s in rows(sqlite_engine, Sale)) == 1
    await chat.send(fatima, "/betaald Dierenkliniek Poot 321", chat=GROUP)
    await chat.press(fatima, "Ja, nog een keer vastleggen", chat=GROUP)
    assert sum(s.paid_on is not None for s in rows(sqlite_engine, Sale)) == 2


async def test_a_payment_of_another_day_is_another_payment(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """A Dutch bookkeeper catching up: "/betaald de wit 1.250 20 nov" minutes after the same
    amount paid on 20 October was asked "nog een keer vastleggen?" as if it were the same."""
    team, _, fatima, _ = await _team(chat, sqlite_engine)
    wit = make_client(sqlite_engine, team, "Administratie De Wit")
    for month in (9, 10):
        make_sale(sqlite_engine, team, wit, 125_000, sold_on=dt.date(2026, month, 1), due_on=DUE)
    await chat.send(fatima, "/betaald Administratie De Wit 1250 20-10", chat=GROUP)
    seen = await chat.send(fatima, "/betaald Administratie De Wit 1250 20-11", chat=GROUP)
    assert "Nog een keer vastleggen?" not in seen.text, seen.text
    paid = sorted(s.paid_on for s in rows(sqlite_engine, Sale) if s.paid_on is not None)
    assert paid == [dt.date(2026, 10, 20), dt.date(2026, 11, 20)], paid
