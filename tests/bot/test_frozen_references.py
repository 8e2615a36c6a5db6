"""A client who did nothing keeps their grade when another client is added, also before the
team's first digest (DESIGN, Score semantics: references frozen per weekly snapshot), once the
team has enough clients for a typical one (`References.representative`); with fewer, the
typical client is measured afresh, so it is never one client's first sale for a week (the
checker's bike shop: "doorsneeklant € 400" where the median of three clients was € 1.200)."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import Engine

from storage.models import ScoreReference
from tests.chat import Chat
from tests.factories import NL_OWNER, make_client, make_sale, make_team, rows


def figures(text: str) -> tuple[str, str]:
    grade = re.search(r"(?:beoordeling|cijfer) (\S+)", text)
    score = re.search(r"Score: ([0-9]+) van 100", text)
    return (grade.group(1) if grade else "", score.group(1) if score else "")


async def card(chat: Chat, me, name: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    seen = await chat.send(me, f"/client {name}")
    grade, _ = figures(seen.text)
    details = await chat.press(me, "Details")
    return grade, figures(details.text)[1]


async def test_adding_a_client_does_not_move_another_ones_grade(
    chat: Chat, sqlite_engine: Engine
) -> None:
    # Joris's own photography team, graded 1–10, with eight paying clients: enough for the
    # team's typical client to be frozen for the week at the first scoring.
    nl_team = make_team(
        sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True, grade_scale="1-10"
    )
    amounts = {
        "Studio Noord": 85_000,
        "Foto Zuid": 40_000,
        "Bureau Oost": 120_000,
        "Atelier West": 60_000,
        "Drukkerij Ster": 30_000,
        "Galerie Maan": 150_000,
        "Uitgeverij Zon": 70_000,
        "Hotel Duin": 95_000,
    }
    for name, amount in amounts.items():
        client = make_client(sqlite_engine, nl_team, name, acquired_on=dt.date(2026, 5, 1))
        make_sale(sqlite_engine, nl_team, client, amount, sold_on=dt.date(2026, 10, 1))
    me = chat.person(NL_OWNER, "Joris", "nl")
    before = await card(chat, me, "Studio Noord")
    assert before[0] and before[1], before
    # The first scoring froze the team's references for the week.
    assert len(rows(sqlite_engine, ScoreReference)) == 1

    seen = await chat.send(me, "/sale Linda Bakker 175")  # a person's name: added unasked
    assert "Linda Bakker is toegevoegd aan de klantenlijst." in seen.text, seen.text
    # Nothing happened with Studio Noord: the same grade and the same score.
    assert await card(chat, me, "Studio Noord") == before
    assert len(rows(sqlite_engine, ScoreReference)) == 1


async def test_a_few_clients_typical_client_is_theirs_not_the_first_sales(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """The checker's bike shop: the first card after the first sale must not freeze that one
    client's profit as the team's typical client for the week. Profit (no hour cost set) of
    Bakkerij 500 − 100 = 400, Garage 1.500 − 300 = 1.200, Hotel 3.000 − 500 = 2.500, each one
    sale more than 90 days ago: the typical client makes € 1.200 (the median), not € 400."""
    team = make_team(sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True)
    me = chat.person(NL_OWNER, "Joris", "nl")
    first = make_client(sqlite_engine, team, "Bakkerij Jansen", acquired_on=dt.date(2026, 6, 1))
    make_sale(sqlite_engine, team, first, 50_000, cost=10_000, sold_on=dt.date(2026, 6, 1))
    await chat.send(me, "/client Bakkerij Jansen")
    hotel = make_client(sqlite_engine, team, "Hotel Zon", acquired_on=dt.date(2026, 8, 1))
    make_sale(sqlite_engine, team, hotel, 300_000, cost=50_000, sold_on=dt.date(2026, 8, 1))
    garage = make_client(sqlite_engine, team, "Garage Smit", acquired_on=dt.date(2026, 7, 1))
    make_sale(sqlite_engine, team, garage, 150_000, cost=30_000, sold_on=dt.date(2026, 7, 1))

    seen = await chat.send(me, "/client Hotel Zon")
    assert "doorsneeklant € 1.200 per jaar" in seen.text, seen.text
    assert "€ 400" not in seen.text
    assert rows(sqlite_engine, ScoreReference) == []  # three clients: nothing frozen
