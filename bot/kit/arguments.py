"""Reading one-line commands as people type them on a phone.

Fields are separated by `;` or by a comma followed by a space, so a decimal comma
(`1.250,50`) stays inside its number: `/add Bakkerij de Vries, organisatie, Utrecht`.
Names followed by amounts, times and dates are read by the one grammar (bot/reading/grammar.py).
"""

from __future__ import annotations

import datetime as dt
import re

from bot import labels
from bot.kit.texts import Refusal
from bot.kit.turn import Turn
from locales import InputError
from locales.line_words import SECTORS, SERVICE_WORDS
from locales.name_words import ORGANISATION_NOUNS, city_as_written, city_said
from locales.numbers import shown_text
from locales.scripts import has_cyrillic_letter
from storage.models import ClientKind
from storage.names import is_legal_form, name_key
from storage.person_names import is_particle, says_person, title_length, title_written

_FIELD_SEPARATOR = re.compile(r";|,\s+")
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
_COMMAND = re.compile(r"/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?(?=$|[\s:])")
_JOINED_INITIALS = re.compile(r"(?<=\b[^\W\d_]\.)(?=[^\W\d_]\.)")  # "И.И." → "И. И."


def argument_text(turn: Turn) -> str:
    """Everything after the command word, as typed (spacing and commas kept)."""
    text = turn.text.strip()
    if not text.startswith("/"):
        return text
    # The command as Telegram marks it: "/verkoop: Jan Smit 200" is /verkoop, then the line.
    if command := _COMMAND.match(text):
        rest = text[command.end() :].removeprefix(":").strip()
    else:
        parts = text.split(maxsplit=1)
        rest = parts[1].strip() if len(parts) > 1 else ""
    # Nothing but separators ("/sale ; ,") says nothing: as if no argument was typed.
    return rest if fields(rest) or not has_separators(rest) else ""


def fields(text: str) -> list[str]:
    return [part.strip() for part in _FIELD_SEPARATOR.split(text) if part.strip()]


def has_separators(text: str) -> bool:
    return bool(_FIELD_SEPARATOR.search(text))


def name_kind_city(text: str) -> tuple[str, dict[str, str], list[str]]:
    """`Bakkerij de Vries, organisatie, Utrecht, Instagram` → the name, what else was said
    of them (kind, line of business, city, how they found the team) and the parts that said
    none of it (`…, Мск, стрижка`: the city was said, «стрижка» is no source), to be named back;
    dashes between spaces separate too when a kind word stands between them (`Lisa de Wit -
    particulier - Zwolle`)."""
    dashed = _SPACED_DASH.split(text)
    if len(dashed) > 1 and any(labels.kind_from_word(part) for part in dashed[1:]):
        text = ", ".join(dashed)
    # The name is the first field even when it is empty ("/add , Utrecht"): a city or a kind
    # moved up into its place would become a client's name.
    name, *rest = _FIELD_SEPARATOR.split(text) if has_separators(text) else [text]
    name, rest = name.strip(), [part.strip() for part in rest if part.strip()]
    said: dict[str, str] = {}
    unused: list[str] = []
    for part in rest:
        word = part.strip(".!")
        field, value = _field_of(part, word)
        # "🙂" is no city, nor «стрижка», nor «из Тулы» «Из Тулы»
        if field is None and word.casefold() not in SERVICE_WORDS and _has_letters(part):
            field, value = "city", city_said(part) if "city" not in said else None
        if field and value and field not in said:
            said[field] = value
        elif _has_letters(part) or any(map(str.isdigit, part)):  # a second city, «стрижка»,
            unused.append(part)  # a year too young to be one of birth: named back
    return name, said, unused


def _field_of(part: str, word: str) -> tuple[str | None, str | None]:
    """Which field a part of an /add line fills, and with what, if it says so by its words: a
    kind («ИП» alone too: «Козлов Дмитрий Андреевич, ИП, Казань»), a line of business
    ("Restaurant De Haven, horeca": no city), how they found the team («из инсты»)."""
    if kind := labels.kind_from_word(part) or ("organisation" if is_legal_form(part) else None):
        return "kind", kind
    # "Restaurant De Haven, horeca"; a business's own noun alone says its line of business
    # too, never its city («ИП Лебедев, барбершоп, Тула» took «Барбершоп» for the city and
    # dropped Тула, the Russian reader)
    if word.casefold() in SECTORS or word.casefold() in ORGANISATION_NOUNS:
        return "industry", word
    if source := labels.code_of("source", word):
        return "source", source
    return None, None


def kind_and_city_at_end(name: str) -> tuple[str, dict[str, str]]:
    """The kind typed after the name without commas, and a city after it: `Федорова Мария
    физлицо екатеринбург`, `mevr. Özdemir particulier utrecht` (a kind word and at most two
    words of a city after it). The kind word is typed in lower case: a capitalised one is part
    of the name (`ООО Бизнес Центр`, `De Zaak Noord`, `Café De Zaak`, `Кафе Бизнес`)."""
    words = name.split()
    for start in range(len(words) - 1, 0, -1):
        for count in (2, 1):
            city = [word for word in words[start + count :] if _has_letters(word)]  # not "🙂"
            typed = " ".join(words[start : start + count])
            kind = labels.kind_from_word(typed)
            if not kind or len(city) > 2 or typed != typed.casefold():
                continue
            said = {"kind": kind}
            if city:
                said["city"] = city_as_written(" ".join(city))
            return " ".join(words[:start]), said
    return name, {}


