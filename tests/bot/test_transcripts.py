"""What a Dutch and a Russian user see, word for word, kept as transcripts.

Each `*.in` file in tests/bot/transcripts/ is one `kompas chat` session, typed line by line;
the matching `*.out` is what the chat printed when it was recorded. Sessions of one language run
one after another on one database (SQLite, and PostgreSQL too) on a fixed Monday: first someone
starts their own team (onboarding, /add, /sale with Undo, a name nobody has, the client card,
/risk, /portrait, an unknown command), then a second person looks at the demo team (/risk,
/portrait, the list, a card, /settings with a change). Moving code around must not change one
byte of it.

After a deliberate change in what users see, record again with
`KOMPAS_RECORD_TRANSCRIPTS=1 pytest tests/bot/test_transcripts.py` and read the diff.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.settings import Settings
from bot.transports.offline_chat import ChatOptions, run_chat
from tests.conftest import FakeClock

HERE = Path(__file__).parent / "transcripts"
RECORD = os.environ.get("KOMPAS_RECORD_TRANSCRIPTS") == "1"
SESSIONS = {
    "own-team": {},
    "demo": {"demo": True, "user_id": 2002, "name": "Demo"},
}


async def _session(engine: Engine, clock: FakeClock, name: str, locale: str) -> tuple[Path, str]:
    typed = (HERE / f"{locale}-{name}.in").read_text(encoding="utf-8")
    out = io.StringIO()
    options = ChatOptions(locale=locale, **SESSIONS[name])  # type: ignore[arg-type]
    await run_chat(Settings(), engine, options, stdin=io.StringIO(typed), stdout=out, clock=clock)
    return HERE / f"{locale}-{name}.out", out.getvalue()


@pytest.mark.parametrize("locale", ["nl", "ru"])
async def test_a_session_reads_exactly_as_recorded(
    engine: Engine, clock: FakeClock, locale: str
) -> None:
    for name in SESSIONS:
        path, printed = await _session(engine, clock, name, locale)
        if RECORD:
            path.write_text(printed, encoding="utf-8")
        assert printed == path.read_text(encoding="utf-8"), f"{path.name} changed"
