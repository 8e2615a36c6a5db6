"""The hour cost typed as people type it (issue 17): with its currency and "per hour", and typed
at the submenu before pressing Type the amount."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from storage.engine import new_session
from storage.models import Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, rows


def _hour_cost(engine: Engine) -> int | None:
    [team] = rows(engine, Team)
    return team.hour_cost


async def test_russian_hour_cost_with_roubles_per_hour(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    for typed, cost in (("1 200 руб/час", 120_000), ("1500 р/ч", 150_000), ("900 ₽ в час", 90_000)):
        await chat.send(olga, "/settings")
        await chat.press(olga, "Деньги")
        await chat.press(olga, "Час работы")
        await chat.press(olga, "Ввести сумму")
        seen = await chat.send(olga, typed)
        assert "Час работы: теперь" in seen
        assert _hour_cost(sqlite_engine) == cost


async def test_dutch_hour_cost_typed_before_pressing_the_button(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/settings")
    await chat.press(anna, "Geld")
    await chat.press(anna, "Uurkosten")
    seen = await chat.send(anna, "€ 35 per uur")  # no press on "Typ het bedrag"
    assert "Uurkosten: nu € 35." in seen
    assert _hour_cost(sqlite_engine) == 3_500

    await chat.send(anna, "/settings")
    await chat.press(anna, "Geld")
    await chat.press(anna, "Uurkosten")
    seen = await chat.send(anna, "40/u")
    assert _hour_cost(sqlite_engine) == 4_000

    await chat.send(anna, "/settings")
    await chat.press(anna, "Geld")
    await chat.press(anna, "Uurkosten")
    await chat.press(anna, "← Geld")  # left the submenu: a number is no answer now
    seen = await chat.send(anna, "50")
    assert "Stuur een commando" in seen
    seen = await chat.send(anna, "/sale")
    assert "gestopt" not in seen.text
    assert _hour_cost(sqlite_engine) == 4_000


async def test_a_typed_setting_scoring_cannot_use_is_refused_and_changes_nothing(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """Found by the attacker reader: a default margin of 100 was stored ("nu 100%") and every
    card, list and the digest then failed with "Er ging bij mij iets mis"."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for group, setting, typed, refusal in (
        ("Geld", "Standaardmarge", "100", "van 1 tot 99"),
        # above 100 % the setting's own range too, not "van 0 tot 100" (the attacker)
        ("Geld", "Standaardmarge", "150", "van 1 tot 99"),
        ("Geld", "Standaardmarge", "-5", "van 1 tot 99"),
        ("Beoordelingen", "Grens grote klant", "5", "van 10 tot 100"),
        ("Beoordelingen", "Grens grote klant", "150", "van 10 tot 100"),
        ("Geld", "Bedragen", "99", "van 0 tot 50"),
    ):
        await chat.send(anna, "/instellingen")
        await chat.press(anna, group)
        await chat.press(anna, setting)
        seen = await chat.send(anna, typed)
        assert refusal in seen.text, (setting, seen.text)
        assert "van 0 tot 100" not in seen.text, seen.text
    [team] = rows(sqlite_engine, Team)
    assert (team.default_margin, team.concentration_threshold, team.amounts_include_vat) == (
        nl_team.default_margin,
        nl_team.concentration_threshold,
        nl_team.amounts_include_vat,
    )


async def test_a_stored_margin_scoring_cannot_use_never_stops_the_cards(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """A team that stored a margin of 100 % before the bound still gets its cards."""
    client = make_client(sqlite_engine, nl_team, "Bakkerij Noord")
    make_sale(sqlite_engine, nl_team, client, 45_000)
    with new_session(sqlite_engine) as session:
        team = session.get(Team, nl_team.id)
        assert team is not None
        team.default_margin = 1.0
        session.add(team)
        session.commit()
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/klant Bakkerij Noord")
    assert "Bakkerij Noord" in seen.text and "iets mis" not in seen.text, seen.text


async def test_an_hour_cost_beyond_a_million_is_refused_with_the_range(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """Found by the attacker reader: '99 999 999 999' was stored as what an hour costs."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/instellingen")
    await chat.press(anna, "Geld")
    await chat.press(anna, "Uurkosten")
    seen = await chat.send(anna, "99 999 999 999")
    assert "tot € 1.000.000" in seen.text, seen.text
    assert _hour_cost(sqlite_engine) is None
    seen = await chat.send(anna, "€ 1.000.000")
    assert "Uurkosten: nu € 1.000.000." in seen


async def test_a_margin_that_rounds_to_all_of_it_is_refused(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """99,999 % rounds to a margin of 100 %, which no card can use."""
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/instellingen")
    await chat.press(anna, "Geld")
    await chat.press(anna, "Standaardmarge")
    seen = await chat.send(anna, "99,999")
    assert "van 1 tot 99" in seen.text, seen.text
    [team] = rows(sqlite_engine, Team)
    assert team.default_margin == nl_team.default_margin


async def test_stored_settings_scoring_cannot_use_never_stop_cards_or_reports(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    """Values an older version (or a hand-edited row) left: VAT of 90 %, an absurd hour cost,
    a threshold under the watch line. Every card, list and report still answers, with a log
    line that names what was ignored."""
    client = make_client(sqlite_engine, nl_team, "Bakkerij Noord")
    make_sale(sqlite_engine, nl_team, client, 45_000, minutes=60)
    with new_session(sqlite_engine) as session:
        team = session.get(Team, nl_team.id)
        assert team is not None
        team.amounts_include_vat, team.vat_rate = True, 0.9
        team.hour_cost = 10**15
        team.concentration_threshold = 0.05
        session.add(team)
        session.commit()
    anna = chat.person(NL_OWNER, "Anna", "nl")
    for command in ("/klant Bakkerij Noord", "/klanten", "/risico", "/portret"):
        seen = await chat.send(anna, command)
        assert "iets mis" not in seen.text, (command, seen.text)
    logged = caplog.text
    assert "VAT rate" in logged and "hour cost" in logged and "threshold" in logged
