"""/check: measure a potential client before taking them on, then save them if you like."""

from __future__ import annotations

from typing import Any

from bot.handlers.clients import answered_kind
from bot.kit import arguments
from bot.kit.client_dialog import kind_in_name, typed_name
from bot.kit.commands import command
from bot.kit.dialogs import SKIP, Conversation, Dialog, finish, goto, new, question
from bot.kit.sensitive import money_shown_to_caller
from bot.kit.turn import Turn
from bot.render import refusals
from bot.render.clients import kind_options
from bot.render.prospect import check_prompt, checked_client_saved, save_options, verdict_text
from locales import InputError
from scoring.prospects import assess_prospect
from storage import clients, resolver
from storage.models import ClientKind, ClientStatus

TRAITS = ("kind", "city", "industry", "employees", "birth_year", "gender", "source")
SAVE_PROSPECT, SAVE_CLIENT = "prospect", "client"


class CheckDialog(Dialog):
    """name → kind → city → line of business and size, or year of birth → verdict → save?"""

    name = "check"

    async def ask(self, turn: Turn, convo: Conversation) -> None:
        step = convo.step
        if step == "verdict":
            await self.verdict(turn, convo)
        elif step == "kind":
            question(
                turn,
                convo,
                check_prompt(turn.t, step, convo.data["name"]),
                options=kind_options(turn.t),
                edit=turn.update.callback_query is not None,
            )
        else:
            question(turn, convo, check_prompt(turn.t, step), skip=step != "name")

    async def answer(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        step, data = convo.step, convo.data
        skipped = choice == SKIP or not text
        if step == "name":
            data["name"] = await _new_name(turn, typed_name(text or ""))
            if "kind" in data:
                await goto(turn, convo, "verdict")
            else:
                await goto(turn, convo, "city" if _kind_from_name(data) else "kind")
        elif step == "kind":
            data["kind"] = answered_kind(text, choice)
            await goto(turn, convo, "city")
        elif step == "city":
            data["city"] = None if skipped else (text or "")[:100]
            await goto(turn, convo, "industry" if data["kind"] == "organisation" else "birth_year")
        elif step == "industry":
            data["industry"] = None if skipped else (text or "")[:100]
            await goto(turn, convo, "employees")
        elif step == "employees":
            data["employees"] = (
                None
                if skipped
                else int(turn.t.parse_number(text or "", max_decimals=0, maximum=10_000_000))
            )
            await goto(turn, convo, "verdict")
        elif step == "birth_year":
            data["birth_year"] = None if skipped else arguments.birth_year(text or "", turn.today)
            await goto(turn, convo, "verdict")
        elif step == "verdict":
            if choice not in (SAVE_PROSPECT, SAVE_CLIENT):
                raise InputError(refusals.PICK_A_BUTTON)
            await self.save(turn, convo, choice)

    async def verdict(self, turn: Turn, convo: Conversation) -> None:
        t = turn.t
        analysed = await turn.analysis()
        traits = {key: convo.data.get(key) for key in TRAITS if convo.data.get(key) is not None}
        result = assess_prospect(traits, analysed.frames, analysed.analysis)
        names = analysed.analysis.names
        with_money = await money_shown_to_caller(turn)
        text = verdict_text(
            t,
            turn.team,
            convo.data["name"],
            result,
            names,
            with_money=with_money,
            has_profile=analysed.analysis.profile_written,
        )
        question(
            turn,
            convo,
            text,
            options=save_options(t, SAVE_PROSPECT, SAVE_CLIENT),
            per_row=2,
            edit=turn.update.callback_query is not None,
        )

    async def save(self, turn: Turn, convo: Conversation, choice: str) -> None:
        await finish(turn, convo)
        data = convo.data
        existing = await turn.run(clients.client_by_key, team_id=turn.team_id, name=data["name"])
        if existing is not None:
            raise InputError(refusals.ALREADY_LISTED, client=existing.name)
        traits: dict[str, Any] = {k: data[k] for k in TRAITS if k != "kind" and data.get(k)}
        status = ClientStatus.PROSPECT if choice == SAVE_PROSPECT else ClientStatus.ACTIVE
        change = await turn.change(
            clients.add_client,
            name=arguments.name_as_written(data["name"], data["kind"]),
            today=turn.today,
            kind=ClientKind(data["kind"]),
            status=status,
            **traits,
        )
        client = await turn.run(
            resolver.client_in_team, team_id=turn.team_id, client_id=change.entity_id
        )
        text = checked_client_saved(turn.t, client, prospect=status == ClientStatus.PROSPECT)
        turn.confirm(text, change.undo_id)


async def _new_name(turn: Turn, name: str) -> str:
    """A prospect to measure must not be on the list already: their card says more."""
    shown = clients.valid_name(name)
    existing = await turn.run(clients.client_by_key, team_id=turn.team_id, name=shown)
    if existing is not None:
        raise InputError(refusals.ALREADY_LISTED_SEE_CARD, client=existing.name)
    return shown


@command
async def check(turn: Turn) -> None:
    """/check, or in one line like /add: /check Hotel Het Anker, organisatie, Utrecht."""
    text = arguments.argument_text(turn)
    dialog = CheckDialog()
    convo = new(dialog.name, turn)
    if not text:
        await goto(turn, convo, "name")
        return
    name, said = arguments.name_kind_city(text)
    convo.data.update(said, name=await _new_name(turn, name))
    if "kind" in convo.data:
        await goto(turn, convo, "verdict")
    else:
        await goto(turn, convo, "city" if _kind_from_name(convo.data) else "kind")


def _kind_from_name(data: dict[str, Any]) -> bool:
    """A legal form, a patronymic or initials say the kind, as in /add: not asked."""
    kind = kind_in_name(data["name"])
    if kind is not None:
        data["kind"] = kind.value
    return kind is not None
