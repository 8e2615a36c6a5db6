"""A one-line /add or /check, read: the name, what else it says of the client (kind, city,
source, a year of birth or an age), and a phone number or e-mail address typed in it, which
Kompas does not keep.
The handlers decide what to do with it (bot/handlers/clients.py, bot/handlers/check.py)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from bot.kit import arguments
from bot.kit.client_dialog import has_legal_form, kind_in_name
from bot.reading import grammar
from bot.render.refusals import (
    NO_EMAIL_ADDRESSES,
    NO_EMAIL_ADDRESSES_CHECKED,
    NO_PHONE_NUMBERS,
    NO_PHONE_NUMBERS_CHECKED,
    NOT_A_BIRTH_YEAR,
    YEAR_AFTER_A_NAME,
)
from locales import InputError
from locales.line_words import (
    AGE_SAID,
    BIRTH_YEAR_SAID,
    BUSINESS_CITY_MARKERS,
    CITY_PREPOSITIONS,
    EMPLOYEES_SAID,
    KNOWN_CITY_MARKERS,
    PERSON_CITY_PREPOSITIONS,
)
from locales.name_words import city_as_written, city_said
from storage.columns import source_after_name
from storage.models import ClientKind
from storage.names import name_key
from storage.person_names import (
    is_particle,
    is_russian_surname,
    looks_like_person,
    says_person,
    titled_name_length,
)


@dataclass(frozen=True)
class LineSaid:
    """A one-line /add or /check: the name, what else was said of them (kind, city, source,
    year of birth …), the line without a year of birth, the words a sale would be in, and the
    parts that said nothing the bot understood."""

    name: str
    said: dict[str, Any]
    text: str
    typed: str
    unused: list[str]


def said_in_line(text: str, today: dt.date) -> LineSaid:
    """`Новикова Дина, 30 лет, Казань, от подруги` → the name and her traits: the one reading
    /add and /check share."""
    text, born = _birth_year_said(text, today)
    text, staff = _employees_said(text)
    name, said, unused = arguments.name_kind_city(text)
    if "source" not in said:  # "Jan de Vries via Marktplaats", «Петрова Анна из инсты»
        name, source = source_after_name(name)
        said = {**said, **({"source": source} if source else {})}
    at_end: dict[str, str] = {}
    # "/add Иванова Ольга физлицо екатеринбург", "… particulier": a kind word typed without
    # commas; in a line with commas a kind has its own part, and "Café De Zaak, horeca" keeps
    # its "Zaak" (issue 20)
    if "kind" not in said and not arguments.has_separators(text):
        name, at_end = arguments.kind_and_city_at_end(name)
        said = {**at_end, **said}
    elif "kind" not in said:  # «Орлова Яна физлицо, из ВКонтакте»: a person's word ends a name
        name, person = arguments.person_word_at_end(name)
        said = {**person, **said}
    if "city" not in said:  # "Kwekerij Van den Heuvel VOF tiel": the city after a legal form
        name, city = _city_after_legal_form(name)
        said = {**said, **city}
    if "city" not in said:  # «Иванова Мария из Тулы», "Jan de Vries uit Utrecht"
        name, city, unread = _city_after_name(name)
        said, unused = {**said, **city}, [*unused, *unread]
    # «ИП Сидоренко Ольга», "De Zon B.V."; «Козлов Дмитрий Андреевич», «Иванова И.И.»
    if "kind" not in said and (kind := kind_in_name(name)):
        said["kind"] = kind.value
    if born is not None and said.get("kind") == "organisation":
        unused = [*unused, str(born)]  # an organisation has no year of birth: said back
    elif born is not None:  # "/add Петрова Анна 1990 г.р.": only a person has a year of birth
        said = {"kind": "person", **said, "birth_year": born}
    if staff is not None and said.get("kind") == "person":
        unused = [*unused, staff.text]  # a person has no employees: said back
    elif staff is not None:  # "/check Bakkerij Noord, 8 medewerkers": a business's size
        said = {"kind": "organisation", **said, "employees": staff.count}
    typed = text
    if at_end:  # "/toevoegen Sportschool 24 bedrijf": the kind word is no part of a sale
        typed = ", ".join([name, *([at_end["city"]] if "city" in at_end else [])])
    return LineSaid(name, said, text, typed, unused)


# A phone number: "+7 916 123-45-67", "+31 6 12345678", "8 (916) 123-45-67", "06-12345678",
# "89161234567", "8 916 123 45 67": ten digits or more, never an amount ("150 000 000", groups of
# three) nor a date ("12-03-2024").
_DIGIT_RUN = re.compile(r"(?:^|(?<=[\s,;:]))\+?[\d(][\d\s()\-]*\d(?=$|[\s,;.])")
_DATE_IN_RUN = re.compile(r"(?<![\d-])\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})(?![\d-])")


def phone_in_line(text: str) -> re.Match[str] | None:
    """The phone number typed in an /add line, if any."""
    for run in _DIGIT_RUN.finditer(text):
        found = run.group()
        digits = re.sub(r"\D", "", found)
        if len(digits) < 10 or _DATE_IN_RUN.search(found):
            continue
        groups = re.split(r"[\s()\-]+", found.lstrip("+("))
        if found.startswith("+") or re.search(r"[-()]", found):
            return run
        if len(groups) == 1 and digits[0] in "078" and len(digits) <= 11:
            return run
        if len(groups) > 1 and any(len(group) != 3 for group in groups[1:]):
            return run
    return None


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[^\W_][\w-]*(?:\.[\w-]+)+")


def refuse_contact_data(text: str, *, checking: bool) -> None:
    """A phone number or an e-mail address typed in an /add or /check line, which Kompas does
    not keep (Product rules): refused, nothing added, with the line to send without it — the
    one rule both commands follow (a second reader found /check stored the phone in the name
    and /add an e-mail address as the city)."""
    rest, phone, email = text, None, None
    while found := phone_in_line(rest):
        phone = phone or found
        rest = rest[: found.start()] + " " + rest[found.end() :]
    while found := _EMAIL.search(rest):
        email = email or found
        rest = rest[: found.start()] + " " + rest[found.end() :]
    if phone is None and email is None:
        return
    if checking:
        message = NO_PHONE_NUMBERS_CHECKED if phone else NO_EMAIL_ADDRESSES_CHECKED
    else:
        message = NO_PHONE_NUMBERS if phone else NO_EMAIL_ADDRESSES
    rest = re.sub(r"\s*[,;]\s*(?=[,;]|$)", "", re.sub(r"\s+", " ", rest))
    raise InputError(message, text=rest.strip(" ,;"))


def _birth_year_said(text: str, today: dt.date) -> tuple[str, int | None]:
    """An /add line without its year of birth, and the year (None when not said); an age
    (`30 лет`, `45 jaar`) says the year too, as near as a year can."""
    match = BIRTH_YEAR_SAID.search(text) or AGE_SAID.search(text) or _bare_year(text, today)
    if match is None:
        return text, None
    year = today.year - int(match["age"]) if "age" in match.re.groupindex else None
    year = year or int(match["year"] or match["after"])
    if not 1900 <= year <= today.year:
        raise InputError(NOT_A_BIRTH_YEAR, year=str(year))
    rest = (text[: match.start()] + text[match.end() :]).strip(" ,;")
    return re.sub(r"\s*[,;]\s*[,;]\s*", ", ", rest), year


class Staff(NamedTuple):
    count: int
    text: str  # as typed, to be said back when it cannot be a client's


def _employees_said(text: str) -> tuple[str, Staff | None]:
    """An /add or /check line without its number of employees, and the number (None when not
    said): "Bakkerij Noord, 8 medewerkers", «ООО Вектор, 15 сотрудников»."""
    match = EMPLOYEES_SAID.search(text)
    if match is None:
        return text, None
    rest = (text[: match.start()] + text[match.end() :]).strip(" ,;")
    count = int(match["count"] or match["after"])
    return re.sub(r"\s*[,;]\s*[,;]\s*", ", ", rest), Staff(count, match[0].strip(" ,;"))


_BARE_YEAR = re.compile(r"(?<=[,;])\s*(?P<year>(?:19|20)[0-9]{2})\s*(?=$|[,;])")


def _bare_year(text: str, today: dt.date) -> re.Match[str] | None:
    """A year alone in its own field, after a person's name («Петрова Ольга, 1990», "Jan de
    Vries, 1985") or in a line that says two more things of the client («Лиана Хасанова,
    частное лицо, Казань, Instagram, 1995»): a year of birth, not a sale's amount, when an
    adult could have been born in it. After a business's name ("Bakkerij, 2000") it is not."""
    match = _BARE_YEAR.search(text)
    fields = [part for part in re.split(r"[,;]", text) if part.strip()]
    if match is None or not 1920 <= int(match["year"]) <= today.year - 14:
        return None
    return match if len(fields) >= 4 or _person_named(fields[0]) else None


