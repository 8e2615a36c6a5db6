"""Russian names typed in another case, back to the nominative a client list holds.

People write a name as the sentence needs it: «продала Петрову», «жалоба на Козлова»,
«Николаевой Ирине не понравилось». `nominatives` gives the nominative forms such a key may
stand for (`петрову` → петров, `николаевой ирине` → николаева ирина); the resolver tries them
only after the name as typed found nothing, so a real «Петрова» is never read as «Петров».
Works on name keys (storage.names.name_key: lower case, ё as е).
"""

from __future__ import annotations

from itertools import product

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
    if not words or len(words) > 3 or not all(_cyrillic(word) for word in words):
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


def _cyrillic(word: str) -> bool:
    return bool(word) and all("а" <= c <= "я" or c in "ё-" for c in word)
