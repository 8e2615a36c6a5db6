"""/add: new clients in a few taps or one line (/edit: bot/handlers/client_edit.py)."""

from __future__ import annotations

from typing import Any

from bot import labels
from bot.handlers.reports import show_card
from bot.handlers.sales import SaleDialog
from bot.kit import arguments
from bot.kit.callbacks import id_from
from bot.kit.client_dialog import kind_in_name, typed_name
from bot.kit.commands import command
from bot.kit.dialogs import SKIP, Conversation, Dialog, finish, goto, new, question
from bot.kit.texts import Refusal
from bot.kit.turn import Turn, button
from bot.reading import grammar
from bot.reading.client_line import refuse_contact_data, said_in_line, sale_typed
from bot.render import clients as render
from bot.render import refusals
from bot.render.clients import kind_options
from locales import InputError
from locales.name_words import city_as_written
from storage import clients, resolver
from storage.models import ClientKind
from storage.names import is_legal_form

USE_EXISTING = "use"
ADD_ANYWAY = "new"


def answered_kind(text: str | None, choice: str | None) -> str:
    """The answer to "person or organisation?" (`kind_options`' buttons, or a word typed)."""
    kind = choice or labels.kind_from_word(text or "")
    if kind not in tuple(ClientKind):
        raise InputError(refusals.TAP_A_KIND)
    return kind