def refuse_year_in_name(text: str, name: str, today: dt.date) -> None:
    """`/check Сидорова Яна 1990`: a year an adult was born in, typed after a person's name
    without a comma, would become part of the name; asked about, with the line that says it
    (/add asks too: its line reads as a sale)."""
    *words, last = name.split() or [""]
    if not (last.isdigit() and len(last) == 4 and 1920 <= int(last) <= today.year - 14):
        return
    if _person_named(" ".join(words)):
        said = text.replace(name, f"{' '.join(words)}, {last}", 1)
        raise InputError(YEAR_AFTER_A_NAME, year=last, text=said.strip())


def _person_named(name: str) -> bool:
    """A name shaped like a person's and like no business's: a Russian surname («Петрова
    Ольга»), a Dutch particle ("Jan de Vries"), a patronymic, an initial or a form of address
    — two to four words of letters, no legal form, no business word."""
    words = name_key(name).split()
    if not 2 <= len(words) <= 4 or kind_in_name(name) == ClientKind.ORGANISATION:
        return False
    if not all(word.rstrip(".").replace("-", "").isalpha() for word in words):
        return False
    return (
        says_person(name)
        or looks_like_person(" ".join(words))
        or any(is_russian_surname(word) or is_particle(word) for word in words)
    )


def _city_after_legal_form(name: str) -> tuple[str, dict[str, str]]:
    """The city after a name that says where it ends, written as natives do: one or two
    lower-case words after a legal form (`Kwekerij Van den Heuvel VOF tiel` → Tiel) or after
    a form of address and a surname typed with its capital (`familie van Dijk amersfoort`);
    after a legal form also `te` or `uit` and the city in any case (`Jansen B.V. te Utrecht`).
    A legal form that begins the name (`Stichting vrienden van …`) is followed by the name."""
    words = name.split()
    titled = titled_name_length([name_key(word) for word in words])
    for count in (1, 2, 3):
        end = len(words) - count
        if end < 1:
            break  # no name left before it
        city = words[end:]
        placed = city[0].casefold() in CITY_PREPOSITIONS and len(city) > 1
        if placed:
            city = city[1:]
        # After a form of address, only a surname typed with its capital ends the name:
        # "mevr anna jansen" may be all name, "mevr. Jansen utrecht" is not.
        after_title = titled == end and words[end - 1] != words[end - 1].casefold()
        if not ((end >= 2 and has_legal_form(words[end - 1])) or after_title) or len(city) > 2:
            continue
        lower = all(w == w.casefold() for w in city)
        if all(w.replace("-", "").isalpha() for w in city) and (
            lower or (placed and has_legal_form(words[end - 1]))
        ):
            return " ".join(words[:end]), {"city": city_as_written(" ".join(city))}
    return name, {}


