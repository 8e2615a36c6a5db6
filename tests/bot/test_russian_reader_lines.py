"""A native Russian reader's fresh lines (issue 17): a number after a known client's name is
the amount, never part of a new client's name; a cost word labels its number; a name typed in
another case («Петрову», «Николаевой Ирине», «у нас Николаевой Ирине …») finds the client."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from storage.models import Client, Event, Sale, Team
from tests.chat import Chat
from tests.conftest import FakeClock
from tests.factories import RU_OWNER, make_client, make_sale, rows


def _sales(engine: Engine) -> list[tuple[str, int, int | None]]:
    names = {c.id: c.name for c in rows(engine, Client)}
    return [(names[s.client_id], s.amount, s.cost) for s in rows(engine, Sale)]


async def test_a_number_after_a_known_name_is_the_amount_not_a_new_name(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Кузнецова", kind="person")
    make_client(sqlite_engine, ru_team, "Кузнецов Артём Игоревич", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    for line in ("/sale Кузнецова 2 500", "/sale Кузнецова 2", "/sale кузнецова 2 600, 300"):
        seen = await chat.send(olga, line)
        assert "Кузнецова 2" not in seen.text + " ".join(seen.buttons), line
    assert _sales(sqlite_engine) == [
        ("Кузнецова", 250_000, None),
        ("Кузнецова", 200, None),
        ("Кузнецова", 260_000, 30_000),
    ]
    assert len(rows(sqlite_engine, Client)) == 2


async def test_a_cost_word_labels_the_number_next_to_it(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Волкова Анна", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    for line in (
        "/sale Волкова 2500 300 затраты",
        "/sale Волкова 2600 затраты 300",
        "/sale Волкова 2700 расходы 300",
        "/sale Волкова 300 затраты, 2800",
        "/sale Волкова затраты 300, 2900",
    ):
        seen = await chat.send(olga, line)
        assert "Продажа записана" in seen.text, line
    assert _sales(sqlite_engine) == [
        ("Волкова Анна", amount * 100, 30_000) for amount in (2500, 2600, 2700, 2800, 2900)
    ]


async def test_a_name_in_another_case_finds_the_client(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Петров", kind="person")
    make_client(sqlite_engine, ru_team, "Козлов Дмитрий", kind="person")
    make_client(sqlite_engine, ru_team, "Николаева Ирина", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    # «Петрова» is Петров's genitive but just as likely a woman's own surname: asked, not booked.
    seen = await chat.send(olga, "/sale Петрова 600")
    assert seen.text == "Может быть, это Петров?"
    assert seen.buttons == ["Да", "Нет, добавить «Петрова»"]
    seen = await chat.press(olga, "Да")
    assert "Продажа записана" in seen.text
    for line in (
        "/sale Петрову 500",
        "/sale Козлову 700",
        "/sale Николаевой Ирине 800",
    ):
        seen = await chat.send(olga, line)
        assert "Продажа записана" in seen.text, line
    await chat.send(olga, "/complaint у нас Николаевой Ирине не понравилось")
    await chat.send(olga, "/compliment от Козлова спасибо за терпение")
    assert _sales(sqlite_engine) == [
        ("Петров", 60_000, None),
        ("Петров", 50_000, None),
        ("Козлов Дмитрий", 70_000, None),
        ("Николаева Ирина", 80_000, None),
    ]
    names = {c.id: c.name for c in rows(sqlite_engine, Client)}
    assert sorted((names[e.client_id], e.note) for e in rows(sqlite_engine, Event)) == [
        ("Козлов Дмитрий", "спасибо за терпение"),
        ("Николаева Ирина", "у нас не понравилось"),
    ]
    assert len(names) == 3  # nobody new


async def test_a_partly_paid_sale_says_how_much_of_it_is_paid_in_plain_russian(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(sqlite_engine, ru_team, "Звездочка", kind="organisation")
    make_sale(sqlite_engine, ru_team, client, 2_500_000, sold_on=dt.date(2026, 11, 20))
    make_sale(sqlite_engine, ru_team, client, 500_000, sold_on=dt.date(2026, 11, 21))
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/paid Звездочка")
    seen = await chat.press(olga, "Часть")
    assert "Сколько оплачено сейчас? Клиент: Звездочка. К оплате 30 000 ₽" in seen.text
    assert "долг" not in seen.text
    await chat.send(olga, "/cancel")
    await chat.send(olga, "/paid Звездочка 10000")
    seen = await chat.press(olga, "Сначала самые старые")
    assert "Звездочка: оплачено 10 000 ₽, осталось оплатить 20 000 ₽." in seen.text
    seen = await chat.send(olga, "/sales Звездочка")
    assert "25 000 ₽ · оплачено 10 000 ₽ из 25 000 ₽" in seen.text.replace("\xa0", " ")
    partly = next(line for line in seen.text.split("\n") if "оплачено 10" in line)
    assert "не оплачено" not in partly and "пока" not in partly
    seen = await chat.send(olga, "/paid Звездочка остаток")
    assert "Звездочка: оплачено 20 000 ₽, погашены 2 долга." in seen.text.replace("\xa0", " ")


async def test_client_since_is_the_teams_own_day_and_never_after_their_first_sale(
    chat: Chat, ru_team: Team, sqlite_engine: Engine, clock: FakeClock
) -> None:
    """A native reader at 00:55 in Moscow (21:55 UTC the day before): «Клиент с» was UTC's
    yesterday, and a new client's back-dated first sale left it two days after the sale."""
    clock.now = dt.datetime(2026, 12, 5, 21, 55, tzinfo=dt.UTC)  # 6 December in Moscow
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/add Белова Юлия, физлицо")
    await chat.send(olga, "/sale Кузнецова Ирина Петровна 3 200 позавчера")
    since = {c.name: c.acquired_on for c in rows(sqlite_engine, Client)}
    assert since == {
        "Белова Юлия": dt.date(2026, 12, 6),
        "Кузнецова Ирина Петровна": dt.date(2026, 12, 4),
    }
    await chat.send(olga, "/sale Белова Юлия 1 500 вчера")
    assert {c.name: c.acquired_on for c in rows(sqlite_engine, Client)}["Белова Юлия"] == (
        dt.date(2026, 12, 5)
    )
    await chat.press(olga, "↩ Отменить")
    assert {c.name: c.acquired_on for c in rows(sqlite_engine, Client)}["Белова Юлия"] == (
        dt.date(2026, 12, 6)
    )


