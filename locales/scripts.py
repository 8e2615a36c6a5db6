"""The letters of the alphabets Kompas reads: which are Russian, how ё and й fold, which
Cyrillic and Greek letters pass for Latin ones, and what Russian text looks like when a file
was decoded with the wrong code page (storage/names.py, storage/name_match.py,
storage/csv_reading.py and the readers of typed words use them)."""

from __future__ import annotations

import re


def fold_yo(text: str) -> str:
    """ё written as е, as most Russians type it: «ещё» and «еще» are one word."""
    return text.replace("ё", "е")


def is_cyrillic_word(word: str) -> bool:
    """Whether a lower-case word is all Russian letters (and hyphens): «петрова», «сан-марко»."""
    return bool(word) and all("а" <= c <= "я" or c in "ё-" for c in word)


def has_cyrillic_letter(text: str) -> bool:
    """Whether lower-case text holds one Russian letter: `ооо ромашка`, not `kofe mania`."""
    return any("а" <= c <= "я" or c == "ё" for c in text)


# A letter that decomposes into another and a mark, yet is a letter of its own: й is и with a
# breve, and Russian never drops it (Николай is not Николаи).
BREVE = "\u0306"
KEPT_WITH_BREVE = {"и": "й"}

# Cyrillic and Greek letters (casefolded) that look like a Latin letter in upper or lower case:
# "Нotel" with a Cyrillic Н reads as "Hotel" (attacker h18).
LOOKALIKE_LATIN = str.maketrans(
    "авекмнорстухіјѕһԁԛԝαβεικνορτυχζ",
    "abekmhopctyxijshdqwabeiknoptuxz",
)

# Which code page wrote a file (storage/csv_reading.py): Russian read as cp1251 gives words of
# Cyrillic letters; a wrong guess gives words half Latin, half Cyrillic, or letters cp1251 has
# that no Dutch or Russian text uses (its Serbian and Macedonian ones: 0x81 is Ѓ).
CYRILLIC_WORD = re.compile(r"[А-яЁё]{2,}")
MIXED_WORD = re.compile(r"[A-Za-z][А-яЁё]|[А-яЁё][A-Za-z]")
NOT_RUSSIAN_LETTER = re.compile("[ЂЃЉЊЌЋЏђѓљњќћџЎўЈҐґЅѕ]")
