"""`python -m bot` is the `kompas` command."""

from bot.cli.main import run

run()