async def test_a_lead_in_word_never_names_the_client_its_letters_begin(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """«у» begins «Улыбка» and «от» begins «Отель»: `/complaint у нас Лотас грубили` was booked
    on «Стоматология «Улыбка»» (a second reader's line); a lead-in is only ever a lead-in."""
    for name in ("Стоматология «Улыбка»", "Отель «Якорь»", "Йога-студия «Лотос»"):
        make_client(sqlite_engine, ru_team, name)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/complaint у нас Лотас грубили")
    assert rows(sqlite_engine, Event) == [], seen.text
    seen = await chat.send(olga, "/compliment от Лотас спасибо")
    assert rows(sqlite_engine, Event) == [], seen.text
    await chat.send(olga, "/complaint у нас Отель «Якорь» шумели")
    [event] = rows(sqlite_engine, Event)
    names = {c.id: c.name for c in rows(sqlite_engine, Client)}
    assert (names[event.client_id], event.note) == ("Отель «Якорь»", "у нас шумели")


async def test_an_emoji_after_the_kind_is_no_city(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """A second reader's `/add  Белова  Юлия  частное лицо 🙂` stored the city "🙂"."""
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/add  Белова  Юлия  частное лицо 🙂")
    await chat.send(olga, "/add Белова Анна, физлицо, 🙂")
    await chat.send(olga, "/add Белова Вера физлицо казань 🙂")
    cities = {c.name: c.city for c in rows(sqlite_engine, Client)}
    assert cities == {"Белова Юлия": None, "Белова Анна": None, "Белова Вера": "Казань"}
