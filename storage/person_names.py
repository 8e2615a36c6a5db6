"""How a person's name is built: which word is a patronymic or middle name, which the surname.

Works on normalised keys (storage.names.name_key). A patronymic or middle name is found only
when typed whole, never by its prefix (`Петров` must not find «Фёдорова Мария Петровна»), and
two names with the same surname and first initial are the same person more often than not.
"""

from __future__ import annotations

import re

from locales.name_words import BUSINESS_WORDS as _BUSINESS_WORDS
from locales.name_words import CAPITALISED_CYRILLIC_WORD as _CAPITALISED
from locales.name_words import DOTTED_TITLES as _DOTTED
from locales.name_words import FAMILY_TITLES, TITLE_GENDERS
from locales.name_words import GIVEN_NAMES as _GIVEN_NAMES
from locales.name_words import NAME_WORD as _WORD
from locales.name_words import NOUN_SURNAME_KEY as _NOUN_SURNAME
from locales.name_words import ORGANISATION_NOUNS as _ORGANISATION_NOUNS
from locales.name_words import PARTICLES as _PARTICLES
from locales.name_words import PATRONYMIC_KEY as _PATRONYMIC
from locales.name_words import RUSSIAN_SURNAME_KEY as _RUSSIAN_SURNAME
from locales.name_words import TITLES as _TITLES
from locales.name_words import TWO_WORD_TITLES as _TWO_WORD_TITLES
from locales.name_words import UPPER_LETTERS as _UPPER
from storage.names import key_names_organisation, name_key


def title_written(word: str) -> str:
    """A form of address as it is written: `dhr` → dhr., `mevrouw` stays."""
    return f"{word}." if word.casefold() in _DOTTED else word


def titled(name: str) -> bool:
    """Whether a name as typed starts with a form of address: `dhr pietersen`, `Mevr. Bos`;
    not a company in capitals that spells like one (`ING Bank`, `MR Makelaars`)."""
    return _titled(name, name_key(name))


def _titled(name: str, key: str) -> bool:
    first = name.split(maxsplit=1)[0] if name.strip() else ""
    return bool(title_length(key)) and not (first.isupper() and len(first) > 1)


def title_length(key: str) -> int:
    """How many leading words of a name key are a form of address (0, 1 or 2), when a name
    follows them: `dhr. van der linden` → 1, `de heer bakker` → 2, `dhr.` alone → 0."""
    words = key.split(" ")
    if len(words) > 2 and " ".join(words[:2]) in _TWO_WORD_TITLES:
        return 2
    return 1 if len(words) > 1 and words[0].rstrip(".") in _TITLES else 0


def addresses_a_family(key: str) -> bool:
    """Whether a name key begins with a form of address for a family (`fam. jansen`)."""
    return " ".join(key.split(" ")[: title_length(key)]).rstrip(".") in FAMILY_TITLES


def title_gender(key: str) -> str | None:
    """The gender a name key's form of address names (`dhr. jansen` → m), None for a neutral
    one (`dr. jansen`) or none."""
    return TITLE_GENDERS.get(" ".join(key.split(" ")[: title_length(key)]).rstrip("."))


def without_title(key: str) -> str:
    """A name key without its form of address: `mevr. ozdemir` → `ozdemir`."""
    return " ".join(key.split(" ")[title_length(key) :])


_SURNAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def titled_name_length(keys: list[str]) -> int:
    """How many leading words (name keys) are a form of address and the surname it names,
    with an initial and particles between (`mevr bos`, `dhr k. van der linden`): the name at
    the start of `mevr bos heel tevreden`; 0 when the words don't start so."""
    if " ".join(keys[:2]) in _TWO_WORD_TITLES:
        end = 2
    elif keys and keys[0].rstrip(".") in _TITLES:
        end = 1
    else:
        return 0
    if end + 1 < len(keys) and is_initial(keys[end]):
        end += 1
    while end < len(keys) and is_particle(keys[end]):
        end += 1
    return end + 1 if end < len(keys) and _SURNAME_WORD.fullmatch(keys[end]) else 0


def is_title(key: str) -> bool:
    """A form of address alone, naming no one: `dhr`, `mevr.`, `de heer`."""
    words = key.split(" ")
    return (len(words) == 1 and words[0].rstrip(".") in _TITLES) or key in _TWO_WORD_TITLES


