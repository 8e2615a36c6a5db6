"""/profile: the team's ideal client profile(s), read by everyone and edited by admins.

Editing is a dialog of buttons: which profile (or a new one for persons, organisations or
everyone) → which area (who they are, fit with the team, market reality) → which criterion →
its value: ranges and numbers typed as people type them, fixed vocabularies tapped, free
words as a comma list. Skip clears a criterion. Each saved criterion is confirmed with Undo.
"""

from __future__ import annotations

from typing import Any

from bot.kit.callbacks import id_from
from bot.kit.commands import command
from bot.kit.dialogs import SKIP, Conversation, Dialog, finish, goto, kept, new, question
from bot.kit.texts import Refusal
from bot.kit.turn import Turn
from bot.reading import profile_values
from bot.render import profile as render
from bot.render import refusals
from locales import InputError, translator
from storage import profiles
from storage.models import ClientKind, Role
from storage.profiles import StoredProfile

NEW = "new-"  # + person | organisation | all
DONE, BACK, SAVE, DELETE, OTHER = "done", "back", "save", "delete", "other"


class ProfileDialog(Dialog):
    """profile → area → criterion → value → saved (Undo) → criterion … → done."""

    name = "profile"
    role = Role.ADMIN

    async def ask(self, turn: Turn, convo: Conversation) -> None:
        # A message already edited in this turn (a confirmation) stays; the question is new.
        edit = turn.update.callback_query is not None and not any(r.edit for r in turn.outbox)
        t, step = turn.t, convo.step
        if step == "pick":
            await self._ask_profile(turn, convo, edit=edit)
            return
        stored = await _profile(turn, convo)
        currency = turn.team.currency
        if step == "area":
            market = await turn.run(
                profiles.market_outlook, team_id=turn.team_id, profile=stored.profile
            )
            text, options = render.area_question(t, currency, stored, market, OTHER, DELETE, DONE)
            question(turn, convo, text, options=options, per_row=1, edit=edit)
        elif step == "criterion":
            area = convo.data["area"]
            market = (
                await turn.run(
                    profiles.market_outlook, team_id=turn.team_id, profile=stored.profile
                )
                if area == "market"
                else None
            )
            text, options = render.criterion_menu(t, currency, stored, area, market, BACK)
            question(turn, convo, text, options=options, per_row=2, edit=edit)
        elif step == "value":
            criterion = render.BY_CODE[convo.data["criterion"]]
            picked = set(convo.data.get("picked", ()))
            text, options = render.value_question(t, criterion, picked, SAVE)
            if options:
                question(turn, convo, text, options=options, per_row=2, skip=True, edit=edit)
            else:
                question(turn, convo, text, skip=True)

    async def _ask_profile(self, turn: Turn, convo: Conversation, *, edit: bool) -> None:
        stored = await turn.run(profiles.team_profiles, team_id=turn.team_id)
        text, options = render.profile_choice(turn.t, stored, NEW)
        question(turn, convo, text, options=options, per_row=1, edit=edit)

    async def answer(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        step = convo.step
        if step == "pick":
            await self._picked(turn, convo, choice)
        elif step == "area":
            await self._area(turn, convo, choice)
        elif step == "criterion":
            if choice == BACK:
                await goto(turn, convo, "area")
            elif choice in render.BY_CODE:
                criterion = render.BY_CODE[choice]
                data = {}
                if criterion.how == "choices":
                    stored = await _profile(turn, convo)
                    data["picked"] = sorted(getattr(stored.profile, criterion.fields[0]))
                await goto(turn, convo, "value", criterion=choice, **data)
            else:
                raise InputError(refusals.PICK_A_BUTTON)
        elif step == "value":
            await self._value(turn, convo, text=text, choice=choice)

    async def _picked(self, turn: Turn, convo: Conversation, choice: str | None) -> None:
        if choice and choice.startswith("p") and choice[1:].isdigit():
            stored = await turn.run(
                profiles.stored_profile, team_id=turn.team_id, profile_id=id_from(choice[1:])
            )
            await goto(turn, convo, "area", profile_id=stored.id)
        elif choice and choice.startswith(NEW):
            kind = choice.removeprefix(NEW)
            if kind not in (*ClientKind, "all"):
                raise InputError(Refusal.STALE)
            kind_or_none = None if kind == "all" else kind
            # Named in the team's language: the name shows in the group and the digest.
            name = render.profile_title(translator(turn.team.locale), kind_or_none)
            change = await turn.change(
                profiles.create_profile,
                name=str(name),
                kind=kind_or_none,
            )
            turn.confirm(render.profile_added(turn.t, name), change.undo_id, edit=True)
            kept(convo, render.profile_named(turn.t, name))
            await goto(turn, convo, "area", profile_id=change.entity_id)
        else:
            raise InputError(refusals.PICK_A_BUTTON)

    async def _area(self, turn: Turn, convo: Conversation, choice: str | None) -> None:
        if choice in render.AREAS:
            await goto(turn, convo, "criterion", area=choice)
        elif choice == OTHER:
            await goto(turn, convo, "pick")
        elif choice == DONE:
            await finish(turn, convo)
            stored = await _profile(turn, convo)
            turn.edit(render.profile_saved(turn.t, stored.name))
        elif choice == DELETE:
            stored = await _profile(turn, convo)
            change = await turn.change(
                profiles.delete_profile,
                profile_id=stored.id,
            )
            await finish(turn, convo)
            turn.confirm(render.profile_deleted(turn.t, stored.name), change.undo_id, edit=True)
        else:
            raise InputError(refusals.PICK_A_BUTTON)

    async def _value(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        criterion = render.BY_CODE[convo.data["criterion"]]
        if criterion.how == "choices" and choice in (criterion.vocabulary or {}):
            picked = set(convo.data.get("picked", ()))
            picked ^= {choice}
            await goto(turn, convo, "value", picked=sorted(picked))
            return
        if choice == SKIP:
            values: dict[str, Any] = dict.fromkeys(criterion.fields)
        elif criterion.how == "choices":
            if choice != SAVE:
                raise InputError(refusals.TAP_THEN_SAVE)
            values = {criterion.fields[0]: convo.data.get("picked") or None}
        elif not text:
            raise InputError(refusals.TYPE_OR_SKIP)
        else:
            values = profile_values.read_value(turn.t, criterion, text, currency=turn.team.currency)
        await self._save(turn, convo, criterion, values)

    async def _save(
        self, turn: Turn, convo: Conversation, criterion: render.Criterion, values: dict[str, Any]
    ) -> None:
        t, team = turn.t, turn.team
        change = await turn.change(
            profiles.change_criteria, profile_id=convo.data["profile_id"], **values
        )
        stored = await _profile(turn, convo)
        text = render.criterion_saved(t, team.currency, stored.profile, criterion)
        turn.confirm(text, change.undo_id, edit=True)
        kept(convo, str(render.criterion_name(t, criterion.code)).lower())
        convo.data.pop("picked", None)
        await goto(turn, convo, "criterion")


async def _profile(turn: Turn, convo: Conversation) -> StoredProfile:
    return await turn.run(
        profiles.stored_profile, team_id=turn.team_id, profile_id=convo.data["profile_id"]
    )


# The command ----------------------------------------------------------------------------------


@command
async def profile(turn: Turn) -> None:
    """/profile: the ideal client profile(s); admins go on to edit them step by step."""
    t, team = turn.t, turn.team
    try:
        await turn.require(Role.ADMIN)
    except InputError:
        stored = await turn.run(profiles.team_profiles, team_id=team.id)
        markets = [
            await turn.run(profiles.market_outlook, team_id=team.id, profile=item.profile)
            for item in stored
        ]
        turn.reply(render.profiles_read(t, team.currency, stored, markets))
        return
    convo = new(ProfileDialog.name, turn)
    stored = await turn.run(profiles.team_profiles, team_id=team.id)
    if len(stored) == 1:
        await goto(turn, convo, "area", profile_id=stored[0].id)
    else:
        await goto(turn, convo, "pick")
