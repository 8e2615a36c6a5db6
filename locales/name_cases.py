"""Russian names typed in another case, back to the nominative a client list holds.

People write a name as the sentence needs it: «продала Петрову», «жалоба на Козлова»,
«Николаевой Ирине не понравилось». `nominatives` gives the nominative forms such a key may
stand for (`петрову` → петров, `николаевой ирине` → николаева ирина); the resolver tries them
only after the name as typed found nothing, so a real «Петрова» is never read as «Петров».
Works on name keys (storage.names.name_key: lower case, ё as е).
"""

from __future__ import annotations

import re
from itertools import product

from locales.scripts import is_cyrillic_word

# Case endings → the nominative ending they come from, longest first within a word. A
# surname's endings (-ов/-ев/-ин and their feminine -ова/-ева/-ина, adjective-like -ая/-ий)
# and a first name's (-а/-я feminine, a consonant masculine).
_SURNAME_ENDINGS = (
    ("овой", "ова"),  # Петровой → Петрова (gen, dat, instr, prep of a woman)
    ("евой", "ева"),
    ("иной", "ина"),
    ("ыной", "ына"),
    ("овым", "ов"),  # Петровым → Петров (instr of a man)
    ("евым", "ев"),
    ("иным", "ин"),
    ("ову", "ов"),  # Петрову → Петров (dat of a man) …
    ("ову", "ова"),  # … or Петрова (acc of a woman)
    ("еву", "ев"),
    ("еву", "ева"),
    ("ину", "ин"),
    ("ину", "ина"),
    ("ова", "ов"),  # Петрова → Петров (gen, acc of a man)
    ("ева", "ев"),
    ("ина", "ин"),
    ("ове", "ов"),  # о Петрове
    ("еве", "ев"),
    ("ине", "ин"),
    ("кой", "кая"),  # Высоцкой → Высоцкая
    ("кую", "кая"),
    ("кого", "кий"),  # Высоцкого → Высоцкий
    ("кому", "кий"),
    ("ким", "кий"),
)
_FIRST_NAME_ENDINGS = (
    ("ии", "ия"),  # Марии → Мария
    ("ию", "ия"),
    ("ией", "ия"),
    ("ье", "ья"),  # Наталье → Наталья
    ("ью", "ья"),
    ("ьи", "ья"),
    ("ьей", "ья"),
    ("ой", "а"),  # Ириной → Ирина
    ("ей", "я"),  # Олей → Оля
    ("е", "а"),  # Ирине → Ирина
    ("ы", "а"),  # Ирины → Ирина
    ("и", "а"),  # Ольги → Ольга
    ("у", "а"),  # Ирину → Ирина
    ("ю", "я"),  # Олю → Оля
    ("е", "я"),  # Оле → Оля
    ("и", "я"),  # Оли → Оля
    ("у", ""),  # Ивану → Иван
    ("а", ""),  # Ивана → Иван
    ("ом", ""),  # Иваном → Иван
    ("е", ""),  # об Иване → Иван
    ("я", "й"),  # Дмитрия → Дмитрий
    ("ю", "й"),  # Дмитрию → Дмитрий
    ("ем", "й"),  # Дмитрием → Дмитрий
)
_MOST_FORMS = 24  # a name of three declined words has few readings; never a search explosion


def nominatives(key: str) -> list[str]:
    """The nominative keys a declined Russian name may stand for, without `key` itself; the
    words are read each on its own (a surname's endings and a first name's)."""
    words = key.split(" ")
    if not words or len(words) > 3 or not all(is_cyrillic_word(word) for word in words):
        return []
    readings = [[word, *_word_nominatives(word)] for word in words]
    forms: list[str] = []
    for combination in product(*readings):
        form = " ".join(combination)
        if form != key and form not in forms:
            forms.append(form)
        if len(forms) >= _MOST_FORMS:
            break
    return forms


def _word_nominatives(word: str) -> list[str]:
    found: list[str] = []
    for ending, nominative in (*_SURNAME_ENDINGS, *_FIRST_NAME_ENDINGS):
        stem = word[: len(word) - len(ending)]
        form = stem + nominative
        if word.endswith(ending) and len(stem) >= 2 and form != word and form not in found:
            found.append(form)
    return found


