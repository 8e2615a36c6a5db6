"""Paying the rest of an invoice: the Dutch reader's € 1.250,50 invoice, € 500 paid first, then
`/betaald jansen` said "factuur van € 750,50 betaald", an invoice that never was."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from storage.models import Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, make_client, make_sale, rows


async def test_the_rest_paid_is_said_as_what_was_paid(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, nl_team, "Jansen", kind="person")
    make_sale(
        sqlite_engine,
        nl_team,
        client,
        125_050,
        sold_on=dt.date(2026, 11, 20),
        due_on=dt.date(2026, 12, 4),
    )
    anna = chat.person(NL_OWNER, "Anna", "nl")
    first = await chat.send(anna, "/betaald jansen 500")
    assert "€ 750,50 staat nog open" in first.text.replace("\u00a0", " "), first.text
    seen = await chat.send(anna, "/betaald jansen")
    text = seen.text.replace("\u00a0", " ")
    assert text.startswith("Jansen heeft € 750,50 betaald: de factuur is voldaan."), text
    assert "factuur van" not in text
    [sale] = rows(sqlite_engine, Sale)
    assert sale.paid_on is not None
