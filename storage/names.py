"""The normalised client-name key: how Kompas decides two names are the same client."""

from __future__ import annotations

import functools
import re
import unicodedata

from locales import N_, SUPPORTED_LOCALES, InputError, translator
from locales.name_words import (
    AMOUNT_WRITTEN,
    CHAT_WORDS,
    LEGAL_FORMS,
    ORGANISATION_NOUNS,
    ORGANISATION_SUFFIXES,
)
from locales.scripts import BREVE, KEPT_WITH_BREVE, LOOKALIKE_LATIN
from storage.refusals import Refused

_QUOTES = re.compile("[\"'«»„“”‘’`]")
_SPACES = re.compile(r"\s+")
_JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner
MAX_NAME = 200  # characters, of the name as shown and of its key


@functools.lru_cache(maxsize=1 << 16)  # an import of 70 000 sales names 23 500 clients
def name_key(name: str) -> str:
    """Casefold, accents dropped (é→e, ü→u, ё→е, but й stays), quotes dropped, spaces collapsed.

    Done in Python because database collations fold only ASCII; unique per team. Folding runs
    until nothing changes, so a key is its own key (𝐀 → A → a).
    """
    if name.isascii():  # folded ASCII is its own key: one fold, not a second to see that
        return _fold(name)
    key, previous = name, None
    while key != previous:
        previous = key
        key = _fold(key)
    return key


def _fold(text: str) -> str:
    if text.isascii():  # nothing to decompose or strip: most Dutch names, ~4× faster
        return _SPACES.sub(" ", _QUOTES.sub("", text.lower())).strip()
    letters: list[str] = []
    for char in unicodedata.normalize("NFKD", text.casefold()):
        if unicodedata.combining(char):
            if char == BREVE and letters and letters[-1] in KEPT_WITH_BREVE:
                letters[-1] = KEPT_WITH_BREVE[letters[-1]]
            continue
        letters.append(char)
    return _SPACES.sub(" ", _QUOTES.sub("", "".join(letters).casefold())).strip()


def clean_name(name: str) -> str:
    """The name as shown: inner spaces collapsed, control characters removed, except a joiner
    between two visible characters: it binds man, woman and girl into one family emoji (and
    shapes Indic and Persian letters)."""
    if name.isascii() and name.isprintable():  # no control character: most names, ~5× faster
        return _SPACES.sub(" ", name).strip()
    visible = "".join(
        c
        for i, c in enumerate(name)
        if unicodedata.category(c)[0] != "C" or c == " " or _joins(name, i)
    )
    return _SPACES.sub(" ", visible).strip()


def _joins(text: str, i: int) -> bool:
    return (
        text[i] in _JOINERS
        and 0 < i < len(text) - 1
        and _shown(text[i - 1])
        and _shown(text[i + 1])
    )


def _shown(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char)[0] != "C"


_CHAT_WORDS = frozenset(map(name_key, CHAT_WORDS))
_WORD = re.compile(r"\w+")


def names_organisation(name: str) -> bool:
    """Whether a name says it is a business's: `Restaurant De Haven`, `Van Dam
    Installatietechniek`, «Кафе Ромашка», or a legal form (`Jansen B.V.`, «ООО Лютик»)."""
    return key_names_organisation(name_key(name))


def key_names_organisation(key: str) -> bool:
    """``names_organisation`` of a name's key, for a caller that has it."""
    words = [w.strip(".,;:!?«»\"'()") for w in key.split()]
    if not words:
        return False
    if words[0] in ORGANISATION_NOUNS or any(map(is_legal_form, words)):
        return True
    return any(
        w.endswith(suffix) and len(w) >= len(suffix) + 3
        for w in words
        if w.endswith(ORGANISATION_SUFFIXES)  # one C call rules most words out
        for suffix in ORGANISATION_SUFFIXES
    )


def is_legal_form(word: str) -> bool:
    """`ООО`, `ИП`, `B.V.`: a legal form (of a name's words, or a key's)."""
    return word.casefold().replace(".", "") in LEGAL_FORMS


def plausible_name(text: str) -> bool:
    """Could a person have meant `text` as a client's name? Not a greeting or a thank-you
    (perhaps with one more word: "hoi allemaal"), not an amount, not punctuation alone, not a
    legal form alone (`ООО`, `ИП`)."""
    words = _WORD.findall(name_key(text))
    if not any(character.isalpha() for character in "".join(words)):
        return False
    if all(map(is_legal_form, text.split())):
        return False
    if AMOUNT_WRITTEN.search(text):
        return False
    return not any(" ".join(words[:n]) in _CHAT_WORDS for n in (len(words), len(words) - 1))


def valid_name(name: str) -> str:
    """The name as it will be shown, or a friendly InputError."""
    shown = clean_name(name)
    key = name_key(shown)
    if not any(map(str.isalnum, key)):  # ",,," or "—" names nobody
        raise InputError(Refused.NAME_NEEDED)
    # Folding can lengthen a name ("ß" → "ss"), and the key has the same column width.
    if len(shown) > MAX_NAME or len(key) > MAX_NAME:
        raise InputError(Refused.NAME_TOO_LONG, max=MAX_NAME)
    return shown


FORGOTTEN_LABEL = N_("Client #{id}")  # what an erased client is called (storage/privacy.py)


@functools.cache
def _forgotten_labels() -> re.Pattern[str]:
    """The erased-client label in every language ("Klant #12", «Клиент #12», "Client #12",
    perhaps with "-2"), as a pattern over name keys."""
    words = {"client"} | {
        name_key(str(translator(locale)._(FORGOTTEN_LABEL, id=0))).split("#")[0].strip()
        for locale in SUPPORTED_LOCALES
    }
    alternatives = "|".join(re.escape(word) for word in sorted(words))
    return re.compile(rf"(?:{alternatives})\s*#\s*\d+(?:\s*-\s*\d+)?")


def refuse_reserved(name: str) -> None:
    """A name typed for a client may not look like an erased client's label: "Klant #12"
    would pass a real client off as one whose data was erased (or the other way round)."""
    if _forgotten_labels().fullmatch(name_key(name)):
        raise InputError(Refused.RESERVED_NAME, name=clean_name(name)[:40])


def mixes_scripts(text: str) -> bool:
    """Latin letters together with Cyrillic or Greek ones in one name."""
    scripts = set()
    for char in text:
        if char.isalpha():
            scripts.add(unicodedata.name(char, "?").split(" ")[0])
    return "LATIN" in scripts and bool(scripts & {"CYRILLIC", "GREEK"})


def lookalike_key(key: str) -> str:
    """A name key with look-alike Cyrillic and Greek letters read as Latin ones."""
    return key.translate(LOOKALIKE_LATIN)
