"""Russian copy, round 3 (issue 20): what a salon, a studio and a nail master stumbled over,
pinned as a user sees it — through the renderers and the chat, not the catalog."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from sqlalchemy import Engine

from bot.kit.telegram_html import html_to_text
from bot.render.decline_letter import decline_letter
from bot.render.digest import _activity_line, week_label
from bot.render.explain import lift
from bot.render.portrait import _trait
from locales import translator
from scoring.explain import Lift
from scoring.portrait import Trait
from scoring.snapshots import WeekChanges
from storage import demo
from storage.engine import new_session
from storage.models import Client
from tests.chat import Chat
from tests.factories import NOW, make_client, make_sale, make_team

SOLO = 31  # a nail master's private chat
RUB_TEAM = SimpleNamespace(currency="RUB")  # all the week's line reads of its team


def _week(**counts: int) -> WeekChanges:
    return WeekChanges((), (), (), (), (), **counts)


def _plain(text: object) -> str:
    """As a reader sees it: the no-break spaces inside figures are spaces."""
    return str(text).replace("\xa0", " ").replace("\u202f", " ")


async def test_a_solo_start_says_two_questions_are_left_not_taps(chat: Chat) -> None:
    me = chat.person(SOLO, "Света", "ru")
    seen = await chat.send(me, "/start")
    seen = await chat.press(me, "Начать здесь, для себя")
    assert "Всего два вопроса." in seen.text, seen.text
    assert "нажати" not in seen.text


@pytest.mark.parametrize("personal", [True, False])
def test_the_decline_letter_offers_help_without_pretending_joy(personal: bool) -> None:
    t = translator("ru", solo=personal)
    text = html_to_text(decline_letter(t, Client(name="Анна Котова"), "1 февраля 2027 г.", "Вера"))
    assert "с радостью" not in text
    offer = "Если хотите, подскажу" if personal else "Если хотите, подскажем"
    assert f"{offer}, к кому можно обратиться." in text, text


@pytest.mark.parametrize(
    ("today", "said"),
    [
        (dt.date(2026, 12, 7), "1–7 декабря"),
        (dt.date(2026, 12, 3), "27 ноября – 3 декабря"),
        (dt.date(2027, 1, 2), "27 декабря – 2 января"),
    ],
)
def test_a_russian_digest_is_named_by_its_seven_days(today: dt.date, said: str) -> None:
    assert week_label(translator("ru"), today) == said
    assert "week" not in week_label(translator("nl"), today)  # dates in Dutch too


async def test_the_digest_heads_with_the_days_it_covers(chat: Chat, sqlite_engine: Engine) -> None:
    team = make_team(sqlite_engine, chat_id=SOLO, owner_id=SOLO, personal=True, locale="ru")
    client = make_client(sqlite_engine, team, "Анна", kind="person")
    make_sale(sqlite_engine, team, client, 250_000, sold_on=NOW.date())
    text = (await chat.send(chat.person(SOLO, "Света", "ru"), "/digest")).text
    assert "📊 Kompas · 17–23 ноября" in text, text  # NOW is Monday 23 November 2026
    assert "неделя" not in text.split("\n")[1]


@pytest.mark.parametrize(
    ("sales", "said"),
    [
        (1, "За последние 7 дней: 1 продажа на 2 500 ₽."),
        (2, "За последние 7 дней: 2 продажи на 5 000 ₽."),
        (5, "За последние 7 дней: 5 продаж на 12 500 ₽."),
        (21, "За последние 7 дней: 21 продажа на 52 500 ₽."),
    ],
)
def test_the_weeks_sales_say_what_they_came_to(sales: int, said: str) -> None:
    week = _week(sales=sales, sales_amount=sales * 250_000)  # 2 500 ₽ each, by hand
    assert _plain(_activity_line(translator("ru"), RUB_TEAM, week, amount=True)) == said


def test_no_sale_this_week_is_not_said_and_admins_only_money_keeps_the_count() -> None:
    t = translator("ru")
    clients_only = _activity_line(t, RUB_TEAM, _week(new_clients=2), amount=True)
    assert _plain(clients_only) == "За последние 7 дней: 2 новых клиента."
    only_count = _week(sales=2, sales_amount=500_000)
    counted = _activity_line(t, RUB_TEAM, only_count, amount=False)
    assert _plain(counted) == "За последние 7 дней: 2 продажи."


async def test_a_group_that_keeps_money_for_admins_hears_no_weekly_sum(
    chat: Chat, sqlite_engine: Engine
) -> None:
    owner = chat.person(41, "Ольга", "ru")
    group = chat.group(-1002, "Студия", creator=owner)
    team = make_team(
        sqlite_engine,
        chat_id=group,
        owner_id=41,
        locale="ru",
        currency="RUB",
        sensitive_to_admins=True,
    )
    for k in range(2):
        client = make_client(sqlite_engine, team, f"Клиент {k}", kind="person")
        make_sale(sqlite_engine, team, client, 300_000, sold_on=NOW.date())
    seen = await chat.send(owner, "/digest", chat=group)
    [in_group] = [m.text for m in seen.messages if m.chat_id == group]
    assert "2 продажи." in in_group and "продажи на" not in in_group, in_group
    # The admins hear the sum in their own copy
    assert "2 продажи на 6\u00a0000\u00a0₽" in seen.html, seen.html


@pytest.mark.parametrize(
    ("n", "referrals", "invoices"),
    [
        (1, "1 нового клиента", "ещё 1 раз подряд"),
        (2, "2 новых клиента", "ещё 2 раза подряд"),
        (5, "5 новых клиентов", "ещё 5 раз подряд"),
        (21, "21 нового клиента", "ещё 21 раз подряд"),
    ],
)
def test_a_lift_agrees_with_its_number(n: int, referrals: str, invoices: str) -> None:
    t = translator("ru")
    said = _plain(lift(t, "RUB", Lift("referral", n, "", "A")))
    assert said == f"Оценка станет A, если клиент приведёт к вам {referrals}.", said
    said = _plain(lift(t, "RUB", Lift("pay_on_time", n, "", "A")))
    assert said == f"Оценка станет A, если клиент {invoices} заплатит вовремя.", said


def test_a_portrait_of_women_says_women() -> None:
    said = _plain(_trait(translator("ru"), Trait("gender", "f", 0.8, 0.3, 2.7)))
    assert said.startswith("женщины (80 %, в 3 раза чаще"), said


async def test_a_card_opens_its_figures_with_a_capital(chat: Chat, sqlite_engine: Engine) -> None:
    team = make_team(
        sqlite_engine, chat_id=SOLO, owner_id=SOLO, personal=True, locale="ru", currency="RUB"
    )
    with new_session(sqlite_engine) as session:
        demo.seed_demo(session=session, team=team, today=NOW.date(), now=NOW)
        session.commit()
    lines = (await chat.send(chat.person(SOLO, "Света", "ru"), "/client Липа")).text.splitlines()
    assert lines[1] == "На этого клиента приходится 27 % выручки.", lines
    assert lines[2].startswith("Прибыль "), lines


async def test_risk_without_any_costs_says_so_plainly(chat: Chat, sqlite_engine: Engine) -> None:
    team = make_team(sqlite_engine, chat_id=SOLO, owner_id=SOLO, personal=True, locale="ru")
    client = make_client(sqlite_engine, team, "Анна", kind="person")
    make_sale(sqlite_engine, team, client, 250_000, sold_on=NOW.date())
    text = (await chat.send(chat.person(SOLO, "Света", "ru"), "/risk")).text
    assert "Ни у одной продажи пока не указаны затраты" in text, text
    assert "100 % выручки не указаны" not in text and "НДС" not in text, text


@pytest.mark.parametrize("command", ["/help profile", "/help decline", "/help settings"])
async def test_a_nail_masters_help_has_no_admins(
    chat: Chat, sqlite_engine: Engine, command: str
) -> None:
    make_team(sqlite_engine, chat_id=SOLO, owner_id=SOLO, personal=True, locale="ru")
    text = (await chat.send(chat.person(SOLO, "Света", "ru"), command)).text
    assert "администратор" not in text and "команд" not in text, text


async def test_undoing_a_setting_says_the_old_one_is_back(
    chat: Chat, sqlite_engine: Engine
) -> None:
    make_team(sqlite_engine, chat_id=SOLO, owner_id=SOLO, personal=True, locale="ru")
    me = chat.person(SOLO, "Света", "ru")
    await chat.send(me, "/digest выкл")
    said = (await chat.send(me, "/undo")).text
    # «прежняя настройка восстановлена» did not say which (the Russian reader of round 5)
    assert said == "Отменено. Еженедельная сводка: включена.", said


async def test_an_export_of_a_team_never_asked_about_vat_says_nothing_of_it(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(sqlite_engine, chat_id=SOLO, owner_id=SOLO, personal=True, locale="ru")
    make_sale(sqlite_engine, team, make_client(sqlite_engine, team, "Анна"), 250_000)
    seen = await chat.send(chat.person(SOLO, "Света", "ru"), "/export")
    assert [m.text for m in seen.messages if "продажи" in m.text] == ["Ваши продажи."]


async def test_a_lapsed_clients_card_does_not_guess_her_gender(
    chat: Chat, sqlite_engine: Engine
) -> None:
    # «Давно ничего не покупал» on Анна's card: the verdict has no subject, so no «покупал(а)».
    team = make_team(sqlite_engine, chat_id=SOLO, owner_id=SOLO, personal=True, locale="ru")
    anna = make_client(sqlite_engine, team, "Анна Котова", kind="person")
    for k in range(6):  # monthly, then nothing for 150 days
        make_sale(
            sqlite_engine, team, anna, 250_000, sold_on=NOW.date() - dt.timedelta(300 - 30 * k)
        )
    text = (await chat.send(chat.person(SOLO, "Света", "ru"), "/client Анна")).text
    assert "Давно не было покупок: может, позвонить?" in text, text
    assert "покупал" not in text


@pytest.mark.parametrize(("earlier", "trend_said"), [(False, False), (True, True)])
async def test_four_weeks_of_revenue_are_said_only_when_they_say_more_than_the_week(
    chat: Chat, sqlite_engine: Engine, earlier: bool, trend_said: bool
) -> None:
    """A team whose every sale is of this week: "📈 Выручка за последние 4 недели: 35 001 ₽"
    under "10 продаж на 35 001 ₽" said the same sum twice (the Russian reader of round 5)."""
    team = make_team(sqlite_engine, chat_id=SOLO, owner_id=SOLO, personal=True, locale="ru")
    client = make_client(sqlite_engine, team, "Анна", kind="person")
    make_sale(sqlite_engine, team, client, 250_000, sold_on=NOW.date())
    if earlier:  # 2 500 ₽ this week and 1 000 ₽ two weeks ago: 3 500 ₽ in 4 weeks
        make_sale(sqlite_engine, team, client, 100_000, sold_on=NOW.date() - dt.timedelta(14))
    text = _plain((await chat.send(chat.person(SOLO, "Света", "ru"), "/digest")).text)
    assert "1 продажа на 2 500 ₽" in text, text
    assert ("📈 Выручка за последние 4 недели: 3 500 ₽" in text) == trend_said, text
    assert ("4 недели" in text) == trend_said, text
