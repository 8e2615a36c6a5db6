"""The last file each team imported: the same file sent again to a team whose data is as that
import left it adds nothing, so it is answered from one select instead of read and compared
row by row (issue 21: re-importing a 70 000-sale log took ~1 s).

"The same file" is the same bytes read the same way: the name's suffix (".xlsx" bytes are read
otherwise), the team's language and currency, today's date (``vandaag``, «вчера» and dates
without a year are read from it), who imports (a rating without "rated by" is theirs) and
Kompas's own reading and writing code (a newer Kompas may read a column an older one did not).

"As that import left it" is the team's ``data_version``, which every change of its clients,
sales, history or settings bumps (storage.teams.touch_team): caches rely on it too. The import
keeps the version it read before reading the team's clients and sales, plus its own bumps: a
change by someone else while the file was being compared never passes for the import's own,
so the next import of the file reads it again.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from pathlib import Path
from typing import NamedTuple

from sqlmodel import Session, select

from storage.models import ImportedFile, Team
from storage.teams import touches

_CODE = Path(__file__).resolve().parent.parent
_READING_AND_WRITING = ("storage", "locales")  # the packages whose code decides what a file adds


class TeamVersion(NamedTuple):
    """The team's data version as an import read it, and this session's bumps by then."""

    version: int
    touches: int


def team_version(session: Session, team_id: int) -> TeamVersion:
    """Read before the team's clients and sales, by an import that may remember its file."""
    version = session.exec(select(Team.data_version).where(Team.id == team_id)).one()
    return TeamVersion(version, touches(session))


def reading_key(
    *,
    digest: str,
    suffix: str,
    locale: str,
    currency: str,
    today: dt.date,
    user_id: int | None,
) -> str:
    """A file's bytes (`digest`) and everything that decides what they add, as one digest."""
    parts = (digest, suffix, locale, currency, today.isoformat(), str(user_id), _code_version())
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def imported_unchanged(session: Session, *, team_id: int, key: str) -> dt.datetime | None:
    """When the team imported this very file (``reading_key``), if nothing changed since."""
    statement = (
        select(ImportedFile.imported_at)
        .join(Team, Team.id == ImportedFile.team_id)  # type: ignore[arg-type]
        .where(
            ImportedFile.team_id == team_id,
            ImportedFile.digest == key,
            ImportedFile.data_version == Team.data_version,
        )
    )
    return session.exec(statement).first()


def remember_import(
    session: Session, *, team_id: int, key: str, read_at: TeamVersion, now: dt.datetime
) -> None:
    """Keep this file as the team's last import, once written (in the same transaction), with
    the version it leaves the team at if nobody else changed it meanwhile."""
    own = touches(session) - read_at.touches
    session.merge(
        ImportedFile(
            team_id=team_id, digest=key, data_version=read_at.version + own, imported_at=now
        )
    )


@functools.cache
def _code_version() -> str:
    """Kompas's reading and writing code as it is installed: a new release reads anew."""
    sources = sorted(
        path for package in _READING_AND_WRITING for path in (_CODE / package).rglob("*.py")
    )
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.relative_to(_CODE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
