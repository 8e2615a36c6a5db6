"""Isolation: nobody reads or changes another team's data — by command, button, private chat
or export, with genuine buttons of the other team or forged callback data carrying its ids.

Team B (a Russian group) holds the secrets; team A (a Dutch group, owner and member), a
personal team, a former member of B and an outsider try everything the bot has. After every
update: nothing of B (client names, its big amount, notes, title) in what they were shown, and
no message into B's chats; at the end every row of B is exactly as it was.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from telegram.ext import CommandHandler

from bot.jobs.digest import deliver
from bot.kit.routing import Buttons
from bot.transports.local_bot_api import Sent
from bot.transports.updates import Person
from storage import demo
from storage.engine import new_session
from storage.models import metadata
from tests.chat import Chat
from tests.factories import NOW, add_member, make_client, make_event, make_sale, make_team
from tests.hardening.world import database_problems

A_GROUP, B_GROUP = -2001, -2002
A_OWNER, A_MEMBER, B_OWNER, B_MEMBER, B_FORMER, OUTSIDER = 11, 12, 21, 22, 23, 31
B_TITLE = "Секретная студия Б"
B_SECRET = "Тайная Лаборатория Омега"
B_NOTE = "секретная-заметка-Б"
CATALOGS = "".join(
    (Path(__file__).parents[2] / "locales" / locale / "LC_MESSAGES" / "messages.po").read_text()
    for locale in ("nl", "ru")
)
B_AMOUNTS = ("777 777,77", "777.777,77", "777777,77", "77777777")


@dataclass
class Matrix:
    chat: Chat
    engine: Engine
    people: dict[int, Person]
    a: int  # team ids
    b: int
    b_names: list[str] = field(default_factory=list)
    cases: int = 0

    def leaked(self, texts: list[str]) -> list[str]:
        found = []
        for shown in texts:
            found += [s for s in (B_TITLE, B_NOTE, *B_AMOUNTS) if s in shown]
            found += [n for n in self.b_names if n in shown]
        return found

    async def check(self, who: int, update_maker) -> list[Sent]:  # type: ignore[no-untyped-def]
        """Process one update from `who`; fail on anything of B in what came back."""
        answers = len(self.chat.api.callback_answers)
        seen = await update_maker()
        self.cases += 1
        toasts = [a.get("text") or "" for a in self.chat.api.callback_answers[answers:]]
        leaked = self.leaked([m.text for m in seen.messages] + toasts)
        leaked += [
            n for m in seen.messages if m.document for n in self.leaked([_decoded(m.document[1])])
        ]
        assert not leaked, f"team B's {leaked} shown to {who}"
        wrong_chats = {m.chat_id for m in seen.messages} & {B_GROUP, B_OWNER, B_MEMBER}
        assert not wrong_chats or who in wrong_chats, f"{who} made the bot write to {wrong_chats}"
        return list(seen.messages)


def _decoded(content: bytes) -> str:
    return content.decode("utf-8", "replace")


def snapshot(engine: Engine, team_id: int) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    """Every row that belongs to the team, table by table, in a stable order."""
    rows: dict[str, list[tuple]] = {}  # type: ignore[type-arg]
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            if table.name == "team":
                where = "id = :team"
            elif "team_id" in table.c:
                where = "team_id = :team"
            else:
                continue
            found = conn.execute(
                text(f"SELECT * FROM {table.name} WHERE {where}"), {"team": team_id}
            ).all()
            rows[table.name] = sorted(tuple(map(repr, r)) for r in found)
        prefs = conn.execute(
            text("SELECT * FROM user_pref WHERE user_id IN (:o, :m)"),
            {"o": B_OWNER, "m": B_MEMBER},
        ).all()
        rows["user_pref"] = sorted(tuple(map(repr, r)) for r in prefs)
    return rows


@pytest.fixture
async def matrix(chat: Chat, sqlite_engine: Engine) -> Matrix:
    people = {
        A_OWNER: chat.person(A_OWNER, "Anna", "nl"),
        A_MEMBER: chat.person(A_MEMBER, "Piet", "nl"),
        B_OWNER: chat.person(B_OWNER, "Борис", "ru"),
        B_MEMBER: chat.person(B_MEMBER, "Вера", "ru"),
        B_FORMER: chat.person(B_FORMER, "Глеб", "ru"),
        OUTSIDER: chat.person(OUTSIDER, "Eve", "en"),
    }
    chat.group(A_GROUP, "Studio A", creator=people[A_OWNER], members=(people[A_MEMBER],))
    chat.group(B_GROUP, B_TITLE, creator=people[B_OWNER], members=(people[B_MEMBER],))
    chat.api.set_member(B_GROUP, B_FORMER, "left")  # once a member, no longer in the group
    a = make_team(sqlite_engine, chat_id=A_GROUP, owner_id=A_OWNER, title="Studio A")
    b = make_team(
        sqlite_engine,
        chat_id=B_GROUP,
        owner_id=B_OWNER,
        title=B_TITLE,
        locale="ru",
        currency="RUB",
        timezone="Europe/Moscow",
    )
    personal = make_team(sqlite_engine, chat_id=A_MEMBER, owner_id=A_MEMBER, personal=True)
    add_member(sqlite_engine, a, A_MEMBER)
    add_member(sqlite_engine, b, B_MEMBER)
    add_member(sqlite_engine, b, B_FORMER)
    with new_session(sqlite_engine) as session:
        demo.seed_demo(session=session, team=a, today=NOW.date(), now=NOW)
        demo.seed_demo(session=session, team=b, today=NOW.date(), now=NOW)
        session.commit()
    secret = make_client(sqlite_engine, b, B_SECRET, kind="person", notes=B_NOTE, city="Тверь")
    make_sale(sqlite_engine, b, secret, 77_777_777)
    make_event(sqlite_engine, b, secret, "complaint", note=B_NOTE)
    make_client(sqlite_engine, personal, "Eigen Klant Piet")
    m = Matrix(chat, sqlite_engine, people, a.id or 0, b.id or 0)
    with sqlite_engine.connect() as conn:
        names = conn.execute(text("SELECT name FROM client WHERE team_id = :b"), {"b": m.b})
        m.b_names = [
            name
            for (name,) in names
            # Long enough never to be part of a reply by chance, and not an example in help.
            if len(name) >= 8 and name not in CATALOGS
        ]
    return m


async def b_uses_the_bot(m: Matrix) -> list[str]:
    """Team B at work: genuine buttons of B, with B's ids, as they appear in B's chats."""
    chat, boris = m.chat, m.people[B_OWNER]
    for line in (
        f"/client {B_SECRET}",
        "/clients",
        "/risk",
        "/decline",
        f"/sales {B_SECRET}",
        f"/sale {B_SECRET} 1 000",
        f"/edit {B_SECRET}",
        "/cancel",
        "/settings",
        "/profile",
        "/members",
        "/portrait",
        "/forget Омега",
    ):
        await chat.send(boris, line, chat=B_GROUP)
    await chat.send(m.people[B_MEMBER], "/add", chat=B_GROUP)  # a dialog in progress in B
    assert (await deliver(chat.app, m.b)).status == "sent"  # B's digest, with its buttons
    return sorted(
        {
            button["callback_data"]
            for message in chat.api.in_chat(B_GROUP)
            for row in message.buttons
            for button in row
        }
    )


def b_ids(m: Matrix) -> dict[str, list[int]]:
    with m.engine.connect() as conn:

        def ids(sql: str) -> list[int]:
            return [r[0] for r in conn.execute(text(sql), {"b": m.b})][:3]

        return {
            "client": ids("SELECT id FROM client WHERE team_id = :b ORDER BY id DESC"),
            "sale": ids("SELECT id FROM sale WHERE team_id = :b ORDER BY id DESC"),
            "undo": ids("SELECT id FROM pending_undo WHERE team_id = :b"),
            "profile": ids("SELECT id FROM ideal_profile WHERE team_id = :b"),
            "member": ids("SELECT id FROM member WHERE team_id = :b"),
        }


def forged_data(m: Matrix, prefixes: list[str]) -> Iterator[str]:
    """Every button prefix with B's ids: under B's team id, and smuggled under A's own."""
    ids = b_ids(m)
    singles = [v for values in ids.values() for v in values]
    words = ["rate", "sale", "edit", "complaint", "refer", "client", "risk", "a", "p", "d"]
    for prefix in prefixes:
        for team in (m.a, m.b):
            yield f"{prefix}:{team}"
            for one in singles:
                yield f"{prefix}:{team}:{one}"
            for word, client in itertools.product(words, ids["client"][:1]):
                yield f"{prefix}:{team}:{word}:{client}"
        yield f"{prefix}:0:{m.b}"  # team-less buttons (language, team choice) naming B


