"""`kompas import` and `kompas export` as a shell user meets them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from storage.engine import make_engine, new_session
from storage.migrate import upgrade
from storage.models import AuditLog, Sale
from storage.sales import delete_sale
from storage.teams import create_team, team_by_chat, update_team
from tests.test_cli import kompas

FILES = Path(__file__).parent / "storage" / "files"
CHAT = "-1001234"
NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)


def database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    engine = make_engine(url)
    upgrade(engine)
    with new_session(engine) as session:
        create_team(
            session=session,
            chat_id=int(CHAT),
            title="Bakkerij",
            locale="nl",
            owner_id=1,
            owner_name="Jan",
            is_personal=False,
            now=dt.datetime(2026, 11, 23, tzinfo=dt.UTC),
        )
        session.commit()
    engine.dispose()
    return url


def sales_count(url: str) -> int:
    engine = make_engine(url)
    with new_session(engine) as session:
        count = session.scalar(select(func.count()).select_from(Sale))
    engine.dispose()
    return count or 0


def test_import_then_export_and_import_the_export_adds_nothing(tmp_path: Path) -> None:
    url = database(tmp_path)
    sales = str(FILES / "nl_sales_semicolon_bom.csv")

    first = kompas("--db", url, "import", "--team", CHAT, sales)
    exported = kompas("--db", url, "export", "--team", CHAT, "--out", str(tmp_path / "out"))
    back = kompas("--db", url, "import", "--team", CHAT, str(tmp_path / "out" / "sales.csv"))

    assert first.returncode == 0, first.stderr
    assert "imported sales" in first.stdout and "sales added: 4, already there: 0" in first.stdout
    assert "clients added: 3" in first.stdout
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "out" / "clients.csv").read_bytes().startswith(b"\xef\xbb\xbfKlant;")
    assert back.returncode == 0 and "sales added: 0, already there: 4" in back.stdout
    assert sales_count(url) == 4


def test_a_history_file_goes_out_and_comes_back_without_doubling(tmp_path: Path) -> None:
    url = database(tmp_path)
    kompas("--db", url, "import", "--team", CHAT, str(FILES / "nl_sales_semicolon_bom.csv"))
    history = tmp_path / "history.csv"
    history.write_text(
        "Klant;Datum;Gebeurtenis;Criterium;Cijfer\n"
        "Studio Noord;01-11-2026;klacht;;\n"
        "Studio Noord;02-11-2026;beoordeling;betaalt op tijd;2\n",
        encoding="utf-8",
    )

    first = kompas("--db", url, "import", "--team", CHAT, str(history))
    kompas("--db", url, "export", "--team", CHAT, "--out", str(tmp_path / "out"))
    back = kompas("--db", url, "import", "--team", CHAT, str(tmp_path / "out" / "history.csv"))

    assert first.returncode == 0, first.stderr
    assert "imported history" in first.stdout
    assert "complaints added: 1" in first.stdout and "ratings added: 1" in first.stdout
    exported = (tmp_path / "out" / "history.csv").read_text(encoding="utf-8-sig").splitlines()
    assert exported[1:] == [
        "Studio Noord;01-11-2026;klacht;;;;;",
        "Studio Noord;02-11-2026;beoordeling;betaalt op tijd;2;;0;",  # nobody: the command line
    ]
    assert back.returncode == 0 and "already there: 2" in back.stdout
    assert "nothing new" in back.stdout


def test_bad_rows_are_listed_and_nothing_is_imported(tmp_path: Path) -> None:
    url = database(tmp_path)
    bad = tmp_path / "omzet.csv"
    bad.write_text(
        "Klant;Datum;Bedrag\nAtelier Zon;01-11-2026;100\nNoord;31-02-2026;5\nLisa;01-11-2026;x\n",
        encoding="utf-8",
    )

    result = kompas("--db", url, "import", "--team", CHAT, str(bad))

    assert result.returncode == 1
    assert "nothing imported: 2 problem(s)" in result.stdout
    assert "line 3, column Datum: “31-02-2026” is not a real date." in result.stdout
    assert "line 4, column Bedrag: “x” is not an amount I can read." in result.stdout
    assert sales_count(url) == 0


def test_unknown_team_and_unreadable_files_are_one_clear_line(tmp_path: Path) -> None:
    url = database(tmp_path)
    picture = tmp_path / "foto.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)

    cases = [
        ("import", "--team", "42", str(FILES / "nl_sales_semicolon_bom.csv")),
        ("export", "--team", "42"),
        ("import", "--team", CHAT, str(picture)),
        ("import", "--team", CHAT, str(tmp_path / "missing.csv")),
    ]
    errors = []
    for args in cases:
        result = kompas("--db", url, *args)
        assert result.returncode == 1, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("kompas: "), (args, result.stderr)
        errors.append(lines[0])
    assert errors[0] == errors[1] == "kompas: no team with chat id 42"
    assert errors[2].endswith(
        "This is not a CSV or Excel file I can read. Save it as CSV or .xlsx."
    )
    assert errors[3].startswith("kompas: cannot read")


def test_a_clients_file_completes_existing_clients_and_says_when_nothing_is_new(
    tmp_path: Path,
) -> None:
    url = database(tmp_path)
    first = tmp_path / "klanten.csv"
    first.write_text("Klant;Klant sinds\nAtelier Zon;23-11-2026\n", encoding="utf-8")
    fuller = tmp_path / "klanten-vol.csv"
    fuller.write_text(
        "Klant;Klant sinds;Plaats\nAtelier Zon;12-03-2024;Utrecht\n", encoding="utf-8"
    )

    kompas("--db", url, "import", "--team", CHAT, str(first))
    completed = kompas("--db", url, "import", "--team", CHAT, str(fuller))
    again = kompas("--db", url, "import", "--team", CHAT, str(fuller))

    assert completed.returncode == 0, completed.stderr
    assert "existing clients completed: 1" in completed.stdout
    assert "nothing new" not in completed.stdout
    assert "existing clients completed: 0" not in again.stdout  # not read again: see below
    assert "nothing new: the team has not changed since" in again.stdout


def test_an_import_starts_without_loading_the_scoring_engine(tmp_path: Path) -> None:
    """Issue 21: a re-import that adds nothing should cost about what the floor does, and
    importing pandas alone took ~0.5 s of it. An import reads and compares; it scores nothing."""
    import subprocess
    import sys

    url = database(tmp_path)
    argv = ["--db", url, "import", "--team", CHAT, str(FILES / "nl_sales_semicolon_bom.csv")]
    script = (
        "import sys\n"
        "from bot.cli.main import main\n"
        f"code = main({argv!r})\n"
        "print('pandas' in sys.modules, code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert done.stdout.splitlines()[-1] == "False 0"
    assert sales_count(url) > 0


def test_importing_again_after_a_sale_was_deleted_adds_exactly_that_sale_back(
    tmp_path: Path,
) -> None:
    url = database(tmp_path)
    sales = str(FILES / "nl_sales_semicolon_bom.csv")
    kompas("--db", url, "import", "--team", CHAT, sales)
    engine = make_engine(url)
    with new_session(engine) as session:  # deleted as /sales deletes one: audited, undoable
        gone = session.scalars(select(Sale).order_by(Sale.id.desc())).first()  # type: ignore[union-attr]
        assert gone is not None
        deleted = (gone.client_id, gone.sold_on, gone.amount)
        delete_sale(session=session, team_id=gone.team_id, sale_id=gone.id, user_id=1, now=NOW)
        session.commit()
    engine.dispose()

    again = kompas("--db", url, "import", "--team", CHAT, sales)

    assert again.returncode == 0, again.stderr
    assert "sales added: 1, already there: 3" in again.stdout
    assert "clients added: 0" in again.stdout
    engine = make_engine(url)
    with new_session(engine) as session:
        stored = [(s.client_id, s.sold_on, s.amount) for s in session.scalars(select(Sale))]
    engine.dispose()
    assert len(stored) == 4 and deleted in stored


def audit_count(url: str) -> int:
    engine = make_engine(url)
    with new_session(engine) as session:
        count = session.scalar(select(func.count()).select_from(AuditLog))
    engine.dispose()
    return count or 0


def test_the_same_file_again_is_known_at_once_and_changes_nothing(tmp_path: Path) -> None:
    """Issue 21: a re-import that adds nothing costs a read and a compare. The same bytes, read
    the same way, into a team nothing happened to since: the file is not read again."""
    url = database(tmp_path)
    sales = str(FILES / "nl_sales_semicolon_bom.csv")
    first = kompas("--db", url, "import", "--team", CHAT, sales)
    audited = audit_count(url)

    again = kompas("--db", url, "import", "--team", CHAT, sales)

    assert first.returncode == 0 and again.returncode == 0, again.stderr
    said = again.stdout.splitlines()
    assert said[0].startswith(f"kompas: {sales} is in team {CHAT} already: imported 20")
    assert said[1] == "  nothing new: the team has not changed since, so there is nothing to add"
    assert sales_count(url) == 4 and audit_count(url) == audited


def test_the_same_file_is_read_again_once_the_team_changed(tmp_path: Path) -> None:
    url = database(tmp_path)
    sales = str(FILES / "nl_sales_semicolon_bom.csv")
    kompas("--db", url, "import", "--team", CHAT, sales)
    engine = make_engine(url)
    with new_session(engine) as session:  # any change of the team's: here its margin
        team = team_by_chat(session=session, chat_id=int(CHAT))
        assert team is not None and team.id is not None
        update_team(session=session, team_id=team.id, user_id=1, now=NOW, default_margin=0.5)
        session.commit()
    engine.dispose()

    again = kompas("--db", url, "import", "--team", CHAT, sales)

    assert "sales added: 0, already there: 4" in again.stdout, again.stdout
    assert "is in team" not in again.stdout


def test_a_refused_file_is_not_remembered(tmp_path: Path) -> None:
    url = database(tmp_path)
    bad = tmp_path / "omzet.csv"
    bad.write_text("Klant;Datum;Bedrag\nAtelier Zon;31-02-2026;100\n", encoding="utf-8")

    kompas("--db", url, "import", "--team", CHAT, str(bad))
    again = kompas("--db", url, "import", "--team", CHAT, str(bad))

    assert again.returncode == 1 and "nothing imported: 1 problem(s)" in again.stdout


def test_a_file_piped_in_is_read_every_time(tmp_path: Path) -> None:
    """`… | kompas import --team X /dev/stdin`: a pipe can be read once, so the command reads
    it and hands its bytes to the reader; it is never taken for the last file imported."""
    url = database(tmp_path)
    sales = (FILES / "nl_sales_semicolon_bom.csv").read_text(encoding="utf-8-sig")

    first = kompas("--db", url, "import", "--team", CHAT, "/dev/stdin", stdin=sales)
    again = kompas("--db", url, "import", "--team", CHAT, "/dev/stdin", stdin=sales)

    assert first.returncode == 0, first.stderr
    assert "sales added: 4, already there: 0" in first.stdout
    assert "sales added: 0, already there: 4" in again.stdout, again.stdout
    assert sales_count(url) == 4
