"""Lines the second readers of this round found untrue, each as they saw it."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.bot.test_check import OWNER, demo_with_profile
from tests.chat import Chat

RUN_RATE = "Постоянные идеальные клиенты за последние 12 месяцев приносили"


async def test_what_ideal_clients_bring_in_is_said_under_the_whole_portrait_only(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """The Russian reader: «/portrait люди» said «Идеальных клиентов пока нет…» and then what
    the ideal organisations bring in a month, as if it were the private clients'."""
    demo_with_profile(sqlite_engine, "ru")
    olga = chat.person(OWNER, "Ольга", "ru")
    persons = await chat.send(olga, "/portrait люди")
    assert "Пока никого" in persons.text, persons.text
    assert RUN_RATE not in persons.text
    whole = await chat.send(olga, "/portrait")
    assert RUN_RATE in whole.text, whole.text


def test_a_one_client_chart_has_no_largest_clients_footer(sqlite_engine: Engine) -> None:
    """The Russian reader's solo chart: «20 % самых крупных (1 клиент): 100 %» says nothing."""
    import datetime as dt

    from bot.render.chart_figures import chart_labels, chart_rows
    from locales import translator
    from storage import callers
    from storage.analysis import team_analysis
    from storage.engine import new_session
    from tests.factories import make_client, make_sale, make_team

    team = make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale="ru")
    anna = make_client(sqlite_engine, team, "Анна", kind="person")
    make_sale(sqlite_engine, team, anna, 200_000, sold_on=dt.date(2026, 11, 20))
    with new_session(sqlite_engine) as session:
        view = callers.team_view(session=session, team_id=team.id)
        assert view is not None
        analysis = team_analysis(session=session, team=view, today=dt.date(2026, 11, 23)).analysis
    t = translator("ru", solo=True)
    labels = chart_labels(t, analysis, view.concentration_threshold, chart_rows(t, analysis))
    assert labels.top20 == ""


def test_a_top_fifth_of_one_client_is_said_as_the_top_client(sqlite_engine: Engine) -> None:
    """A Dutch reader: the chart's "grootste 1 klant: 95%" → "grootste klant: 95%". Three
    clients: the top fifth is ceil(0,6) = 1 client, € 1.900 of € 2.000."""
    import datetime as dt

    from bot.render.chart_figures import chart_labels, chart_rows
    from locales import translator
    from storage import callers
    from storage.analysis import team_analysis
    from storage.engine import new_session
    from tests.factories import make_client, make_sale, make_team

    team = make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    for name, euros in (("Jansen", 1_900), ("De Boer", 60), ("Smit", 40)):
        client = make_client(sqlite_engine, team, name, kind="person")
        make_sale(sqlite_engine, team, client, euros * 100, sold_on=dt.date(2026, 11, 20))
    with new_session(sqlite_engine) as session:
        view = callers.team_view(session=session, team_id=team.id)
        assert view is not None
        analysis = team_analysis(session=session, team=view, today=dt.date(2026, 11, 23)).analysis
    t = translator("nl", solo=True)
    labels = chart_labels(t, analysis, view.concentration_threshold, chart_rows(t, analysis))
    assert labels.top20 == "grootste klant: 95%", labels.top20


async def test_a_first_sales_grade_is_said_to_be_provisional_as_on_the_card(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """The Russian reader: «Оценка клиента: B.» after the very first sale, while the card said
    «(предварительная)»."""
    from tests.factories import make_team

    make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale="ru")
    olga = chat.person(OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Анна Петрова 2000")
    if any("Добавить" in b for b in seen.buttons):  # asked only when the name doesn't say
        seen = await chat.press(olga, next(b for b in seen.buttons if "Добавить" in b))
    assert "(предварительная)." in seen.text, seen.text
    card = await chat.send(olga, "/client Анна Петрова")
    assert "(предварительная)" in card.text, card.text


async def test_a_sale_dated_more_than_a_year_back_is_asked_about_first(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """The Russian reader: «/sale Анна 2000 01.01.2020» was recorded without a question, and the
    card then said «Клиент с 1 янв. 2020 г.»."""
    from storage.models import Sale
    from tests.factories import make_client, make_team, rows

    team = make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale="ru")
    make_client(sqlite_engine, team, "Анна", kind="person")
    olga = chat.person(OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Анна 2000 01.01.2020")
    assert "больше года назад. Записать?" in seen.text, seen.text
    assert rows(sqlite_engine, Sale) == []
    seen = await chat.press(olga, "Нет")
    assert "Ничего не записано" in seen.text
    assert rows(sqlite_engine, Sale) == []
    seen = await chat.send(olga, "/sale Анна 2000 01.01.2020")
    await chat.press(olga, "Да, записать так")
    [sale] = rows(sqlite_engine, Sale)
    assert sale.sold_on.isoformat() == "2020-01-01"


async def test_help_about_an_unknown_command_names_it_with_its_slash(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """The Russian reader: «/help note» answered «note — такого я не знаю»."""
    from tests.factories import make_team

    make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale="ru")
    seen = await chat.send(chat.person(OWNER, "Ольга", "ru"), "/help note")
    assert seen.text.startswith("/note — такого я не знаю."), seen.text


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("nl", "Grootste klant 40% · grootste 3 klanten 80%"),
        ("ru", "Крупнейший клиент — 40 % выручки, три крупнейших — 80 %."),
    ],
)
async def test_a_top_fifth_of_one_client_is_not_said_again_on_risk(
    chat: Chat, sqlite_engine: Engine, locale: str, said: str
) -> None:
    """A Russian reader: «Крупнейший клиент — 43 % выручки, … 20 % самых крупных (1 клиент) —
    43 %.» Five clients: the top fifth is ceil(1) = 1 client, the top one. By hand, of € 5.000:
    2.000 = 40 %, the top three 2.000 + 1.000 + 1.000 = 80 %."""
    import datetime as dt

    from tests.bot.test_truth import solo_team
    from tests.factories import make_client, make_sale

    team = solo_team(sqlite_engine, locale)
    for name, euros in (("A", 2_000), ("B", 1_000), ("C", 1_000), ("D", 500), ("E", 500)):
        client = make_client(sqlite_engine, team, f"Klant {name}")
        make_sale(sqlite_engine, team, client, euros * 100, sold_on=dt.date(2026, 11, 20))
    me = chat.person(11, "Sanne", locale)
    text = (await chat.send(me, "/risico" if locale == "nl" else "/risk")).text
    lines = [line.replace("\u00a0", " ").replace("\u202f", " ") for line in text.splitlines()]
    assert said in lines, lines
    assert "20 %" not in text and "grootste 1" not in text, text
