"""Dutch command names: /klant, /verkoop, /hulp work exactly like /client, /sale, /help, and
Dutch menus and /help show them (issue 17)."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po
from sqlalchemy import Engine

from bot.menu import COMMANDS, RULES
from storage.models import Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_team, rows
from tests.hardening.world import seed

GROUP = -700
ROOT = Path(__file__).resolve().parents[2]


async def test_a_dutch_chat_with_dutch_command_names(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Bakkerij")
    anna = chat.person(NL_OWNER, "Anna", "nl")

    card = await chat.send(anna, "/klant Bakkerij")
    assert card.text.startswith("Bakkerij · nog geen beoordeling")  # the card, in Dutch
    assert card.text == (await chat.send(anna, "/client Bakkerij")).text

    seen = await chat.send(anna, "/verkoop Bakkerij 100")
    assert "Verkoop vastgelegd: € 100 — Bakkerij, vandaag." in seen
    seen = await chat.send(anna, "/sale Bakkerij 120")  # not 100 again: that asks "again?"
    assert "Verkoop vastgelegd: € 120 — Bakkerij, vandaag." in seen
    assert [sale.amount for sale in rows(sqlite_engine, Sale)] == [10_000, 12_000]

    help_text = (await chat.send(anna, "/hulp")).text
    assert help_text == (await chat.send(anna, "/help")).text
    assert "/klant — Klantkaart: beoordeling en waarom" in help_text
    assert "/verkoop — Verkoop vastleggen" in help_text
    assert "Meer over één commando: /hulp met de naam erachter." in help_text  # /hulp: on page 3
    assert "/client —" not in help_text and "/sale —" not in help_text

    usage = (await chat.send(anna, "/hulp klant")).text
    assert usage == (await chat.send(anna, "/help client")).text
    assert usage.startswith("/klant Bakkerij de Vries — de beoordeling van die klant")
    sale_usage = (await chat.send(anna, "/help verkoop")).text
    assert sale_usage == (await chat.send(anna, "/help sale")).text
    assert sale_usage.startswith("/verkoop — ik vraag") and "/sale" not in sale_usage


async def test_a_dutch_name_in_a_group_addressed_to_the_bot(
    chat: Chat, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    chat.group(GROUP, "Studio", creator=anna)
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=NL_OWNER)
    make_client(sqlite_engine, team, "Bakkerij")
    seen = await chat.send(anna, "/Verkoop@kompas_bot Bakkerij 250", chat=GROUP)
    assert "Verkoop vastgelegd: € 250 — Bakkerij, vandaag." in seen


async def test_russian_speakers_keep_the_latin_names_and_may_type_the_dutch_ones(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, ru_team, "Кофейня")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    help_text = (await chat.send(olga, "/help")).text
    assert "/client — Карточка клиента: оценка и её причины" in help_text
    assert "/klant" not in help_text
    seen = await chat.send(olga, "/verkoop Кофейня 500")
    assert "500" in seen.text and "Кофейня" in seen.text
    assert [sale.amount for sale in rows(sqlite_engine, Sale)] == [50_000]


async def test_the_dutch_menu_shows_dutch_names_the_russian_one_russian_descriptions(
    chat: Chat,
) -> None:
    nl = {c["command"]: c["description"] for c in chat.api.commands["nl"]}
    ru = {c["command"]: c["description"] for c in chat.api.commands["ru"]}
    # The menu holds what anyone can send, before any team: /start, /team, /lang, /cancel, /help.
    assert nl == {
        "start": "Kompas instellen of je team openen",
        "team": "Je team kiezen (privéchat)",
        "taal": "Taal: Nederlands of Russisch",
        "annuleer": "Stoppen met waar we mee bezig zijn",
        "hulp": "Wat ik kan",
    }
    assert list(ru) == ["start", "team", "lang", "cancel", "help"]
    assert ru["help"] == "Что я умею" and ru["lang"] == "Язык: русский или нидерландский"
    # Without a language of ours, Telegram shows the default menu: the default locale's (Dutch).
    assert {c["command"] for c in chat.api.commands[""]} == set(nl)


async def test_dutch_and_english_names_share_one_rate_limit(
    chat: Chat, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    chat.group(GROUP, "Studio", creator=anna)
    seed(sqlite_engine, make_team(sqlite_engine, chat_id=GROUP, owner_id=NL_OWNER))
    for _ in range(RULES["risk"].burst):
        assert "omzet" in (await chat.send(anna, "/risico", chat=GROUP)).text
    seen = await chat.send(anna, "/risk", chat=GROUP)
    assert seen.text.startswith("Even geduld: je vroeg daar net heel vaak om.")


async def test_a_file_captioned_importeer_in_a_group_is_imported(
    chat: Chat, sqlite_engine: Engine
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    chat.group(GROUP, "Studio", creator=anna)
    make_team(sqlite_engine, chat_id=GROUP, owner_id=NL_OWNER)
    clients = b"Naam;Plaats\nBakkerij de Vries;Utrecht\n"
    seen = await chat.upload(anna, "klanten.csv", clients, chat=GROUP, caption="/importeer")
    assert "Geïmporteerd" in seen.text


def _commands_named_in(locale: str) -> dict[str, list[str]]:
    """Every /command a translated text names, with the message ids naming it."""
    catalog = read_po(
        (ROOT / "locales" / locale / "LC_MESSAGES" / "messages.po").open("rb"), locale=locale
    )
    named: dict[str, list[str]] = {}
    for message in catalog:
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in texts:
            for command in re.findall(r"(?<![\w/])/([a-z_]+)", text or ""):
                named.setdefault(command, []).append(str(message.id)[:60])
    return named


def test_dutch_texts_name_the_commands_as_dutch_speakers_type_them() -> None:
    english_with_a_dutch_name = {c.name for c in COMMANDS if c.dutch != c.name}
    named = _commands_named_in("nl")
    assert {c: named[c] for c in named if c in english_with_a_dutch_name} == {}


def test_russian_texts_name_the_latin_commands_the_russian_menu_shows() -> None:
    dutch_only = {c.dutch for c in COMMANDS if c.dutch != c.name}
    named = _commands_named_in("ru")
    assert {c: named[c] for c in named if c in dutch_only} == {}
