"""Each client's traits stay with that client: the portrait and the fit count read the right ones.

The clients' ids have gaps (two clients were deleted) and the ideal ones sit between clients
with other interests, so a trait loaded by position would land on a neighbour.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine
from sqlmodel import col, select

from scoring.profile import IdealProfile
from storage.engine import new_session
from storage.models import Client, IdealProfileRow, Team
from tests.chat import Chat
from tests.factories import RU_OWNER, make_client, make_sale

SINCE = dt.date(2025, 1, 1)


def salon(engine: Engine, team: Team) -> None:
    """15 women in Moscow: the three most profitable love yoga, the rest fishing; Захар from
    Tver loves yoga and sits before a fishing client; two deleted clients leave id gaps."""
    yoga, fishing = ["йога"], ["рыбалка"]
    people = [
        ("Анна", yoga, 10_000_000),
        ("Удалённая 1", fishing, 0),
        ("Белла", fishing, 2_000_000),
        ("Вера", yoga, 10_000_000),
        ("Галина", fishing, 2_100_000),
        ("Дарья", yoga, 10_000_000),
        ("Захар", yoga, 1_500_000),
        ("Ева", fishing, 2_200_000),
        ("Удалённая 2", fishing, 0),
    ] + [(f"Клиентка {i}", fishing, 2_000_000 + 50_000 * i) for i in range(1, 9)]
    for name, interests, amount in people:
        man = name == "Захар"
        client_id = make_client(
            engine,
            team,
            name,
            kind="person",
            gender="man" if man else "woman",
            city="Тверь" if man else "Москва",
            interests=interests,
            acquired_on=SINCE,
        )
        if amount:
            make_sale(engine, team, client_id, amount, cost=1_000_000)
    with new_session(engine) as session:
        for client in session.exec(select(Client).where(col(Client.name).startswith("Удалённая"))):
            session.delete(client)
        profile = IdealProfile(
            name="идеал",
            kind="person",
            cities=frozenset({"Москва"}),
            genders=frozenset({"woman"}),
            interests=frozenset({"йога"}),
        )
        session.add(
            IdealProfileRow(
                team_id=team.id or 0, name="идеал", kind="person", criteria=profile.to_dict()
            )
        )
        session.commit()


async def test_the_portrait_names_what_the_ideal_clients_love(
    chat: Chat, sqlite_engine: Engine, ru_team: Team
) -> None:
    salon(sqlite_engine, ru_team)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/portrait")
    assert "Чаще всего: йога (100 %" in seen.text
    assert "рыбалка" not in seen.text


async def test_the_fit_count_on_a_card_counts_the_clients_own_traits(
    chat: Chat, sqlite_engine: Engine, ru_team: Team
) -> None:
    salon(sqlite_engine, ru_team)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    card = await chat.send(olga, "/client Захар")
    # Захар lives in Tver and is a man, but loves yoga: 1 of the profile's 3 points.
    assert "соответствует 1 из 3 пунктов идеального клиента" in card.text


async def test_the_portrait_says_how_many_times_in_russian(
    chat: Chat, sqlite_engine: Engine, ru_team: Team
) -> None:
    """«в 5 раз», never «в 5 раза»: the word agrees with the number (found by the Russian
    second reader, «в 30 раза чаще»). Three of three ideal clients love yoga against one of
    twelve others (Захар): 100 % against 8,3 %, 12 times as often."""
    salon(sqlite_engine, ru_team)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/portrait")
    assert "в 12 раз чаще" in seen.text, seen.text