def person_word_at_end(name: str) -> tuple[str, dict[str, str]]:
    """A person's kind word typed in lower case after the name, before a comma («Орлова Яна
    физлицо, из ВКонтакте», `Eva Smit particulier, Zwolle`): never part of a name, as an
    organisation's word may be (`café de zaak, horeca`)."""
    words = name.split()
    for count in (2, 1):
        typed = " ".join(words[-count:])
        person = labels.kind_from_word(typed) == ClientKind.PERSON
        if len(words) > count and typed == typed.casefold() and person:
            return " ".join(words[:-count]), {"kind": ClientKind.PERSON.value}
    return name, {}


def _has_letters(text: str) -> bool:
    return any(character.isalpha() for character in text)


def person_as_written(name: str) -> str:
    """A person's name as it is written: typed all in lower case, capitalised (`иванова
    мария` → Иванова Мария, `анна-мария` → Анна-Мария; one typed with any capital stays as
    typed: `Jan van der Berg`, `de Vries`); initials spaced (`Иванова И.И.` → Иванова И. И.)."""
    name = initials_spaced(name)
    if name != name.casefold():
        return name
    titled = title_length(name_key(name))  # "dhr van der linden" → dhr. van der Linden
    return " ".join(
        title_written(word)
        if i < titled
        else word
        if i and is_particle(word)
        else "-".join(map(_first_capital, word.split("-")))
        for i, word in enumerate(name.split())
    )  # "jan van der berg" → Jan van der Berg


def name_as_written(name: str, kind: ClientKind | str) -> str:
    """A new client's name as natives write it, the one rule every way of adding one uses:
    a person's by `person_as_written`, an organisation's by `organisation_as_written`. A name
    typed in chat with a command in it ("Fietsenmaker? nee: /toevoegen jan de vries", a slip of
    the paste) is refused; an imported one is kept as the file has it."""
    if any(word.startswith("/") and word[1:2].isalpha() for word in name.split()):
        raise InputError(Refusal.COMMAND_IN_NAME, name=shown_text(name))
    if ClientKind(kind) == ClientKind.PERSON:
        return person_as_written(name)
    return organisation_as_written(name)


def organisation_as_written(name: str) -> str:
    """An organisation's name typed all in lower case, as natives write it: a legal form's
    letters in capitals and the name after it capitalised (`ооо ромашка` → ООО Ромашка,
    `кофейня зерно` → Кофейня зерно, an ИП's own name as a person's: `ип козлова анна
    викторовна` → ИП Козлова Анна Викторовна); a Dutch name with each word capitalised but
    its particles (`bakkerij de zon` → Bakkerij de Zon, `jansen bv` → Jansen BV). One typed
    with any capital stays as typed (`Kofe Mania`, `bakkerij De Zon`)."""
    if name != name.casefold():
        return name
    words = name.split()
    latin = not has_cyrillic_letter(name.casefold())
    own = [w for w in words if not is_legal_form(w)]
    if not latin and own and says_person(" ".join(own)):  # «ИП Козлова Анна Викторовна»
        person = person_as_written(" ".join(own))  # «иванова и.и.» → Иванова И. И.
        shown = [_legal_form_written(w) if is_legal_form(w) else person for w in words]
        return " ".join(dict.fromkeys(shown))  # the person's name once, where it begins
    written, first = [], True
    for i, word in enumerate(words):
        if is_legal_form(word):
            written.append(_legal_form_written(word))
            first = first and len(word.replace(".", "")) <= 3  # "Stichting de Brug"
            continue
        if first or (latin and not (i and is_particle(word))):
            word = "-".join(map(_first_capital, word.split("-")))
        written.append(word)
        first = False
    return " ".join(written)


def _legal_form_written(word: str) -> str:
    """`ооо` → ООО, `b.v.` → B.V.; a legal form that is a word stays one (`stichting` →
    Stichting, at the start of a name)."""
    return word.upper() if len(word.replace(".", "")) <= 3 else _first_capital(word)


def initials_spaced(name: str) -> str:
    """`Иванова И.И.` → Иванова И. И., as a person's initials are written."""
    return _JOINED_INITIALS.sub(" ", name)


def _first_capital(part: str) -> str:
    return part[:1].upper() + part[1:]


def birth_year(text: str, today: dt.date) -> int:
    """A year of birth as typed, from 1900 to this year."""
    year = text.strip()
    if not (year.isdigit() and 1900 <= int(year) <= today.year):
        raise InputError(Refusal.NOT_A_BIRTH_YEAR)
    return int(year)
