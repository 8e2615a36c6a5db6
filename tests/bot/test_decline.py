"""/decline in the team's words: the obvious client is proposed with true, concrete reasons, and
an empty list names who came closest and why not (issue 15, finding 9)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from bot.jobs.digest import deliver
from storage.engine import new_session
from storage.models import Rating, Team
from tests.chat import Chat
from tests.factories import make_client, make_event, make_sale, make_team

GROUP = -901
OWNER, MEMBERS = 21, (22, 23, 24)
SINCE = dt.date(2025, 1, 1)  # every client is well past 90 days
EVERY_OTHER_MONTH = [dt.date(2026, month, 15) for month in (1, 3, 5, 7, 9, 11)]


def four_person_team(chat: Chat, engine: Engine, locale: str) -> Team:
    """A group of four: the owner and three members (who rate clients)."""
    owner = chat.person(OWNER, "Sanne", locale)
    others = tuple(chat.person(user, f"Lid {user}", locale) for user in MEMBERS)
    chat.group(GROUP, "Bureau Noord", creator=owner, members=others)
    return make_team(
        engine,
        chat_id=GROUP,
        owner_id=OWNER,
        locale=locale,
        currency="EUR" if locale == "nl" else "RUB",
    )


def regular(engine: Engine, team: Team, name: str, amount: int) -> None:
    """Six sales a year, 40 % cost, three hours each, paid four days before the due date:
    € 0,6 × amount profit in 3 h, so amount / 5 per hour."""
    client_id = make_client(engine, team, name, acquired_on=SINCE)
    for day in EVERY_OTHER_MONTH:
        make_sale(
            engine,
            team,
            client_id,
            amount * 100,
            sold_on=day,
            cost=amount * 40,
            minutes=180,
            due_on=day + dt.timedelta(days=14),
            paid_on=day + dt.timedelta(days=10),
        )


def small(engine: Engine, team: Team, name: str) -> int:
    """Two sales of € 500 (€ 300 profit each) in 90 minutes each: € 600 a year, € 200/hour."""
    client_id = make_client(engine, team, name, acquired_on=SINCE)
    for day in (dt.date(2026, 9, 1), dt.date(2026, 11, 1)):
        make_sale(
            engine,
            team,
            client_id,
            50_000,
            sold_on=day,
            cost=20_000,
            minutes=90,
            due_on=day + dt.timedelta(days=14),
            paid_on=day + dt.timedelta(days=3),
        )
    return client_id


def finding_nine(engine: Engine, team: Team, name: str) -> int:
    """Seven regulars, two small clients and the client of finding 9:

    - six sales of € 700 with € 584 cost, 290 minutes each: € 696 profit in 29 hours, € 24 an
      hour. The team's profit per hour, sorted: 24, 195, 200, 200, 203, 203, 220, 240, 260,
      300: median € 203. Hours: 7 × 18 + 2 × 3 = 132 for the others, 29 / 161 = 18 %.
    - five of six invoices paid 26 days late (the last one on time), three complaints, and the
      three members rate them 1, 2 and 2: 5 / 3 = 1,7 of 5.
    - by annual profit they are not in the bottom fifth: the two small clients (€ 600) are.
    """
    for shop, amount in (
        ("Drukkerij Smit", 975),
        ("Tandartspraktijk Wit", 1_015),
        ("Fysio Oost", 1_015),
        ("Hotel De Linde", 1_100),
        ("Garage Bos", 1_200),
        ("Architect Mulder", 1_300),
        ("Zorggroep Zuid", 1_500),
    ):
        regular(engine, team, shop, amount)
    small(engine, team, "Bakkerij Jansen")
    small(engine, team, "Bloemist Roos")
    client_id = make_client(engine, team, name, acquired_on=SINCE)
    for day in EVERY_OTHER_MONTH:
        last = day == EVERY_OTHER_MONTH[-1]
        make_sale(
            engine,
            team,
            client_id,
            70_000,
            sold_on=day,
            cost=58_400,
            minutes=290,
            due_on=day + dt.timedelta(days=14),
            paid_on=day + dt.timedelta(days=5 if last else 40),
        )
    for day in (dt.date(2026, 4, 2), dt.date(2026, 8, 20), dt.date(2026, 10, 30)):
        make_event(engine, team, client_id, "complaint", happened_on=day)
    with new_session(engine) as session:
        for user, value in zip(MEMBERS, (1, 2, 2), strict=True):
            session.add(
                Rating(
                    team_id=team.id or 0,
                    client_id=client_id,
                    user_id=user,
                    rated_on=dt.date(2026, 11, 1),
                    criterion="pleasant",
                    value=value,
                )
            )
        session.commit()
    return client_id


async def test_finding_nine_is_proposed_with_true_reasons(chat: Chat, sqlite_engine: Engine):
    team = four_person_team(chat, sqlite_engine, "nl")
    finding_nine(sqlite_engine, team, "Van Dijk Logistiek")
    sanne = chat.person(OWNER, "Sanne", "nl")
    seen = await chat.send(sanne, "/decline", chat=GROUP)
    lines = seen.text.splitlines()
    assert lines[:2] == ["Afscheid overwegen · 1 van 1", "Van Dijk Logistiek"]
    # A typical client brings € 3.654 profit a year (the team median), they bring € 696.
    assert "Deze klant brengt zo’n € 2.960 per jaar minder op dan een doorsneeklant." in lines[2]
    assert lines[3] == (
        "Waarom: € 24 per gewerkt uur (doorsneeklant € 203) · 3 klachten · 5 van 6 facturen "
        "te laat · ervaring 1,7 van 5 · kost 18% van je uren."
    )
    assert "%" not in lines[3].split("·")[2]  # a count, not a shrunk rate


async def test_finding_nine_is_in_the_digest(chat: Chat, sqlite_engine: Engine) -> None:
    team = four_person_team(chat, sqlite_engine, "nl")
    finding_nine(sqlite_engine, team, "Van Dijk Logistiek")
    await deliver(chat.app, team.id or 0)
    text = chat.api.in_chat(GROUP)[-1].text.replace("\u00a0", " ")
    section = text.split("Afscheid overwegen")[1]
    assert (
        "Van Dijk Logistiek: € 24 per gewerkt uur (doorsneeklant € 203) · 3 klachten · "
        "5 van 6 facturen te laat." in section
    )


async def test_kept_client_and_the_nearest_are_named_when_nobody_is_proposed(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = four_person_team(chat, sqlite_engine, "nl")
    finding_nine(sqlite_engine, team, "Van Dijk Logistiek")
    sanne = chat.person(OWNER, "Sanne", "nl")
    await chat.send(sanne, "/decline", chat=GROUP)
    await chat.press(sanne, "Houden", chat=GROUP)
    seen = await chat.send(sanne, "/decline", chat=GROUP)
    # Nine clients left to rank: the bottom fifth is two, the small clients at € 600 a year
    # (team median € 3.654: the regulars make 6 × 0,6 × amount).
    assert seen.text.splitlines() == [
        "Er is nu niemand om afscheid van te nemen. Het dichtst erbij:",
        "Van Dijk Logistiek: € 24 per gewerkt uur (doorsneeklant € 203) · 3 klachten · "
        "5 van 6 facturen te laat · ervaring 1,7 van 5 · kost 18% van je uren, maar je hebt "
        "besloten deze klant voorlopig te houden",
        "Bakkerij Jansen: winst € 600 per jaar (doorsneeklant € 3.654), maar geen klachten, late "
        "betalingen of andere waarschuwingen",
        "Bloemist Roos: winst € 600 per jaar (doorsneeklant € 3.654), maar geen klachten, late "
        "betalingen of andere waarschuwingen",
    ]
    assert "👍" not in seen.text


async def test_russian_salon_hears_why_nobody_is_proposed(
    chat: Chat, sqlite_engine: Engine
) -> None:
    olga = chat.person(OWNER, "Ольга", "ru")
    team = make_team(
        sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale="ru", currency="RUB"
    )
    for name, amount in (("Анна", 900), ("Мария", 1_000), ("Елена", 1_100), ("Ирина", 1_200)):
        regular(sqlite_engine, team, name, amount)
    # A new client, 40 days with the salon: one visit at a loss and a complaint.
    newcomer = make_client(sqlite_engine, team, "Светлана", acquired_on=dt.date(2026, 10, 14))
    make_sale(sqlite_engine, team, newcomer, 30_000, sold_on=dt.date(2026, 10, 14), cost=40_000)
    make_event(sqlite_engine, team, newcomer, "complaint", happened_on=dt.date(2026, 10, 20))
    seen = await chat.send(olga, "/decline")
    lines = seen.text.splitlines()
    assert lines[0] == "Сейчас нет клиентов, от которых стоит отказаться. Ближе всего к этому:"
    # 100 ₽ lost on her one visit: a single purchase is never extrapolated to a year.
    assert lines[1] == (
        "Светлана: на этом клиенте вы потеряли 100 ₽ за всё время · 1 проблема, "
        "но с вами всего 40 дней, судить рано"
    )


async def test_russian_team_sees_the_obvious_client(chat: Chat, sqlite_engine: Engine) -> None:
    team = four_person_team(chat, sqlite_engine, "ru")
    finding_nine(sqlite_engine, team, "Ван Дейк Логистик")
    sanne = chat.person(OWNER, "Sanne", "ru")
    seen = await chat.send(sanne, "/decline", chat=GROUP)
    lines = seen.text.splitlines()
    assert lines[1] == "Ван Дейк Логистик"
    assert lines[3] == (
        "Почему: 24 ₽ за час работы (у типичного клиента 203 ₽) · 3 проблемы · "
        "с опозданием: 5 из 6 счетов · впечатления 1,7 из 5 · 18 % вашего времени."
    )


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_no_clients_at_all_is_said_plainly(
    chat: Chat, sqlite_engine: Engine, locale: str
) -> None:
    make_team(sqlite_engine, chat_id=OWNER, owner_id=OWNER, personal=True, locale=locale)
    person = chat.person(OWNER, "Anna", locale)
    seen = await chat.send(person, "/decline")
    assert ("Nog niets te beoordelen" if locale == "nl" else "Пока нечего оценивать") in seen.text


async def test_declining_from_the_card_says_what_the_client_still_owes(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """A Russian reader declined «Захарова» from her card with 12 000 ₽ unpaid and was not
    told, while /decline's list warns «Учтите: клиент ещё не оплатил»."""
    team = make_team(
        sqlite_engine, chat_id=77, owner_id=77, personal=True, locale="ru", currency="RUB"
    )
    client = make_client(sqlite_engine, team, "Захарова", kind="person")
    make_sale(
        sqlite_engine,
        team,
        client,
        1_200_000,
        sold_on=dt.date(2026, 11, 20),
        due_on=dt.date(2026, 12, 4),
    )
    olga = chat.person(77, "Ольга", "ru")
    await chat.send(olga, "/client Захарова")
    seen = await chat.press(olga, "Отказаться…")
    owing = seen.text.splitlines()[-1].replace("\u00a0", " ").replace("\u202f", " ")
    assert owing == "Учтите: клиент ещё не оплатил 12 000 ₽.", seen.text


@pytest.mark.parametrize(
    ("locale", "admin_reads", "member_reads"),
    [
        ("nl", "Dit is een voorstel; jij beslist.", "Dit is een voorstel; een beheerder beslist."),
        (
            "ru",
            "Kompas только предлагает — решаете вы.",
            "Kompas только предлагает — решает администратор.",
        ),
    ],
)
async def test_the_proposal_says_who_decides(
    chat: Chat, sqlite_engine: Engine, locale: str, admin_reads: str, member_reads: str
) -> None:
    """Only admins may decline a client: a member is not told "you decide" (a Dutch reader)."""
    team = four_person_team(chat, sqlite_engine, locale)
    finding_nine(sqlite_engine, team, "Van Dijk Logistiek")

    owner = await chat.send(chat.person(OWNER, "Sanne", locale), "/decline", chat=GROUP)
    member = await chat.send(chat.person(MEMBERS[0], "Lid", locale), "/decline", chat=GROUP)

    assert admin_reads in owner.text.splitlines()
    assert member_reads in member.text.splitlines()
    assert admin_reads not in member.text
