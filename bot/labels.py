"""Localised names of the product's fixed vocabularies: client kinds, sources, statuses …"""

from __future__ import annotations

from locales import Translator, vocabulary
from storage.columns import source_code, value_code

# The words chat shows for each code (one table per concept: locales/vocabulary.py).
KINDS = vocabulary.KINDS.labels
STATUSES = vocabulary.STATUSES.labels
SOURCES = vocabulary.SOURCES.labels
GENDERS = vocabulary.GENDERS.labels
EDUCATION = vocabulary.EDUCATION.labels
DECISIONS = vocabulary.DECISIONS.labels
CRITERIA = vocabulary.CRITERION_WORDS.labels  # the points /rate asks
# The same by client field: the words of each field that has a vocabulary.
FIELD_LABELS = {field: words.labels for field, words in vocabulary.CLIENT_VOCABULARIES.items()}


def label(t: Translator, vocabulary: dict[str, str], code: str | None) -> str:
    """The localised word for a code; free text typed by people is shown as they typed it."""
    if code is None:
        return ""
    message = vocabulary.get(code)
    return str(t._(message)) if message else code


def code_of(field: str, word: str) -> str | None:
    """The code a word typed for `field` stands for ('b2b' → 'organisation', 'vrouw' → 'f'),
    read as an import reads that column («из инсты», `via Marktplaats` for a source); None for a
    word of no vocabulary."""
    if field == "source":
        return source_code(word)
    return value_code(vocabulary.CLIENT_VOCABULARIES[field], word)


def kind_from_word(word: str) -> str | None:
    """'organisatie' (or '(organisatie)', 'B2B') → 'organisation', 'физлицо' → 'person', anything
    else → None."""
    return code_of("kind", word)


def button_label(t: Translator, vocabulary: dict[str, str], code: str) -> str:
    """The word as a button shows it: first letter upper case, the rest as translated."""
    word = label(t, vocabulary, code)
    return word[:1].upper() + word[1:]
