"""/profile: the ideal client profile, edited step by step with buttons, with Undo."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.reading.profile_values import parse_range
from locales import InputError
from storage.engine import new_session
from storage.frames import load_profiles
from storage.models import AuditLog, IdealProfileRow, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_team, rows

GROUP = -800


def criteria(engine: Engine) -> dict:  # type: ignore[type-arg]
    [row] = rows(engine, IdealProfileRow)
    return row.criteria


async def test_profile_edit_range_set_and_market_with_undo(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/profile")
    assert "Je hebt nog geen profiel van je ideale klant." in seen
    assert seen.buttons[:3] == [
        "+ Nieuw: Particulieren",
        "+ Nieuw: Organisaties",
        "+ Nieuw: Alle klanten",
    ]
    seen = await chat.press(anna, "+ Nieuw: Organisaties")
    assert "Profiel toegevoegd: Organisaties." in seen
    assert "Ideale klant: Organisaties" in seen
    assert "Wie ze zijn: nog niet ingevuld" in seen
    version = rows(sqlite_engine, Team)[0].data_version

    seen = await chat.press(anna, "Wie ze zijn")
    assert seen.buttons[:4] == ["Branches", "Medewerkers", "Wie beslist", "Plaatsen"]
    seen = await chat.press(anna, "Medewerkers")
    assert "Hoeveel medewerkers heeft je ideale klant? Bijvoorbeeld 10-50" in seen
    seen = await chat.send(anna, "50-10")
    assert "Zet het kleinste getal voorop" in seen
    seen = await chat.send(anna, "10 – 50 medewerkers")
    assert "Opgeslagen: Medewerkers: 10–50." in seen
    assert "↩ Ongedaan maken" in seen.buttons
    seen = await chat.press(anna, "Wie beslist")
    seen = await chat.press(anna, "De eigenaar beslist")
    assert "✓ De eigenaar beslist" in seen.buttons  # a toggle, the same message
    seen = await chat.press(anna, "Een manager beslist")
    seen = await chat.press(anna, "Opslaan")
    assert "Opgeslagen: Wie beslist: de eigenaar beslist, een manager beslist." in seen
    demographics = criteria(sqlite_engine)["demographics"]
    assert (demographics["min_employees"], demographics["max_employees"]) == (10, 50)
    assert demographics["decisions"] == ["manager", "owner"]

    await chat.press(anna, "← Terug")
    seen = await chat.press(anna, "Markt en concurrentie")
    assert "Marktomvang: —" in seen
    await chat.press(anna, "Marktomvang")
    seen = await chat.send(anna, "400")
    assert "400 potentiële ideale klanten; vul de concurrenten in" in seen
    await chat.press(anna, "Concurrenten")
    seen = await chat.send(anna, "30")
    assert "400 potentiële ideale klanten, 30 concurrenten → ongeveer 13 per concurrent" in seen
    assert "⚠ Dat is krap: onder 20 per concurrent" in seen
    assert criteria(sqlite_engine)["market"] == {"market_size": 400, "competitors": 30}
    assert rows(sqlite_engine, Team)[0].data_version > version
    assert len(rows(sqlite_engine, AuditLog, action="profile_changed")) == 4

    # Undo of the competitors brings back only that: the market size stays.
    seen = await chat.press(anna, "↩ Ongedaan maken")
    assert "het profiel is weer zoals het was" in seen
    assert criteria(sqlite_engine)["market"] == {"market_size": 400, "competitors": None}
    # Scoring reads what was saved.
    with new_session(sqlite_engine) as session:
        [profile] = load_profiles(session=session, team_id=nl_team.id or 0)
    assert (profile.kind, profile.min_employees, profile.decisions) == (
        "organisation",
        10,
        frozenset({"manager", "owner"}),
    )


async def test_profile_in_russian_with_money_range_words_and_skip(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/profile")
    seen = await chat.press(olga, "+ Создать: Частные лица")
    assert "Идеальный клиент · Частные лица" in seen
    seen = await chat.press(olga, "Кто они")
    assert seen.buttons[:4] == ["Возраст", "Доход в год", "Образование", "Пол"]
    await chat.press(olga, "Доход в год")
    seen = await chat.send(olga, "600 000 – 1 200 000 ₽")
    assert "Сохранено. Доход в год: 600 000 ₽–1 200 000 ₽." in seen
    await chat.press(olga, "Возраст")
    seen = await chat.send(olga, "от 30")
    assert "Сохранено. Возраст: ≥ 30." in seen
    await chat.press(olga, "Города")
    seen = await chat.send(olga, "Москва, Тверь; москва")
    assert "Сохранено. Города: Москва, Тверь." in seen
    demographics = criteria(sqlite_engine)["demographics"]
    assert (demographics["min_income"], demographics["max_income"]) == (60000000, 120000000)
    assert (demographics["min_age"], demographics["max_age"]) == (30, None)
    assert demographics["cities"] == ["Москва", "Тверь"]

    await chat.press(olga, "← Назад")
    await chat.press(olga, "Условия работы")  # her own team: one person
    await chat.press(olga, "Прибыль в час, не меньше")
    seen = await chat.send(olga, "3 000")
    assert "Сохранено. Прибыль в час, не меньше: 3 000 ₽." in seen
    await chat.press(olga, "Доля прибыли, не меньше")
    await chat.send(olga, "35")
    await chat.press(olga, "Доля прибыли, не меньше")
    seen = await chat.press(olga, "Пропустить")
    assert "Очищено: Доля прибыли, не меньше." in seen
    fit = criteria(sqlite_engine)["fit"]
    assert (fit["min_profit_per_hour"], fit["min_margin"]) == (300000, None)

    await chat.press(olga, "← Назад")
    seen = await chat.press(olga, "✓ Готово")
    assert "Сохранено: профиль идеального клиента «Частные лица»." in seen
    seen = await chat.send(olga, "/profile")  # one profile: straight to it
    assert "Идеальный клиент · Частные лица" in seen
    assert "3 000 ₽ прибыли в час" in seen.text  # what the figure is


async def test_members_read_the_profile_but_only_admins_edit(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga, ivan = chat.person(21, "Olga", "nl"), chat.person(22, "Ivan", "nl")
    chat.group(GROUP, "Studio", creator=olga, members=(ivan,))
    make_team(sqlite_engine, chat_id=GROUP, owner_id=21)
    seen = await chat.send(ivan, "/profile", chat=GROUP)
    assert "Het team heeft nog geen profiel van de ideale klant." in seen
    await chat.send(olga, "/profile", chat=GROUP)
    await chat.press(olga, "+ Nieuw: Alle klanten", chat=GROUP)
    await chat.press(olga, "Past bij het team", chat=GROUP)
    seen = await chat.press(olga, "Uren per verkoop, hoogstens", chat=GROUP)
    assert seen.last.force_reply  # privacy mode: typed answers come as replies
    seen = await chat.reply(olga, "2,5", chat=GROUP)
    assert "Opgeslagen: Uren per verkoop, hoogstens: " in seen
    seen = await chat.press(ivan, "← Terug", chat=GROUP)  # Olga's dialog is not his
    assert not seen.messages
    seen = await chat.send(ivan, "/profile", chat=GROUP)
    assert "Ideale klant: Alle klanten" in seen
    assert seen.buttons == []
    assert criteria(sqlite_engine)["fit"]["max_hours_per_order"] == 2.5


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("25-45", (25, 45)),
        ("25 – 45", (25, 45)),
        ("от 25 до 45", (25, 45)),
        ("van 25 tot 45", (25, 45)),
        ("vanaf 30", (30, None)),
        ("tot 50", (None, 50)),
        ("до 50", (None, 50)),
        ("30-", (30, None)),
    ],
)
def test_ranges_are_read_as_people_type_them(typed: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert parse_range(typed, int) == expected


def test_a_single_number_is_not_a_range() -> None:
    with pytest.raises(InputError):
        parse_range("30", int)


async def test_a_market_size_with_a_decimal_comma_is_asked_again_not_misread(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """Issue 17, second reader: `0,4` as a market size suggested 0 (then refused that)."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/profile")
    await chat.press(anna, "+ Nieuw: Organisaties")
    await chat.press(anna, "Markt en concurrentie")
    await chat.press(anna, "Marktomvang")
    seen = await chat.send(anna, "0,4")
    assert seen.text == "Een markt van 0,4 klanten? Typ een heel getal, bijvoorbeeld 400."
    seen = await chat.send(anna, "400")
    assert "400 potentiële ideale klanten" in seen
