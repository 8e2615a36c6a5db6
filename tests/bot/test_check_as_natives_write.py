"""Names and cities typed in lower case in /check, /edit and /profile are written as natives
write them, as /add writes them (found by the native second readers, round four)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from bot.render.prospect import verdict_text
from locales.translation import translator
from scoring.prospects import Check, ProspectVerdict
from storage.engine import new_session
from storage.models import Client, IdealProfileRow
from tests.bot.test_check import OWNER, check, demo_with_profile
from tests.chat import Chat
from tests.factories import make_client, make_team


@pytest.mark.parametrize(
    ("locale", "name", "kind", "answers", "headline", "where", "saved"),
    [
        (
            "nl",
            "huisartsenpraktijk de brug",
            "",
            ("utrecht", "zorg", "12"),
            "Huisartsenpraktijk de Brug",
            "plaats: Utrecht",
            "Opslaan als mogelijke klant",
        ),
        (
            "ru",
            "клиника здоровье",
            "",
            ("москва", "медицина", "12"),
            "Клиника здоровье",
            "город: Москва",
            "В потенциальные клиенты",
        ),
    ],
)
async def test_a_name_and_city_typed_small_are_written_as_natives_write_them(
    chat: Chat,
    sqlite_engine: Engine,
    locale: str,
    name: str,
    kind: str,
    answers: tuple[str, ...],
    headline: str,
    where: str,
    saved: str,
) -> None:
    team = demo_with_profile(sqlite_engine, locale)
    anna = chat.person(OWNER, "Anna", locale)
    seen = await check(chat, anna, name, kind, *answers)
    assert seen.text.splitlines()[0].removeprefix("✅ ").removeprefix("👍 ").startswith(headline)
    assert where in seen.text, seen.text
    await chat.press(anna, saved)
    with new_session(sqlite_engine) as session:
        client = session.exec(
            select(Client).where(Client.team_id == team.id, Client.name == headline)
        ).one()
    assert client.city == where.split(": ")[1]


async def test_a_name_changed_in_edit_is_written_as_natives_write_it(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale="ru")
    make_client(sqlite_engine, team, "Сидорова Елена", kind="person")
    anna = chat.person(OWNER, "Анна", "ru")
    await chat.send(anna, "/edit Сидорова")
    await chat.press(anna, "Имя")
    seen = await chat.send(anna, "смирнова ольга")
    assert "Имя: теперь Смирнова Ольга." in seen.text, seen.text
    seen = await chat.send(anna, "/clients")
    assert "Смирнова Ольга" in seen.text and "смирнова ольга" not in seen.text


async def test_profile_cities_typed_small_are_written_as_natives_write_them(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale="ru")
    anna = chat.person(OWNER, "Анна", "ru")
    await chat.send(anna, "/profile")
    await chat.press(anna, "+ Создать: Частные лица")
    await chat.press(anna, "Кто они")
    await chat.press(anna, "Города")
    seen = await chat.send(anna, "москва, санкт-петербург")
    assert "Сохранено. Города: Москва, Санкт-Петербург." in seen.text, seen.text
    with new_session(sqlite_engine) as session:
        row = session.exec(select(IdealProfileRow).where(IdealProfileRow.team_id == team.id)).one()
    assert row.criteria["demographics"]["cities"] == ["Москва", "Санкт-Петербург"]


@pytest.mark.parametrize("name", ["Сидорова Елена", "Клиника «Здоровье»", "Иванов Пётр"])
@pytest.mark.parametrize("verdict", ["ideal", "acceptable", "not_a_fit"])
def test_russian_verdict_lines_agree_with_any_name(name: str, verdict: str) -> None:
    """«Сидорова Елена похож на идеального клиента»: no verdict line has a verb or adjective
    that takes a gender from the name."""
    city = Check("city", 1.0 if verdict != "not_a_fit" else 0.0, "Москва", ["Москва"])
    judged = ProspectVerdict(None, verdict, "Организации", (city,), (), (), (), None)
    team = SimpleNamespace(currency="RUB")
    text = verdict_text(translator("ru"), team, name, judged, {}, kind="organisation")  # type: ignore[arg-type]
    headline = text.splitlines()[0]
    assert not re.search(r"\bпохож[аи]?\b|\bподходящ(ая|ий)\b.*\bон[аи]?\b", headline), headline
    assert headline in {
        f"✅ {name}: похоже, это ваш идеальный клиент.",
        f"✅ {name}: подходит под ваш профиль идеального клиента.",  # no similar clients
        f"👍 {name} — вполне подходящий клиент.",
        f"⛔ {name} вам не подходит.",
    }