def addresses(typed: str, key: str) -> bool:
    """Whether a form of address and a surname, maybe with an initial, name this person's
    key: `dhr pietersen` and `dhr. k. pietersen` name «Kees Pietersen», «K. Pietersen» and
    «dhr. Pietersen»; `mevr visser` «Ria Visser» and «Femke Jansen-Visser» too (issue 17).
    Both are name keys; whether the key is a person's is the caller's to know."""
    if not title_length(typed):
        return False
    words = without_title(typed).split(" ")
    initial = words[0].rstrip(".") if len(words) > 1 and is_initial(words[0]) else None
    surname = " ".join(words[1:] if initial else words)
    person = without_title(key)
    if person == surname:
        return initial is None
    first, _, rest = person.partition(" ")
    own = rest == surname or rest.endswith(f" {surname}")
    if rest and " " not in surname:  # "Jansen-Visser": either half of a double surname
        own = own or surname in rest.split(" ")[-1].split("-")
    return own and (initial is None or first.startswith(initial))


def is_particle(word: str) -> bool:
    """`de`, `van`, `'t`: a word that begins a surname and names no one by itself."""
    return word in _PARTICLES


def is_patronymic(word: str) -> bool:
    return bool(_PATRONYMIC.match(word))


def is_russian_surname(word: str) -> bool:
    """A word shaped like a Russian surname (`смирнова`, `петров`, `высоцкая`), as a key."""
    return bool(_RUSSIAN_SURNAME.match(word))


def is_initial(word: str) -> bool:
    """`J.` or `м`: a first name written as its initial."""
    letters = word.rstrip(".")
    return len(letters) == 1 and letters.isalpha()


def middle_positions(words: list[str], *, person: bool) -> frozenset[int]:
    """Positions of a patronymic or middle name in a name's words.

    A patronymic stands after the first word: «Мария Петровна Фёдорова», «Фёдорова Мария
    Петровна»; in two words («Мария Петровна») only for a person. A Western person's middle
    names stand between the first name and the surname («Jan Pieter de Vries»).
    """
    if len(words) >= 3 or (person and len(words) == 2):
        for position in range(1, len(words)):
            if is_patronymic(words[position]):
                return frozenset((position,))
    if person and len(words) >= 3 and not any(map(is_initial, words)):
        surname = next((i for i in range(1, len(words)) if words[i] in _PARTICLES), len(words) - 1)
        return frozenset(range(1, surname))
    return frozenset()


def fits_initials(key: str, surname: str, initials: list[str]) -> bool:
    """Whether «петров иван сергеевич» is (петров, [и, с]): the surname, then a name for
    each initial, in order; or a name for each initial, then the surname («артем кузнецов» is
    (кузнецов, [а]), "jan de vries" is (de vries, [j]))."""
    words = key.split(" ")
    if words[0] == surname and len(words) > len(initials):
        return all(
            word.startswith(letter) for word, letter in zip(words[1:], initials, strict=False)
        )
    names = key[: -len(surname) - 1].split(" ") if key.endswith(f" {surname}") else []
    return len(names) >= len(initials) and all(map(str.startswith, names, initials))


def surname_initials(key: str) -> tuple[str, list[str]] | None:
    """`петров и.с.`, `петров и. с.`, `петров и` → (петров, [и, с]); initials first, with
    their dots: `а. кузнецов`, `а.и.кузнецов`, `j. de vries` → (кузнецов, [а]) …; None for
    other names."""
    surname, _, rest = key.partition(" ")
    letters = [part for part in re.split(r"[.\s]+", rest) if part]
    if letters and len(letters) <= 2 and all(is_initial(letter) for letter in letters):
        return surname, letters
    first = _INITIALS_FIRST.fullmatch(key)
    if first is None:
        return None
    return first["surname"], [part for part in re.split(r"[.\s]+", first["initials"]) if part]


# One or two initials, each with its dot, then a surname of one to three words.
_INITIALS_FIRST = re.compile(
    r"(?P<initials>(?:[^\W\d_]\.\s?){1,2})\s*(?P<surname>[^\W\d_][\w'-]+(?: [\w'-]+){0,2})"
)


