"""A client who did nothing keeps their grade when another client is added, also before the
team's first digest (DESIGN, Score semantics: references frozen per weekly snapshot; the Dutch
florist's week, /tmp/read_nl.md A3: "Studio Noord went 6 → 7 just because I added a second
client")."""

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


async def test_adding_a_second_client_does_not_move_the_first_ones_grade(
    chat: Chat, sqlite_engine: Engine
) -> None:
    # Joris's own photography team, graded 1–10 (before this fix: 6 → 7, score 58 → 67).
    nl_team = make_team(
        sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True, grade_scale="1-10"
    )
    noord = make_client(sqlite_engine, nl_team, "Studio Noord", acquired_on=dt.date(2026, 11, 1))
    make_sale(sqlite_engine, nl_team, noord, 85_000, sold_on=dt.date(2026, 11, 1))
    me = chat.person(NL_OWNER, "Joris", "nl")
    before = await card(chat, me, "Studio Noord")
    assert before[0] and before[1], before
    # The first scoring froze the team's references for the week.
    assert len(rows(sqlite_engine, ScoreReference)) == 1

    seen = await chat.send(me, "/sale Linda Bakker 175")
    add = next(label for label in seen.buttons if "toevoegen" in label)
    seen = await chat.press(me, add)
    assert "Linda Bakker" in seen.text
    # Nothing happened with Studio Noord: the same grade and the same score.
    assert await card(chat, me, "Studio Noord") == before
