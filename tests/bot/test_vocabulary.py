"""One vocabulary per concept: every word of it means the same typed in chat as in an imported
file (`/add Bakkerij Noord, b2b` is an organisation, as an imported "b2b" is)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import Engine

from bot import labels
from locales import vocabulary
from storage.columns import export_header
from storage.importing import read_import
from storage.models import Client, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, rows

# Every vocabulary field of a client, from the one table chat, import and export read.
FIELDS = vocabulary.CLIENT_VOCABULARIES


# Names far enough apart that none reads as a typo of another ("Is dit …?").
NAMES = (
    "Atlas Bouw",
    "Bloemerij Roos",
    "Cafe Dijkzicht",
    "Drukkerij Vos",
    "Elektro Smits",
    "Fietsen Jansen",
    "Garage Mulder",
    "Hotel Anker",
    "Installatie Kok",
    "Juwelier Peters",
    "Kapsalon Lisa",
    "Loodgieter Bakker",
    "Makelaardij Visser",
    "Notaris de Boer",
    "Opticien Meijer",
    "Pizzeria Napoli",
    "Quilts en Zo",
    "Reisbureau Zon",
    "Slagerij Hendriks",
    "Tandarts Mol",
    "Uitvaart Rust",
    "Vishandel Koster",
    "Wasserette Schoon",
    "Xenia Yoga",
    "Yachtwerf Haven",
    "Zadelmakerij Vink",
    "Advocaat Brouwer",
    "Boekhandel Prins",
    "Catering Smaak",
    "Dierenarts Wolf",
    "Eethuis Oost",
    "Fysio Beweeg",
    "Glazenier Licht",
    "Houthandel Eik",
    "IJssalon Koud",
    "Jachthaven West",
    "Kinderopvang Speel",
    "Lunchroom Brood",
    "Muziekschool Toon",
    "Nagelstudio Glans",
    "Orgelbouw Klank",
    "Parketvloer Eiken",
    "Rijwielhandel Snel",
    "Schilder Kwast",
    "Timmerwerk Hout",
    "Verhuizer Draag",
)


def _names(count: int) -> list[str]:
    assert count <= len(NAMES)
    return list(NAMES[:count])


def _imported(field: str, words: list[str], locale: str = "nl") -> list[object]:
    """What an import reads for each word in `field`'s column, row by row, in a file with the
    headers of `locale`."""
    header = export_header(field, locale)
    names = [f"Relatie {i}" for i in range(len(words))]
    name = export_header("name", locale)
    csv = "\n".join([f"{name};{header}", *(f"{n};{w}" for n, w in zip(names, words, strict=True))])
    read = read_import(
        filename="klanten.csv",
        content=csv.encode(),
        locale=locale,
        currency="EUR",
        today=dt.date(2026, 11, 23),
    )
    assert not read.errors
    by_name = {c.name: c.traits[field] for c in read.parsed.clients.values()}
    return [by_name[n] for n in names]


@pytest.mark.parametrize("locale", ["nl", "ru"])
@pytest.mark.parametrize("field", FIELDS)
def test_every_word_reads_the_same_in_chat_and_in_an_import(field: str, locale: str) -> None:
    words = FIELDS[field].words()
    typed = [labels.code_of(field, word) for word, _ in words]
    assert typed == [code for _, code in words]
    assert _imported(field, [word for word, _ in words], locale) == typed


@pytest.mark.parametrize(("locale", "owner"), [("nl", NL_OWNER), ("ru", RU_OWNER)])
async def test_add_reads_every_kind_word_as_an_import_does(
    chat: Chat, nl_team: Team, ru_team: Team, sqlite_engine: Engine, locale: str, owner: int
) -> None:
    words = vocabulary.KINDS.words()
    anna = chat.person(owner, "Anna", locale)
    names = _names(len(words))
    for name, (word, _) in zip(names, words, strict=True):
        await chat.send(anna, f"/add {name}, {word}")
    added = {c.name: c.kind for c in rows(sqlite_engine, Client)}
    assert [added.get(n) for n in names] == [code for _, code in words]
    assert [added.get(n) for n in names] == _imported("kind", [word for word, _ in words], locale)


async def test_b2b_is_an_organisation_in_chat_as_in_an_import(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    seen = await chat.send(chat.person(NL_OWNER, "Anna", "nl"), "/add Bakkerij Noord, b2b")
    assert "Toegevoegd: Bakkerij Noord (organisatie)." in seen.text
    assert _imported("kind", ["b2b"]) == ["organisation"]


VOCABULARIES = {
    name: value
    for name, value in vars(vocabulary).items()
    if isinstance(value, vocabulary.Vocabulary)
}


@pytest.mark.parametrize("locale", ["nl", "ru"])
@pytest.mark.parametrize("name", VOCABULARIES)
def test_every_vocabulary_word_chat_shows_is_translated(name: str, locale: str) -> None:
    po = Path(__file__).parents[2] / "locales" / locale / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as file:
        translated = {m.id for m in read_po(file) if m.id and m.string}
    untranslated = [t.label for t in VOCABULARIES[name].terms if t.label not in translated]
    assert untranslated == []
