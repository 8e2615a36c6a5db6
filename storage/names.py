"""The normalised client-name key: how Kompas decides two names are the same client."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = re.compile("[\"'«»„“”‘’`]")
_SPACES = re.compile(r"\s+")
_KEEP = {"й": "й"}  # й is a letter of its own in Russian, not an accented и


def name_key(name: str) -> str:
    """Casefold, ё→е, accents dropped (é→e, ü→u), quotes dropped, spaces collapsed.

    Done in Python because database collations fold only ASCII; unique per team.
    """
    folded = name.casefold().replace("ё", "е")
    letters = []
    for char in folded:
        if char in _KEEP:
            letters.append(char)
            continue
        decomposed = unicodedata.normalize("NFKD", char)
        letters.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return _SPACES.sub(" ", _QUOTES.sub("", "".join(letters))).strip()


def clean_name(name: str) -> str:
    """The name as shown: inner spaces collapsed, control characters removed."""
    visible = "".join(c for c in name if unicodedata.category(c)[0] != "C" or c == " ")
    return _SPACES.sub(" ", visible).strip()
