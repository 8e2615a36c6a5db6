"""A small Telegram world for hostile tests: three demo teams, their people, and outsiders.

- group `NL_GROUP` (Dutch demo team): owner Anna, admin Olga (Russian phone), member Piet
  (no language on his phone), and Ex, a former member Telegram says has left;
- group `RU_GROUP` (Russian demo team) with owner Ivan, which also holds `SECRET_CLIENT`: a name
  nobody outside that team may ever see;
- Marta's personal team (Russian demo);
- Eve, who is in no team at all.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from sqlalchemy import Engine, text
from sqlmodel import select

from bot.transports.local_bot_api import Sent
from bot.transports.updates import Person
from storage import demo
from storage.engine import new_session
from storage.models import Client, Team
from storage.names import name_key
from tests.chat import Chat
from tests.factories import NOW, add_member, make_client, make_sale, make_team

NL_GROUP, RU_GROUP = -100101, -100202
ANNA, OLGA, PIET, EX = 101, 102, 103, 104
IVAN, MARTA, EVE = 201, 301, 401
SECRET_CLIENT = "Zwijgzaam Zeta-Atelier"


@dataclass
class World:
    chat: Chat
    engine: Engine
    people: dict[int, Person]
    team_ids: dict[int, int]  # chat id → team id
    # Who can act where: Telegram delivers group messages only from people in the group.
    seats: list[tuple[int, int]] = field(default_factory=list)

    def person(self, user_id: int) -> Person:
        return self.people[user_id]

    def client_names(self) -> list[str]:
        with new_session(self.engine) as session:
            return sorted({c.name for c in session.exec(select(Client)).all()})

    def ids_of(self, table: str) -> list[int]:
        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(text(f"SELECT id FROM {table}"))]


def build(chat: Chat, engine: Engine) -> World:
    """People, groups and three demo teams, as `chat` and the database know them."""
    people = {
        ANNA: chat.person(ANNA, "Anna", "nl"),
        OLGA: chat.person(OLGA, "Ольга", "ru"),
        PIET: chat.person(PIET, "Piet"),
        EX: chat.person(EX, "Ex", "nl"),
        IVAN: chat.person(IVAN, "Иван", "ru"),
        MARTA: chat.person(MARTA, "Марта", "ru"),
        EVE: chat.person(EVE, "Eve", "en"),
    }
    chat.group(
        NL_GROUP, "Studio <Noord>", creator=people[ANNA], admins=(people[OLGA],),
        members=(people[PIET],),
    )  # fmt: skip
    chat.api.set_member(NL_GROUP, EX, "left")
    chat.group(RU_GROUP, "Студия & Co", creator=people[IVAN])
    nl = make_team(engine, chat_id=NL_GROUP, owner_id=ANNA, title="Studio <Noord>")
    ru = make_team(
        engine,
        chat_id=RU_GROUP,
        owner_id=IVAN,
        title="Студия & Co",
        locale="ru",
        currency="RUB",
        timezone="Europe/Moscow",
    )
    personal = make_team(
        engine,
        chat_id=MARTA,
        owner_id=MARTA,
        personal=True,
        locale="ru",
        currency="RUB",
        timezone="Europe/Moscow",
    )
    add_member(engine, nl, OLGA, "admin")
    add_member(engine, nl, PIET)
    add_member(engine, nl, EX)
    for team in (nl, ru, personal):
        seed(engine, team)
    secret = make_client(engine, ru, SECRET_CLIENT, notes="vertrouwelijk")
    make_sale(engine, ru, secret, 98_765_43)
    world = World(
        chat,
        engine,
        people,
        {NL_GROUP: nl.id or 0, RU_GROUP: ru.id or 0, MARTA: personal.id or 0},
    )
    world.seats = [
        (ANNA, NL_GROUP),
        (OLGA, NL_GROUP),
        (PIET, NL_GROUP),
        (IVAN, RU_GROUP),
        *((user_id, user_id) for user_id in people),
    ]
    return world


def seed(engine: Engine, team: Team) -> None:
    with new_session(engine) as session:
        demo.seed_demo(session=session, team=team, today=NOW.date(), now=NOW)
        session.commit()


def secret_allowed(chat_id: int) -> bool:
    """Where the secret client's name may appear: its own team's group and its owner's chat."""
    return chat_id in (RU_GROUP, IVAN)


# Invariants ---------------------------------------------------------------------------------


def database_problems(engine: Engine) -> list[str]:
    """Every broken invariant of the stored data, as readable lines (empty: all is well)."""
    problems: list[str] = []
    with engine.connect() as conn:

        def count(sql: str) -> int:
            return int(conn.execute(text(sql)).scalar() or 0)

        for table in ("sale", "event", "rating", "score_snapshot"):
            wrong = count(
                f"SELECT count(*) FROM {table} x JOIN client c ON c.id = x.client_id "
                "WHERE x.team_id != c.team_id"
            )
            if wrong:
                problems.append(f"{wrong} {table} rows in another team than their client")
        crossed = count(
            "SELECT count(*) FROM event e JOIN client c ON c.id = e.referred_client_id "
            "WHERE e.team_id != c.team_id"
        )
        crossed += count(
            "SELECT count(*) FROM client a JOIN client b ON b.id = a.referred_by_id "
            "WHERE a.team_id != b.team_id"
        )
        if crossed:
            problems.append(f"{crossed} referrals cross teams")
        negative = count("SELECT count(*) FROM sale WHERE amount < 0 OR cost < 0 OR minutes < 0")
        if negative:
            problems.append(f"{negative} sales with negative figures")
        seen: set[tuple[int, str]] = set()
        for team_id, name, key in conn.execute(text("SELECT team_id, name, name_key FROM client")):
            if key != name_key(name):
                problems.append(f"name_key {key!r} is not the key of {name!r}")
            if (team_id, key) in seen:
                problems.append(f"name_key {key!r} twice in team {team_id}")
            seen.add((team_id, key))
    return problems


def ledger_ids(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT update_id FROM processed_update"))]


class Failures(logging.Handler):
    """Collects every ERROR logged anywhere: an unhandled exception in a handler is one."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def describe(self) -> str:
        return "\n".join(
            f"{r.name}: {r.getMessage()} {r.exc_info[1]!r}" if r.exc_info else r.getMessage()
            for r in self.records
        )


def messages_with_buttons(chat: Chat, chat_id: int, last: int = 30) -> list[Sent]:
    return [m for m in chat.api.in_chat(chat_id)[-last:] if m.buttons]


START = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)
