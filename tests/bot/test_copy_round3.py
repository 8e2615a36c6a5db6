"""Native readers' third round (issue 20): a group set up in Russian by someone whose own
chat speaks Dutch (and the other way round) reads every step in the chosen language; plain
Dutch and Russian in /help, /risk, /portrait, the card and the decline letter."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from storage.models import Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_sale, make_team, with_vat


@pytest.mark.parametrize(
    ("own", "chosen", "currency", "scale", "ready", "foreign", "add", "asked"),
    [
        (
            "nl",
            "Русский",
            "В какой валюте",
            "Как оценивать клиентов?",
            "Всё готово",
            "valuta",
            "Добавить клиента",
            "Ольга, как зовут нового клиента?",
        ),
        (
            "ru",
            "Nederlands",
            "In welke valuta",
            "Hoe wil je klanten",
            "Alles staat klaar",
            "валют",
            "Klant toevoegen",
            "Ольга, hoe heet de nieuwe klant?",
        ),
    ],
)
async def test_every_onboarding_step_after_the_choice_speaks_the_chosen_language(
    chat: Chat,
    sqlite_engine: Engine,
    own: str,
    chosen: str,
    currency: str,
    scale: str,
    ready: str,
    foreign: str,
    add: str,
    asked: str,
) -> None:
    olga = chat.person(1, "Ольга", own)
    await chat.send(olga, f"/lang {own}")  # her own chat speaks the other language
    group = chat.group(-100, "Kompas demo", creator=olga)
    await chat.send(olga, "/start", chat=group)
    seen = await chat.press(olga, chosen, chat=group)
    assert currency in seen
    first_currency = seen.buttons[0]
    seen = await chat.press(olga, first_currency, chat=group)
    assert scale in seen and foreign not in seen.text.lower()
    seen = await chat.press(olga, "A–D", chat=group)
    assert ready in seen
    seen = await chat.press(olga, add, chat=group)  # and on, in the group she set up
    assert asked in seen


async def test_a_line_typed_in_reply_to_the_bot_in_a_group_is_answered(chat: Chat) -> None:
    """Privacy mode shows the bot only replies to its own messages: such a reply was meant
    for it, and silence read as "the bot ignored me" (a second group, the language typed)."""
    olga = chat.person(1, "Ольга", "ru")
    sanne = chat.person(2, "Sanne", "nl")
    group = chat.group(-200, "Tweede groep", creator=olga, members=(sanne,))
    await chat.send(olga, "/start", chat=group)
    seen = await chat.reply(olga, "Русский", chat=group)
    assert seen.text == "Выберите одну из кнопок."
    await chat.press(olga, "Nederlands", chat=group)
    await chat.press(olga, "€ EUR", chat=group)
    await chat.press(olga, "A–D", chat=group)
    seen = await chat.send(sanne, "/start", chat=group)
    assert seen.text == "Je werkt in Tweede groep. Stuur /hulp om te zien wat ik kan."
    seen = await chat.reply(sanne, "hallo", chat=group)
    assert "Stuur een commando om te beginnen" in seen


async def test_help_names_the_languages_in_the_readers_language(chat: Chat) -> None:
    for person, more, line in (
        (chat.person(11, "Anna", "nl"), "Meer commando's", "/taal — Taal: Nederlands of Russisch"),
        (chat.person(12, "Ольга", "ru"), "Ещё команды", "/lang — Язык: русский или нидерландский"),
    ):
        seen = await chat.send(person, "/help")
        pages = [seen.text]
        while more in seen.buttons:
            seen = await chat.press(person, more)
            pages.append(seen.text)
        assert line in "\n".join(pages)


@pytest.mark.parametrize(
    ("lang", "language", "first"), [("ru", "Русский", "₽ RUB"), ("nl", "Nederlands", "€ EUR")]
)
async def test_the_teams_own_currency_comes_first(
    chat: Chat, lang: str, language: str, first: str
) -> None:
    owner = chat.person(21, "Olga", lang)
    group = chat.group(-500, "Studio", creator=owner)
    await chat.send(owner, "/start", chat=group)
    seen = await chat.press(owner, language, chat=group)
    assert seen.buttons[0].removeprefix("✓ ") == first
    assert seen.buttons.count(first) == 1 and len(seen.buttons) == 9


async def test_new_profile_buttons_use_a_plain_plus(chat: Chat, ru_team: Team) -> None:
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/profile")
    assert "+ Создать: Частные лица" in seen.buttons
    assert not any("＋" in label for label in seen.buttons)


async def test_the_vat_note_sits_under_the_figures_without_a_gap(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    bakery = make_client(sqlite_engine, nl_team, "Bakkerij", city="Utrecht")
    make_sale(sqlite_engine, nl_team, bakery, 45_000, sold_on=dt.date(2026, 11, 1))
    anna = chat.person(NL_OWNER, "Anna", "nl")
    # Amounts typed without VAT are shown as typed: no note at all (read_ru round 3).
    assert "btw" not in (await chat.send(anna, "/risico")).text
    await chat.send(anna, "/klant Bakkerij")
    lines = (await chat.press(anna, "Details")).text.splitlines()
    assert not any("btw" in line for line in lines)
    with_vat(sqlite_engine, nl_team, 0.21)
    seen = await chat.send(anna, "/risico")
    assert "\n\nBedragen zonder btw" not in seen.text
    assert "Bedragen zonder btw (21% eraf gehaald)." in seen


async def test_russian_names_stay_in_the_nominative_and_compliments_are_thanks(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    anna = make_client(sqlite_engine, ru_team, "Иванова Анна", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/paid Иванова Анна")
    nothing_open = "Иванова Анна: долгов нет, записывать нечего."
    assert seen.text.splitlines()[0] == nothing_open  # not «У клиента Иванова Анна»
    make_sale(
        sqlite_engine,
        ru_team,
        anna,
        150_000,
        sold_on=dt.date(2026, 11, 1),
        paid_on=dt.date(2026, 11, 1),
    )
    seen = await chat.send(olga, "/paid Иванова Анна")
    assert seen.text.splitlines()[0] == nothing_open

    seen = await chat.send(olga, "/compliment Иванова Анна понравилась стрижка")
    assert seen.text.startswith("Приятно! Благодарность записана: Иванова Анна.")
    seen = await chat.send(olga, "/compliment")
    assert "Какой клиент вас поблагодарил?" in seen
    seen = await chat.send(olga, "Иванова Анна")
    assert seen.text.startswith("За что благодарит клиент? (Видно только вам;")
    await chat.send(olga, "/cancel")
    await chat.send(olga, "/client Иванова Анна")
    details = await chat.press(olga, "Подробнее")
    assert "1 благодарность" in details and "омплимент" not in details.text

    seen = await chat.send(olga, "/sale Иванова Анна 500")
    assert "Итоговая" not in seen.text and "Оценка клиента: " in seen
    assert "Итоговая оценка" not in seen.text


async def test_a_solo_russian_owner_reads_currency_not_team_currency(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Кофейня")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Кофейня 300 EUR")
    assert seen.text.startswith("Суммы у вас в ₽, а «300 EUR» — в другой валюте.")
    assert "2 500 ₽" in seen.text.replace("\xa0", " ")  # a Russian example is a round 2 500


def test_a_poor_fit_of_one_client_is_singular() -> None:
    from locales import translator

    assert translator("ru")._("a poor fit with your ideal client") == (
        "плохо соответствует идеальному клиенту"
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nl", "Je omzet is zo verdeeld alsof je 3 even grote klanten hebt."),
        ("ru", "Выручка распределена так, как если бы у вас было 3 равных клиента."),
    ],
)
async def test_risk_says_the_spread_in_plain_words_without_the_index(
    chat: Chat, sqlite_engine: Engine, lang: str, said: str
) -> None:
    """Three clients at the same € 500 a month: HHI 3 × 33⅓² = 3 333, as if 3 equal clients;
    the index itself belongs in the JSON report, not in the chat."""
    team = make_team(sqlite_engine, chat_id=31, owner_id=31, personal=True, locale=lang)
    for k in range(3):
        client = make_client(sqlite_engine, team, f"Vast {k}", acquired_on=dt.date(2023, 1, 1))
        for month in range(12):
            sold = dt.date(2026, 11, 18) - dt.timedelta(days=30 * month)
            make_sale(sqlite_engine, team, client, 50_000, sold_on=sold)
    me = chat.person(31, "Sanne", lang)
    text = (await chat.send(me, "/risk")).text
    assert said in text.splitlines()
    assert "3.333" not in text and "3 333" not in text and "10.000" not in text
    assert "10 000" not in text and "HHI" not in text


@pytest.mark.parametrize(
    ("lang", "demo", "replace", "portrait_head", "often"),
    [
        (
            "nl",
            "Probeer de demogegevens",
            r"valt deze klant weg, dan heb je zo’n (\d+) nieuwe ideale klanten? nodig",
            "Je klanten met de meeste winst die ook nieuwe klanten aanbrachten.",
            r"(\d+(?:,\d)?) keer zo vaak als bij de rest",
        ),
        (
            "ru",
            "Попробовать на демо-данных",
            r"на замену нужно около (\d+) (?:нового идеального клиента|новых идеальных "
            r"клиентов)",
            "Самые прибыльные клиенты из тех, кто рекомендовал вас другим.",
            r"в (\d+(?:,\d)?) раза? (?:чаще|больше), чем у остальных клиентов",
        ),
    ],
)
async def test_risk_and_portrait_speak_plainly_on_the_demo(
    chat: Chat, lang: str, demo: str, replace: str, portrait_head: str, often: str
) -> None:
    import re

    me = chat.person(41, "Sanne", lang)
    await chat.send(me, "/start")
    await chat.press(me, me_button(lang))
    await chat.press(me, "€ EUR" if lang == "nl" else "₽ RUB")
    await chat.press(me, "A–D")
    await chat.press(me, demo)
    risk = (await chat.send(me, "/risk")).text
    needed = re.findall(replace, risk)
    assert needed and all(int(n) >= 1 for n in needed), risk
    assert "vervangen kost" not in risk and "идеальных клиента" not in risk
    portrait = (await chat.send(me, "/portrait")).text
    assert portrait_head in portrait.splitlines()
    lifts = re.findall(often, portrait)
    assert lifts, portrait
    # From 2 on a whole number ("28 keer", «в 28 раз»), a fraction only below 2.
    assert all("," not in x or float(x.replace(",", ".")) < 2 for x in lifts)
    assert "×" not in portrait and "коэффициент" not in portrait


def me_button(lang: str) -> str:
    return "Hier beginnen, voor mezelf" if lang == "nl" else "Начать здесь, для себя"


@pytest.mark.parametrize(
    ("locale", "personal", "thanks"),
    [
        ("nl", False, "Hartelijk dank voor de samenwerking."),
        ("nl", True, "Hartelijk dank voor de samenwerking."),
        ("ru", False, "Спасибо, что выбирали нас."),
        ("ru", True, "Спасибо, что выбирали меня."),
    ],
)
def test_the_decline_letter_thanks_neutrally(locale: str, personal: bool, thanks: str) -> None:
    """The letter goes to a client rated badly: no thanks for a "pleasant" cooperation."""
    from bot.kit.telegram_html import html_to_text
    from bot.render.decline_letter import decline_letter
    from locales import translator
    from storage.models import Client

    t = translator(locale, solo=personal)
    text = html_to_text(decline_letter(t, Client(name="Anouk Jansen", kind="person"), "1", "X"))
    body = text.splitlines()[2]
    assert body.startswith(thanks)
    assert "prettig" not in text and "приятн" not in text


async def test_the_payment_repeat_question_keeps_a_russian_name_in_the_nominative(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    anna = make_client(sqlite_engine, ru_team, "Иванова Анна", kind="person")
    for _ in range(2):
        make_sale(sqlite_engine, ru_team, anna, 150_000, sold_on=dt.date(2026, 11, 1))
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/paid Иванова Анна 1500")
    seen = await chat.send(olga, "/paid Иванова Анна 1500")
    assert "эту оплату меньше 10 минут назад: Иванова Анна, 1 500 ₽." in seen, seen.text
    assert "от Иванова" not in seen.text


@pytest.mark.parametrize(
    ("lang", "path", "first"),
    [("ru", ("Деньги", "Валюта"), "₽ RUB"), ("nl", ("Geld", "Valuta"), "€ EUR")],
)
async def test_the_settings_currency_picker_starts_with_the_teams_own(
    chat: Chat, sqlite_engine: Engine, lang: str, path: tuple[str, str], first: str
) -> None:
    make_team(sqlite_engine, chat_id=31, owner_id=31, personal=True, locale=lang)
    me = chat.person(31, "Sanne", lang)
    await chat.send(me, "/settings")
    await chat.press(me, path[0])
    seen = await chat.press(me, path[1])
    assert seen.buttons[0].removeprefix("✓ ") == first
