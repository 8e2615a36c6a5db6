"""A per-person rate limit on the commands that cost real work: scoring a whole team, drawing
charts, reading or writing files.

One token bucket per (user, command), in memory: a burst of `burst` calls, then one more every
`every` seconds. A person over the limit gets one polite answer that says how long to wait; the
rest of the team is not slowed down. In memory per instance is enough: the point is that one
person (or a stuck client app) cannot keep an instance busy, not exact global accounting.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.kit.commands import Rule, command_table
from bot.kit.routing import Callback
from bot.kit.runtime import kompas_of
from bot.kit.texts import Refusal
from bot.kit.turn import Turn, on_command
from locales import InputError

LIMITS_KEY = "rate_limits"
MAX_BUCKETS = 10_000  # beyond this, full (idle) buckets are forgotten


# The classes of limit a command's entry in bot/menu.py names (a Rule: bot/kit/commands.py).
ANALYSIS = Rule(burst=8, every=5.0)  # scores the whole team when its data changed
CHART = Rule(burst=3, every=60.0)  # and draws a chart
EXPORT = Rule(burst=3, every=60.0)
IMPORT = Rule(burst=5, every=60.0)


# Per team, whoever of it asks: files are read in a bounded worker (storage/file_worker.py), and
# a team's admins together get as many reads as that worker can give one team.
TEAM_RULES = {"import": Rule(burst=10, every=30.0)}
TEAM_LIMITS_KEY = "team_rate_limits"


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimits:
    """Token buckets per (user, command); time comes in as a parameter."""

    def __init__(self, rules: Mapping[str, Rule]) -> None:
        self.rules = rules
        self._buckets: dict[tuple[int, str], _Bucket] = {}

    def take(self, user_id: int, kind: str, *, now: float) -> float:
        """Use one call; 0 when allowed, else the seconds until the next one is."""
        rule = self.rules[kind]
        bucket = self._buckets.get((user_id, kind))
        if bucket is None:
            if len(self._buckets) >= MAX_BUCKETS:
                self._forget_idle(now)
            bucket = self._buckets[(user_id, kind)] = _Bucket(float(rule.burst), now)
        bucket.tokens = min(rule.burst, bucket.tokens + max(0.0, now - bucket.at) / rule.every)
        bucket.at = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) * rule.every

    def _forget_idle(self, now: float) -> None:
        for key, bucket in list(self._buckets.items()):
            rule = self.rules[key[1]]
            if bucket.tokens + (now - bucket.at) / rule.every >= rule.burst:
                del self._buckets[key]


def limited(
    kind: str,
    callback: Callback,
    *,
    applies: Callable[[Update, ContextTypes.DEFAULT_TYPE], bool] | None = None,
) -> Callback:
    """`callback`, unless this person used the command `kind` too often lately (then a polite
    answer); its rule is the command's entry in the registry.

    `applies(update, context)` narrows which updates count, e.g. only files sent to the bot.
    """

    async def wrapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user = update.effective_user
        if user is not None and (applies is None or applies(update, context)):
            kompas = kompas_of(context)
            rules = command_table(context).rules
            limits: RateLimits = context.bot_data.setdefault(LIMITS_KEY, RateLimits(rules))
            wait = limits.take(user.id, kind, now=kompas.clock().timestamp())
            if wait > 0:
                await _slow_down(wait)(update, context)
                return
        await callback(update, context)

    return wrapped


def take_for_team(context: ContextTypes.DEFAULT_TYPE, team_id: int, kind: str) -> float:
    """Use one of the team's calls of `kind`: 0 when allowed, else the seconds to wait."""
    limits: RateLimits = context.bot_data.setdefault(TEAM_LIMITS_KEY, RateLimits(TEAM_RULES))
    return limits.take(team_id, kind, now=kompas_of(context).clock().timestamp())


def team_waits(wait: float) -> InputError:
    """What the team is told when its calls are used up for `wait` seconds."""
    return InputError(Refusal.TEAM_TOO_OFTEN, seconds=wait)


def _slow_down(wait: float) -> Callback:
    """An answer through the usual turn: ledger, the caller's language, one short reply."""

    async def refuse(turn: Turn) -> None:
        raise InputError(Refusal.TOO_OFTEN, seconds=wait)

    return on_command(role=None)(refuse)


def file_for_the_bot(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """A file that is an import: in a private chat, captioned /import, or a reply to the bot."""
    message = update.effective_message
    if message is None or message.document is None:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    words = (message.caption or "").split(maxsplit=1)
    command = command_table(context).find(words[0]) if words and words[0].startswith("/") else None
    if command is not None and command.name == "import":  # /import or /importeer
        return True
    replied = message.reply_to_message
    return bool(replied and replied.from_user and replied.from_user.id == context.bot.id)
