"""/portret said "Je 5 ideale organisaties" and never which five (the Dutch reader): it names
them, the most profitable first, and counts the rest beyond five."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import Engine

from storage import demo
from storage.engine import new_session
from storage.models import Client
from tests.chat import Chat
from tests.factories import NL_OWNER, make_team, rows


async def test_the_portrait_names_the_clients_it_is_drawn_from(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True)
    with new_session(sqlite_engine) as session:
        now = dt.datetime(2026, 11, 23, 8, tzinfo=dt.UTC)
        demo.seed_demo(session=session, team=team, today=now.date(), now=now)
        session.commit()
    anna = chat.person(NL_OWNER, "Anna", "nl")
    lines = (await chat.send(anna, "/portret")).text.splitlines()
    title = next(i for i, line in enumerate(lines) if re.match(r"Je \d+ ideale", line))
    count = int(re.search(r"\d+", lines[title])[0])  # type: ignore[index]
    who = next(line for line in lines[title:] if line.startswith("Wie: "))
    named = who.removeprefix("Wie: ").rstrip(".").split(", ")
    assert len(named) == min(count, 5), who
    assert set(named) <= {c.name for c in rows(sqlite_engine, Client)}
