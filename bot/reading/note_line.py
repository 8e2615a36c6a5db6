"""How a one-line /complaint or /compliment splits into the client and the note (README:
Typing commands): the longest leading words that name a client, a surname with initials, a form
of address and a surname (known or new), after a lead-in such as `van` or «от»."""

from __future__ import annotations

import re

from bot.kit import arguments
from bot.kit.turn import Turn
from bot.reading import grammar
from storage import name_match, resolver
from storage.names import name_key, plausible_name
from storage.person_names import (
    addresses,
    is_particle,
    surname_initials,
    titled,
    titled_name_length,
)

# A surname, one or two initials with their dots, then the note: «Иванова И.И. опоздала».
_INITIALS_FIRST = re.compile(
    r"(?P<name>[^\W\d_][\w'-]+\s+[^\W\d_]\.(?:\s?[^\W\d_]\.)?)[\s:;,]+(?P<note>\S.*)", re.S
)


def _split_client(text: str) -> tuple[str, str | None]:
    """'Bakkerij de Vries: te laat' or 'Bakkerij de Vries, te laat' → (client, note)."""
    for separator in (":", ";", ", "):
        if separator in text:
            client, rest = text.split(separator, 1)
            return client.strip(), rest.strip() or None
    return text.strip(), None


async def read_note_line(turn: Turn, text: str) -> tuple[str | None, str | None]:
    """A complaint's or compliment's line as (the client's name as typed, the note); the name
    is None when no words name a client (then which client is asked, the note kept)."""
    if initials := _INITIALS_FIRST.fullmatch(text.strip()):
        # "/complaint Иванова И.И. опоздала на час": a surname with initials is a name,
        # known or new (a person), and the note is what follows, never the initials
        name, note = arguments.initials_spaced(initials["name"]), initials["note"]
        return name, note.lstrip(":;,— ").strip() or None
    client, note = _split_client(text)
    if note is None or not await names_a_client(turn, client):
        # "/complaint Жукова скандалила из-за цены" (or "Жукова сказала: дорого"): the name is
        # the words that name a client; with none, a separator still says where the name ends
        leading = await _leading_client(turn, text)
        if leading[0] is not None or note is None:
            client, note = leading
        else:  # "/complaint Пупкин: грубил" and no Пупкин: which client is asked, the note kept
            client = None
    if client is not None and note is None and not plausible_name(client):
        client, note = None, text  # "/compliment top": a note; which client is asked
    if client is None and (titled := _titled_name(text)):
        client, note = titled  # "mevr bos heel tevreden": someone new, a person
    if client is not None and note:  # "Jan Smit - te laat": the dash only ended the name
        note = note.lstrip("-–—:;, ").strip() or None
    return client, note


def _titled_name(text: str) -> tuple[str, str | None] | None:
    """A form of address and a surname at the start (`mevr bos heel tevreden`, `dhr. K. de
    Wit: top`) and the rest as the note: the name ends there even when it is new."""
    words = text.split()
    count = titled_name_length([name_key(w.rstrip(grammar.NAME_PUNCTUATION)) for w in words])
    if not count or not titled(text):
        return None
    note = " ".join(words[count:]).lstrip(":;,—- ").strip()
    return " ".join(words[:count]).rstrip(grammar.NAME_PUNCTUATION), note or None


async def names_a_client(turn: Turn, name: str) -> bool:
    """Exactly, or as the start of a client's name: a fuzzy look-alike is not enough."""
    found = await turn.run(resolver.resolve_client, team_id=turn.team_id, query=name)
    return found.exact or any(_begins(name, m.name) for m in found.matches)


