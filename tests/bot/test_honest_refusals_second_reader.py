"""What the second reader (the attacker) found untrue or refused for the wrong reason:
a sale dated 1899 called "no amount", 5 000 digits called "no amount" instead of too large,
an old date slipped in by a sale's correction without the question a new sale asks, another
team's Undo called "already undone", and a team's language refused over its currency.

The test clock stands on Monday 23 November 2026."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from bot.transports.updates import Person
from storage.models import Client, PendingUndo, Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, rows

NINES = "9" * 5000


async def test_a_one_line_sale_dated_1899_is_refused_for_its_year(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Анна Иванова")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    for typed, line in [
        ("1.1.1899", "1500 1.1.1899"),
        ("01.01.2300", "1500 01.01.2300"),
        ("1.1.1899", "1.1.1899 1500"),  # the date before the amount
    ]:
        seen = await chat.send(olga, f"/sale Анна Иванова {line}")
        # The same words the sale's correction uses for the date, not «не похоже на сумму».
        assert f"«{typed}» — вне лет, которые я веду: с 1900 по 2199. Проверьте год." in seen
        assert "не похоже на сумму" not in seen.text
    assert rows(sqlite_engine, Sale) == []
    seen = await chat.send(olga, "/sale Анна Иванова 1.1.2026 1500")  # a year kept: recorded
    assert "Продажа записана: 1 500 ₽, Анна Иванова, 1 января." in seen
    assert [(s.amount, s.sold_on) for s in rows(sqlite_engine, Sale)] == [
        (150000, dt.date(2026, 1, 1))
    ]


async def test_five_thousand_digits_are_an_amount_too_large_wherever_typed(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Анна Иванова")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    too_large = "— слишком большая сумма: суммы должны быть меньше 100 000 000 000 ₽."
    for line in (f"Анна Иванова {NINES}", f"Анна Иванова 1500 {NINES}", f"Анна {NINES} 2ч"):
        seen = await chat.send(olga, f"/sale {line}")
        assert too_large in seen, line[:30]
        assert "не похоже на сумму" not in seen.text
        assert "что-то пошло не так" not in seen.text
    await chat.send(olga, "/sale Анна Иванова")  # the dialog's amount step says the same
    seen = await chat.send(olga, NINES)
    assert too_large in seen
    assert rows(sqlite_engine, Sale) == []
    assert [c.name for c in rows(sqlite_engine, Client)] == ["Анна Иванова"]


async def _correcting_the_date(chat: Chat, team: Team, engine: Engine) -> Person:
    """Ольга at the date of Анна's sale of 2 November: ✎ Продажа 1 → Дата."""
    client = make_client(engine, team, "Анна Иванова")
    make_sale(engine, team, client, 150000, sold_on=dt.date(2026, 11, 2))
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/sales Анна")
    await chat.press(olga, "✎ Продажа 1")
    await chat.press(olga, "Дата")
    return olga