def main_words(key: str, *, person: bool) -> list[str]:
    """The words of a name without its patronymic or middle names."""
    words = key.split(" ")
    middle = middle_positions(words, person=person)
    return [word for i, word in enumerate(words) if i not in middle]


def looks_like_person(key: str) -> bool:
    """A name that says it is a person's: a patronymic, or a first name as an initial."""
    words = key.split(" ")
    return any(map(is_initial, words)) or bool(middle_positions(words, person=False))


def says_person(name: str) -> bool:
    """A name that is a person's without asking: a form of address (`dhr. Bos`, `mevr de
    Graaf`), a patronymic after the first name («Козлов Дмитрий Андреевич»), initials with
    their dots («Иванова И.И.», «Иванова И. И.») or between a first name and a surname (`Levi
    F. Dekker`). Whether it names a business as well is the caller's to ask first."""
    return _says_person(name, name_key(name))


def _says_person(name: str, key: str) -> bool:
    if _MIDDLE_INITIAL.fullmatch(name) or _titled(name, key):  # the cheap tests first
        return True
    if middle_positions(key.split(" "), person=False):
        return True
    return "." in key and surname_initials(key) is not None


# A first name, one or two initials with their dots, a surname: `Levi F. Dekker`, `Joris M. de
# Koning`, «Анна С. Петрова» — how a shop's customer list writes its people.
_PARTICLE = "|".join(map(re.escape, sorted(_PARTICLES, key=len, reverse=True)))
_MIDDLE_INITIAL = re.compile(
    rf"{_WORD} (?:[{_UPPER}]\. ?){{1,2}} ?(?:(?:{_PARTICLE}|{_WORD}) ){{0,3}}{_WORD}"
)
_NAME_WORD = re.compile(_WORD)


def _name_word(word: str) -> bool:
    return len(word) > 1 and _NAME_WORD.fullmatch(word) is not None


def reads_as_person(name: str) -> bool:
    """A name a file gives without saying its kind that is a person's: one `says_person`; a
    common first name and a surname (`Anna de Vries`, `Mehmet Yilmaz`); or two or three
    capitalised Cyrillic words, one of them a surname («Петров Олег», «Анна Смирнова»); none
    naming a business (issue 20: a salon's import made every client an organisation, and a
    shop's 23 500 customers all became organisations)."""
    key = name_key(name)  # once: a log's 23 500 names are guessed in the import's wait
    if key_names_organisation(key):  # `Jansen B.V.` has two initials' shape
        return False
    if _says_person(name, key):
        return True
    words = name.split()
    if 2 <= len(words) <= 4 and name_key(words[0]) in _GIVEN_NAMES:  # `Anna de Vries`
        keys = [name_key(word) for word in words[1:]]
        return (
            _name_word(words[-1])
            and all(_name_word(w) or is_particle(k) for w, k in zip(words[1:], keys, strict=True))
            and not any(key in _BUSINESS_WORDS or key in _ORGANISATION_NOUNS for key in keys)
        )
    if not 2 <= len(words) <= 3 or not all(_CAPITALISED.fullmatch(word) for word in words):
        return False
    return any(_NOUN_SURNAME.match(name_key(word)) for word in words)


def surname_and_initial(key: str, *, person: bool) -> set[tuple[str, str]]:
    """(surname, first initial) readings of a name: «Jan de Vries» → (de vries, j).

    Two words may be Russian order, surname first («Фёдорова Мария», «Фёдорова М.»), when
    the first looks like a Russian surname, a patronymic follows or the second is an initial.
    """
    words = [word.rstrip(".") for word in key.split(" ")]
    had_patronymic = len(middle_positions(words, person=person)) > 0
    words = [w for i, w in enumerate(words) if i not in middle_positions(words, person=person)]
    if len(words) < 2 or not all(words):
        return set()
    readings: set[tuple[str, str]] = set()
    surname_first = len(words) == 2 and (
        bool(_RUSSIAN_SURNAME.match(words[0])) or had_patronymic or is_initial(words[1])
    )
    if surname_first:
        readings.add((words[0], words[1][0]))
    if not surname_first or is_initial(words[0]):
        readings.add((" ".join(words[1:]), words[0][0]))
    return readings
