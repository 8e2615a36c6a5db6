"""The `kompas` command and its subcommands (backup, report, digest)."""

from bot.cli.main import main

__all__ = ["main"]
