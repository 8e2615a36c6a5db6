"""The hour cost typed as people type it (issue 17): with its currency and "per hour", and typed
at the submenu before pressing Type the amount."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, rows


def _hour_cost(engine: Engine) -> int | None:
    [team] = rows(engine, Team)
    return team.hour_cost


async def test_russian_hour_cost_with_roubles_per_hour(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    for typed, cost in (("1 200 руб/час", 120_000), ("1500 р/ч", 150_000), ("900 ₽ в час", 90_000)):
        await chat.send(olga, "/settings")
        await chat.press(olga, "Стоимость часа")
        await chat.press(olga, "Ввести сумму")
        seen = await chat.send(olga, typed)
        assert "Стоимость часа: теперь" in seen
        assert _hour_cost(sqlite_engine) == cost


async def test_dutch_hour_cost_typed_before_pressing_the_button(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/settings")
    await chat.press(anna, "Een uur werk")
    seen = await chat.send(anna, "€ 35 per uur")  # no press on "Typ het bedrag"
    assert "Een uur werk: nu € 35,00 per uur." in seen
    assert _hour_cost(sqlite_engine) == 3_500

    await chat.send(anna, "/settings")
    await chat.press(anna, "Een uur werk")
    seen = await chat.send(anna, "40/u")
    assert _hour_cost(sqlite_engine) == 4_000

    await chat.send(anna, "/settings")
    await chat.press(anna, "Een uur werk")
    await chat.press(anna, "← Instellingen")  # left the submenu: a number is no answer now
    seen = await chat.send(anna, "50")
    assert "Stuur een commando" in seen
    seen = await chat.send(anna, "/sale")
    assert "gestopt" not in seen.text
    assert _hour_cost(sqlite_engine) == 4_000
