"""Issue 20, the Dutch copy's third round: what readers stumbled over, pinned where a user sees it.

Each test drives the chat, a renderer or the export, never the catalog file: the digest names its
days and what its sales came to, set-up asks "vragen", a card says "gevonden via", a portrait
nobody is in has no "(0)", the empty market screen has no line under its dashes, the export's
column is "Gevonden via" (the chart's running total moved on to round 4).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from locales import translator
from storage.columns import export_header, recognise
from tests.bot.test_reading import demo_team
from tests.bot.test_truth import OWNER, TODAY, solo_team
from tests.chat import Chat
from tests.factories import make_client, make_sale, make_team

# The clock's Monday, 23 Nov 2026: the digest counts 17 to 23 November, today included.
WEEK = {"nl": "Kompas · 17–23 november", "ru": "Kompas · 17–23 ноября"}


def _plain(text: str) -> str:
    """Thin and no-break spaces as a reader sees them: spaces."""
    return text.replace("\u2009", " ").replace("\u00a0", " ").replace("\u202f", " ")


def test_a_run_of_days_is_said_as_readers_say_it() -> None:
    nl, ru = translator("nl"), translator("ru")
    assert nl.days(dt.date(2026, 12, 1), dt.date(2026, 12, 7)) == "1–7 december"
    said = _plain(nl.days(dt.date(2026, 11, 30), dt.date(2026, 12, 6)))
    assert said == "30 november – 6 december"
    assert ru.days(dt.date(2026, 12, 1), dt.date(2026, 12, 7)) == "1–7 декабря"
    assert _plain(ru.days(dt.date(2026, 11, 30), dt.date(2026, 12, 6))) == "30 ноября – 6 декабря"


@pytest.mark.parametrize(
    ("locale", "sales"),
    [
        # € 450 and € 1.250 within the 7 days, € 999 eight days ago: not this week's.
        ("nl", "2 verkopen (samen € 1.700)"),
        ("ru", "2 продажи на 1 700 ₽"),
    ],
)
async def test_the_digest_names_its_days_and_what_the_weeks_sales_came_to(
    chat: Chat, sqlite_engine: Engine, locale: str, sales: str
) -> None:
    team = solo_team(sqlite_engine, locale)
    client = make_client(sqlite_engine, team, "Bakkerij Noord", acquired_on=dt.date(2025, 1, 1))
    make_sale(sqlite_engine, team, client, 45_000, sold_on=TODAY)
    make_sale(sqlite_engine, team, client, 125_000, sold_on=TODAY - dt.timedelta(days=6))
    make_sale(sqlite_engine, team, client, 99_900, sold_on=TODAY - dt.timedelta(days=8))
    text = _plain((await chat.send(chat.person(OWNER, "Sanne", locale), "/digest")).text)
    assert WEEK[locale] in text, text
    assert "week 4" not in text and "неделя" not in text, text
    assert sales in text, text


async def test_one_sale_of_the_week_says_its_amount(chat: Chat, sqlite_engine: Engine) -> None:
    team = solo_team(sqlite_engine, "nl")
    client = make_client(sqlite_engine, team, "Kapsalon Mooi", acquired_on=dt.date(2025, 1, 1))
    make_sale(sqlite_engine, team, client, 45_000, sold_on=TODAY - dt.timedelta(days=1))
    text = _plain((await chat.send(chat.person(OWNER, "Anouk", "nl"), "/digest")).text)
    assert "Afgelopen 7 dagen: 1 verkoop van € 450." in text, text


async def test_the_weeks_amount_is_net_of_vat_as_every_figure(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = make_team(
        sqlite_engine,
        chat_id=OWNER,
        owner_id=OWNER,
        personal=True,
        currency="EUR",
        amounts_include_vat=True,
        vat_rate=0.21,
    )
    client = make_client(sqlite_engine, team, "Hotel Anker", acquired_on=dt.date(2025, 1, 1))
    make_sale(sqlite_engine, team, client, 12_100, sold_on=TODAY)  # € 121 with 21 %: € 100
    make_sale(sqlite_engine, team, client, 24_200, sold_on=TODAY)  # € 242: € 200
    text = _plain((await chat.send(chat.person(OWNER, "Anouk", "nl"), "/digest")).text)
    assert "2 verkopen (samen € 300)" in text, text


async def test_a_team_whose_money_goes_to_admins_hears_the_count_only(
    chat: Chat, sqlite_engine: Engine
) -> None:
    owner = chat.person(21, "Sanne", "nl")
    group = chat.group(-1021, "Studio", creator=owner)
    team = make_team(
        sqlite_engine, chat_id=group, owner_id=21, currency="EUR", sensitive_to_admins=True
    )
    client = make_client(sqlite_engine, team, "Hotel Anker", acquired_on=dt.date(2025, 1, 1))
    make_sale(sqlite_engine, team, client, 45_000, sold_on=TODAY)
    seen = await chat.send(owner, "/digest", chat=group)
    group_text = _plain(" ".join(m.text for m in seen.messages if m.chat_id == group))
    assert "Afgelopen 7 dagen: 1 verkoop." in group_text, group_text
    assert "€ 450" not in group_text, group_text


async def test_set_up_asks_questions_not_taps(chat: Chat) -> None:
    anna = chat.person(11, "Anna", "nl")
    await chat.send(anna, "/start")
    seen = await chat.press(anna, "Hier beginnen, voor mezelf")
    assert "Nog twee vragen." in seen and "tikken" not in seen.text
    sanne = chat.person(21, "Sanne", "nl")
    group = chat.group(-1022, "Studio", creator=sanne)
    seen = await chat.send(sanne, "/start", chat=group)
    assert "Drie korte vragen om het team in te richten." in seen, seen.text
    assert "tikken" not in seen.text


async def test_a_card_says_how_the_client_found_you_with_gevonden_via(
    chat: Chat, sqlite_engine: Engine
) -> None:
    team = solo_team(sqlite_engine, "nl")
    client = make_client(sqlite_engine, team, "Anouk de Boer", kind="person", source="instagram")
    make_sale(sqlite_engine, team, client, 6_500, sold_on=TODAY)
    anna = chat.person(OWNER, "Anna", "nl")
    await chat.send(anna, "/klant Anouk")
    seen = await chat.press(anna, "Details")
    assert "gevonden via: Instagram" in seen, seen.text
    assert "herkomst" not in seen.text.lower()


@pytest.mark.parametrize(
    ("locale", "counted", "nobody"),
    [
        ("nl", "Je 5 ideale organisaties\n", "Je ideale particuliere klanten\n"),
        ("ru", "Ваши идеальные организации (5)\n", "Ваши идеальные частные клиенты\n"),
    ],
)
async def test_a_portrait_title_counts_without_brackets_and_nobody_has_no_zero(
    chat: Chat, sqlite_engine: Engine, locale: str, counted: str, nobody: str
) -> None:
    demo_team(sqlite_engine, locale)
    text = (await chat.send(chat.person(OWNER, "Anna", locale), "/portrait")).text
    assert counted in text and nobody in text, text
    assert "(0)" not in text and "(5)" not in text.replace(counted, ""), text


async def test_the_empty_market_screen_has_no_line_under_its_dashes(chat: Chat) -> None:
    anna = chat.person(11, "Anna", "nl")
    await chat.send(anna, "/start")
    await chat.press(anna, "Hier beginnen, voor mezelf")
    await chat.press(anna, "€ EUR")
    await chat.press(anna, "A–D")
    seen = await chat.send(anna, "/profiel")
    seen = await chat.press(anna, "+ Nieuw: Organisaties")
    assert "Markt en concurrentie: nog niet ingevuld" in seen, seen.text
    seen = await chat.press(anna, "Markt en concurrentie")
    lines = seen.text.splitlines()
    assert lines[1:4] == ["• Marktomvang: —", "• Concurrenten: —", "Wat wil je wijzigen?"], lines
    assert "ingesteld" not in seen.text


def test_the_export_writes_gevonden_via_and_reads_the_old_headers() -> None:
    assert export_header("source", "nl") == "Gevonden via"
    for header in ("Gevonden via", "Hoe gevonden", "Bron", "Herkomst", "Kanaal"):
        found = recognise(header)
        assert found is not None and found.field == "source", header
    assert export_header("source", "ru") == "Источник"


@pytest.mark.parametrize(
    ("locale", "command", "said"),
    [
        ("nl", "/help decline", "Jij beslist; ik vraag het eerst."),
        ("nl", "/help settings", "Je wijzigt ze met knoppen"),
        ("nl", "/help export", "als de klant om inzage vraagt (AVG)."),
        ("nl", "/help profile", "hoe die bij je past"),
        ("ru", "/help decline", "Решаете вы, кнопкой"),
        ("ru", "/help profile", "насколько подходит именно вам"),
    ],
)
async def test_a_solo_specialists_help_names_no_team_and_no_admins(
    chat: Chat, sqlite_engine: Engine, locale: str, command: str, said: str
) -> None:
    solo_team(sqlite_engine, locale)
    text = (await chat.send(chat.person(OWNER, "Anouk", locale), command)).text
    assert said in text, text
    for word in ("team", "eheerder", "оманд", "дминистратор"):
        assert word not in text, text


async def test_adding_a_client_says_the_source_as_such(chat: Chat, sqlite_engine: Engine) -> None:
    # "(particulier, aanbeveling)" read as a referral recorded; it is how the client found you.
    solo_team(sqlite_engine, "nl")
    seen = await chat.send(
        chat.person(OWNER, "Anouk", "nl"), "/toevoegen Anouk de Boer, particulier, Instagram"
    )
    assert "Toegevoegd: Anouk de Boer (particulier, gevonden via: Instagram)." in seen, seen.text
