"""The texts the kit sends about membership on its own: the choice of team in a private chat,
an admin's request to let a newcomer in, and the group's note when no admin can be reached.

Render makes them (bot/render/members.py) and the wiring hands them in (bot/app.py): the kit
sits below render and never imports it, so a renderer changes without touching the kit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.kit.outbox import Buttons
from locales import Markup, Translator


@dataclass(frozen=True)
class MemberTexts:
    # (t, the person's teams, the current team's id) → the question and a button per team
    team_choice: Callable[[Translator, Sequence[Any], int | None], tuple[Markup, Buttons]]
    # (t, the team, the newcomer's name, their member id) → the request and Let in / Decline
    approval_request: Callable[[Translator, Any, str, int], tuple[Markup, Buttons]]
    # (t, the newcomer's name, a link that opens a private chat with the bot) → the group's note
    approval_in_group: Callable[[Translator, str, str], Markup]
