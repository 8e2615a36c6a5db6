"""How a letter to a client addresses them, as natives write it (issue 20).

Dutch business letters use u and "Geachte mevrouw Jansen," when it is known who reads them,
else "Beste Anouk Jansen," for a person and "Geachte heer, mevrouw," for an organisation.
Russian letters greet a person by first name and patronymic, never with the surname
(«Здравствуйте, Артём Игоревич!», not «Кузнецов Артём Игоревич»); without a patronymic by
first name; an organisation with «Здравствуйте!».
"""

from __future__ import annotations

import re

_PATRONYMIC = re.compile(r"^[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична)$")
# A Russian surname written first («Смирнова Анна»); a first name seldom ends so.
_RUSSIAN_SURNAME = re.compile(r"^[А-ЯЁ][а-яё]+(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ская|ский)$")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_DUTCH_TITLES = {"dhr.": "m", "dhr": "m", "hr.": "m", "mevr.": "f", "mevr": "f", "mw.": "f"}
_INITIALS = re.compile(r"(?:[^\W\d_]\.){1,3}")
_PARTICLES = frozenset(("van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "op", "in"))


def russian_address(name: str) -> str | None:
    """«Артём Игоревич» from «Кузнецов Артём Игоревич»; «Анна» from «Смирнова Анна» or «Анна
    Смирнова»; None when the name is not a Russian person's name in Cyrillic."""
    words = [w for w in name.replace(".", ". ").split() if w]
    if not words or not all(_CYRILLIC.search(w) for w in words):
        return None
    for position, word in enumerate(words):
        if position and _PATRONYMIC.match(word):
            return f"{words[position - 1]} {word}"
    if any(w.endswith(".") for w in words):  # initials: «Петров И. С.» has no first name
        return None
    if len(words) == 2:
        return words[1] if _RUSSIAN_SURNAME.match(words[0]) else words[0]
    return words[0] if len(words) == 1 and not _RUSSIAN_SURNAME.match(words[0]) else None


def initials_only(name: str) -> bool:
    """A name whose first name is known only by its initial («Соколова Е. А.», "J. de Vries"):
    a letter greets them without the name."""
    return any(_INITIALS.fullmatch(word) for word in name.split())


def dutch_surname(name: str) -> tuple[str, str | None]:
    """The surname a letter uses after "heer"/"mevrouw" ("De Vries" from "Jan de Vries"), and
    the gender a typed form of address gives ("mevr. Özdemir": f)."""
    words = name.split()
    gender = _DUTCH_TITLES.get(words[0].casefold()) if words else None
    if gender:
        words = words[1:]
    if len(words) > 1:
        start = next(
            (i for i, w in enumerate(words[1:], 1) if w.casefold() in _PARTICLES), len(words) - 1
        )
        words = words[start:]
    surname = " ".join(words)
    return surname[:1].upper() + surname[1:], gender
