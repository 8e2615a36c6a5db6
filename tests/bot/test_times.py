"""Time spent, typed as people type it: in a one-line /sale and in /profile (issue 17)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from storage.models import IdealProfileRow, Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, rows


def minutes(engine: Engine) -> list[int | None]:
    return [sale.minutes for sale in rows(engine, Sale)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2 ч", 120),
        ("2ч", 120),
        ("1,5 ч", 90),
        ("1 ч 30 мин", 90),
        ("1ч30м", 90),
        ("90 мин", 90),
        ("полтора часа", 90),
        ("2 часа", 120),
        ("пол часа", 30),
        ("полчаса", 30),
    ],
)
async def test_russian_times_in_a_one_line_sale(
    chat: Chat, ru_team: Team, sqlite_engine: Engine, typed: str, expected: int
) -> None:
    make_client(sqlite_engine, ru_team, "Волкова Анна")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, f"/sale Волкова, 1000, 0, {typed}")
    assert "Продажа записана" in seen
    assert minutes(sqlite_engine) == [expected]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2u", 120),
        ("2 uur", 120),
        ("1,5 u", 90),
        ("1u30", 90),
        ("1 u 30", 90),
        ("anderhalf uur", 90),
        ("half uur", 30),
        ("90 min", 90),
        ("90 minuten", 90),
        ("2 uren", 120),
    ],
)
async def test_dutch_times_in_a_one_line_sale(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, typed: str, expected: int
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, f"/sale Bakkerij de Vries, 100, 0, {typed}")
    assert "Verkoop vastgelegd" in seen
    assert minutes(sqlite_engine) == [expected]


async def test_a_bare_number_for_the_time_is_asked_about_not_stored_as_minutes(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Волкова Анна")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Волкова, 1000, 0, 2")
    assert seen.text == "2 — минуты или часы? Напишите 2 ч или 2 мин."
    assert seen.buttons == ["2 мин", "2 ч", "Отмена"]
    assert minutes(sqlite_engine) == []  # nothing stored on a guess
    seen = await chat.press(olga, "2 ч")
    assert "Продажа записана" in seen
    assert minutes(sqlite_engine) == [120]

    await chat.send(olga, "/sale Волкова, 1100, 0, 45")  # 1000 again would ask "again?"
    await chat.press(olga, "45 мин")
    assert minutes(sqlite_engine) == [120, 45]

    seen = await chat.send(olga, "/sale Волкова, 1200, 0, 1,5")
    assert seen.buttons == ["1 ч 30 мин", "Отмена"]  # 1,5 minutes is nobody's meaning
    seen = await chat.send(olga, "1,5")  # typed again without a unit: asked again
    assert seen.text == "1,5 — минуты или часы? Напишите 1,5 ч или 1,5 мин."
    assert minutes(sqlite_engine) == [120, 45]
    seen = await chat.send(olga, "1ч30м")
    assert "Продажа записана" in seen
    assert minutes(sqlite_engine) == [120, 45, 90]


async def test_a_bare_number_for_the_time_in_dutch(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/sale Bakkerij de Vries, 100, 0, 2")
    assert seen.text == "2 — minuten of uren? Schrijf 2u of 2 min."
    assert seen.buttons[:2] == ["2 min", "2 uur"]
    seen = await chat.press(anna, "2 min")
    assert "Verkoop vastgelegd" in seen
    assert minutes(sqlite_engine) == [2]


async def test_a_bare_number_in_the_sale_dialog_is_asked_about_too(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/sale Bakkerij de Vries")
    await chat.send(anna, "800")
    await chat.press(anna, "Overslaan")
    seen = await chat.send(anna, "3")
    assert seen.text == "3 — minuten of uren? Schrijf 3u of 3 min."
    assert minutes(sqlite_engine) == []
    seen = await chat.press(anna, "3 uur")
    assert "Verkoop vastgelegd: € 800 — Bakkerij de Vries" in seen
    assert minutes(sqlite_engine) == [180]


@pytest.mark.parametrize(
    ("typed", "hours"),
    [("10 uur", 10.0), ("10", 10.0), ("2,5", 2.5), ("90 min", 1.5), ("1u30", 1.5), ("2h", 2.0)],
)
async def test_hours_per_order_in_the_profile_take_units(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, typed: str, hours: float
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/profile")
    await chat.press(anna, "+ Nieuw: Alle klanten")
    await chat.press(anna, "Past bij jou")  # her own team: one person
    await chat.press(anna, "Uren per verkoop, hoogstens")
    seen = await chat.send(anna, typed)
    assert "Opgeslagen: Uren per verkoop, hoogstens: " in seen
    assert _max_hours(sqlite_engine) == hours


async def test_hours_per_order_in_russian_and_refusals(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/profile")
    await chat.press(olga, "+ Создать: Частные лица")
    await chat.press(olga, "Условия работы")  # her own team: one person
    await chat.press(olga, "Время на одну продажу, не больше")
    seen = await chat.send(olga, "0")
    assert "больше 0" in seen.text
    seen = await chat.send(olga, "1001 ч")
    assert seen.text.replace("\u00a0", " ") == "«1001 ч» — слишком много. Здесь максимум 1 000 ч."
    seen = await chat.send(olga, "полтора часа")
    assert "Сохранено. Время на одну продажу, не больше: 1 ч 30 мин." in seen
    assert _max_hours(sqlite_engine) == 1.5


def _max_hours(engine: Engine) -> float | None:
    [team_profile] = rows(engine, IdealProfileRow)
    return team_profile.criteria["fit"]["max_hours_per_order"]