def _city_after_name(name: str) -> tuple[str, dict[str, str], list[str]]:
    """A city after a name and «из», `uit` or `te`: the name, and the city («из Москвы» →
    Москва), or, for a city in a case Kompas doesn't know («из Тулы»), the words said back
    unused, never kept in the name. After a person's name (which holds none of those words)
    always; after a business's, `te` (`Tandartspraktijk Kok te Zeist`) and a city Kompas knows
    after «из» (`ООО Вектор из москвы`), as a business's own name may say "uit"."""
    words = name.split()
    for at in range(len(words) - 2, 0, -1):
        city = words[at + 1 :]
        if words[at].casefold() not in PERSON_CITY_PREPOSITIONS or len(city) > 2:
            continue
        if not all(w.replace("-", "").isalpha() for w in city):
            continue
        before, said = " ".join(words[:at]), city_said(" ".join(words[at:]))
        if not _person_named(before):
            marker = words[at].casefold()
            placed = marker in BUSINESS_CITY_MARKERS or (marker in KNOWN_CITY_MARKERS and said)
            return (before, {"city": said}, []) if placed and said else (name, {}, [])
        if said is None:
            return before, {}, [" ".join(words[at:])]
        return before, {"city": said}, []
    return name, {}, []


def sale_typed(reader: grammar.Reader, text: str) -> bool:
    """Whether an /add line is a sale; a legal-form organisation's number is its name's
    (`/add ООО Ромашка 2000`)."""
    words = text.split()
    if has_legal_form(text) and len(words) > 2 and words[-1].isdigit():
        text = " ".join(words[:-1])
    return grammar.has_sale_fields(reader, text)
