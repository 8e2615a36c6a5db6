"""A part payment over several open sales says where all of it went: a reader's "/betaald
groen 500" over invoices of € 300 and € 400 listed only the € 300 it closed, not the € 200 it
paid of the other."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows


async def test_the_sale_paid_in_part_is_named_beside_the_ones_paid_in_full(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Tuinbedrijf Groen")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Tuinbedrijf Groen 300 op rekening")
    await chat.send(anna, "/verkoop Tuinbedrijf Groen 400 op rekening")
    seen = await chat.send(anna, "/betaald groen 500")
    assert seen.text.splitlines() == [
        "Tuinbedrijf Groen: € 500 betaald; € 200 staat nog open.",
        "Daarmee betaald: € 300 (verkoop van vandaag).",
        "Deels betaald: € 200 van € 400 (verkoop van vandaag).",
    ]
    stored = sorted(
        (s.amount, s.paid_on is not None, s.paid_amount) for s in rows(sqlite_engine, Sale)
    )
    assert stored == [(30_000, True, None), (40_000, False, 20_000)]
    seen = await chat.send(anna, "/betaald groen 50")  # one sale open: nothing to tell apart
    assert seen.text.splitlines() == ["Tuinbedrijf Groen: € 50 betaald; € 150 staat nog open."]

    make_client(sqlite_engine, ru_team, "Иванова", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/sale Иванова 3000 в долг")
    await chat.send(olga, "/sale Иванова 4000 в долг")
    seen = await chat.send(olga, "/paid Иванова 5000")
    assert seen.text.splitlines()[-1] == "Частично оплачено: 2 000 ₽ из 4 000 ₽ (продажа сегодня)."
