"""What native readers found untrue or broken in replies (issues 17/18 follow-ups): names with
"&" shown escaped twice, a name's or a date's full stop doubled, grade news about a grade the
client never had, stiff Dutch, Russian that assumes a gender, and /risk figures that differ
from the client card."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from storage.models import Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale


async def test_a_new_prospect_named_with_an_ampersand_and_a_full_stop(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/aanbeveling Bakkerij, Smit & Zn.")
    seen = await chat.press(anna, "Organisatie")
    assert seen.text.splitlines()[:2] == [
        "Aanbeveling genoteerd: Bakkerij bracht je Smit & Zn.",
        "Smit & Zn. staat op je lijst als prospect.",
    ]
    assert "&amp;amp;" not in seen.html


async def test_a_russian_prospect_with_an_ampersand_and_a_date_ending_in_g(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Кофейня")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/refer Кофейня, ООО «Вектор» & Ко")
    seen = await chat.press(olga, "Организация")
    assert "ООО «Вектор» & Ко теперь в списке как потенциальный клиент." in seen
    assert "&amp;amp;" not in seen.html

    seen = await chat.send(olga, "/sale Кофейня 500 01.11")
    assert "Продажа записана: 500,00 ₽, Кофейня, 1 нояб. 2026 г. " in seen
    assert "г.." not in seen.text


async def test_a_client_created_by_their_first_sale_had_no_grade_before(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    for number in range(8):
        client = make_client(sqlite_engine, nl_team, f"Kapsalon {number + 1}")
        make_sale(sqlite_engine, nl_team, client, 450_000, sold_on=dt.date(2026, 10, 1))
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Hotel De Linde 30000")
    seen = await chat.press(anna, "„Hotel De Linde” toevoegen als organisatie")
    first = seen.text.splitlines()[0]
    assert first.startswith("Verkoop vastgelegd: € 30.000,00 van Hotel De Linde, vandaag. ")
    assert "(was" not in seen.text
    card = await chat.send(anna, "/klant Hotel De Linde")
    grade = card.text.splitlines()[0].rsplit(" ", 1)[-1]
    assert f"Beoordeling: {grade}." in first


async def test_the_russian_repeat_question_says_today_and_the_no_is_short(
    chat: Chat, ru_team: Team, sqlite_engine: Engine, clock
) -> None:
    make_client(sqlite_engine, ru_team, "Кофейня")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/sale Кофейня 500")
    clock.advance(minutes=5)
    seen = await chat.send(olga, "/sale Кофейня 500")
    assert seen.text == (
        "Вы уже записали эту продажу меньше 10 минут назад: 500,00 ₽, Кофейня, сегодня. "
        "Записать ещё раз?"
    )
    seen = await chat.press(olga, "Нет")
    assert seen.text == "Хорошо, повторно не записываю."