class AddClientDialog(Dialog):
    """name → (similar names?) → kind → city → source → birth year or industry → added."""

    name = "add"

    async def ask(self, turn: Turn, convo: Conversation) -> None:
        t, step = turn.t, convo.step
        pressed = turn.update.callback_query is not None
        if step == "name":
            question(turn, convo, render.add_prompt(t, step))
        elif step == "similar":  # «Фёдорова Мария» when «Фёдорова Мария Петровна» exists
            ask_about_similar(turn, convo)
        elif step == "kind":
            ask = render.add_prompt(t, step, convo.data["name"])
            question(turn, convo, ask, options=kind_options(turn.t), edit=pressed)
        elif step == "source":
            options = render.source_options(t)
            ask = render.add_prompt(t, step)
            question(turn, convo, ask, options=options, per_row=3, skip=True, edit=pressed)
        elif step in ("city", "birth_year", "industry"):
            question(turn, convo, render.add_prompt(t, step), skip=True)

    async def answer(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        step, data = convo.step, convo.data
        if step == "name":
            refuse_contact_data(text or "", checking=False)
            await self.named(turn, convo, typed_name(text or ""))
        elif step == "similar":
            if choice == ADD_ANYWAY:
                await self.after_name(turn, convo)
            else:
                await show_similar_chosen(turn, convo, choice)
        elif step == "kind":
            data["kind"] = answered_kind(text, choice)
            await self.next_after(turn, convo, "kind")
        elif step == "city":
            data["city"] = None if choice == SKIP else city_as_written(text or "") or None
            await self.next_after(turn, convo, "city")
        elif step == "source":
            typed = (text or "").strip()
            source = choice or labels.code_of("source", typed) or typed[:64]  # «из инсты»
            data["source"] = None if choice == SKIP else source or None
            await self.next_after(turn, convo, "source")
        elif step == "birth_year":
            data["birth_year"] = (
                None if choice == SKIP else arguments.birth_year(text or "", turn.today)
            )
            await self.save(turn, convo)
        elif step == "industry":
            data["industry"] = None if choice == SKIP else (text or "")[:100] or None
            await self.save(turn, convo)

    async def named(self, turn: Turn, convo: Conversation, name: str) -> None:
        if name.split() and all(map(is_legal_form, name.split())):  # «ООО» alone: no one
            raise InputError(Refusal.NOT_A_NAME, text=name[:40])
        shown = clients.valid_name(name)
        existing = await turn.run(clients.client_by_key, team_id=turn.team_id, name=shown)
        if existing is not None:
            await finish(turn, convo)
            raise InputError(refusals.ALREADY_LISTED, client=existing.name)
        convo.data["name"] = shown
        similar = await turn.run(
            resolver.similar_names,
            team_id=turn.team_id,
            name=shown,
            kind=convo.data.get("kind"),
        )
        if similar:
            await goto(turn, convo, "similar", similar=[[m.id, m.name] for m in similar])
        else:
            await self.after_name(turn, convo)

    async def after_name(self, turn: Turn, convo: Conversation) -> None:
        if convo.data.get("one_line"):
            if "kind" in convo.data:
                await self.save(turn, convo)
            else:
                await goto(turn, convo, "kind")
            return
        if kind := kind_in_name(convo.data["name"]):  # «Иванова Мария Петровна»: not asked
            convo.data["kind"] = kind.value
            await self.next_after(turn, convo, "kind")
            return
        await goto(turn, convo, "kind")

    async def next_after(self, turn: Turn, convo: Conversation, step: str) -> None:
        if convo.data.get("one_line"):
            await self.save(turn, convo)
            return
        order = {
            "kind": "city",
            "city": "source",
            "source": "birth_year" if convo.data["kind"] == "person" else "industry",
        }
        await goto(turn, convo, order[step])

    async def save(self, turn: Turn, convo: Conversation) -> None:
        await finish(turn, convo)
        data = convo.data
        traits: dict[str, Any] = {
            key: data[key]
            for key in ("city", "source", "birth_year", "industry", "employees")
            if data.get(key) not in (None, "")  # a business of 0 employees is one of them
        }
        change = await turn.run(
            clients.add_client,
            team_id=turn.team_id,
            user_id=turn.caller.user_id,
            # "иванова мария" is written Иванова Мария, «ооо ромашка» ООО Ромашка
            name=arguments.name_as_written(data["name"], data["kind"]),
            now=turn.now,
            today=turn.today,
            kind=ClientKind(data["kind"]),
            **traits,
        )
        client = await turn.run(
            resolver.client_in_team, team_id=turn.team_id, client_id=change.entity_id
        )
        unused = data.get("unused", [])  # «…, Мск, стрижка»: named back, never dropped unsaid
        text, sale_button = render.client_added(turn.t, turn.team_id, client, unused)
        turn.confirm(text, change.undo_id, extra=[sale_button])


@command
async def add(turn: Turn) -> None:
    """/add, or in one line: /add Bakkerij de Vries, organisatie, Utrecht."""
    text = arguments.argument_text(turn)
    dialog = AddClientDialog()
    convo = new(dialog.name, turn)
    if not text:
        await goto(turn, convo, "name")
        return
    refuse_contact_data(text, checking=False)  # "/add Иванова Ольга +7 916 123-45-67": no sale
    line = said_in_line(text, turn.today)
    if sale_typed(grammar.reader(turn), line.typed):  # "/add Волкова 2500 вчера"
        raise InputError(
            refusals.LOOKS_LIKE_A_SALE,
            text=line.text,
        )
    name, said = line.name, line.said
    convo.data.update(said, one_line=True, **({"unused": line.unused} if line.unused else {}))
    convo.step = "name"
    await dialog.named(turn, convo, name)


def ask_about_similar(turn: Turn, convo: Conversation) -> None:
    """ "Is this …?" with the look-alikes already on the list (`convo.data["similar"]`), for
    /add and /check alike."""
    ask, options = render.similar_question(
        turn.t, convo.data["name"], convo.data["similar"], USE_EXISTING, ADD_ANYWAY
    )
    question(turn, convo, ask, options=options, per_row=1, cancel=False)


async def show_similar_chosen(turn: Turn, convo: Conversation, choice: str | None) -> None:
    """The look-alike pressed under "Is this …?": their card, nothing added; anything else is
    refused and changes nothing."""
    existing = id_from((choice or "").removeprefix(USE_EXISTING))
    if not (choice or "").startswith(USE_EXISTING) or existing not in dict(convo.data["similar"]):
        raise InputError(refusals.PICK_A_BUTTON)
    await finish(turn, convo)
    await show_card(turn, existing, edit=turn.update.callback_query is not None)


@button()
async def sale_for_client(turn: Turn) -> None:
    """The Record a sale button under a confirmation: the sale dialog, client known."""
    client = await turn.run(
        resolver.client_in_team, team_id=turn.team_id, client_id=turn.pressed.int_arg(0)
    )
    convo = new(SaleDialog.name, turn, client_id=client.id, client=client.name)
    await goto(turn, convo, "amount")
