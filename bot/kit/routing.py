"""One handler for every command and one for every button, each dispatching by name.

python-telegram-bot offers an update to its handlers one at a time. With a handler per
command, /cancel was checked against the 27 commands before it, and a button press against
every command and every button prefix before its own: ~15 µs each on every update. A lookup
by name costs the same for all of them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, ContextTypes

# What python-telegram-bot calls for an update: every handler, and the wrappers around them.
Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


class Commands(CommandHandler[Any, None]):
    """Every slash command; `routes` maps a command's name to its callback."""

    def __init__(self, routes: Mapping[str, Callback]) -> None:
        super().__init__(list(routes), self._route)
        self.routes = dict(routes)

    async def _route(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None and message.text and message.entities  # check_update saw it
        # As check_update reads it: "/Sale@kompas_bot 100" is "sale".
        name = message.text[1 : message.entities[0].length].split("@")[0].lower()
        await self.routes[name](update, context)


class Buttons(CallbackQueryHandler[Any, None]):
    """Every inline button; `routes` maps the prefix of its callback data to its callback.

    `unknown` answers the rest (empty data, an action an older version had), so no press is
    left spinning on the user's phone.
    """

    def __init__(self, routes: Mapping[str, Callback], *, unknown: Callback) -> None:
        super().__init__(self._route)
        self.routes = dict(routes)
        self.unknown = unknown

    async def _route(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        route = self.routes.get(str(query.data or "").split(":", 1)[0], self.unknown)
        await route(update, context)
