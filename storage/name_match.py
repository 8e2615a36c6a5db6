"""Comparing two name keys word by word, without the database: whether a typed name is the
stored one shortened, respelled, declined or mistyped (used by storage/resolver.py and the
one-line readings)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from locales.name_cases import is_her_surname
from locales.name_words import CASE_ENDINGS, ORGANISATION_NOUNS
from locales.name_words import FEMININE_SURNAME_ENDINGS as _FEMININE_SURNAME_ENDINGS
from locales.scripts import is_cyrillic_word
from storage.names import is_legal_form
from storage.person_names import is_particle

LIKE_WORD = 75  # one typed word is another's typo ("smti" ~ "smit", "bergh" ~ "berg")


def same_letters(typed: str, key: str) -> bool:
    """Whether two name keys differ only in spaces and punctuation: `jansen visser` is
    "Jansen-Visser", `de vries` is "deVries"."""
    return _LETTERS_ONLY.sub("", typed) == _LETTERS_ONLY.sub("", key)


_LETTERS_ONLY = re.compile(r"[\W_]+")


def same_stems(typed: str, key: str) -> bool:
    """Whether the typed words are the name's words, each perhaps in another Russian case:
    «кофейня зерна» for «Кофейня «Зерно»», «кофейне зерно»; a stem of 3 letters at least."""
    words, names = typed.split(" "), key.split(" ")
    return len(words) == len(names) and all(
        word == name or (is_cyrillic_word(word + name) and _stem(word) == _stem(name))
        for word, name in zip(words, names, strict=True)
    )


# Russian case endings, longest first: what a word may end in when it names the same thing.
_CASE_ENDINGS = tuple(sorted(CASE_ENDINGS, key=len, reverse=True))


def _stem(word: str) -> str:
    for ending in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def words_begun(typed: str, key: str) -> bool:
    """Whether each typed word begins a word of the name, in order (`tandarts smit` for
    "Tandartspraktijk Smit"): a shortened name, not a mere look-alike."""
    words = iter(key.split(" "))
    return all(
        any(word.startswith(w) and not her_surname(w, word) for word in words)
        for w in typed.split(" ")
    )


def her_surname(typed: str, word: str) -> bool:
    """Whether the typed word is the man's form of a woman's surname in the name: `кузнецов`
    against «Кузнецова» names another person (her husband, her son), never her name shortened."""
    return is_her_surname(word, his=typed)


def others_declined(typed: str, key: str) -> bool:
    """Whether a typed word after the first one (a first name) differs from the client's word
    in its place: the whole name was typed in another case, not only its surname."""
    words = key.split(" ")
    return any(w != words[i] for i, w in enumerate(typed.split(" ")) if 0 < i < len(words))


def maybe_her_own_name(key: str) -> bool:
    """`Петрова` is Петров's genitive, but just as likely a woman's own surname: a client
    found only through such a reading is asked, never booked silently."""
    return key.split(" ")[0].endswith(_FEMININE_SURNAME_ENDINGS)


def alike_words(typed: str, key: str, *, person: bool) -> bool:
    """Whether a fuzzy look-alike shares what names someone: a word besides an article, a
    particle or a legal form ("bakkerij de zon" is not "de Vries", «ООО Лютик» not «ООО
    Ромашка»), and for a person typed with two names,
    both ("Jan Smit" is not "Jan van den Berg")."""
    typed_words = [w for w in typed.split(" ") if not (is_particle(w) or is_legal_form(w))]
    words = [w for w in key.split(" ") if not (is_particle(w) or is_legal_form(w))]
    alike = sum(
        any(alike_word(w, other) or other.startswith(w.rstrip(".")) for other in words)
        for w in typed_words
    )
    return alike >= (2 if person and len(typed_words) > 1 and len(words) > 1 else 1)


def alike_word(typed: str, word: str) -> bool:
    """One word a typo of another: close enough, or two letters swapped (`jna` for `jan`)."""
    return fuzz.ratio(typed, word) >= LIKE_WORD or (
        min(len(typed), len(word)) >= 3 and OSA.distance(typed, word) <= 1
    )


def a_word_mistyped(typed: str, key: str) -> bool:
    """`lsia` for Lisa de Vries: one typed word of four letters or more that is one slip (a
    letter off, two swapped) from a word of the name, which a ratio over the whole name misses
    (the Dutch reader got a new client "Lsia")."""
    if " " in typed or len(typed) < 4:
        return False
    return any(OSA.distance(typed, word) == 1 for word in key.split(" "))


def business_word_respelled(typed: str, key: str) -> bool:
    """Whether `typed` is a business's name with its business word mistyped or in another
    language, the rest as stored: `bakery de zon` for "Bakkerij de Zon", `restorant de haven`
    for "Restaurant De Haven". Not another business of the same name (`hotel de zon`: a
    business word of its own), nor one whose own name is a particle alone (`bakery de`)."""
    words, names = typed.split(" "), key.split(" ")
    if len(words) != len(names) or len(words) < 2 or words[1:] != names[1:]:
        return False
    if names[0] not in ORGANISATION_NOUNS or words[0] in ORGANISATION_NOUNS:
        return False
    own = [w for w in names[1:] if not (is_particle(w) or is_legal_form(w))]
    first, stored = words[0], names[0]
    return bool(own) and (
        alike_word(first, stored) or (len(first) >= 4 and first[:3] == stored[:3])
    )
