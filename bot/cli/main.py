"""The `kompas` command: one entry point for the database, the bot and the offline chat."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
from collections.abc import Callable, Coroutine, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from bot.cli import backup as cli_backup
from bot.cli import files as cli_files
from bot.cli import reports as cli_reports
from locales import SUPPORTED_LOCALES

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bot.settings import Settings

# SQLAlchemy, the settings and the database are loaded once the command line is read (~0.3 s):
# `kompas import` starts its file reader first, which loads its own code meanwhile.

log = logging.getLogger("kompas")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kompas",
        description="Kompas rates your clients, flags over-reliance and builds the "
        "ideal-client portrait, in a Telegram chat.",
    )
    parser.add_argument("--db", metavar="URL", help="database URL (default: KOMPAS_DATABASE_URL)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    db = commands.add_parser("db", help="database schema")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_upgrade = db_commands.add_parser("upgrade", help="apply migrations up to the newest schema")
    _db_option(db_upgrade)

    run = commands.add_parser("run", help="run the bot with long polling (needs KOMPAS_BOT_TOKEN)")
    _db_option(run)

    webhook = commands.add_parser(
        "webhook",
        help="serve Telegram's webhook (needs KOMPAS_BOT_TOKEN and KOMPAS_WEBHOOK_SECRET)",
    )
    _db_option(webhook)
    webhook.add_argument(
        "--listen",
        default="0.0.0.0",  # noqa: S104 - behind the reverse proxy, in its own container
        metavar="ADDRESS",
        help="address to listen on (default: 0.0.0.0)",
    )
    webhook.add_argument("--port", type=_port, default=8443, help="port (default: 8443)")
    webhook.add_argument(
        "--url-path",
        metavar="PATH",
        help="path Telegram posts to (default: the path of KOMPAS_WEBHOOK_URL, else /telegram)",
    )

    chat = commands.add_parser("chat", help="chat with the bot in this terminal, offline")
    _db_option(chat)
    chat.add_argument("--lang", choices=SUPPORTED_LOCALES, help="your language")
    chat.add_argument("--user", type=int, default=1001, metavar="ID", help="your Telegram user id")
    chat.add_argument("--name", help="your first name (default: as last time, else Demo)")
    chat.add_argument("--chat", type=int, metavar="ID", help="the group's chat id (with --group)")
    chat.add_argument("--group", action="store_true", help="talk in a group chat instead")
    chat.add_argument(
        "--role",
        choices=("owner", "admin", "member", "left"),
        help="your Telegram status in the group (default: as last time; owner for the first "
        "person in a new group, member after)",
    )
    chat.add_argument("--demo", action="store_true", help="fill an empty team with demo data")

    cli_files.add_parsers(commands, _db_option)
    cli_reports.add_parsers(commands, _db_option)
    cli_backup.add_parsers(commands, _db_option)
    return parser


def _db_option(parser: argparse.ArgumentParser) -> None:
    """--db works before or after the subcommand; absent, the top-level value stands."""
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL (default: KOMPAS_DATABASE_URL or ./kompas.db)",
    )


def main(argv: Sequence[str] | None = None, *, end_at_once: bool = False) -> int:
    """Run one `kompas` command; its exit status. `end_at_once` (the `kompas` executable,
    ``run``): a command that leaves a big file's rows or a report behind ends the process
    when it is done (``_end_now``)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "chat" and args.role and not args.group:
        parser.error("chat --role is your status in a group: add --group")
    if args.command == "import":
        args.reader = cli_files.start_reader(args.file)
    try:
        code = _command(args)
    except OSError as exc:
        if exc.errno not in _FULL:
            raise
        code = _unwritten(exc)  # `> /dev/full`: one line, not a trace
    finally:
        if args.command == "import":
            args.reader.close()
    if end_at_once and args.command in ENDS_AT_ONCE:
        _end_now(code)
    return code


_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _unwritten(exc: OSError) -> int:
    """What the command printed could not be written: said on stderr; the exit status."""
    print(f"kompas: cannot write the output: {exc.strerror}", file=sys.stderr)
    return 1


def run() -> None:
    """The `kompas` executable (and `python -m bot`)."""
    sys.exit(main(end_at_once=True))


# Done when they return, their work committed or written: Python's own shutdown (every module
# and object freed one by one) would keep the shell waiting ~0.1 s more after a big import or
# report. Commands that run a bot or a digest end the usual way, their threads and worker
# processes stopped by it.
ENDS_AT_ONCE = frozenset({"import", "report"})


def _end_now(code: int) -> NoReturn:
    """The process ended without Python's shutdown, once what it printed is out."""
    try:
        sys.stdout.flush()
    except OSError as exc:  # a full disk: as Python's own shutdown would, say so and fail
        code = code or _unwritten(exc)
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


