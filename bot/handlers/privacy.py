"""/forget: erase a client's personal data for good, on their request (AVG/GDPR, 152-FZ).

An admin decides, after a confirmation that says plainly what goes, what stays and that it
cannot be undone (storage/privacy.py). Sales and ratings stay as anonymous numbers, so the
team's figures stay right.
"""

from __future__ import annotations

from bot.kit import arguments
from bot.kit.client_dialog import ClientDialog
from bot.kit.commands import command
from bot.kit.dialogs import Conversation, finish
from bot.kit.turn import Turn, button
from bot.render import privacy as render
from bot.render.refusals import ALREADY_ERASED
from locales import InputError
from storage import privacy, resolver
from storage.models import ClientStatus, Role


class RightsDialog(ClientDialog):
    """An admin acting on a client's rights over their own data (/forget, /export <client>):
    a former (archived) client has the same rights, and a name not on the list is not added."""

    role = Role.ADMIN
    adds_unknown = False
    searches = tuple(ClientStatus)


class ForgetDialog(RightsDialog):
    """/forget <client>: find the client, then ask before erasing."""

    name = "forget"

    def which_client(self, turn: Turn) -> str:
        return render.which_client(turn.t)

    async def with_client(self, turn: Turn, convo: Conversation) -> None:
        await finish(turn, convo)
        await ask(turn, convo.data["client_id"])


@command
async def forget(turn: Turn) -> None:
    """/forget <client>: erase their name, details and notes, after a confirmation."""
    await ForgetDialog().begin(turn, arguments.argument_text(turn) or None)


async def ask(turn: Turn, client_id: int) -> None:
    client = await turn.run(resolver.client_in_team, team_id=turn.team_id, client_id=client_id)
    if client.anonymised_at is not None:
        raise InputError(ALREADY_ERASED)
    text, buttons = render.erase_question(turn.t, turn.team_id, client_id, client.name)
    turn.reply(text, buttons=buttons)


@button(role=Role.ADMIN)
async def forget_confirmed(turn: Turn) -> None:
    """The admin confirmed: erase now, audited, without an undo."""
    client_id = turn.pressed.int_arg(0)
    client = await turn.run(resolver.client_in_team, team_id=turn.team_id, client_id=client_id)
    if client.anonymised_at is not None:
        raise InputError(ALREADY_ERASED)
    label = await turn.change(
        privacy.forget_client,
        client_id=client_id,
    )
    turn.edit(render.erased(turn.t, label))


@button(role=Role.ADMIN)
async def forget_cancelled(turn: Turn) -> None:
    turn.edit(render.stopped(turn.t))
