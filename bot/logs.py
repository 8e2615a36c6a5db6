"""What Kompas's logs may hold: update ids, error types and code lines — never the bot token,
the webhook secret, message texts or client data, whatever the log level.

Libraries log more than that when asked for DEBUG: httpx logs every request URL at INFO, and a
Bot API URL contains the token; python-telegram-bot logs the token-bearing base URL and every
call's parameters and answers (message texts, names) at DEBUG; SQLAlchemy logs statements with
their parameters once its logger is enabled. `keep_secrets_out_of_logs` caps those loggers, and
is called where the Application is built, so it holds for every entry point — the CLI, the
webhook, the offline chat and tests alike.
"""

from __future__ import annotations

import logging
import traceback

# Logger → the most it may say. Their children (telegram.ext.ExtBot …) follow.
_CAPS = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "telegram": logging.INFO,
    "sqlalchemy.engine": logging.WARNING,
    "sqlalchemy.pool": logging.WARNING,
}


def keep_secrets_out_of_logs() -> None:
    """Raise the level of the loggers that would write the token or message texts."""
    for name, most in _CAPS.items():
        logger = logging.getLogger(name)
        # The logger's own level, not the effective one: the root may be lowered later.
        if logger.level == logging.NOTSET or logger.level < most:
            logger.setLevel(most)


def failure_trace(error: BaseException | None) -> str:
    """Where an error happened: exception types and code lines, without exception messages.

    Messages can carry anything — SQL parameters, a user's text, a URL with the token — so
    they stay out; the types and frames are enough to find the bug.
    """
    if error is None:
        return ""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_tb(current.__traceback__))
        parts.append(f"{type(current).__module__}.{type(current).__qualname__}\n{frames}")
        current = current.__cause__ or current.__context__
    return "\n... while handling or caused by ".join(parts).rstrip()
