"""What native readers on a phone could not read (round 6): /sales buttons "✎ 1" / "✕ 1" that
did not say what they act on, a Russian field «Клиент с» that reads cut off, a /check line
«? город: неизвестно», and «текущих» beside «активный» for the same clients."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from storage.models import Sale
from tests.bot.test_check import check, demo_with_profile
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, make_team, rows

SOLO = 31  # a personal team of four clients
SALE = {"nl": "Verkoop", "ru": "Продажа"}
PHONE_HALF_ROW = 20  # two buttons share a row on a phone: about 20 characters each
YES_DELETE = {"nl": "Ja, verwijderen", "ru": "Да, удалить"}


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_sale_buttons_say_which_sale_they_correct_or_delete(
    chat: Chat, sqlite_engine: Engine, request: pytest.FixtureRequest, locale: str
) -> None:
    team = request.getfixturevalue(f"{locale}_team")
    client = make_client(sqlite_engine, team, "Atelier Zon")
    # Six sales, newest first on the list: line k is the sale of k × 111.
    for k in range(1, 7):
        make_sale(sqlite_engine, team, client, k * 11_100, sold_on=dt.date(2026, 11, 20 - k))
    owner = chat.person(NL_OWNER if locale == "nl" else RU_OWNER, "Anna", locale)
    word = SALE[locale]

    seen = await chat.send(owner, "/sales Atelier")
    expected = [label for k in range(1, 6) for label in (f"✎ {word} {k}", f"✕ {word} {k}")]
    assert seen.buttons == [*expected, "›"], seen.buttons
    assert all(len(label) <= PHONE_HALF_ROW for label in seen.buttons)
    seen = await chat.press(owner, "›")
    assert seen.buttons == [f"✎ {word} 6", f"✕ {word} 6", "‹"], seen.buttons

    await chat.send(owner, "/sales Atelier")
    asked = await chat.press(owner, f"✕ {word} 2")
    assert "222" in asked.text and "111" not in asked.text and "333" not in asked.text, asked.text
    await chat.press(owner, YES_DELETE[locale])
    left = sorted(s.amount // 11_100 for s in rows(sqlite_engine, Sale))
    assert left == [1, 3, 4, 5, 6]


@pytest.mark.parametrize(
    ("locale", "command", "label", "changed"),
    [
        ("nl", "/wijzig Atelier", "Klant sinds", "Klant sinds gewijzigd in 1 feb 2023."),
        ("ru", "/edit Atelier", "Начало работы", "Начало работы: теперь 1 февр. 2023 г."),
    ],
)
async def test_the_client_since_field_reads_complete(
    chat: Chat,
    sqlite_engine: Engine,
    request: pytest.FixtureRequest,
    locale: str,
    command: str,
    label: str,
    changed: str,
) -> None:
    team = request.getfixturevalue(f"{locale}_team")
    make_client(sqlite_engine, team, "Atelier Zon")
    owner = chat.person(NL_OWNER if locale == "nl" else RU_OWNER, "Anna", locale)
    seen = await chat.send(owner, command)
    assert label in seen.buttons and "Клиент с" not in seen.buttons, seen.buttons
    await chat.press(owner, label)
    seen = await chat.send(owner, "01.02.2023" if locale == "ru" else "1-2-2023")
    assert changed in seen.text.replace("\xa0", " ").splitlines(), seen.text


@pytest.mark.parametrize(
    ("locale", "kind", "city", "line"),
    [
        (
            "nl",
            "Organisatie",
            "Utrecht",
            "Wie het is: aantal medewerkers onbekend · ✓ plaats: Utrecht · branche onbekend",
        ),
        (
            "ru",
            "Организация",
            "Москва",
            "Кто это: число сотрудников — нет данных · ✓ город: Москва · отрасль — нет данных",
        ),
    ],
)
async def test_an_unknown_trait_in_check_reads_as_words_not_a_bare_question_mark(
    chat: Chat, sqlite_engine: Engine, locale: str, kind: str, city: str, line: str
) -> None:
    demo_with_profile(sqlite_engine, locale)
    anna = chat.person(11, "Anna", locale)
    seen = await check(chat, anna, "Nieuw Café", kind, city, "/skip", "/skip")
    assert line in seen.text.splitlines(), seen.text
    assert "? " not in seen.text and "неизвестно" not in seen.text


@pytest.mark.parametrize(
    ("locale", "said", "not_said"),
    [
        ("nl", "Met maar 4 actieve klanten zeggen aandelen nog weinig", "huidig"),
        ("ru", "Пока у вас 4 активных клиента, доли мало что говорят", "текущ"),
    ],
)
async def test_active_clients_have_one_word(
    chat: Chat, sqlite_engine: Engine, locale: str, said: str, not_said: str
) -> None:
    """The status is «активный» / "actief" in imports; the same clients are not «текущие»."""
    team = make_team(
        sqlite_engine,
        chat_id=SOLO,
        owner_id=SOLO,
        personal=True,
        locale=locale,
        currency="EUR" if locale == "nl" else "RUB",
    )
    for name, amount in (("Alfa", 900000), ("Beta", 50000), ("Gamma", 30000), ("Delta", 20000)):
        client_id = make_client(sqlite_engine, team, name, acquired_on=dt.date(2025, 1, 1))
        make_sale(sqlite_engine, team, client_id, amount, cost=amount // 2)
    person = chat.person(SOLO, "Olga", locale)
    seen = await chat.send(person, "/risk")
    assert said in seen.text, seen.text
    assert not_said not in seen.text.lower()


@pytest.mark.parametrize(
    ("locale", "remove", "yes"),
    [("nl", "✕ {} verwijderen", "Ja, verwijderen"), ("ru", "✕ Удалить: {}", "Да, удалить")],
)
async def test_a_long_member_name_is_cut_so_the_button_still_says_remove(
    chat: Chat, sqlite_engine: Engine, locale: str, remove: str, yes: str
) -> None:
    """Telegram names run to 128 characters; the verb beside one stays on the button."""
    long_name = "Alexandra & <b>van den Heuvel</b>-Jansen"
    owner, member = chat.person(41, "Olga", locale), chat.person(42, long_name, locale)
    chat.group(-941, "Studio", creator=owner, members=(member,))
    make_team(
        sqlite_engine,
        chat_id=-941,
        owner_id=41,
        locale=locale,
        currency="EUR" if locale == "nl" else "RUB",
    )
    await chat.send(member, "/help", chat=-941)  # a member from the first message on
    seen = await chat.send(owner, "/members", chat=-941)
    label = remove.format("Alexandra & <b>van…")  # its first 19 characters, then "…"
    assert label in seen.buttons, seen.buttons
    assert long_name in seen.text  # the list itself names them in full
    await chat.press(owner, label, chat=-941)
    seen = await chat.press(owner, yes, chat=-941)
    assert long_name in seen.text and label not in seen.buttons
