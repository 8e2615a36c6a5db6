"""Every text the code can show is translated to Dutch and Russian, placeholders intact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "n_": (1, 2), "N_": None}
PLACEHOLDER = re.compile(r"\{(\w+)\}")
TAG = re.compile(r"</?[a-z]+[^>]*>")


def _catalog(locale: str):  # type: ignore[no-untyped-def]
    with (ROOT / "locales" / locale / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=locale)


def _ids_in_code() -> set[str]:
    ids: set[str] = set()
    for package in ("bot", "storage", "locales"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / package, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            ids.add(message if isinstance(message, str) else message[0])
    return ids


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_every_message_in_the_code_is_translated(locale: str) -> None:
    catalog = _catalog(locale)
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id and (all(m.string) if isinstance(m.string, tuple) else m.string)
    }
    missing = sorted(_ids_in_code() - translated)
    assert missing == [], f"untranslated in {locale}: {missing[:10]}"


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_no_fuzzy_entries(locale: str) -> None:
    fuzzy = [m.id for m in _catalog(locale) if m.id and m.fuzzy]
    assert fuzzy == []


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_placeholders_and_tags_match_the_source(locale: str) -> None:
    for message in _catalog(locale):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        targets = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(sources[-1]))
        for target in targets:
            if not target:
                continue  # missing translations are the completeness test's finding
            found = set(PLACEHOLDER.findall(target))
            # A plural form may leave out {n} ("один клиент"), never add an unknown name.
            assert found <= wanted | {"n"} and wanted - {"n"} <= found, (message.id, target)
            assert sorted(TAG.findall(sources[-1])) == sorted(TAG.findall(target)), message.id


def test_russian_has_three_plural_forms_and_dutch_two() -> None:
    assert _catalog("ru").num_plurals == 3
    assert _catalog("nl").num_plurals == 2


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_no_translation_outlives_its_message(locale: str) -> None:
    """A msgid gone from the template is a dead translation: nobody sees it, yet a reader of the
    catalog takes it for current wording. A plural entry counts with its msgid_plural."""
    with (ROOT / "locales" / "messages.pot").open("rb") as pot:
        template = {
            (m.context, m.id if isinstance(m.id, str) else tuple(m.id)) for m in read_po(pot)
        }
    dead = [
        m.id
        for m in _catalog(locale)
        if m.id and (m.context, m.id if isinstance(m.id, str) else tuple(m.id)) not in template
    ]
    assert dead == [], f"{len(dead)} dead in {locale}: {dead[:5]}"
