"""`kompas import FILE` and `kompas export`: a team's data in and out as files, from the shell.

The same importer and exporter the chat's file upload and /export use; problems come out in
English (the message ids are English), one line each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from locales import InputError

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

    from bot.settings import Settings
    from storage.file_worker import Reader
    from storage.team_brief import TeamBrief

# The importer and the exporter are imported by the command that uses them, as in
# bot/cli/reports.py: every other `kompas` command starts without them.


def add_parsers(commands: argparse._SubParsersAction, db_option) -> None:  # type: ignore[type-arg, no-untyped-def]
    data_in = commands.add_parser(
        "import", help="import a clients, sales or history file (CSV or XLSX)"
    )
    db_option(data_in)
    data_in.add_argument("--team", type=int, required=True, metavar="CHAT_ID", help="team chat id")
    data_in.add_argument("file", metavar="FILE", help="a .csv or .xlsx file")
    data_out = commands.add_parser(
        "export", help="write a team's clients.csv, sales.csv and history.csv"
    )
    db_option(data_out)
    data_out.add_argument("--team", type=int, required=True, metavar="CHAT_ID", help="team chat id")
    data_out.add_argument("--out", default=".", metavar="DIR", help="folder (default: here)")


MAX_SHOWN_ERRORS = 20  # a one-screen summary; the rest is counted


def start_reader(file: str) -> Reader:
    """The file reader's child process, started as soon as the command line is read: it loads
    the reading code and splits the file into rows while this process loads SQLAlchemy, the
    settings and the ORM, then waits for the team's language, currency and today's date
    (``import_file`` sends them; bot/cli/main.py closes it)."""
    from storage.file_worker import Reader
    from storage.tabular import MAX_BYTES

    reader = Reader()
    path = Path(file)
    if path.is_file():
        reader.send_file(path.name, path=str(path.resolve()))
        return reader
    try:  # a pipe (`/dev/stdin`, `<(…)`) can be read once: here, and its bytes sent
        with path.open("rb") as piped:
            reader.send_file(path.name, content=piped.read(MAX_BYTES + 1))
    except OSError:
        pass  # said by ``import_file``, which opens it again
    return reader


def import_file(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    """One file into one team, all or nothing; bad rows listed in English."""
    from sqlalchemy.exc import IntegrityError

    from storage.engine import new_session
    from storage.file_worker import reader_answer, watch_reader
    from storage.tabular import MAX_BYTES, file_digest
    from storage.team_brief import team_brief

    # This process ends with the import: what it has loaded is never collected again, and it
    # collects every 100 000 new objects instead of 700 (~10 % of the CPU a 70 000-sale import
    # took). Still collected, only less often.
    gc.freeze()
    gc.set_threshold(100_000, 50, 10)
    path = Path(args.file)
    digest = None  # a pipe, which ``start_reader`` has read: read again, never known again
    try:
        # The reader reads it too, limited and apart; here only to know it again by its digest.
        if path.is_file():
            with path.open("rb") as file:
                digest = file_digest(file.read(MAX_BYTES + 1))
        elif not path.exists() or path.is_dir():
            path.open("rb").close()  # says why not
    except OSError as exc:
        print(f"kompas: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    team = team_brief(engine, args.team)
    if team is None:
        print(f"kompas: no team with chat id {args.team}", file=sys.stderr)
        return 1
    now = dt.datetime.now(dt.UTC)
    today = now.astimezone(ZoneInfo(team.timezone)).date()
    reader: Reader = getattr(args, "reader", None) or start_reader(args.file)
    reader.send_cells(locale=team.locale, currency=team.currency, today=today)
    # The child reads the rows with them while this process loads the ORM, the models, the
    # writer and the team's clients; a thread waits for its answer.
    from storage.imported_files import team_version

    with new_session(engine) as session, ThreadPoolExecutor(max_workers=1) as waiting:
        version = team_version(session, team.id)
        before = digest and _imported_before(session, team, path.name, digest, today)
        if before:  # bot/cli/main.py stops the reader
            when = f"{before:%Y-%m-%d %H:%M} UTC"
            print(f"kompas: {args.file} is in team {args.team} already: imported {when}")
            print("  nothing new: the team has not changed since, so there is nothing to add")
            return 0
        reading = waiting.submit(watch_reader, reader)
        from storage import import_references, import_writer  # noqa: F401 — loaded now
        from storage.import_file import write_read_import
        from storage.import_stored import existing_clients, sale_figures

        existing = existing_clients(session, team.id)
        figures = sale_figures(session, team.id)
        try:
            read = reader_answer(reading.result())
        except InputError as error:
            print(f"kompas: {args.file}: {_english(error)}", file=sys.stderr)
            return 1
        try:
            report = write_read_import(
                session=session,
                team_id=team.id,
                read=read,
                today=today,
                now=now,
                user_id=None,
                existing=existing,
                figures=figures,
                version=version,
            )
            if not report.ok:
                session.rollback()
                count = len(report.errors) + report.errors_beyond
                print(f"kompas: nothing imported: {count} problem(s) in {args.file}")
                for problem in report.errors[:MAX_SHOWN_ERRORS]:
                    print(
                        f"  line {problem.line}, column {problem.column}: {_english(problem.error)}"
                    )
                if count > MAX_SHOWN_ERRORS:
                    print(f"  … and {count - MAX_SHOWN_ERRORS} more")
                return 1
            session.commit()
        except IntegrityError:  # another import of the same sales into the team came first
            print(
                f"kompas: another import into team {args.team} ran at the same time: nothing "
                f"imported from {args.file}; run the command again",
                file=sys.stderr,
            )
            return 1
    print(
        f"kompas: imported {report.kind} from {args.file} into team {args.team}: {report.rows} rows"
    )
    if report.kind == "sales":
        print(
            f"  sales added: {report.sales_added}, already there: {report.duplicates_skipped}, "
            f"payment dates filled in: {report.sales_updated}"
        )
    if report.kind == "history":
        print(
            f"  complaints added: {report.complaints_added}, "
            f"compliments added: {report.compliments_added}, "
            f"referrals added: {report.referrals_added}, "
            f"ratings added: {report.ratings_added}, "
            f"referrals given the file's date: {report.referrals_dated}, "
            f"already there: {report.duplicates_skipped}"
        )
    else:
        print(
            f"  clients added: {report.clients_created}, "
            f"existing clients completed: {report.clients_updated}, "
            f"referrals added: {report.referrals_added}"
        )
    if report.kind == "clients":
        print(f"  clients already there unchanged: {report.duplicates_skipped}")
    if report.nothing_new:
        print("  nothing new: all of it was already there")
    if report.values_kept:
        print(f"  existing values kept (the file said otherwise): {report.values_kept}")
    if report.unknown_columns:
        print(f"  columns ignored: {', '.join(report.unknown_columns)}")
    return 0


def _imported_before(
    session: Session, team: TeamBrief, filename: str, digest: str, today: dt.date
) -> dt.datetime | None:
    """When this very file, read as it would be now, was the team's last import, if nothing
    changed in the team since (storage/imported_files.py)."""
    from storage.imported_files import imported_unchanged, reading_key
    from storage.tabular import file_suffix

    how = {"suffix": file_suffix(filename), "locale": team.locale, "currency": team.currency}
    key = reading_key(digest=digest, today=today, user_id=None, **how)
    return imported_unchanged(session, team_id=team.id, key=key)


def export(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    """A team's clients.csv, sales.csv and history.csv, in the team's language, into a folder."""
    from storage.engine import new_session
    from storage.exporting import export_clients_csv, export_history_csv, export_sales_csv
    from storage.teams import team_by_chat

    with new_session(engine) as session:
        team = team_by_chat(session=session, chat_id=args.team)
        if team is None or team.id is None:
            print(f"kompas: no team with chat id {args.team}", file=sys.stderr)
            return 1
        files = {
            "clients.csv": export_clients_csv(session=session, team_id=team.id, locale=team.locale),
            "sales.csv": export_sales_csv(session=session, team_id=team.id, locale=team.locale),
            "history.csv": export_history_csv(session=session, team_id=team.id, locale=team.locale),
        }
    folder = Path(args.out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            (folder / name).write_bytes(content)
    except OSError as exc:
        print(f"kompas: cannot write to {folder}: {exc.strerror}", file=sys.stderr)
        return 1
    for name in files:
        print(f"kompas: wrote {folder / name}")
    return 0


def _english(error: InputError) -> str:
    """An InputError as English text: its message id is English, formatted with its params."""
    from bot.render.stored_refusals import worded

    error = worded(error)
    return error.message.format_map(error.params)
