"""/edit: a client's traits kept current, one at a time, on one menu message."""

from __future__ import annotations

from typing import Any

from bot import labels
from bot.kit import arguments
from bot.kit.client_dialog import ClientDialog
from bot.kit.commands import command
from bot.kit.dialogs import SKIP, Conversation, finish, goto, kept
from bot.kit.turn import Buttons, Turn
from bot.render import client_edit as edit_words
from bot.render import refusals
from bot.render.clients import trait_text
from locales import InputError
from locales.dates import DATE_IN_FUTURE
from locales.name_words import city_as_written
from storage import clients, resolver
from storage.models import Client

PERSON_FIELDS = ("gender", "birth_year", "income", "education", "interests")
ORGANISATION_FIELDS = ("industry", "employees", "decision")
REQUIRED = frozenset({"kind"})  # every client is a person or an organisation: no Skip
# Every trait with a vocabulary is picked from buttons; the status is not /edit's (a first sale
# or /decline changes it).
CHOICES = {field: words for field, words in labels.FIELD_LABELS.items() if field != "status"}
DONE = "done"


KEEP, CLEAR = SKIP, "clear"  # /skip keeps the value, as the Keep button does
VALUE = "="  # before a vocabulary code on a button, so a code never reads as a field


class EditClientDialog(ClientDialog):
    """client → menu of traits → one trait's question → saved (with Undo) → the menu again.

    One message is the menu and, in turn, each trait's question: it is edited in place, and
    every button on it keeps working while a value is awaited (one step, `field`, throughout;
    `data["field"]` is the trait being asked, if any). A wrong value is refused and asked
    again; the menu is not lost.
    """

    name = "edit"
    adds_unknown = False

    def which_client(self, turn: Turn) -> str:
        return edit_words.whose_details(turn.t)

    async def with_client(self, turn: Turn, convo: Conversation) -> None:
        await goto(turn, convo, "field", field=None)

    async def ask_step(self, turn: Turn, convo: Conversation) -> None:
        t = turn.t
        client = await turn.run(
            resolver.client_in_team, team_id=turn.team_id, client_id=convo.data["client_id"]
        )
        field = convo.data.get("field")
        if field is None:
            used = await turn.run(clients.traits_in_use, team_id=turn.team_id, kind=client.kind)
            specific = PERSON_FIELDS if client.kind == "person" else ORGANISATION_FIELDS
            every = ("name", "kind", "city", *specific, "source", "segment", "acquired_on", "notes")
            order = tuple(f for f in every if _offered(f, client, used))
            text, options = edit_words.menu(t, client.name, order, DONE)
            self._show(turn, convo, text, _rows(convo, options, per_row=3))
            return
        current = getattr(client, field)
        shown = trait_text(t, field, current, turn.team.currency, CHOICES.get(field))
        about = edit_words.about(t, field, client.name, shown)
        clearable = field not in REQUIRED and field != "name" and bool(shown)
        controls = edit_words.controls(t, KEEP, CLEAR if clearable else None)
        vocabulary = CHOICES.get(field)
        if vocabulary:
            options = edit_words.vocabulary_options(t, vocabulary, VALUE, current)
            rows = _rows(convo, options, per_row=2) + _rows(convo, controls)
            self._show(turn, convo, about, rows)
            return
        ask = edit_words.typed_question(t, field, client.name, turn.today)
        rows = _rows(convo, controls)
        if turn.caller.in_group:  # privacy mode: the typed value must be a reply to the bot
            self._show(turn, convo, about, rows)
            turn.ask_for_reply(edit_words.with_cancel(t, ask), question=True)
        else:
            self._show(turn, convo, edit_words.about_and_ask(about, ask), rows)

    def _show(self, turn: Turn, convo: Conversation, text: str, rows: Buttons) -> None:
        """Edit the one menu message in place; only the first menu is a new message."""
        if turn.update.callback_query is not None:
            turn.edit(text, buttons=rows, question=True)
        elif convo.data.get("menu"):
            turn.edit(text, buttons=rows, message_id=convo.data["menu"], question=True)
        else:
            turn.reply(text, buttons=rows, question=True)

    async def answer_step(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        t = turn.t
        field = convo.data.get("field")
        query = turn.update.callback_query
        if query is not None and query.message is not None:  # the menu: edited from now on
            convo.data["menu"] = query.message.message_id
        if choice == DONE:
            await finish(turn, convo)
            done = edit_words.up_to_date(
                t, convo.data["client"], changed=bool(convo.data.get("changed"))
            )
            self._show(turn, convo, done, [])
            return
        if (
            choice in edit_words.FIELDS
        ):  # a trait on the menu: ask for it, whatever was asked before
            await goto(turn, convo, "field", field=choice)
            return
        if field is None:
            raise InputError(refusals.PICK_WHAT_TO_CHANGE)
        if choice == KEEP:
            if turn.update.callback_query is None:
                turn.reply(edit_words.unchanged(t, field))
            else:
                turn.toast(edit_words.unchanged(t, field))
            await goto(turn, convo, "field", field=None)
            return
        if choice == CLEAR:
            if field in REQUIRED or field == "name":
                raise InputError(refusals.PICK_A_BUTTON)
            value = None
        else:
            code = choice.removeprefix(VALUE) if choice else None
            value = _trait_value(turn, field, text, code)
            if field == "name" and value is None:
                raise InputError(refusals.NAME_NEEDED)
            if field == "name":  # "смирнова ольга" written as natives write it, as /add does
                client = await turn.run(
                    resolver.client_in_team, team_id=turn.team_id, client_id=convo.data["client_id"]
                )
                value = arguments.name_as_written(value, client.kind)
        change = await turn.change(
            clients.update_client,
            client_id=convo.data["client_id"],
            changes={field: value},
        )
        if field == "name":
            convo.data["client"] = value
        convo.data["changed"] = True
        kept(convo, str(edit_words.field_name(t, field)).lower())
        shown = trait_text(t, field, value, turn.team.currency, CHOICES.get(field))
        turn.confirm(edit_words.changed(t, field, shown), change.undo_id)
        await goto(turn, convo, "field", field=None)


def _offered(field: str, client: Client, used: frozenset[str]) -> bool:
    """A private client's occasional trait (income, segment …) only where this client or the
    team has it; an organisation's segment always (a B2B team's first one is set here)."""
    if field not in clients.OCCASIONAL or client.kind == "organisation":
        return True
    return field in used or getattr(client, field) is not None


def _rows(convo: Conversation, options: list[tuple[str, str]], per_row: int = 2) -> Buttons:
    """Buttons of the edit dialog; all carry its one step, so none goes stale mid-dialog."""
    return edit_words.field_rows(convo.team_id or 0, options, per_row)


def _trait_value(turn: Turn, field: str, text: str | None, choice: str | None) -> Any:
    t = turn.t
    if field in CHOICES:
        if choice in CHOICES[field]:
            return choice
        typed = labels.code_of(field, text) if text else None
        if typed is not None:  # a word of the vocabulary, read as an import reads it
            return typed
        if field == "source" and text:
            return text.strip()[:64]
        raise InputError(refusals.PICK_A_BUTTON)
    if not text:
        raise InputError(refusals.TYPE_THE_NEW_VALUE)
    if field == "birth_year":
        return arguments.birth_year(text, turn.today)
    if field == "income":
        return t.parse_money(text, turn.team.currency)
    if field == "employees":
        return int(t.parse_number(text, max_decimals=0, maximum=10_000_000))
    if field == "interests":
        tags = [tag.strip()[:40] for tag in text.replace(";", ",").split(",") if tag.strip()]
        return tags[:10] or None
    if field == "notes":
        return text.strip()[:1000]
    if field == "city":  # "utrecht" as natives write it, as /add stores it
        return city_as_written(text) or None
    if field == "acquired_on":
        try:
            return t.parse_date(text, today=turn.today, past=True)
        except InputError as error:
            if error.message == DATE_IN_FUTURE:
                raise InputError(refusals.CLIENT_SINCE_IN_FUTURE) from None
            raise
    # As long as the column holds: PostgreSQL refuses a longer value (segment holds 64).
    return text.strip()[: Client.__table__.c[field].type.length or 100]  # type: ignore[attr-defined]


@command
async def edit(turn: Turn) -> None:
    """/edit <client>: change traits one at a time."""
    await EditClientDialog().begin(turn, arguments.argument_text(turn) or None)
