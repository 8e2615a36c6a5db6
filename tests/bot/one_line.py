"""A one-line /sale typed by a team's owner about a client on its list: the set-up the tests of
typed lines share."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client


def team_named(name: str, nl_team: Team, ru_team: Team) -> Team:
    return nl_team if name == "nl" else ru_team


async def owner_sends(chat: Chat, engine: Engine, team: Team, client: str, line: str) -> str:
    """`client` (a person) added to `team`, then `line` sent by its owner: the reply's text."""
    make_client(engine, team, client, kind="person")
    owner = chat.person(NL_OWNER if team.locale == "nl" else RU_OWNER, "Anna", team.locale)
    return (await chat.send(owner, line)).text