def _command(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import OperationalError, SQLAlchemyError

    from bot.settings import Settings
    from storage.engine import DatabaseUrlError, make_engine
    from storage.migrate import upgrade

    settings = Settings()
    _configure_logging(settings.log_level, quiet=args.command == "chat")
    problem = PREFLIGHT[args.command](args, settings) if args.command in PREFLIGHT else None
    if problem is not None:  # said before the database is touched
        print(f"kompas: {problem}", file=sys.stderr)
        return 1
    url = args.db or settings.database_url
    engine: Engine | None = None
    try:
        engine = make_engine(url, pool_size=settings.db_pool_size)
        if args.command not in LEAVE_THE_SCHEMA:
            upgrade(engine)
        return COMMANDS[args.command](args, settings, engine)
    except DatabaseUrlError as exc:
        print(f"kompas: {exc}", file=sys.stderr)
        return 1
    except OperationalError as exc:
        print(f"kompas: cannot open the database: {_first_line(exc)}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        print(f"kompas: database error: {_first_line(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`kompas report | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        if engine is not None:
            engine.dispose()  # every connection closed: nothing left open or half-written


def _first_line(exc: Exception) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0] if str(original).strip() else type(exc).__name__


def _db(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    print("kompas: database schema is up to date")
    return 0


def _run(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    from bot.app import build_application
    from bot.transports.delivery import Delivery, serve
    from bot.transports.polling import poll

    application = build_application(settings, engine)
    delivery = Delivery(application)
    # Not run_polling: its Updater confirms a batch before processing it
    # (see bot/transports/polling.py).
    return _serving(settings, serve(application, lambda stop: poll(delivery, stop)))


def _webhook(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    from bot.app import build_application
    from bot.transports.webhook import WebhookOptions, run_webhook

    options = WebhookOptions(listen=args.listen, port=args.port, url_path=args.url_path)
    return _serving(settings, run_webhook(build_application(settings, engine), options))


def _polling_problem(args: argparse.Namespace, settings: Settings) -> str | None:
    if settings.bot_token is None:
        return "set KOMPAS_BOT_TOKEN to run the bot, or try `kompas chat`"
    return None


def _webhook_problem(args: argparse.Namespace, settings: Settings) -> str | None:
    from bot.transports.webhook import WebhookSetupError, check_secret, url_path

    if settings.bot_token is None:
        return "set KOMPAS_BOT_TOKEN to serve the webhook"
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    try:
        check_secret(secret)
        url_path(args.url_path, settings.webhook_url)
    except WebhookSetupError as exc:
        return str(exc)
    return None


def _serving(settings: Settings, service: Coroutine[Any, Any, None]) -> int:
    """Run the bot until SIGTERM/SIGINT (exit 0); Telegram refusing it is one line, exit 1."""
    import asyncio

    from telegram.error import TelegramError  # here: `kompas report` and `import` never need it

    try:
        asyncio.run(service)
    except TelegramError as exc:
        token = settings.bot_token.get_secret_value() if settings.bot_token else ""
        # PTB names the token when Telegram rejects it: never print it.
        reason = exc.message.replace(token, "***") if token else exc.message
        print(f"kompas: Telegram: {reason}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"kompas: cannot serve: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


def _port(value: str) -> int:
    port = int(value)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a TCP port")
    return port


def _chat(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    import asyncio

    from bot.transports.offline_chat import ChatOptions, run_chat

    options = ChatOptions(
        locale=args.lang,
        user_id=args.user,
        name=args.name,
        chat_id=args.chat,
        group=args.group,
        demo=args.demo,
        role=args.role,
    )
    asyncio.run(run_chat(settings, engine, options))
    return 0


# Configuration a command cannot start without, checked before the database is opened.
PREFLIGHT: dict[str, Callable[[argparse.Namespace, Settings], str | None]] = {
    "run": _polling_problem,
    "webhook": _webhook_problem,
}

# A backup copies the database as it is: migrating first would leave no copy of the old one,
# and a mistyped path would become a new, empty database.
LEAVE_THE_SCHEMA = {"backup"}

COMMANDS: dict[str, Callable[[argparse.Namespace, Settings, Engine], int]] = {
    "report": cli_reports.report,
    "digest": cli_reports.digest,
    "backup": cli_backup.backup,
    "db": _db,
    "run": _run,
    "webhook": _webhook,
    "chat": _chat,
    "import": cli_files.import_file,
    "export": cli_files.export,
}


class _OneLine(logging.Formatter):
    """In the terminal chat the person reading is the user: no tracebacks, one line each."""

    def format(self, record: logging.LogRecord) -> str:
        return f"({record.levelname.lower()}: {record.getMessage()})"


def _configure_logging(level: str, *, quiet: bool) -> None:
    from bot.logs import keep_secrets_out_of_logs

    logging.basicConfig(
        level=logging.WARNING if quiet else level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if quiet:
        for handler in logging.getLogger().handlers:
            handler.setFormatter(_OneLine())
    keep_secrets_out_of_logs()
    if quiet:  # "Application started" is no news to the person chatting
        logging.getLogger("telegram").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)


if __name__ == "__main__":
    sys.exit(main())
