"""Lines a native reader would not write (issue 20, helper w20's part): what the user sees in
both languages after /edit, a back-dated invoice, the gender buttons and a new client's
"why not" in the decline list."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from storage.models import Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_event, make_sale, make_team


async def test_edit_done_without_a_change_says_nothing_changed_not_saved(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Anouk de Boer", kind="person")
    make_client(sqlite_engine, ru_team, "Мария", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/edit anouk")
    seen = await chat.press(anna, "✓ Klaar")
    assert "Niets gewijzigd bij Anouk de Boer." in seen and "Opgeslagen" not in seen.text
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/edit мария")
    seen = await chat.press(olga, "Пол")
    # A form asks the gender as an adjective, as a Russian form does.
    assert seen.buttons[:3] == ["Женский", "Мужской", "Другой"]
    seen = await chat.press(olga, "Оставить как есть")
    seen = await chat.press(olga, "✓ Готово")
    assert "Ничего не изменилось: Мария." in seen and "Сохранено" not in seen.text
    # After a real change, Done still says it was saved.
    await chat.send(olga, "/edit мария")
    await chat.press(olga, "Пол")
    await chat.press(olga, "Женский")
    seen = await chat.press(olga, "✓ Готово")
    assert "Сохранено: Мария." in seen


async def test_a_back_dated_invoice_says_its_term_ran_out_not_due_yesterday(
    chat: Chat, sqlite_engine: Engine
) -> None:
    for user, locale, name, typed in (
        (31, "nl", "Bakkerij Noord", "/verkoop Bakkerij Noord 100 15 dagen geleden"),
        (32, "ru", "Пекарня «Север»", "/sale Пекарня Север 100 15 дней назад"),
    ):
        person = chat.person(user, "Sanne", locale)
        chat.group(-800 - user, "Studio", creator=person)
        team = make_team(sqlite_engine, chat_id=-800 - user, owner_id=user, locale=locale)
        make_client(sqlite_engine, team, name)  # an organisation: invoiced, 14 days to pay
        seen = await chat.send(person, typed, chat=-800 - user)
        want = {
            "nl": "Factuur: de betaaltermijn is gisteren verlopen.",
            "ru": "Счёт, срок оплаты истёк вчера.",
        }[locale]
        assert want in seen.text.splitlines(), seen.text
        assert "uiterlijk gisteren" not in seen.text and "до вчера" not in seen.text


async def test_a_client_added_today_is_new_since_today_not_zero_days_a_client(
    chat: Chat, sqlite_engine: Engine
) -> None:
    # /decline's "nearest" list: a loss and a complaint, but a client since today.
    from tests.bot.test_decline import regular

    today = dt.date(2026, 11, 23)  # the clock's day
    for user, locale, names, newcomer, want in (
        (41, "nl", ("Anouk", "Sanne", "Eva", "Lotte"), "Fleur", "maar pas vandaag klant geworden"),
        (42, "ru", ("Анна", "Мария", "Елена", "Ирина"), "Светлана", "в списке с сегодняшнего дня"),
    ):
        team = make_team(sqlite_engine, chat_id=user, owner_id=user, personal=True, locale=locale)
        for name, amount in zip(names, (900, 1_000, 1_100, 1_200), strict=True):
            regular(sqlite_engine, team, name, amount)
        new = make_client(sqlite_engine, team, newcomer, kind="person", acquired_on=today)
        make_sale(sqlite_engine, team, new, 30_000, sold_on=today, cost=40_000)
        make_event(sqlite_engine, team, new, "complaint", happened_on=today)
        seen = await chat.send(chat.person(user, "X", locale), "/decline")
        [line] = [line for line in seen.text.splitlines() if line.startswith(newcomer)]
        assert want in line and " 0 " not in line, line


async def test_stopping_profile_after_a_save_says_what_stays_not_that_nothing_changed(
    chat: Chat, nl_team: Team, ru_team: Team
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/profile")
    await chat.press(anna, "+ Nieuw: Organisaties")
    await chat.press(anna, "Wie ze zijn")
    await chat.press(anna, "Medewerkers")
    await chat.send(anna, "10-50")
    await chat.press(anna, "Plaatsen")
    seen = await chat.press(anna, "Annuleren")
    assert seen.text == (
        "Gestopt. Wat je al had gewijzigd, blijft zo: het profiel „Organisaties”, medewerkers."
    )
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/profile")
    await chat.press(olga, "+ Создать: Частные лица")
    await chat.press(olga, "Кто они")
    await chat.press(olga, "Возраст")
    await chat.send(olga, "от 30")
    await chat.press(olga, "Города")
    seen = await chat.send(olga, "/cancel")
    assert seen.text == ("Отменено. Уже сохранённое остаётся: профиль «Частные лица», возраст.")
    # Nothing saved yet: then "nothing changed" is true.
    await chat.send(olga, "/profile")
    await chat.press(olga, "Кто они")
    seen = await chat.send(olga, "/cancel")
    assert seen.text == "Отменено. Ничего не изменилось."
