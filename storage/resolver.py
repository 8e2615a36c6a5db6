"""The one way every command finds a client: exact key, then prefix, then fuzzy (Product rules)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import bindparam
from sqlmodel import Session, col, or_, select

from locales import InputError
from locales.name_cases import nominatives
from storage.models import Client, ClientKind, ClientStatus
from storage.name_match import (
    a_word_mistyped,
    alike_words,
    business_word_respelled,
    her_surname,
    maybe_her_own_name,
    others_declined,
    same_letters,
    same_stems,
    words_begun,
)
from storage.names import is_legal_form, lookalike_key, mixes_scripts, name_key
from storage.person_names import (
    addresses,
    addresses_a_family,
    fits_initials,
    is_particle,
    is_title,
    looks_like_person,
    main_words,
    middle_positions,
    surname_and_initial,
    surname_initials,
    title_gender,
    title_length,
    titled,
    without_title,
)
from storage.refusals import Refused
from storage.statements import CoreStatement

MAX_CHOICES = 8  # 2–8 matches are offered as buttons
PREFIX_ROWS = 200  # prefix hits read to rank; beyond this many, "type more" anyway
FUZZY_CUTOFF = 72
CLOSE_NAME = 90  # /add asks "is this …?" from this token-sort score on
SEARCHABLE = (ClientStatus.ACTIVE, ClientStatus.PROSPECT, ClientStatus.DECLINED)


@dataclass(frozen=True)
class Match:
    id: int
    name: str
    status: str


@dataclass(frozen=True)
class Resolution:
    """What a typed name found: one client acts, 2–8 become buttons, none offers to add."""

    query: str
    matches: tuple[Match, ...]
    exact: bool = False
    too_many: bool = False
    sure: bool = True  # False: the matches only look like the query
    declined: bool = False  # found as a Russian case form of their name («Петровой»)
    # The one match whose surname, first name or whole name is the typed text word for word
    # (`Петрова` for «Петрова Мария» beside «Петровская Анна»), if only one is: it beats the
    # matches the typed text only begins (issue 17, round three).
    whole: Match | None = None

    @property
    def one(self) -> Match | None:
        """The client to act on at once: the only match, and a sure one."""
        return self.matches[0] if len(self.matches) == 1 and self.sure else None


def resolve_client(
    *,
    session: Session,
    team_id: int,
    query: str,
    statuses: Sequence[ClientStatus] = SEARCHABLE,
    turned: bool = False,
    person: bool = False,
) -> Resolution:
    """`person`: only persons may match (a form of address was typed before the name)."""
    key = name_key(query)
    if not key:
        raise InputError(Refused.WHICH_CLIENT)
    exact = _EXACT.first(session, {"team_id": team_id, "key": key})
    if exact is not None and exact[2] in statuses and (not person or exact[3] == ClientKind.PERSON):
        return Resolution(query, (Match(exact[0], exact[1], exact[2]),), exact=True)
    if all(map(is_legal_form, key.split(" "))) or is_title(key):  # «ООО», `dhr` alone
        return Resolution(query, ())
    if titled(query):
        return _addressed(session, team_id, query, statuses)
    base = select(Client.id, Client.name, Client.status, Client.name_key, Client.kind).where(
        Client.team_id == team_id, col(Client.status).in_(list(statuses))
    )
    if person:
        base = base.where(Client.kind == ClientKind.PERSON)
    pattern = _escape_like(key)
    prefixed = session.exec(
        base.where(
            or_(
                col(Client.name_key).like(f"{pattern}%", escape="\\"),
                col(Client.name_key).like(f"% {pattern}%", escape="\\"),
            )
        )
        .order_by(col(Client.name_key))
        .limit(PREFIX_ROWS)
    ).all()
    ranked = sorted(
        ((strength, r) for r in prefixed if (strength := _prefix_strength(key, r[3], r[4]))),
        key=lambda pair: -pair[0],  # stable: by name within a strength
    )
    if ranked:
        matches = tuple(Match(r[0], r[1], r[2]) for _, r in ranked[:MAX_CHOICES])
        wholes = [r for strength, r in ranked if strength == 2 and _names_whole(key, r[3], r[4])]
        whole = Match(wholes[0][0], wholes[0][1], wholes[0][2]) if len(wholes) == 1 else None
        return Resolution(query, matches, too_many=len(ranked) > MAX_CHOICES, whole=whole)
    if declined := _declined(session, base, query, key):
        return declined
    if key.count(" ") == 1 and not turned:  # «Анна Волкова» for «Волкова Анна»
        swapped = " ".join(reversed(key.split(" ")))
        other = resolve_client(
            session=session,
            team_id=team_id,
            query=swapped,
            statuses=statuses,
            turned=True,
            person=person,
        )
        if other.exact or other.one is not None:
            return replace(other, query=query)
    rows = session.exec(base).all()
    if not rows:
        return Resolution(query, ())
    if initials := surname_initials(key):  # «Петров И.С.»: the one Петров with those initials
        surname, letters = initials
        persons = [r for r in rows if r[4] == ClientKind.PERSON]
        fitting = [r for r in persons if fits_initials(r[3], surname, letters)]
        if not fitting:  # «Петрову И.С.», «Кузнецову А.И.»: the surname in another case
            readings = nominatives(surname)
            fitting = [r for r in persons if any(fits_initials(r[3], s, letters) for s in readings)]
        if fitting:
            matches = tuple(Match(r[0], r[1], r[2]) for r in fitting[:MAX_CHOICES])
            return Resolution(query, matches, too_many=len(fitting) > MAX_CHOICES)
    # A patronymic or middle name is no part of a fuzzy likeness unless it was typed too.
    typed_words = key.count(" ") + 1
    keys = [
        r[3]
        if r[3].count(" ") < typed_words
        else " ".join(main_words(r[3], person=r[4] == ClientKind.PERSON))
        for r in rows
    ]
    found = process.extract(
        key, keys, scorer=fuzz.WRatio, limit=MAX_CHOICES, score_cutoff=FUZZY_CUTOFF
    )
    found = [
        (name, score, i)
        for name, score, i in found
        if alike_words(key, keys[i], person=rows[i][4] == ClientKind.PERSON)
    ]
    seen = {i for _, _, i in found}
    found += [(k, 0, i) for i, k in enumerate(keys) if i not in seen and a_word_mistyped(key, k)]
    # "Jan de Vries" for the person «J. de Vries» (the same surname and first initial), not
    # only the look-alike Bakkerij de Vries (an attacker): first among the ones asked about
    readings = surname_and_initial(key, person=True)
    namesakes = [
        i
        for i, row in enumerate(rows)
        if row[4] == ClientKind.PERSON and readings & surname_and_initial(row[3], person=True)
    ]
    order = [*namesakes, *(i for _, _, i in found if i not in namesakes)][:MAX_CHOICES]
    matches = tuple(Match(rows[i][0], rows[i][1], rows[i][2]) for i in order)
    # A look-alike is asked about, however close: "Bakerij de Vries" may be a typo of
    # Bakkerij de Vries or a new bakery, and a sale must never land on a client the user did
    # not name (issue 17). A shortened name (each word begins the client's), the same letters
    # but for spaces and hyphens ("Jansen Visser") or a Russian case form («Кофейня Зерна»)
    # names the client.
    sure = not namesakes and all(
        words_begun(key, keys[i]) or same_letters(key, keys[i]) or same_stems(key, keys[i])
        for _, _, i in found
    )
    return Resolution(query, matches, sure=sure)


def _declined(session: Session, base: Any, query: str, key: str) -> Resolution | None:
    """The client a Russian name typed in another case names (`Николаевой Ирине` for
    «Николаева Ирина», `Петрову` for «Петров»): its nominative readings as whole names, else a
    one-word reading as a name's first or last word (`Петровой` for «Петрова Анна»,
    `Кузнецову` for «Артём Кузнецов»); None when they name no one."""
    forms = nominatives(key)
    if not forms:
        return None
    rows = session.exec(base.where(col(Client.name_key).in_(forms))).all()
    exact = True
    if not rows:  # the surname first («Петрова Анна»), or last, after the first name
        placed = [col(Client.name_key).like(f"{_escape_like(f)} %", escape="\\") for f in forms]
        placed += [
            col(Client.name_key).like(f"% {_escape_like(f)}", escape="\\")
            for f in forms
            if " " not in f
        ]
        rows = session.exec(base.where(or_(*placed)).limit(MAX_CHOICES + 1)).all()
        exact = False
    if not rows:
        return None
    matches = tuple(Match(r[0], r[1], r[2]) for r in rows[:MAX_CHOICES])
    # «Кузнецова Артёма»: the first name is declined too, so the surname is no woman's own
    sure = not maybe_her_own_name(key) or any(others_declined(key, r[3]) for r in rows)
    one = exact and len(rows) == 1 and sure
    return Resolution(
        query, matches, exact=one, sure=sure, too_many=len(rows) > MAX_CHOICES, declined=True
    )


def _addressed(
    session: Session, team_id: int, query: str, statuses: Sequence[ClientStatus]
) -> Resolution:
    """A name typed with a form of address (`dhr pietersen`, `mevr. r. visser`) names a person:
    the client with that very name but for the title, else the persons of that surname (and
    initial), else what the name without its title finds among persons (never a business); of
    the title's gender (entered, or the stored name's own title), asked of an unknown one."""
    key = name_key(query)
    if all(map(is_particle, without_title(key).split(" "))):  # "dhr van" names no one
        return Resolution(query, ())
    same = _titled_exact(session, team_id, key, statuses)
    if same is not None:  # "fam de jong" for "Fam. de Jong", "dhr Bos" for "Bos"
        return Resolution(query, (same,), exact=True)
    surname, gender = key.split(" ")[-1], title_gender(key)
    rows = session.exec(
        select(Client.id, Client.name, Client.status, Client.name_key, Client.gender)
        .where(
            Client.team_id == team_id,
            col(Client.status).in_(list(statuses)),
            Client.kind == ClientKind.PERSON,
            col(Client.name_key).like(f"%{_escape_like(surname)}%", escape="\\"),
        )
        .order_by(col(Client.name_key))
    ).all()
    of = {r[0]: r[4] or title_gender(r[3]) for r in rows}
    named = [
        r for r in rows if addresses(key, r[3]) and (gender is None or of[r[0]] in (None, gender))
    ]
    hits = [Match(r[0], r[1], r[2]) for r in named]
    if hits:  # "fam jansen" addresses a family: asked, never booked on Lisa Jansen
        gender_known = gender is None or all(of[r[0]] == gender for r in named)
        sure, many = gender_known and not addresses_a_family(key), len(hits) > MAX_CHOICES
        exact = len(hits) == 1 and sure
        return Resolution(query, tuple(hits[:MAX_CHOICES]), exact, many, sure)
    core = resolve_client(
        session=session, team_id=team_id, query=without_title(key), statuses=statuses, person=True
    )
    if gender is None:
        return replace(core, query=query, exact=False)
    ids = [m.id for m in core.matches]
    found = select(Client.id, Client.gender, Client.name_key).where(col(Client.id).in_(ids))
    genders = {i: said or title_gender(name) for i, said, name in session.exec(found).all()}
    kept = tuple(m for m in core.matches if genders.get(m.id) in (None, gender))
    sure = core.sure and all(genders.get(m.id) == gender for m in kept)
    return replace(core, query=query, matches=kept, exact=False, sure=sure, whole=None)


def _titled_exact(
    session: Session, team_id: int, key: str, statuses: Sequence[ClientStatus]
) -> Match | None:
    """The one client whose name is the typed one but for a form of address, typed with or
    without a dot (`dhr van der linden`, `mw jansen`, `fam de jong`); only when a title was
    typed, so `Smit` alone still finds every Smit."""
    if not title_length(key):
        return None
    core = without_title(key)
    rows = session.exec(
        select(Client.id, Client.name, Client.status, Client.name_key).where(
            Client.team_id == team_id,
            col(Client.status).in_(list(statuses)),
            or_(
                Client.name_key == core,
                col(Client.name_key).like(f"% {_escape_like(core)}", escape="\\"),
            ),
        )
    ).all()
    hits = [r for r in rows if without_title(r[3]) == core]
    return Match(hits[0][0], hits[0][1], hits[0][2]) if len(hits) == 1 else None


def _names_whole(typed: str, key: str, kind: str) -> bool:
    """Whether `typed` is whole words of the name `key` outside a patronymic or middle name:
    `петрова` of «петрова мария», `jan smit` of «jan smit», never `петрова` of «петровская»."""
    words, wanted = key.split(" "), typed.split(" ")
    middle = middle_positions(words, person=kind == ClientKind.PERSON)
    return any(
        words[position : position + len(wanted)] == wanted and position not in middle
        for position in range(len(words) - len(wanted) + 1)
    )


def _prefix_strength(typed: str, key: str, kind: str) -> int:
    """2: the typed text begins the name or its surname or first name; 1: it is a whole
    patronymic or middle name (ranked after); 0: only a patronymic's prefix, no match."""
    words = key.split(" ")
    middle = middle_positions(words, person=kind == ClientKind.PERSON)
    typed_words = typed.split(" ")
    first_typed = typed_words[0]
    strength = 0
    for position in range(len(words)):
        if not " ".join(words[position:]).startswith(typed):
            continue
        last = position + len(typed_words) - 1  # `Кузнецов` is no part of «Кузнецова»
        if last < len(words) and her_surname(typed_words[-1], words[last]):
            continue
        if position not in middle:
            return 2
        if words[position] == first_typed:
            strength = 1
    return strength


