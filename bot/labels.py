"""Localised names of the product's fixed vocabularies: client kinds, sources, criteria …"""

from __future__ import annotations

from typing import Any

from locales import N_, Translator

KINDS = {"person": N_("person"), "organisation": N_("organisation")}
STATUSES = {
    "prospect": N_("prospect"),
    "active": N_("client"),
    "declined": N_("declined"),
    "archived": N_("archived"),
}
SOURCES = {
    "referral": N_("referral"),
    "website": N_("website"),
    "instagram": N_("Instagram"),
    "fair": N_("fair"),
    "advertising": N_("advertising"),
    "other": N_("other"),
}
GENDERS = {"f": N_("woman"), "m": N_("man"), "x": N_("other")}
EDUCATION = {
    "secondary": N_("secondary school"),
    "vocational": N_("vocational"),
    "higher": N_("higher education"),
}
DECISIONS = {
    "owner": N_("the owner decides"),
    "manager": N_("a manager decides"),
    "board": N_("a board or team decides"),
}
CRITERIA = {
    "pleasant": N_("Pleasant to work with"),
    "reasonable": N_("Asks reasonable things"),
    "pays_on_time": N_("Pays on time"),
}


def label(t: Translator, vocabulary: dict[str, str], code: str | None) -> str:
    """The localised word for a code; free text typed by people is shown as they typed it."""
    if code is None:
        return ""
    message = vocabulary.get(code)
    return str(t._(message)) if message else code


# Words people type for a client's kind, in Dutch, Russian and English (input, not output).
PERSON_WORDS = frozenset(
    {
        "person",
        "persoon",
        "particulier",
        "prive",
        "privé",
        "consument",
        "человек",
        "частное лицо",
        "частник",
        "физлицо",
        "физ лицо",
        "физическое лицо",
        "private",
    }
)
ORGANISATION_WORDS = frozenset(
    {
        "organisation",
        "organization",
        "organisatie",
        "bedrijf",
        "zaak",
        "b2b",
        "company",
        "business",
        "компания",
        "организация",
        "фирма",
        "юрлицо",
        "юр лицо",
        "юридическое лицо",
        "бизнес",
    }
)


def kind_from_word(word: str) -> str | None:
    """'organisatie' (or '(organisatie)') → 'organisation', 'физлицо' → 'person', anything
    else → None."""
    folded = " ".join(word.casefold().replace("ё", "е").replace(".", " ").strip("()[] ").split())
    if folded in PERSON_WORDS:
        return "person"
    if folded in ORGANISATION_WORDS:
        return "organisation"
    return None


def button_label(t: Translator, vocabulary: dict[str, str], code: str) -> str:
    """The word as a button shows it: first letter upper case, the rest as translated."""
    word = label(t, vocabulary, code)
    return word[:1].upper() + word[1:]


TRAITS = {
    "age": N_("age"), "income": N_("income"), "employees": N_("number of employees"),
    "city": N_("city"), "education": N_("education"), "gender": N_("gender"),
    "industry": N_("line of business"), "decision": N_("who decides"),
    "interests": N_("interests"), "segment": N_("segment"),
}  # fmt: skip


def team_name(t: Translator, team: Any) -> str:
    """How a team is called to its people: a personal team is "my own team" whatever its
    stored title (the owner's name, "Demo"); a group team by the group's title."""
    return str(t._("My own team")) if team.is_personal or not team.title else str(team.title)