async def test_nothing_of_another_team_by_command_button_private_chat_or_export(
    matrix: Matrix,
) -> None:
    m, chat = matrix, matrix.chat
    genuine_b_buttons = await b_uses_the_bot(m)
    before = snapshot(m.engine, m.b)
    app = chat.app
    commands = sorted(
        {c for h in app.handlers[0] if isinstance(h, CommandHandler) for c in h.commands}
    )
    prefixes = sorted(next(h for h in app.handlers[0] if isinstance(h, Buttons)).routes)
    seats = [
        (A_OWNER, A_GROUP),
        (A_MEMBER, A_GROUP),
        (A_OWNER, A_OWNER),
        (A_MEMBER, A_MEMBER),
        (B_FORMER, B_FORMER),
        (OUTSIDER, OUTSIDER),
    ]
    b_prefix = B_SECRET.split()[0][:5]  # typed by someone guessing; the full name must not come
    arguments = ["", b_prefix, f"{b_prefix} 100", "Омега, Лаборатория"]

    # 1. Every command, by everyone, with and without a guess at B's clients; every button of
    #    each answer pressed once (dialogs one step deep).
    for (who, where), name, argument in itertools.product(seats, commands, arguments):
        person = m.people[who]
        line = f"/{name} {argument}".strip()
        sent = await m.check(who, lambda p=person, w=where, t=line: chat.send(p, t, chat=w))
        pressable = [(x, x.button_data(label)) for x in sent for label in x.button_labels[:6]]
        for message, data in pressable:
            if True:
                await m.check(who, lambda p=person, s=message, d=data: chat.press_data(p, s, d))
        await chat.send(person, "/cancel", chat=where)

    # 2. B's genuine buttons and forged data with B's ids, pressed on A's side.
    presses = [*genuine_b_buttons, *forged_data(m, prefixes)]
    for who, where in [(A_OWNER, A_GROUP), (A_OWNER, A_OWNER), (B_FORMER, B_FORMER)]:
        person = m.people[who]
        anchor = Sent(where, 1, "…")
        for data in presses:
            await m.check(who, lambda p=person, a=anchor, d=data: chat.press_data(p, a, d))

    # 3. Private chat aimed at B by a stale choice (B chosen before leaving, or forged).
    with m.engine.begin() as conn:
        for who in (OUTSIDER, B_FORMER):
            conn.execute(text("DELETE FROM user_pref WHERE user_id = :u"), {"u": who})
            conn.execute(
                text(
                    "INSERT INTO user_pref (user_id, current_team_id, updated_at) "
                    "VALUES (:u, :b, :t)"
                ),
                {"u": who, "b": m.b, "t": NOW.replace(tzinfo=None)},
            )
    for who in (OUTSIDER, B_FORMER):
        for line in ("/client Омега", "/clients", "/risk", "/export", "/export Омега", "/team"):
            await m.check(who, lambda p=m.people[who], t=line: chat.send(p, t))

    assert snapshot(m.engine, m.b) == before, "team B's rows changed"
    assert database_problems(m.engine) == []
    print(f"\nisolation: {m.cases} updates from outside team B, nothing of B shown or changed")
    assert m.cases > 3000