def similar_names(
    *, session: Session, team_id: int, name: str, kind: str | None = None, limit: int = 3
) -> list[Match]:
    """Existing clients `name` may well be (asked before adding a near-duplicate): the same
    surname and first initial («Фёдорова Мария» ~ «Фёдорова Мария Петровна», «Jan de Vries»
    ~ «J. de Vries»), or a name only a typo away (fuzzy score ≥ 90). `kind`: as typed, if said.
    """
    key = name_key(name)
    rows = session.exec(
        select(Client.id, Client.name, Client.status, Client.name_key, Client.kind).where(
            Client.team_id == team_id, Client.status != ClientStatus.ARCHIVED
        )
    ).all()
    if not rows or not key:
        return []
    typed_person = kind == ClientKind.PERSON or looks_like_person(key)
    mixed, skeleton = mixes_scripts(key), lookalike_key(key)
    scored: list[tuple[float, int]] = []
    for index, row in enumerate(rows):
        score = fuzz.token_sort_ratio(key, row[3])
        if (mixed or mixes_scripts(row[3])) and lookalike_key(row[3]) == skeleton:
            score = 100  # "Нotel De Linde" with a Cyrillic Н is "Hotel De Linde" to the eye
        if title_length(key) or title_length(row[3]):  # "Özdemir" ~ "mevr. Özdemir"
            score = max(score, fuzz.token_sort_ratio(without_title(key), without_title(row[3])))
        person = row[4] == ClientKind.PERSON
        if score < CLOSE_NAME and not person and business_word_respelled(key, row[3]):
            score = CLOSE_NAME  # "bakery de zon" may well be "Bakkerij de Zon"
        if score < CLOSE_NAME and person and addresses(key, row[3]):
            score = CLOSE_NAME  # "mw de boer" may well be "Anouk de Boer"
        if (
            score < CLOSE_NAME
            and kind != ClientKind.ORGANISATION
            and (person or typed_person or looks_like_person(row[3]))
            and surname_and_initial(key, person=True) & surname_and_initial(row[3], person=person)
        ):
            score = CLOSE_NAME
        if score >= CLOSE_NAME:
            scored.append((score, index))
    scored.sort(key=lambda pair: -pair[0])
    return [Match(rows[i][0], rows[i][1], rows[i][2]) for _, i in scored[:limit]]


