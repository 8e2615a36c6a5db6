"""`kompas report` and `kompas digest --dry-run`: a team's analysis and digest in a terminal."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from storage import demo
from storage.engine import make_engine, new_session
from storage.migrate import upgrade
from tests.factories import make_team
from tests.test_cli import ROOT, kompas

GROUP = -900


@pytest.fixture
def demo_db(tmp_path: Path) -> str:
    """A database file with the demo agency, as `kompas chat --demo` would leave it."""
    url = f"sqlite:///{tmp_path / 'kompas.db'}"
    engine = make_engine(url)
    upgrade(engine)
    team = make_team(engine, chat_id=GROUP, owner_id=21, locale="nl", currency="EUR")
    now = dt.datetime.now(dt.UTC)
    with new_session(engine) as session:
        demo.seed_demo(session=session, team=team, today=now.date(), now=now)
        session.commit()
    engine.dispose()
    return url


# "📊 Kompas · 1–7 dec" or "… · 30 nov – 6 dec": the digest names the days it counts.
DAYS_TITLE = re.compile(r"📊 Kompas · \d{1,2}(\s[a-z]+)?\s?–\s?\d{1,2} [a-z]+\n")  # "1–7 december"


def test_report_as_json_has_the_documented_keys(demo_db: str) -> None:
    result = kompas("--db", demo_db, "report", "--team", str(GROUP), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    concentration = report["concentration"]
    for key in ("top1_share", "top3_share", "top20_share", "hhi", "equivalent_clients"):
        assert key in concentration
    assert 0 < concentration["top1_share"] <= concentration["top3_share"] <= 1
    for key in (
        "over_reliant",
        "watch",
        "time_eaters",
        "decline_candidates",
        "disagreements",
        "overdue_ideal",
        "owed",
        "portrait",
        "grades",
        "warnings",
    ):
        assert key in report, key
    assert report["over_reliant"], "the demo agency leans on one hotel"


def test_a_json_report_loads_no_renderers_catalogs_or_telegram(demo_db: str) -> None:
    """Issue 21: `kompas report --json` is a data-minded user's pipe; what it does not show (the
    chat's texts, the catalogs, Telegram) it should not spend start-up time importing."""
    import subprocess
    import sys

    argv = ["--db", demo_db, "report", "--team", str(GROUP), "--json"]
    script = (
        "import contextlib, io, sys\n"
        "from bot.cli.main import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): code = main({argv!r})\n"
        "print(code, sorted(m for m in sys.modules if m.startswith(\n"
        "    ('bot.render', 'bot.kit', 'locales.translation', 'locales.dates', 'telegram'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.splitlines()[-1] == "0 []"


def test_report_as_text_in_the_teams_language(demo_db: str) -> None:
    result = kompas("--db", demo_db, "report", "--team", str(GROUP))
    assert result.returncode == 0, result.stderr
    assert "Boven de grens" in result.stdout and "Hotel De Linde" in result.stdout
    assert "<b>" not in result.stdout  # plain text for a terminal, not Telegram's HTML


def test_digest_dry_run_prints_it_and_writes_the_chart(demo_db: str, tmp_path: Path) -> None:
    chart = tmp_path / "chart.png"
    result = kompas(
        "--db", demo_db, "digest", "--team", str(GROUP), "--dry-run", "--chart", str(chart)
    )
    assert result.returncode == 0, result.stderr
    assert DAYS_TITLE.match(result.stdout), result.stdout  # the days it counts, no week number
    assert "Afhankelijk van grote klanten" in result.stdout and "<b>" not in result.stdout
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_digest_dry_run_without_chart_writes_no_file(demo_db: str, tmp_path: Path) -> None:
    here = tmp_path / "cwd"
    here.mkdir()
    result = kompas(
        "--db", demo_db, "digest", "--team", str(GROUP), "--dry-run",
        cwd=here, env={"PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert DAYS_TITLE.match(result.stdout), result.stdout  # the days it counts, no week number
    assert list(here.iterdir()) == [] and "chart written" not in result.stdout


def test_an_unknown_team_is_one_clear_line(demo_db: str) -> None:
    result = kompas("--db", demo_db, "report", "--team", "12345")
    assert result.returncode == 1
    assert result.stderr.strip() == "kompas: no team with chat id 12345"


def test_a_report_piped_on_is_whole_though_the_process_ends_at_once(demo_db: str) -> None:
    """`kompas report` ends its process without Python's shutdown once done (issue 21): what
    it printed must all be out first, a JSON document that parses, and the status 0."""
    result = kompas("--db", demo_db, "report", "--team", str(GROUP), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["active_clients"] > 0


def test_a_report_that_cannot_be_written_says_so_in_one_line(demo_db: str) -> None:
    """`kompas report > /dev/full` printed a Python traceback (an attacker)."""
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "--db", demo_db, "report", "--team", str(GROUP)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr == "kompas: cannot write the output: No space left on device\n"
