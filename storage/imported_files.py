"""The last file each team imported: the same file sent again to a team whose data is as that
import left it adds nothing, so it is answered from one select instead of read and compared
row by row (issue 21: re-importing a 70 000-sale log took ~1 s).

"As that import left it" is the team's ``data_version``, which every change of its clients,
sales, history or settings bumps (storage.teams.touch_team): caches rely on it too. How the
cells were read (language, currency) is part of the match, since it decides what a cell means.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from storage.models import ImportedFile, Team


def imported_unchanged(
    session: Session, *, team_id: int, digest: str, locale: str, currency: str
) -> dt.datetime | None:
    """When the team imported this very file, read this way, if nothing changed since."""
    statement = (
        select(ImportedFile.imported_at)
        .join(Team, Team.id == ImportedFile.team_id)  # type: ignore[arg-type]
        .where(
            ImportedFile.team_id == team_id,
            ImportedFile.digest == digest,
            ImportedFile.locale == locale,
            ImportedFile.currency == currency,
            ImportedFile.data_version == Team.data_version,
        )
    )
    return session.exec(statement).first()


def remember_import(
    session: Session, *, team_id: int, digest: str, locale: str, currency: str, now: dt.datetime
) -> None:
    """Keep this file as the team's last import, once it is written (in the same transaction)."""
    version = session.exec(select(Team.data_version).where(Team.id == team_id)).one()
    session.merge(
        ImportedFile(
            team_id=team_id,
            digest=digest,
            locale=locale,
            currency=currency,
            data_version=version,
            imported_at=now,
        )
    )
