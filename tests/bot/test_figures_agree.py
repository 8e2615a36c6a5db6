"""The card says "the figures agree" only when it is true (issue 20): the team's experience
and the grade point the same way, and no ▼ line about the team's own rating sits beside it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from storage.engine import new_session
from storage.models import Client, Rating
from tests.bot.test_decline import regular
from tests.bot.test_solo_wording import rows
from tests.bot.test_truth import OWNER, solo_team
from tests.chat import Chat

AGREE = {"nl": "de cijfers zeggen hetzelfde", "ru": "цифры это подтверждают"}
NAMES = ("Atelier Noord", "Bakkerij Vos", "Studio Traag", "Kapsalon Knip", "Garage Oost")


def rate(engine: Engine, team_id: int, client_id: int, value: int) -> None:
    with new_session(engine) as session:
        session.add(
            Rating(
                team_id=team_id,
                client_id=client_id,
                user_id=OWNER,
                rated_on=dt.date(2026, 11, 1),
                criterion="pleasant",
                value=value,
            )
        )
        session.commit()


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_a_so_so_experience_of_a_top_client_is_not_said_to_agree(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    for k, name in enumerate(NAMES):
        regular(sqlite_engine, team, name, 20_000 * (k + 1))
    ids = {c.name: c.id for c in rows(sqlite_engine, Client)}
    for name in NAMES[:-1]:
        rate(sqlite_engine, team.id or 0, ids[name], 4)  # "good": Kapsalon Knip is a B
    rate(sqlite_engine, team.id or 0, ids["Garage Oost"], 3)  # the biggest client: so-so
    me = chat.person(OWNER, "Sanne", locale)
    seen = await chat.send(me, "/client Garage Oost")
    lines = seen.text.splitlines()
    said = [line for line in lines if "(3 " in line]
    assert said and not any(AGREE[locale] in line for line in said), seen.text
    # A client the team finds good and the figures rate a B still hears that they agree
    # ("very good (5 of 5)" beside a B does not: the florist's week, test_card_sentences_true).
    seen = await chat.send(me, "/client Kapsalon Knip")
    assert AGREE[locale] in seen.text, seen.text
