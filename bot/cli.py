"""The `kompas` command: one entry point for the database, the bot and the offline chat."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable, Sequence

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from telegram import Update

from bot.settings import Settings
from storage.engine import DatabaseUrlError, make_engine
from storage.migrate import upgrade

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

    chat = commands.add_parser("chat", help="chat with the bot in this terminal, offline")
    _db_option(chat)
    chat.add_argument("--lang", choices=("nl", "ru"), help="your language")
    chat.add_argument("--user", type=int, default=1001, metavar="ID", help="your Telegram user id")
    chat.add_argument("--name", default="Demo", help="your first name")
    chat.add_argument("--chat", type=int, metavar="ID", help="chat id (default: private chat)")
    chat.add_argument("--group", action="store_true", help="talk in a group chat instead")
    chat.add_argument("--demo", action="store_true", help="fill an empty team with demo data")
    return parser


def _db_option(parser: argparse.ArgumentParser) -> None:
    """--db works before or after the subcommand; absent, the top-level value stands."""
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL (default: KOMPAS_DATABASE_URL or ./kompas.db)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings()
    _configure_logging(settings.log_level, quiet=args.command == "chat")
    url = args.db or settings.database_url
    try:
        engine = make_engine(url, pool_size=settings.db_pool_size)
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


def _first_line(exc: SQLAlchemyError) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0] if str(original).strip() else type(exc).__name__


def _db(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    print("kompas: database schema is up to date")
    return 0


def _run(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    from bot.app import build_application

    if settings.bot_token is None:
        print("kompas: set KOMPAS_BOT_TOKEN to run the bot, or try `kompas chat`", file=sys.stderr)
        return 1
    application = build_application(settings, engine)
    application.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
    return 0


def _chat(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    from bot.offline_chat import ChatOptions, run_chat

    options = ChatOptions(
        locale=args.lang,
        user_id=args.user,
        name=args.name,
        chat_id=args.chat,
        group=args.group,
        demo=args.demo,
    )
    asyncio.run(run_chat(settings, engine, options))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Settings, Engine], int]] = {
    "db": _db,
    "run": _run,
    "chat": _chat,
}


class _OneLine(logging.Formatter):
    """In the terminal chat the person reading is the user: no tracebacks, one line each."""

    def format(self, record: logging.LogRecord) -> str:
        return f"({record.levelname.lower()}: {record.getMessage()})"


def _configure_logging(level: str, *, quiet: bool) -> None:
    logging.basicConfig(
        level=logging.WARNING if quiet else level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if quiet:
        for handler in logging.getLogger().handlers:
            handler.setFormatter(_OneLine())
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)


if __name__ == "__main__":
    sys.exit(main())
