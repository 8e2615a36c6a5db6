"""The one way every command finds a client: exact key, then prefix, then fuzzy (Product rules)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import bindparam
from sqlmodel import Session, col, or_, select

from locales import N_, InputError
from storage.models import Client, ClientStatus
from storage.names import name_key
from storage.prepared import Prepared

MAX_CHOICES = 8  # 2–8 matches are offered as buttons
FUZZY_CUTOFF = 72
# A lone fuzzy match acts only when it is a typo of the name ("Bakerij" → Bakkerij, 97); a
# merely similar one ("Tandarts Bakker" → Tandarts Jansen, 73) is offered, never assumed.
SURE_MATCH = 90
SEARCHABLE = (ClientStatus.ACTIVE, ClientStatus.PROSPECT, ClientStatus.DECLINED)
GONE = N_("That client isn't here any more.")


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
) -> Resolution:
    key = name_key(query)
    if not key:
        raise InputError(N_("Which client? Type (part of) their name."))
    exact = _EXACT.first(session, {"team_id": team_id, "key": key})
    if exact is not None and exact[2] in statuses:
        return Resolution(query, (Match(exact[0], exact[1], exact[2]),), exact=True)
    base = select(Client.id, Client.name, Client.status, Client.name_key).where(
        Client.team_id == team_id, col(Client.status).in_(list(statuses))
    )
    pattern = _escape_like(key)
    prefixed = session.exec(
        base.where(
            or_(
                col(Client.name_key).like(f"{pattern}%", escape="\\"),
                col(Client.name_key).like(f"% {pattern}%", escape="\\"),
            )
        )
        .order_by(col(Client.name_key))
        .limit(MAX_CHOICES + 1)
    ).all()
    if prefixed:
        matches = tuple(Match(r[0], r[1], r[2]) for r in prefixed[:MAX_CHOICES])
        return Resolution(query, matches, too_many=len(prefixed) > MAX_CHOICES)
    rows = session.exec(base).all()
    if not rows:
        return Resolution(query, ())
    keys = [r[3] for r in rows]
    found = process.extract(
        key, keys, scorer=fuzz.WRatio, limit=MAX_CHOICES, score_cutoff=FUZZY_CUTOFF
    )
    matches = tuple(Match(rows[i][0], rows[i][1], rows[i][2]) for _, _, i in found)
    return Resolution(query, matches, sure=all(score >= SURE_MATCH for _, score, _ in found))


def similar_names(*, session: Session, team_id: int, name: str, limit: int = 3) -> list[Match]:
    """Existing clients whose names look like `name`: offered before creating a near-duplicate."""
    key = name_key(name)
    rows = session.exec(
        select(Client.id, Client.name, Client.status, Client.name_key).where(
            Client.team_id == team_id, Client.status != ClientStatus.ARCHIVED
        )
    ).all()
    if not rows or not key:
        return []
    found = process.extract(
        key, [r[3] for r in rows], scorer=fuzz.token_sort_ratio, limit=limit, score_cutoff=80
    )
    return [Match(rows[i][0], rows[i][1], rows[i][2]) for _, _, i in found]


_CLIENT = Client.__table__  # type: ignore[attr-defined]
# Prepared once: resolving a name happens on nearly every update (storage/prepared.py).
_STATUS = Prepared(
    select(_CLIENT.c.status).where(
        _CLIENT.c.team_id == bindparam("team_id"), _CLIENT.c.id == bindparam("client_id")
    )
)
_EXACT = Prepared(
    select(_CLIENT.c.id, _CLIENT.c.name, _CLIENT.c.status).where(
        _CLIENT.c.team_id == bindparam("team_id"), _CLIENT.c.name_key == bindparam("key")
    )
)


def client_status(*, session: Session, team_id: int, client_id: int) -> str:
    """The status of a client of this team; a forged or foreign id is an InputError."""
    status = _STATUS.scalar(session, {"team_id": team_id, "client_id": client_id})
    if status is None:
        raise InputError(GONE)
    return str(status)


def client_in_team(*, session: Session, team_id: int, client_id: int) -> Client:
    """A client by id, only if it belongs to the team (forged ids find nothing)."""
    client = session.get(Client, client_id)
    if client is None or client.team_id != team_id:
        raise InputError(GONE)
    return client


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def clients_with_status(
    *, session: Session, team_id: int, status: ClientStatus
) -> list[tuple[int, str]]:
    """(id, name) of the team's clients with a status, by name: prospects, declined …"""
    rows = session.execute(
        select(_CLIENT.c.id, _CLIENT.c.name)
        .where(_CLIENT.c.team_id == team_id, _CLIENT.c.status == status)
        .order_by(_CLIENT.c.name_key)
    ).all()
    return [(int(i), str(name)) for i, name in rows]
