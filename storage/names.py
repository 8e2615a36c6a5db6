"""The normalised client-name key: how Kompas decides two names are the same client."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = re.compile("[\"'«»„“”‘’`]")
_SPACES = re.compile(r"\s+")
BREVE = "\u0306"  # й decomposes to и + breve; it is a letter of its own in Russian


def name_key(name: str) -> str:
    """Casefold, accents dropped (é→e, ü→u, ё→е, but й stays), quotes dropped, spaces collapsed.

    Done in Python because database collations fold only ASCII; unique per team. Folding runs
    until nothing changes, so a key is its own key (𝐀 → A → a).
    """
    key, previous = name, None
    while key != previous:
        previous = key
        key = _fold(key)
    return key


def _fold(text: str) -> str:
    letters: list[str] = []
    for char in unicodedata.normalize("NFKD", text.casefold()):
        if unicodedata.combining(char):
            if char == BREVE and letters and letters[-1] == "и":
                letters[-1] = "й"
            continue
        letters.append(char)
    return _SPACES.sub(" ", _QUOTES.sub("", "".join(letters).casefold())).strip()


def clean_name(name: str) -> str:
    """The name as shown: inner spaces collapsed, control characters removed."""
    visible = "".join(c for c in name if unicodedata.category(c)[0] != "C" or c == " ")
    return _SPACES.sub(" ", visible).strip()