_CLIENT = Client.__table__  # type: ignore[attr-defined]
# Built once: resolving a name happens on nearly every update (storage/statements.py).
_STATUS = CoreStatement(
    select(_CLIENT.c.status).where(
        _CLIENT.c.team_id == bindparam("team_id"), _CLIENT.c.id == bindparam("client_id")
    )
)
_EXACT = CoreStatement(
    select(_CLIENT.c.id, _CLIENT.c.name, _CLIENT.c.status, _CLIENT.c.kind).where(
        _CLIENT.c.team_id == bindparam("team_id"), _CLIENT.c.name_key == bindparam("key")
    )
)


def client_status(*, session: Session, team_id: int, client_id: int) -> str:
    """The status of a client of this team; a forged or foreign id is an InputError."""
    status = _STATUS.scalar(session, {"team_id": team_id, "client_id": client_id})
    if status is None:
        raise InputError(Refused.CLIENT_GONE)
    return str(status)


def client_in_team(*, session: Session, team_id: int, client_id: int, lock: bool = False) -> Client:
    """A client by id, only if it belongs to the team (forged ids find nothing); `lock`: the
    row stays locked until the transaction ends (a decision that reads, then writes, it)."""
    client = session.get(Client, client_id, with_for_update=lock, populate_existing=lock)
    if client is None or client.team_id != team_id:
        raise InputError(Refused.CLIENT_GONE)
    return client


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
