"""/check in the chat: every line compares with the profile, the verdict agrees (issue 15)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from bot.transports.updates import Person
from storage import demo
from storage.engine import new_session
from storage.models import IdealProfileRow, Team
from tests.chat import Chat, Seen
from tests.factories import NOW, make_team

OWNER = 11


async def check(chat: Chat, person: Person, name: str, kind: str, *answers: str) -> Seen:
    """The /check dialog step by step: name, kind button, then the answers; the verdict."""
    await chat.send(person, "/check")
    await chat.send(person, name)
    if kind:  # a name that says its kind ("Клиника …") is not asked (issue 17)
        await chat.press(person, kind)
    for answer in answers[:-1]:
        await chat.send(person, answer)
    return await chat.send(person, answers[-1])


def demo_with_profile(engine: Engine, locale: str, **criteria: object) -> Team:
    """The demo team, its ideal organisation changed to the given criteria."""
    currency = "EUR" if locale == "nl" else "RUB"
    team = make_team(
        engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale=locale, currency=currency
    )
    with new_session(engine) as session:
        demo.seed_demo(session=session, team=team, today=NOW.date(), now=NOW)
        row = session.exec(select(IdealProfileRow).where(IdealProfileRow.team_id == team.id)).one()
        row.criteria = {**row.criteria, **criteria}
        session.add(row)
        session.commit()
    return team


async def test_eight_employees_against_ten_to_a_hundred_is_a_miss(
    chat: Chat, sqlite_engine: Engine
) -> None:
    demo_with_profile(sqlite_engine, "nl", min_employees=10, max_employees=100)
    anna = chat.person(OWNER, "Anna", "nl")
    seen = await check(chat, anna, "Huisarts Bos", "Organisatie", "Utrecht", "zorg", "8")
    lines = seen.text.splitlines()
    assert lines[0] == "👍 Huisarts Bos zou een redelijke klant zijn."
    assert lines[1] == (
        "Wie het is: ✗ aantal medewerkers: 8 (profiel 10–100) · ✓ plaats: Utrecht · ✓ branche: zorg"
    )
    assert "lijkt een ideale klant" not in seen.text


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_most_lines_missed_is_never_ideal(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    demo_with_profile(sqlite_engine, locale, min_employees=10, max_employees=100)
    anna = chat.person(OWNER, "Anna", locale)
    city, industry = ("Groningen", "bouw") if locale == "nl" else ("Тверь", "стройка")
    kind = "Organisatie" if locale == "nl" else "Организация"
    seen = await check(chat, anna, "Bouw & Co", kind, city, industry, "8")
    lines = seen.text.splitlines()
    expected = {
        "nl": (
            "⛔ Bouw & Co past niet bij je.",
            "Wie het is: ✗ aantal medewerkers: 8 (profiel 10–100) · ✗ plaats: Groningen "
            "(profiel Houten, Utrecht, Zeist) · ✗ branche: bouw (profiel horeca, sport, zorg)",
        ),
        "ru": (
            "⛔ Bouw & Co вам не подходит.",
            "Кто это: ✗ число сотрудников: 8 (в профиле 10–100) · ✗ город: Тверь (в профиле "
            "Москва, Химки) · ✗ отрасль: стройка (в профиле медицина, общепит, спорт)",
        ),
    }[locale]
    assert tuple(lines[:2]) == expected, seen.text
    assert "✓" not in seen.text


async def test_the_similar_clients_sentence_counts_the_clients_it_names(
    chat: Chat, sqlite_engine: Engine
) -> None:
    demo_with_profile(sqlite_engine, "ru")
    anna = chat.person(OWNER, "Анна", "ru")
    seen = await check(chat, anna, "Клиника «Здоровье»", "", "Москва", "медицина", "12")
    text = seen.text
    assert "✓ число сотрудников: 12 (в профиле 5–50) · ✓ город: Москва · ✓ отрасль: медицина" in (
        text
    )
    similar = next(line for line in text.splitlines() if line.startswith("Самые похожие клиенты"))
    named = similar.split(":", 1)[1].rstrip(".").split(", ")
    assert f"идеальных клиентов среди них: 3 из {len(named)}" in text, text
    assert text.splitlines()[0] == "✅ Клиника «Здоровье» похож на идеального клиента."


@pytest.mark.parametrize(
    ("locale", "line", "city"),
    [("nl", "/toets Bakkerij Jansen BV", "Utrecht"), ("ru", "/check Рога и копыта ООО", "Казань")],
)
async def test_a_legal_form_in_the_name_is_not_asked_person_or_organisation(
    chat: Chat, sqlite_engine: Engine, locale: str, line: str, city: str
) -> None:
    """Found by the attacker reader: /check asked "persoon of organisatie?" for a name with a
    legal form, which /add and /sale never ask."""
    demo_with_profile(sqlite_engine, locale)
    anna = chat.person(OWNER, "Anna", locale)
    seen = await chat.send(anna, line)
    assert not {"Organisatie", "Организация"} & set(seen.buttons), seen.text
    seen = await chat.send(anna, city)  # that was the city question; the line of business next
    assert any(word in seen.text for word in ("branche", "сфер", "отрасл")), seen.text


@pytest.mark.parametrize(
    ("locale", "kind", "said", "how"),
    [
        (
            "nl",
            "Persoon",
            "❔ Over Piet Zon kan ik nog niets zeggen: geen van je profielen van de ideale klant "
            "gaat over zo’n klant.",
            "Schrijf er een met /profiel",
        ),
        (
            "ru",
            "Частное лицо",
            "❔ Пока не могу оценить: Piet Zon. Ни один ваш профиль идеального клиента не "
            "описывает таких клиентов.",
            "Добавьте профиль через /profile",
        ),
    ],
)
async def test_no_profile_for_the_kind_gives_no_verdict_but_says_how_to_write_one(
    chat: Chat, sqlite_engine: Engine, locale: str, kind: str, said: str, how: str
) -> None:
    # Issue 20: "👍 … would be an acceptable client" with nothing to judge by was made up.
    demo_with_profile(sqlite_engine, locale)  # the demo's one profile is for organisations
    me = chat.person(OWNER, "Anna", locale)
    seen = await check(chat, me, "Piet Zon", kind, "/skip", "/skip")
    lines = seen.text.splitlines()
    assert lines[0] == said, seen.text
    assert lines[1].startswith(how), seen.text
    assert "👍" not in seen.text and "✅" not in seen.text


async def test_an_empty_profile_is_said_to_be_empty(chat: Chat, sqlite_engine: Engine) -> None:
    make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale="nl")
    anna = chat.person(OWNER, "Anna", "nl")
    seen = await check(chat, anna, "Piet Zon", "Persoon", "/skip", "/skip")
    assert seen.text.splitlines()[:2] == [
        "❔ Over Piet Zon kan ik nog niets zeggen: je profiel van de ideale klant is nog leeg.",
        "Vul het in met /profiel: beschrijf je beste klanten (leeftijd, plaats, branche …) en "
        "toets daarna opnieuw.",
    ], seen.text