async def _leading_client(
    turn: Turn, text: str, governed: bool = False
) -> tuple[str | None, str | None]:
    """The longest leading words that name one client (exactly, or the only one they begin),
    and the rest as the note; else the longest that begin several, for buttons. The words may
    name the client in another order or without a Dutch article (grammar.name_forms).
    `governed`: a preposition came first («от Кузнецова»), so a declined reading is the case
    it asks for, not a woman's own surname."""
    several = None
    for typed, rest in grammar.leading_names(text):
        for words in grammar.name_forms(typed):
            if all(map(is_particle, name_key(words).split())):
                continue  # "van", "de": the start of many names, never a name by itself
            found = await turn.run(resolver.resolve_client, team_id=turn.team_id, query=words)
            if not found.exact and _only_lead_in(words):
                continue  # «у» begins «Улыбка», but «у нас Лотас грубили» names no one
            begun = [m for m in found.matches if _begins(words, m.name)]
            if not found.exact and _name_goes_on(words, rest, begun):
                continue  # "Пётр Соловьёв …" is never «Нотариус Петрова»
            # After «от», «у нас»: a case form is the case asked for, never a mere look-alike
            # («у нас Лотас грубили» is nobody, not «Стоматология «Улыбка»»).
            if rest and found.one and not found.exact and _part_of_a_word(words, found.one.name):
                continue  # "fiets niet op tijd klaar" names no "Fietsenwinkel": a sentence
            if governed and found.declined and not found.one and len(found.matches) == 1:
                return found.matches[0].name, rest or None  # the name as the list holds it
            if found.exact or (
                found.one
                and (
                    begun
                    or " " not in words
                    # "tandarts smit" for "Tandartspraktijk Smit": each word begins theirs
                    or name_match.words_begun(name_key(words), name_key(found.one.name))
                    or surname_initials(name_key(words)) is not None  # «Е. Лебедев»
                )
            ):
                if not found.exact and found.one is not None:
                    words, rest = _with_misspelt_rest(words, rest, found.one.name)
                return words, rest or None
            if several is None and begun and len(begun) == len(found.matches):
                several = (words, rest or None)
    if several is not None:
        return several
    if lead_in := grammar.NOTE_LEAD_IN.match(text):  # «у нас Николаевой Ирине не понравилось»
        client, rest = await _leading_client(turn, text[lead_in.end() :], governed=True)
        if client is not None:
            kept = lead_in["ours"] or ""  # «у нас не понравилось»; «от», «на» go with the name
            return client, " ".join(filter(None, (kept, rest))) or None
    return (text, None) if " " not in text.strip() else (None, text)


def _part_of_a_word(typed: str, name: str) -> bool:
    """One typed word that is only the start of one of the name's words (`fiets` of
    "Fietsenwinkel"): too little to name a client when a sentence follows it."""
    return " " not in typed.strip() and name_key(typed) not in name_key(name).split()


def _only_lead_in(words: str) -> bool:
    lead_in = grammar.NOTE_LEAD_IN.match(f"{words} x")
    return lead_in is not None and lead_in.end() == len(words) + 1


def without_name(note: str | None, name: str) -> str | None:
    """The note without the client's name typed (maybe misspelt) at its start: `jna smit te
    laat` for "Jan Smit" is `te laat`; a note that is only the name is no note."""
    if not note:
        return note
    words, key = note.split(), name_key(name).split()
    typed = [name_key(word.rstrip(grammar.NAME_PUNCTUATION)) for word in words[: len(key)]]
    if len(typed) < len(key) or not all(map(name_match.alike_word, typed, key)):
        return note
    return " ".join(words[len(key) :]).lstrip(":;,—–- ").strip() or None


def _with_misspelt_rest(words: str, rest: str, name: str) -> tuple[str, str]:
    """The typed name with the next words that are typos of the rest of the client's name:
    `bakkerij de vris heel lekker` names "Bakkerij de Vries", and the note is `heel lekker`."""
    typed, key = name_key(words).split(), name_key(name).split()
    following = rest.split()
    if key[: len(typed)] != typed:
        return words, rest
    taken = 0
    for expected, word in zip(key[len(typed) :], following, strict=False):
        if not name_match.alike_word(name_key(word), expected):
            break
        taken += 1
    if not taken:
        return words, rest
    return " ".join([words, *following[:taken]]), " ".join(following[taken:])


def _name_goes_on(words: str, rest: str, begun: list[resolver.Match]) -> bool:
    """Whether a capitalised word follows that the names they match don't hold: `Пётр
    Соловьёв` goes on past `Пётр`, which merely begins «Петрова», and `Pizzeria Nieuw` past
    `Pizzeria`, which begins Pizzeria Bella."""
    following = rest.split()[:1]
    if not following or not following[0][:1].isupper():
        return False
    last, then = name_key(words).split()[-1:], name_key(following[0]).split()
    return not any(
        set(last) <= set(key) and set(then) <= set(key)
        for key in (name_key(m.name).split() for m in begun)
    )


def _begins(words: str, name: str) -> bool:
    """Whether the typed words begin the name or one of its words (the resolver's prefix), or
    address them by surname (`dhr pietersen` for «Kees Pietersen»)."""
    typed, key = name_key(words), name_key(name)
    return key.startswith(typed) or f" {typed}" in key or addresses(typed, key)