async def test_an_export_holds_only_the_teams_own_clients(matrix: Matrix) -> None:
    m, chat = matrix, matrix.chat
    # A's owner works on A in private too: her only team, no /team needed (issue 16).
    for who, where in [(A_OWNER, A_GROUP), (A_OWNER, A_OWNER), (A_MEMBER, A_MEMBER)]:
        seen = await chat.send(m.people[who], "/export", chat=where)
        documents = [m_.document for m_ in seen.messages if m_.document]
        assert len(documents) == 3  # clients, sales, history
        for _, content in documents:
            assert m.leaked([_decoded(content)]) == []
    seen = await chat.send(m.people[B_FORMER], "/export")
    assert not [x for x in seen.messages if x.document]


async def test_another_teams_undo_cannot_be_used(matrix: Matrix) -> None:
    m, chat = matrix, matrix.chat
    seen = await chat.send(m.people[B_OWNER], f"/sale {B_SECRET} 500", chat=B_GROUP)
    undo = seen.last.button_data("↩ Отменить")
    undo_id = undo.rsplit(":", 1)[1]
    before = snapshot(m.engine, m.b)
    anchor = Sent(A_GROUP, 1, "…")
    for data in (undo, f"undo:{m.a}:{undo_id}"):
        seen = await chat.press_data(m.people[A_OWNER], anchor, data)
        assert not seen.messages
    assert snapshot(m.engine, m.b) == before
    seen = await chat.press(m.people[B_OWNER], "↩ Отменить", chat=B_GROUP)
    assert "Продажа" in seen.text or "продаж" in seen.text
