"""After /sale and /rate (issue 16, finding 13): the confirmation says the client's grade and
from what it moved, and a sale that takes the client over the watch level or the team's
threshold says so right there."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from storage.models import Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale


async def test_a_big_sale_says_the_new_grade_and_the_share_it_takes(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    # Nine current clients, so concentration alarms are on: eight at € 4.500 and Hotel De
    # Linde at € 1.000. After € 30.000 more: 31.000 / 67.000 = 46,3 % of revenue.
    for number in range(8):
        client = make_client(sqlite_engine, nl_team, f"Kapsalon {number + 1}")
        make_sale(sqlite_engine, nl_team, client, 450_000, sold_on=dt.date(2026, 10, 1))
    hotel = make_client(sqlite_engine, nl_team, "Hotel De Linde")
    make_sale(sqlite_engine, nl_team, hotel, 100_000, sold_on=dt.date(2026, 10, 1))
    anna = chat.person(NL_OWNER, "Anna", "nl")
    card = await chat.send(anna, "/client Hotel De Linde")
    assert "Hotel De Linde · beoordeling C (voorlopig)" in card.text.splitlines()
    seen = await chat.send(anna, "/sale Hotel De Linde, 30.000")
    first = seen.text.splitlines()[0]
    assert first.startswith("Verkoop vastgelegd: € 30.000 — Hotel De Linde, vandaag. ")
    assert "Beoordeling: A (was C)." in first
    # The grade said is the card's grade, not a second computation.
    card = await chat.send(anna, "/client Hotel De Linde")
    assert "Hotel De Linde · beoordeling A (voorlopig)" in card.text.splitlines()
    assert "Deze klant zorgt nu voor 46% van je omzet, boven je grens van 25%." in seen.text
    assert seen.text.count("Hotel De Linde") == 1  # named once, by the confirmation
    # A small sale crosses no level: the grade the card shows, and no share.
    seen = await chat.send(anna, "/sale Kapsalon 1, 10")
    card = await chat.send(anna, "/client Kapsalon 1")
    grade = card.text.splitlines()[0].removesuffix(" (voorlopig)").rsplit(" ", 1)[-1]
    assert f"Beoordeling: {grade}" in seen.text
    assert "van de omzet" not in seen.text and "van je omzet" not in seen.text


async def test_russian_small_team_hears_the_share_without_an_alarm_and_the_grade_after_rate(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    # Three clients (fewer than 8): shares are said, no alarm. Зерно 1 000 of 7 000 (14,3 %)
    # before; after 5 000 more: 6 000 / 12 000 = 50 %.
    for name, amount in (("Салон «Ёлка»", 300_000), ("Студия «Лён»", 300_000)):
        make_sale(sqlite_engine, ru_team, make_client(sqlite_engine, ru_team, name), amount)
    grain = make_client(sqlite_engine, ru_team, "Кофейня «Зерно»")
    make_sale(sqlite_engine, ru_team, grain, 100_000)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    card = await chat.send(olga, "/client зерно")
    assert "Кофейня «Зерно» · оценка C (предварительная)" in card.text.splitlines()
    seen = await chat.send(olga, "/sale зерно 5000")
    first = seen.text.splitlines()[0]
    assert first == (
        "Продажа записана: 5 000 ₽, Кофейня «Зерно», сегодня. Оценка клиента: A (была C). "
        "Теперь на этого клиента приходится 50 % выручки."
    )
    assert "Кофейня «Зерно» · оценка A" in (await chat.send(olga, "/client зерно")).text
    card = await chat.send(olga, "/client ёлка")
    assert "Салон «Ёлка» · оценка B (предварительная)" in card.text.splitlines()
    seen = await chat.send(olga, "/rate ёлка 1 1 1")
    assert seen.text.endswith("платит вовремя 1. Оценка клиента: C (была B).")
    assert "Салон «Ёлка» · оценка C" in (await chat.send(olga, "/client ёлка")).text


async def test_a_team_that_keeps_money_for_admins_hears_no_share_in_the_group(
    chat: Chat, sqlite_engine: Engine
) -> None:
    from tests.factories import make_team

    sanne = chat.person(41, "Sanne", "nl")
    chat.group(-800, "Studio", creator=sanne)
    team = make_team(sqlite_engine, chat_id=-800, owner_id=41, sensitive_to_admins=True)
    for name in ("Tandarts Smit", "Bakkerij Jansen"):
        make_sale(sqlite_engine, team, make_client(sqlite_engine, team, name), 100_000)
    seen = await chat.send(sanne, "/sale Tandarts Smit, 4.000", chat=-800)
    assert "Beoordeling:" in seen.text
    assert "van de omzet" not in seen.text and "van je omzet" not in seen.text


async def test_after_a_sale_every_grade_shown_is_what_a_fresh_look_at_the_team_gives(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    # The sale's confirmation scores the team with the sale in it; once committed, that
    # analysis answers the next commands. Nine clients, so a big sale moves the team's
    # medians and with them other clients' grades: the list must match a fresh scoring.
    from bot.kit.runtime import KOMPAS, AnalysisCache

    for number in range(8):
        client = make_client(sqlite_engine, nl_team, f"Kapsalon {number + 1}")
        make_sale(
            sqlite_engine, nl_team, client, 100_000 * (number + 1), sold_on=dt.date(2026, 6, 1)
        )
    hotel = make_client(sqlite_engine, nl_team, "Hotel De Linde")
    make_sale(sqlite_engine, nl_team, hotel, 100_000, sold_on=dt.date(2026, 6, 1))
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/clients")
    await chat.send(anna, "/sale Hotel De Linde, 30.000")
    after_sale = (await chat.all_pages(anna, await chat.send(anna, "/clients"))).text
    chat.app.bot_data[KOMPAS].analyses = AnalysisCache()
    fresh = (await chat.all_pages(anna, await chat.send(anna, "/clients"))).text
    assert after_sale == fresh
    assert "Hotel De Linde" in fresh
