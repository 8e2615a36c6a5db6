"""A Russian salon read a week in the chat: what only shows in a reply (where the words come
from code, not a catalog line) is pinned here — the VAT note once per /risk, one sentence when
/portrait has too few of both kinds, the /settings tip only for whom may follow it, the card's
hours said as work and Details' "client since" without a colon."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from storage.models import Team
from tests.bot.test_phone_screen import big_team, demo_team, risk_pages
from tests.chat import Chat
from tests.factories import (
    NOW,
    RU_OWNER,
    add_member,
    make_client,
    make_sale,
    make_team,
    with_vat,
)

TODAY = NOW.date()


async def test_risk_says_amounts_without_vat_once_on_its_last_page(
    chat: Chat, sqlite_engine: Engine
) -> None:
    with_vat(sqlite_engine, demo_team(sqlite_engine, "ru"), 0.22)
    pages = await risk_pages(chat, "ru")
    assert len(pages) > 1
    # The note says which amounts are which (truthmoney): «Суммы без НДС (вычтено 22 %)» beside
    # profit figures, «Долги — как в счетах, с НДС 22 %» under money owed; once, on the last page.
    assert [("22 %" in page and "НДС" in page) for page in pages] == [False] * (len(pages) - 1) + [
        True
    ]


async def test_risk_of_a_team_never_asked_about_vat_says_nothing_of_it(
    chat: Chat, sqlite_engine: Engine
) -> None:
    # Read_ru round 3: «Суммы без НДС.» puzzled a salon that never said a word about VAT.
    demo_team(sqlite_engine, "ru")
    assert "НДС" not in "\n".join(await risk_pages(chat, "ru"))


async def test_risk_says_where_the_clients_it_only_counts_are(
    chat: Chat, sqlite_engine: Engine
) -> None:
    big_team(sqlite_engine, "ru")
    said = "\n".join(await risk_pages(chat, "ru"))
    assert "и ещё 26 — все в /clients" in said, said


async def test_portrait_with_too_few_of_both_kinds_says_it_once(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(sqlite_engine, chat_id=RU_OWNER, owner_id=RU_OWNER, personal=True, locale="ru")
    for number, kind in enumerate(("person", "person", "organisation", "organisation")):
        client = make_client(sqlite_engine, team, f"Клиент {number}", kind=kind)
        make_sale(sqlite_engine, team, client, 100_000, sold_on=TODAY - dt.timedelta(days=40))
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/portrait")
    assert seen.text.count("слишком мало клиентов") == 1, seen.text
    assert (
        "нужно хотя бы 5 частных клиентов или 5 организаций "
        "(сейчас частных клиентов: 2, организаций: 2)"
    ) in seen.text


async def test_the_hour_cost_tip_goes_only_to_who_may_set_it(
    chat: Chat, sqlite_engine: Engine
) -> None:
    group = -700
    team = make_team(sqlite_engine, chat_id=group, owner_id=RU_OWNER, locale="ru")
    add_member(sqlite_engine, team, 41)
    make_client(sqlite_engine, team, "Петрова Анна", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    vera = chat.person(41, "Вера", "ru")
    chat.group(group, "Салон", creator=olga, members=(vera,))
    seen = await chat.send(vera, "/sale Петрова, 1500, 0, 1ч", chat=group)
    assert "Продажа записана" in seen and "/settings" not in seen.text, seen.text
    seen = await chat.send(olga, "/sale Петрова, 1600, 0, 1ч", chat=group)
    assert "Совет: укажите в /settings, сколько стоит час работы" in seen, seen.text


async def test_the_card_says_hours_of_work_and_details_read_as_sentences(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    client = make_client(
        sqlite_engine,
        ru_team,
        "Петрова Анна",
        kind="person",
        city="Москва",
        source="referral",
        acquired_on=dt.date(2026, 3, 5),
    )
    make_sale(sqlite_engine, ru_team, client, 450_000, sold_on=TODAY, minutes=90)
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    card = await chat.send(olga, "/client Петрова Анна")
    assert "1 ч 30 мин работы" in card, card.text
    assert "Оставить отзыв" in card.buttons, card.buttons
    details = (await chat.press(olga, "Подробнее")).text.splitlines()
    assert "Частное лицо · Москва · источник: рекомендация" in details, details
    assert "Клиент с 5 мар. 2026 г." in details, details


async def test_an_hour_cost_not_counted_says_so_on_its_button(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/settings")
    await chat.press(olga, "Деньги")
    seen = await chat.press(olga, "Час работы")
    assert "✓ Не учитывать" in seen.buttons, seen.buttons
    assert "вычту из прибыли стоимость часов" in seen