async def test_a_sale_moved_back_more_than_a_year_is_asked_about_first(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = await _correcting_the_date(chat, ru_team, sqlite_engine)
    seen = await chat.send(olga, "01.01.2019")
    # The question a new sale dated so far back gets, and nothing changed yet.
    assert "Дата продажи — 1 января 2019 г., это больше года назад. Записать?" in seen
    assert seen.buttons[:2] == ["Да, записать так", "Нет"]
    assert rows(sqlite_engine, Sale)[0].sold_on == dt.date(2026, 11, 2)
    seen = await chat.press(olga, "Нет")  # kept as it was; the right date is asked again
    assert "Какая дата правильная? Например, 23.11.2026 или вчера." in seen
    assert rows(sqlite_engine, Sale)[0].sold_on == dt.date(2026, 11, 2)
    seen = await chat.send(olga, "01.02.2019")  # still too far back: asked again
    assert "Дата продажи — 1 февраля 2019 г." in seen
    seen = await chat.press(olga, "Да, записать так")
    assert "Продажа исправлена: дата теперь 1 февраля 2019 г." in seen
    assert rows(sqlite_engine, Sale)[0].sold_on == dt.date(2019, 2, 1)


async def test_a_sale_moved_back_less_than_a_year_is_saved_at_once(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    olga = await _correcting_the_date(chat, ru_team, sqlite_engine)
    seen = await chat.send(olga, "01.01.2026")
    assert "Продажа исправлена: дата теперь 1 января." in seen
    assert rows(sqlite_engine, Sale)[0].sold_on == dt.date(2026, 1, 1)


async def _group_being_set_up(chat: Chat) -> tuple[Person, int]:
    owner = chat.person(21, "Olga", "nl")
    group = chat.group(-500, "Studio Noord", creator=owner)
    await chat.send(owner, "/start", chat=group)
    return owner, group


async def test_the_language_is_chosen_even_after_a_sale_fixed_the_currency(
    chat: Chat, sqlite_engine: Engine
) -> None:
    owner, group = await _group_being_set_up(chat)
    seen = await chat.send(owner, "/verkoop Bakkerij Jansen 500", chat=group)
    assert "Verkoop vastgelegd: € 500 — Bakkerij Jansen" in seen
    await chat.send(owner, "/start", chat=group)  # the setup picked up again
    seen = await chat.press(owner, "Русский", chat=group)
    assert chat.api.callback_answers[-1].get("text") in (None, "")  # no refusal pop-up
    # Russian from here on; the currency its sale is in is said, not offered as a choice.
    assert "Валюта остаётся прежней — € EUR: в ней уже есть продажи." in seen
    assert "3/3 Как оценивать клиентов?" in seen and "₽ RUB" not in seen.buttons
    [team] = rows(sqlite_engine, Team)
    assert (team.locale, team.currency) == ("ru", "EUR")
    assert [s.amount for s in rows(sqlite_engine, Sale)] == [50000]
    seen = await chat.press(owner, "A–D", chat=group)
    assert "Всё готово" in seen
    assert rows(sqlite_engine, Team)[0].onboarded


async def test_a_setup_with_sales_picks_up_after_the_language_without_the_currency(
    chat: Chat, sqlite_engine: Engine
) -> None:
    owner, group = await _group_being_set_up(chat)
    await chat.press(owner, "Nederlands", chat=group)  # the currency step is left unanswered
    await chat.send(owner, "/verkoop Bakkerij Jansen 500", chat=group)
    seen = await chat.send(owner, "/start", chat=group)
    assert "De valuta blijft € EUR: het team heeft al verkopen in deze valuta." in seen
    assert "3/3" in seen and seen.buttons == ["A–D", "1–5", "1–10"]


async def test_another_teams_undo_is_a_stale_button_never_already_undone(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij de Vries")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/sale bakkerij 100")
    [pending] = rows(sqlite_engine, PendingUndo)
    assert pending.team_id == nl_team.id
    olga = chat.person(RU_OWNER, "Olga", "nl")
    await chat.send(olga, "/help")
    screen = chat.api.in_chat(RU_OWNER)[-1]
    forged = f"undo:{ru_team.id}:{pending.id}"
    expired = "Dit kun je niet meer ongedaan maken: dat kan maar 24 uur."
    await chat.press_data(olga, screen, forged)  # team 1's change, not undone yet
    assert chat.api.callback_answers[-1]["text"] == expired
    assert len(rows(sqlite_engine, Sale)) == 1  # Anna's sale untouched
    await chat.press(anna, "↩ Ongedaan maken")  # Anna takes it back herself
    assert rows(sqlite_engine, Sale) == []
    await chat.press_data(olga, screen, forged)  # now undone in team 1: still not "already"
    assert chat.api.callback_answers[-1]["text"] == expired
    await chat.press_data(olga, screen, f"undo:{ru_team.id}:999999")  # no such change at all
    assert chat.api.callback_answers[-1]["text"] == expired
