"""What was done, typed after a sale's amount, is kept and shown: the salon's readers typed
"85 knippen" and «4 500 маникюр» on every sale and saw the words dropped, so /sales could not
tell a cut from a colour."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from bot.reading.grammar import Reader
from bot.reading.sale_grammar import read_sale
from storage.models import Sale, Team
from tests.bot.test_sale_words_attacker import owner_with_client
from tests.chat import Chat
from tests.factories import NL_OWNER, make_client, rows

NL = Reader("nl", "EUR", dt.date(2026, 11, 23))
RU = Reader("ru", "RUB", dt.date(2026, 11, 23))


@pytest.mark.parametrize(
    ("reader", "typed", "what"),
    [
        (NL, "Jansen 85 knippen", "knippen"),
        (NL, "Jansen 85 knippen en föhnen 40 min", "knippen en föhnen"),
        (NL, "Jansen 70 2 banden vervangen", "2 banden vervangen"),
        (NL, "Jansen 60 parkeren 5", "parkeren"),  # 60 may be the amount: no count said
        (NL, "Jansen 450 contant", None),  # how it was paid is no work
        (NL, "Jansen 450 2 uur", None),
        (RU, "Иванова 4 500 маникюр", "маникюр"),
        (RU, "Иванова 1500 за 2 стрижки", "2 стрижки"),
        (RU, "Иванова 3000 стрижка и укладка вчера", "стрижка и укладка"),
    ],
)
def test_the_words_of_what_was_done_are_read_as_typed(
    reader: Reader, typed: str, what: str | None
) -> None:
    assert read_sale(reader, typed).what == what


@pytest.mark.parametrize(
    ("person", "line", "shown", "listed"),
    [
        ("nl", "/verkoop Jansen 85 knippen 40 min", "Knippen, tijd 40 min", "/verkopen Jansen"),
        ("ru", "/sale Jansen 4 500 маникюр", "Маникюр", "/sales Jansen"),
    ],
)
async def test_what_was_done_is_kept_on_the_sale_and_shown_in_its_list(
    chat: Chat,
    sqlite_engine: Engine,
    nl_team: Team,
    ru_team: Team,
    person: str,
    line: str,
    shown: str,
    listed: str,
) -> None:
    owner = owner_with_client(chat, sqlite_engine, nl_team if person == "nl" else ru_team, "Jansen")
    seen = await chat.send(owner, line)
    assert shown in seen.text.splitlines(), seen.text
    [sale] = rows(sqlite_engine, Sale)
    assert sale.note == shown.split(",")[0].lower()
    seen = await chat.send(owner, listed)
    [first] = [text for text in seen.text.splitlines() if text.startswith("1.")]
    assert f" · {sale.note} · " in first, first


async def test_a_sale_without_such_words_has_no_note(
    chat: Chat, sqlite_engine: Engine, nl_team: Team
) -> None:
    make_client(sqlite_engine, nl_team, "Jansen", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Jansen 85 contant")
    [sale] = rows(sqlite_engine, Sale)
    assert sale.note is None


async def test_what_was_done_typed_with_the_asked_amount_is_kept_too(
    chat: Chat, sqlite_engine: Engine, nl_team: Team
) -> None:
    make_client(sqlite_engine, nl_team, "Jansen", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Jansen")  # the amount is asked
    await chat.send(anna, "85 knippen")
    await chat.send(anna, "/overslaan")  # the cost
    seen = await chat.send(anna, "/overslaan")  # the time
    assert "Knippen" in seen.text.splitlines(), seen.text
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.note) == (8_500, "knippen")


@pytest.mark.parametrize(
    ("person", "line", "note"),
    [
        ("nl", "/verkoop Jan Smit knippen 45", "knippen"),
        ("ru", "/sale Смирнова стрижка 1500", "стрижка"),
    ],
)
async def test_what_was_done_typed_between_a_persons_name_and_the_amount_is_kept(
    chat: Chat,
    sqlite_engine: Engine,
    nl_team: Team,
    ru_team: Team,
    person: str,
    line: str,
    note: str,
) -> None:
    name = "Jan Smit" if person == "nl" else "Смирнова Анна"
    owner = owner_with_client(chat, sqlite_engine, nl_team if person == "nl" else ru_team, name)
    await chat.send(owner, line)
    [sale] = rows(sqlite_engine, Sale)
    assert sale.note == note


@pytest.mark.parametrize(
    ("typed", "amount", "minutes", "what"),
    [
        # "1 uur 15" is 1 h 15 min, so 95 is the amount, not a count of things with € 15
        ("Noor El Amrani 95 krullen knippen 1 uur 15", 9_500, 75, "krullen knippen"),
        ("Anouk 70 knippen+föhnen", 7_000, None, "knippen+föhnen"),  # was refused
    ],
)
def test_the_dutch_salons_lines_read_as_meant(
    typed: str, amount: int, minutes: int | None, what: str
) -> None:
    line = read_sale(NL, typed)
    assert [(r.amount, r.minutes) for r in line.readings] == [(amount, minutes)]
    assert line.what == what