# Surname endings no nominative has (README: Typing commands), with the nominative ending and
# whether the surname is a woman's: «Петрову» (to Петров), «Смирновой», «Высоцкого». Left out
# as unsure: -ова (Петрова is a woman's own name too), -ину (Ирину, Марину are first names),
# -ской (Донской is a nominative).
_SURE_SURNAME_ENDINGS = (
    ("овой", "ова", True),
    ("евой", "ева", True),
    ("ёвой", "ёва", True),
    ("иной", "ина", True),
    ("ыной", "ына", True),
    ("скую", "ская", True),
    ("цкую", "цкая", True),
    ("овым", "ов", False),
    ("евым", "ев", False),
    ("ёвым", "ёв", False),
    ("иным", "ин", False),
    ("ыным", "ын", False),
    ("ову", "ов", False),  # «продажа Петрову»: the dative of a man (the one-line /sale's case)
    ("еву", "ев", False),
    ("ёву", "ёв", False),
    ("ского", "ский", False),
    ("скому", "ский", False),
    ("ским", "ский", False),
    ("цкого", "цкий", False),
    ("цкому", "цкий", False),
    ("цким", "цкий", False),
)
_PATRONYMIC_ENDINGS = (
    ("ичу", "ич"),
    ("ича", "ич"),
    ("ичем", "ич"),
    ("иче", "ич"),
    *((f"{stem}{end}", f"{stem}на") for stem in ("ов", "ев") for end in ("не", "ны", "ной", "ну")),
)
# A first name beside such a surname, by the surname's gender, longest ending first.
_HER_NAME_ENDINGS = (
    ("ии", "ия"),
    ("ию", "ия"),
    ("ией", "ия"),
    ("ье", "ья"),
    ("ью", "ья"),
    ("ьи", "ья"),
    ("ьей", "ья"),
    ("лле", "лла"),  # Алле → Алла, but Оле → Оля
    ("ле", "ля"),
    ("ой", "а"),
    ("е", "а"),
    ("ы", "а"),
    ("ги", "га"),
    ("ки", "ка"),
    ("и", "я"),
    ("у", "а"),
    ("ю", "я"),
)
_HIS_NAME_ENDINGS = (
    ("ию", "ий"),
    ("ием", "ий"),
    ("ия", "ий"),
    ("ею", "ей"),
    ("еем", "ей"),
    ("ея", "ей"),
    ("ом", ""),
    ("у", ""),
    ("а", ""),
    ("е", ""),
)
_CONSONANT_STEM = "бвгджзклмнпрстфхцчшщ"


def nominative_name(name: str) -> str:
    """A new client's name typed in another case, as a client list writes it: «Петрову И. С.»
    → «Петров И. С.», «Анне Волковой» → «Анна Волкова», «для Смирновой» → «Смирнова». Only
    a surname with an ending no nominative has (`_SURE_SURNAME_ENDINGS`) says the case; the
    first name and patronymic beside it follow. A name whose case isn't sure stays as typed."""
    words = name.split()
    if not 1 <= len(words) <= 3:
        return name
    found = [(i, _sure_surname(word)) for i, word in enumerate(words)]
    surnames = [(i, hit) for i, hit in found if hit is not None]
    if len(surnames) != 1:
        return name
    at, (surname, hers) = surnames[0]
    result = []
    for i, word in enumerate(words):
        if i == at:
            result.append(surname)
        elif is_cyrillic_word(word.casefold()) and len(word) > 2:
            result.append(_other_word(word, hers))
        else:
            result.append(word)  # initials, a Latin word
    return " ".join(result)


def _sure_surname(word: str) -> tuple[str, bool] | None:
    low = word.casefold()
    for ending, nominative, hers in _SURE_SURNAME_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            return _with_ending(word, ending, nominative), hers
    return None


def _other_word(word: str, hers: bool) -> str:
    """A first name or patronymic beside a declined surname, in the nominative."""
    low = word.casefold()
    for ending, nominative in _PATRONYMIC_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            return _with_ending(word, ending, nominative)
    for ending, nominative in _HER_NAME_ENDINGS if hers else _HIS_NAME_ENDINGS:
        stem = low[: len(low) - len(ending)]
        if low.endswith(ending) and len(stem) >= (1 if hers else 2):
            if not hers and not nominative and stem[-1] not in _CONSONANT_STEM:
                continue  # «Илье», «Никите»: not a name that ends in a consonant
            return _with_ending(word, ending, nominative)
    return word


def _with_ending(word: str, ending: str, nominative: str) -> str:
    stem = word[: len(word) - len(ending)]
    return stem + (nominative.upper() if word.isupper() else nominative)


_MASCULINE_SURNAME_ENDINGS = ("ов", "ев", "ёв")


def is_her_surname(word: str, *, his: str) -> bool:
    """Whether a name key's word is the woman's form of the man's surname `his`: «кузнецова»
    of кузнецов (his wife, his daughter) — another person, never his name lengthened."""
    return his.endswith(_MASCULINE_SURNAME_ENDINGS) and word == his + "а" and is_cyrillic_word(word)


# A Russian name typed as the object of a verb (`привела Смирнову Ольгу`), back in the
# nominative: the female endings -у after a consonant and -ю; a woman's surname in -ой with her
# first name in -е (dative).
_ACCUSATIVE = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])у$|(?<=[а-яё]{2})ю$")
_FEMALE_OBLIQUE = re.compile(r"[А-ЯЁа-яё]{2,}(?:ов|ев|ёв|ин|ын)ой")
_FIRST_NAME_DATIVE = re.compile(r"[А-ЯЁа-яё]{2,}[бвгдзклмнпрстфх]е")


def object_nominative(name: str) -> str:
    """A Russian name typed as the object of `привела` back in the nominative: «Смирнову
    Ольгу» → «Смирнова Ольга», «Марию» → «Мария», «Наталью» → «Наталья». Only the female
    endings -у after a consonant and -ю change; a male «Петрова» (for Petrov) stays as typed.
    A woman's surname in -ой with her first name in -е («посоветовала нас Зайцевой Марине»)
    is «Зайцева Марина»."""
    words = name.split()
    if (
        words
        and _FEMALE_OBLIQUE.fullmatch(words[0])
        and all(_FIRST_NAME_DATIVE.fullmatch(w) for w in words[1:2])
    ):
        return " ".join([words[0][:-2] + "а", *(w[:-1] + "а" for w in words[1:2]), *words[2:]])
    return " ".join(
        _ACCUSATIVE.sub(lambda m: "а" if m[0] == "у" else "я", word) if len(word) > 3 else word
        for word in name.split()
    )
