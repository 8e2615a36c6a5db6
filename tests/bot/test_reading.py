"""Reading Kompas on a phone: cards, lists, risk, decline decisions and the portrait."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import Engine

from storage import demo
from storage.engine import new_session
from storage.models import Client, Team
from tests.chat import Chat, Seen
from tests.factories import NOW, make_client, make_sale, make_team, rows

OWNER = 11
RAW_FRACTION = re.compile(r"(?<![\d,.])0[.,]\d+(?![\d%])")


def demo_team(engine: Engine, locale: str) -> Team:
    currency = "EUR" if locale == "nl" else "RUB"
    team = make_team(
        engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale=locale, currency=currency
    )
    with new_session(engine) as session:
        demo.seed_demo(session=session, team=team, today=NOW.date(), now=NOW)
        session.commit()
    return team


def assert_phone_sized(seen: Seen) -> None:
    for message in seen.messages:
        assert len(message.text) <= 4096
    assert not RAW_FRACTION.search(seen.text), seen.text


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_card_of_a_strong_and_a_weak_client(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    demo_team(sqlite_engine, locale)
    anna = chat.person(OWNER, "Anna", locale)
    strong = "Yogastudio Lotus" if locale == "nl" else "Йога-студия «Лотос»"
    weak = "Schoonmaakbedrijf Glans" if locale == "nl" else "Клининг «Блеск»"
    seen = await chat.send(anna, f"/client {strong}")
    card = seen.text.splitlines()
    assert len(card) <= 12
    assert card[0].startswith(strong)
    assert ("beoordeling A" if locale == "nl" else "оценка A") in card[0]
    assert_phone_sized(seen)
    seen = await chat.send(anna, f"/client {weak}")
    assert (
        "Kost je meer dan het oplevert" if locale == "nl" else "Обходится дороже, чем приносит"
    ) in seen.text
    assert ("▼" in seen.text) and len(seen.text.splitlines()) <= 12
    assert_phone_sized(seen)
    buttons = {
        "nl": [
            "Details",
            "Beoordelen",
            "Verkoop",
            "Klacht",
            "Aanbeveling",
            "Wijzigen",
            "Afscheid nemen…",
        ],
        "ru": [
            "Подробнее",
            "Оставить отзыв",
            "Продажа",
            "Проблема",
            "Рекомендация",
            "Изменить",
            "Отказаться…",
        ],
    }[locale]
    assert seen.buttons == buttons
    details = await chat.press(anna, buttons[0])
    assert details.last.message_id == seen.last.message_id  # same message, edited
    assert ("Omzet" if locale == "nl" else "Выручка") in details.text
    back = await chat.press(anna, "‹ Terug" if locale == "nl" else "‹ Назад")
    assert back.text == seen.text


async def test_card_buttons_start_the_right_dialog(chat: Chat, sqlite_engine: Engine) -> None:
    demo_team(sqlite_engine, "nl")
    anna = chat.person(OWNER, "Anna", "nl")
    await chat.send(anna, "/client Bakkerij de Vries")
    seen = await chat.press(anna, "Verkoop")
    assert "Hoeveel heb je Bakkerij de Vries gefactureerd?" in seen
    await chat.send(anna, "/cancel")
    await chat.send(anna, "/client Bakkerij de Vries")
    seen = await chat.press(anna, "Beoordelen")
    assert "Vraag 1 van 3 over Bakkerij de Vries" in seen


async def test_client_list_pages_in_the_same_message_and_sorts(
    chat: Chat, sqlite_engine: Engine
) -> None:
    demo_team(sqlite_engine, "ru")
    olga = chat.person(OWNER, "Ольга", "ru")
    first = await chat.send(olga, "/clients")
    assert first.text.startswith("38 клиентов")
    assert len([line for line in first.text.splitlines() if re.match(r"\d+\. ", line)]) == 10
    assert "Страница 1 из 4" in first.text
    second = await chat.press(olga, "›")
    assert second.last.message_id == first.last.message_id
    assert "11. " in second.text and "Страница 2 из 4" in second.text
    by_revenue = await chat.press(olga, "По выручке")
    listed = by_revenue.text.splitlines()[1:11]
    amounts = [int(re.sub(r"\D", "", line.rsplit("·", 1)[1])) for line in listed]
    assert amounts == sorted(amounts, reverse=True)
    # "1. Отель «Липа» · оценка B · 27 % выручки · …": the grade says its word, after the name.
    assert all(line.split(" · ")[1].startswith("оценка ") for line in listed), listed
    assert all(line.split(" · ")[2].endswith(" выручки") for line in listed), listed
    top = {line.split(" · ")[0].split(". ", 1)[1] for line in listed[:2]}
    assert top == {"Строительная компания «Кирпич»", "Отель «Липа»"}
    first = listed[0].split(" · ")[0].split(". ", 1)[1]
    opened = await chat.press(olga, "1")
    assert opened.text.startswith(first)
    prospects = await chat.send(olga, "/clients prospects")
    assert prospects.text.startswith("2 потенциальных клиента")


async def test_risk_on_a_concentrated_team(chat: Chat, sqlite_engine: Engine) -> None:
    demo_team(sqlite_engine, "nl")
    anna = chat.person(OWNER, "Anna", "nl")
    seen = await chat.all_pages(anna, await chat.send(anna, "/risk"))
    assert "Boven de grens" in seen.messages[0].text
    assert "Hotel De Linde" in seen.text and "valt deze klant weg, dan heb je zo’n" in seen.text
    assert "Afhankelijk van grote klanten" in seen.text and "Tijdvreters" in seen.text
    assert_phone_sized(seen)


async def test_risk_on_a_four_client_team_raises_no_alarm(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(
        sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale="ru", currency="RUB"
    )
    for name, amount in (("Альфа", 900000), ("Бета", 50000), ("Гамма", 30000), ("Дельта", 20000)):
        client_id = make_client(sqlite_engine, team, name, acquired_on=dt.date(2025, 1, 1))
        make_sale(sqlite_engine, team, client_id, amount, cost=amount // 2)
    olga = chat.person(OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/risk")
    assert "Пока у вас 4 активных клиента, доли мало что говорят" in seen.text
    assert "Слишком большая зависимость" not in seen.text
    assert "90 %" in seen.text  # the share is still shown


async def test_empty_team_has_nothing_to_rate_yet(chat: Chat, sqlite_engine: Engine) -> None:
    make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    anna = chat.person(OWNER, "Anna", "nl")
    for command in ("/risk", "/portrait", "/decline"):
        seen = await chat.send(anna, command)
        assert "Nog niets te beoordelen" in seen.text


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_decline_decision_with_confirmation_and_undo(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    demo_team(sqlite_engine, locale)
    anna = chat.person(OWNER, "Anna", locale)
    seen = await chat.send(anna, "/decline")
    assert ("Afscheid overwegen" if locale == "nl" else "Кандидаты на отказ") in seen.text
    name = seen.text.splitlines()[1]
    words = {
        "nl": (
            "Afscheid nemen…",
            "Ja, afscheid nemen",
            "↩ Ongedaan maken",
            "Met vriendelijke groet,",
        ),
        "ru": ("Отказаться…", "Да, отказаться", "↩ Отменить", "С уважением,"),
    }[locale]
    asked = await chat.press(anna, words[0])
    assert name in asked.text
    done = await chat.press(anna, words[1])
    assert words[3] in done.text  # the polite letter, ready to copy
    [client] = [c for c in rows(sqlite_engine, Client) if c.name == name]
    assert client.status == "declined"
    again = await chat.send(anna, "/decline")
    assert name not in again.text.splitlines()[1]
    await chat.press(anna, words[2], message=done.messages[0])
    [client] = [c for c in rows(sqlite_engine, Client) if c.name == name]
    assert client.status == "active"


async def test_decline_with_a_name_shows_that_client_or_says_why_not(
    chat: Chat, sqlite_engine: Engine
) -> None:
    demo_team(sqlite_engine, "nl")
    anna = chat.person(OWNER, "Anna", "nl")
    first = (await chat.send(anna, "/decline")).text.splitlines()[1]
    second = (await chat.press(anna, "›")).text  # the same message, edited
    name = second.splitlines()[1]
    assert name != first
    seen = await chat.send(anna, f"/decline {name}")
    assert seen.text == second
    prospect = next(c.name for c in rows(sqlite_engine, Client) if c.status == "prospect")
    seen = await chat.send(anna, f"/decline {prospect}")
    assert seen.text == (
        f"{prospect} staat niet op de lijst van klanten die je misschien beter laat gaan."
    )
    seen = await chat.send(anna, "/decline Installatiebedrijf Jansen")  # looks like some names
    assert (
        seen.text
        == "Meerdere klanten passen bij „Installatiebedrijf Jansen”: typ meer van de naam."
    )
    seen = await chat.send(anna, "/decline Zonneschijn")
    assert seen.text == "„Zonneschijn” staat niet in je klantenlijst."


async def test_a_member_cannot_decline(chat: Chat, sqlite_engine: Engine) -> None:
    group = -700
    owner, piet = chat.person(21, "Olga", "nl"), chat.person(22, "Piet", "nl")
    chat.group(group, "Studio", creator=owner, members=(piet,))
    team = make_team(sqlite_engine, chat_id=group, owner_id=21)
    with new_session(sqlite_engine) as session:
        demo.seed_demo(session=session, team=team, today=NOW.date(), now=NOW)
        session.commit()
    await chat.send(piet, "/decline", chat=group)
    await chat.press(piet, "Afscheid nemen…", chat=group)
    assert chat.api.callback_answers[-1]["text"] == "Dat kan alleen owner21 (beheerder)."
    assert all(c.status != "declined" for c in rows(sqlite_engine, Client))


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_portrait_with_enough_data(chat: Chat, sqlite_engine: Engine, locale: str) -> None:
    demo_team(sqlite_engine, locale)
    anna = chat.person(OWNER, "Anna", locale)
    seen = await chat.send(anna, "/portrait organisations")
    expected = {
        "nl": ("Je 5 ideale organisaties", "Zo kopen ze", "Zo kwamen ze bij je"),
        "ru": ("Ваши идеальные организации", "Как обычно покупают", "Откуда пришли"),
    }
    for words in expected[locale]:
        assert words in seen.text
    assert_phone_sized(seen)


async def test_portrait_with_too_little_data_says_what_is_missing(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    for i in range(7):
        client_id = make_client(sqlite_engine, team, f"Klant {i}", acquired_on=dt.date(2025, 1, 1))
        make_sale(sqlite_engine, team, client_id, 10000 * (i + 1), cost=1000)
    anna = chat.person(OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/portrait")
    assert "te weinig om te zeggen wat ze gemeen hebben" in seen.text


async def test_a_kept_client_is_not_proposed_again(chat: Chat, sqlite_engine: Engine) -> None:
    demo_team(sqlite_engine, "nl")
    anna = chat.person(OWNER, "Anna", "nl")
    first = await chat.send(anna, "/decline")
    total = first.text.splitlines()[0].rsplit(" ", 1)[-1]
    name = first.text.splitlines()[1]
    kept = await chat.press(anna, "Houden")
    assert f"{name} blijft" in kept.text
    again = await chat.send(anna, "/decline")
    assert name not in again.text
    assert again.text.splitlines()[0].endswith(f"van {int(total) - 1}")
    [client] = [c for c in rows(sqlite_engine, Client) if c.name == name]
    assert client.kept_until == NOW.date() + dt.timedelta(days=90)


async def test_a_team_that_keeps_money_for_admins(chat: Chat, sqlite_engine: Engine) -> None:
    group = -710
    olga, piet = chat.person(21, "Olga", "nl"), chat.person(22, "Piet", "nl")
    chat.group(group, "Studio", creator=olga, members=(piet,))
    team = make_team(sqlite_engine, chat_id=group, owner_id=21, sensitive_to_admins=True)
    with new_session(sqlite_engine) as session:
        demo.seed_demo(session=session, team=team, today=NOW.date(), now=NOW)
        session.commit()
    for command in ("/risk", "/decline"):
        seen = await chat.send(piet, command, chat=group)
        assert seen.text.startswith("In dit team zien alleen beheerders de bedragen"), seen.text
        assert "€" not in seen.text
    # A card without the money lines (issue 16): grade and verdict, no amounts or shares.
    seen = await chat.send(piet, "/client Yogastudio Lotus", chat=group)
    assert seen.text.startswith("Yogastudio Lotus · beoordeling"), seen.text
    assert "€" not in seen.text and "van de omzet" not in seen.text
    prospect = await chat.send(piet, "/add Nieuwe Klant BV", chat=group)
    assert "Nieuwe Klant BV" in prospect.text
    card = await chat.send(piet, "/client Nieuwe Klant BV", chat=group)
    assert "Nieuwe Klant BV" in card.text and "alleen beheerders de bedragen" not in card.text
    portrait = await chat.send(piet, "/portrait", chat=group)
    assert "Zo kopen ze" in portrait.text and "€" not in portrait.text.split("Typisch")[0]
    listed = await chat.send(piet, "/clients", chat=group)
    assert "Yogastudio Lotus" in listed.text and "%" not in listed.text
    # /sales for a member: dates, no amounts, and no ✎/✕ buttons that would then be refused
    # (found by the Russian second reader).
    make_sale(sqlite_engine, team, make_client(sqlite_engine, team, "Bloemist Azalea"), 5_000)
    sold = await chat.send(piet, "/sales Bloemist Azalea", chat=group)
    assert "Bloemist Azalea" in sold.text and "€" not in sold.text
    assert sold.buttons == [], sold.buttons

    seen = await chat.send(olga, "/risk", chat=group)
    [private] = [m for m in seen.messages if m.chat_id == 21]
    [note] = [m for m in seen.messages if m.chat_id == group]
    assert "Boven de grens" in private.text and "€" in private.text
    assert "privé gestuurd" in note.text and "€" not in note.text
    # The private card's buttons work there, though Olga never chose the team for private chat.
    await chat.send(olga, "/client Yogastudio Lotus", chat=group)
    details = await chat.press(olga, "Details", chat=21)
    assert [m.chat_id for m in details.messages] == [21]
    assert "Omzet" in details.text and "€" in details.text


async def test_empty_lists_say_what_to_do(chat: Chat, sqlite_engine: Engine) -> None:
    make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale="ru")
    olga = chat.person(OWNER, "Ольга", "ru")
    declined = await chat.send(olga, "/clients отказ")
    assert declined.text == "Вы ещё ни от кого не отказались."
    prospects = await chat.send(olga, "/clients потенциальные")
    assert "/check" in prospects.text
    wrong = await chat.send(olga, "/clients вчерашние")
    assert wrong.text == "Напишите /clients, /clients потенциальные или /clients отказ."


@pytest.mark.parametrize(
    ("locale", "none_else", "ratio"),
    [
        ("nl", "zorg (60%, bij de rest niemand)", "28 keer"),
        ("ru", "медицина (60 %, у остальных клиентов не встречается)", "в 28 раз"),
    ],
)
async def test_a_trait_none_of_the_other_clients_has_is_said_so_not_as_a_ratio(
    chat: Chat, sqlite_engine: Engine, locale: str, none_else: str, ratio: str
) -> None:
    # Found by the Dutch reader: all three care clients are ideal, so 0 of the other 33 are
    # in care, yet the portrait said "28 keer zo vaak" (60 % over a floor of half a client).
    demo_team(sqlite_engine, locale)
    person = chat.person(OWNER, "Anna", locale)
    seen = await chat.send(person, "/portrait")
    assert none_else in seen.text and ratio not in seen.text, seen.text
