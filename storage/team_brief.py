"""What reading a file for a team needs of it, read without the ORM.

``kompas import`` starts the file reader's child process with the team's language, currency
and today's date; looking the team up with one plain select lets the child start before this
process has loaded the models and the writer, which it then loads while the child reads
(issue 21).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text


@dataclass(frozen=True)
class TeamBrief:
    id: int
    locale: str
    currency: str
    timezone: str


def team_brief(engine: Engine, chat_id: int) -> TeamBrief | None:
    """The team of this chat, or None when there is none."""
    statement = text("SELECT id, locale, currency, timezone FROM team WHERE chat_id = :chat_id")
    with engine.connect() as connection:
        row = connection.execute(statement, {"chat_id": chat_id}).first()
    return None if row is None else TeamBrief(*row)
