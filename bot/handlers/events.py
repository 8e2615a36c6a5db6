"""/refer, /complaint and /compliment: what clients say and who they bring."""

from __future__ import annotations

from typing import ClassVar

from bot import labels
from bot.handlers.record_again import answer_record_again
from bot.kit import arguments
from bot.kit.callbacks import id_from
from bot.kit.client_dialog import (
    NEW,
    NEW_AS,
    ClientDialog,
    add_new_client,
    kind_in_name,
    typed_name,
)
from bot.kit.commands import command
from bot.kit.dialogs import SKIP, Conversation, finish, goto, question
from bot.kit.texts import Refusal
from bot.kit.turn import Turn
from bot.reading import grammar, note_line
from bot.render import events as render
from bot.render import refusals
from bot.render.changes import grade_moved
from bot.render.refusals import SELF_REFERRAL
from bot.render.sale_doubts import AGAIN_WITHIN, CONFIRM, again_options
from locales import InputError
from locales.name_cases import object_nominative
from storage import clients, events, resolver
from storage.models import ClientKind, ClientStatus, EventKind
from storage.names import name_key

REFERRED_KIND = "referred_kind"  # a referred client new to the list: a person or organisation?


class NoteDialog(ClientDialog):
    """client → note (skippable) → recorded; for complaints and compliments."""

    kind: ClassVar[EventKind]
    # a complaint names a client: a name not in the list is offered with the add buttons,
    # never added unasked (`/klacht dhr van der linden kwam te laat`)
    adds_said_kind = False
    asks_again: ClassVar[bool] = False  # the same again within minutes is asked about first

    async def find(self, turn: Turn, convo: Conversation, query: str) -> None:
        """The client typed when asked: a note that begins with their name keeps only the rest
        (`/klacht Pietje Puk!! te laat`, then `Pietje Puk`); a lead-in typed before the name
        is skipped as in the one-line form (`van dhr Kok`, «от Кузнецова»), and a note typed
        with the name is the note (`dhr kok: te laat`), never part of a new client's name."""
        lead_in = grammar.NOTE_LEAD_IN.match(query)
        if (
            lead_in
            and query[lead_in.end() :].strip()
            and not await note_line.names_a_client(turn, query)
        ):
            query = query[lead_in.end() :].strip()
        if "note" not in convo.data:  # "dhr kok: te laat" typed when asked: a name, a note
            client, note = await note_line.read_note_line(turn, query)
            if client is not None and note:
                query, convo.data["note"] = client, note
        words, count = (convo.data.get("note") or "").split(), len(query.split())
        named = " ".join(words[:count]).rstrip(grammar.NAME_PUNCTUATION)
        if len(words) > count and name_key(named) == name_key(query):
            convo.data["note"] = " ".join(words[count:])  # "Pietje Puk!! te laat": "te laat"
        await super().find(turn, convo, query)

    async def with_client(self, turn: Turn, convo: Conversation) -> None:
        if "note" in convo.data:
            # "/klacht jna smit te laat", then Jan Smit chosen: the note is "te laat"
            convo.data["note"] = note_line.without_name(convo.data["note"], convo.data["client"])
            await self.save(turn, convo)
        else:
            await goto(turn, convo, "note")

    async def ask_step(self, turn: Turn, convo: Conversation) -> None:
        if convo.step == CONFIRM:
            question(
                turn,
                convo,
                self.again_question(turn, convo.data["client"]),
                options=again_options(turn.t),
                per_row=1,
                cancel=False,
                edit=turn.update.callback_query is not None,
            )
            return
        compliment = self.kind == EventKind.COMPLIMENT
        question(turn, convo, render.what_happened(turn.t, compliment=compliment), skip=True)

    async def answer_step(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        if convo.step == CONFIRM:  # the same again within minutes: asked, as for a sale
            await answer_record_again(turn, convo, choice, lambda: self.save(turn, convo))
            return
        convo.data["note"] = None if choice == SKIP else text
        await self.save(turn, convo)

    def which_client(self, turn: Turn) -> str:
        return render.note_which_client(turn.t, self.kind)

    def confirmation(self, turn: Turn, client: str) -> str:
        return render.note_noted(turn.t, self.kind, client)

    def again_question(self, turn: Turn, client: str) -> str:
        """ "Record it again?" when the same person notes the same thing within minutes."""
        return render.note_again(turn.t, self.kind, client)

    async def save(self, turn: Turn, convo: Conversation) -> None:
        if (
            self.asks_again
            and not convo.data.get("again_ok")
            and await turn.run(
                events.recorded_lately,
                team_id=turn.team_id,
                client_id=convo.data["client_id"],
                user_id=turn.caller.user_id,
                kind=self.kind,
                note=convo.data.get("note"),
                since=turn.now - AGAIN_WITHIN,
            )
        ):
            await goto(turn, convo, CONFIRM)
            return
        await finish(turn, convo)
        before = await turn.analysis()
        change = await turn.change(
            events.record_event,
            client_id=convo.data["client_id"],
            kind=self.kind,
            happened_on=turn.today,
            note=convo.data.get("note"),
        )
        after = await turn.analysis_with_changes()
        moved = grade_moved(turn.t, before.analysis, after.analysis, convo.data["client_id"])
        turn.confirm(
            render.noted(self.confirmation(turn, convo.data["client"]), moved), change.undo_id
        )


class ComplaintDialog(NoteDialog):
    name = "complaint"
    kind = EventKind.COMPLAINT
    asks_again = True


class ComplimentDialog(NoteDialog):
    name = "compliment"
    kind = EventKind.COMPLIMENT
    asks_again = True  # the same compliment typed twice would count twice in the grade


async def _note_command(turn: Turn, dialog: NoteDialog) -> None:
    text = arguments.argument_text(turn)
    if not text:
        await dialog.begin(turn, None)
        return
    client, note = await note_line.read_note_line(turn, text)
    if client is None:  # no words name a client: which one is asked, the note is kept
        await dialog.begin(turn, None, note=note or text)
        return
    await dialog.begin(turn, client, **({"note": note} if note else {}))


@command
async def complaint(turn: Turn) -> None:
    """/complaint <client>[: note]."""
    await _note_command(turn, ComplaintDialog())


@command
async def compliment(turn: Turn) -> None:
    """/compliment <client>[: note]."""
    await _note_command(turn, ComplimentDialog())


class ReferralDialog(ClientDialog):
    """referrer → who they referred (found, or added as a prospect) → recorded."""

    name = "refer"
    adds_unknown = False

    def which_client(self, turn: Turn) -> str:
        return render.referrer_which(turn.t)

    async def find(self, turn: Turn, convo: Conversation, query: str) -> None:
        """The referrer by their whole surname or name beats names it only begins: `/refer
        Петрова, …` is «Петрова Мария», not a choice beside «Петровская Анна»."""
        resolution = await turn.run(resolver.resolve_client, team_id=turn.team_id, query=query)
        if resolution.one is None and resolution.whole is not None:
            await self._chosen(turn, convo, resolution.whole.id, name=resolution.whole.name)
        else:
            await super().find(turn, convo, query)

    async def with_client(self, turn: Turn, convo: Conversation) -> None:
        if convo.data.get("referred_query"):
            await self.find_referred(turn, convo, convo.data.pop("referred_query"))
        else:
            await goto(turn, convo, "referred")

    async def ask_step(self, turn: Turn, convo: Conversation) -> None:
        t = turn.t
        if convo.step == CONFIRM:  # this referral is noted already
            question(
                turn,
                convo,
                render.referral_again(t, convo.data["client"], convo.data["referred_noted"][1]),
                options=again_options(t),
                per_row=1,
                cancel=False,
                edit=turn.update.callback_query is not None,
            )
            return
        if convo.step == REFERRED_KIND:
            await self.ask_kind(turn, convo, convo.data["referred_name"])
            return
        options = convo.data.get("referred_options")
        if options is None:
            question(turn, convo, render.whom_referred(t, convo.data["client"]))
            return
        text, buttons = render.referred_choice(t, options, convo.data["referred_name"], NEW)
        question(turn, convo, text, options=buttons, per_row=1)

    async def answer_step(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        if convo.step == CONFIRM:
            await answer_record_again(
                turn, convo, choice, lambda: self.save(turn, convo, convo.data["referred_noted"][0])
            )
            return
        if convo.step == REFERRED_KIND:
            kind = NEW_AS.get(choice or "") or labels.kind_from_word(text or "")
            if kind is None:
                raise InputError(refusals.TAP_A_KIND)
            await self.save(turn, convo, None, kind=ClientKind(kind))
        elif choice == NEW and convo.data.get("referred_name"):
            await goto(turn, convo, REFERRED_KIND)
        elif choice and choice.isdigit():
            await self.save(turn, convo, id_from(choice))
        elif text:
            await self.find_referred(turn, convo, typed_name(text))
        else:
            raise InputError(refusals.TYPE_THE_REFERRED)

    async def find_referred(self, turn: Turn, convo: Conversation, query: str) -> None:
        said = object_nominative(query)  # "привела Смирнову Ольгу": «Смирнова Ольга»
        if said != query and not await note_line.names_a_client(turn, query):
            query = said
        if name_key(query) == name_key(convo.data["client"]):
            raise InputError(SELF_REFERRAL)
        resolution = await turn.run(resolver.resolve_client, team_id=turn.team_id, query=query)
        if [m.id for m in resolution.matches] == [convo.data["client_id"]]:
            raise InputError(SELF_REFERRAL)  # "/refer Петров, Петров Иван": only the referrer
        if resolution.one is not None and resolution.exact:
            await self.save(turn, convo, resolution.one.id)
        elif resolution.whole is not None and resolution.whole.id != convo.data["client_id"]:
            # `/refer Иванова, Петрова`: «Петрова Мария» by her whole surname, not asked
            await self.save(turn, convo, resolution.whole.id)
        elif resolution.matches:
            await goto(
                turn,
                convo,
                "referred",
                referred_name=clients.valid_name(query),
                referred_options=[[m.id, m.name] for m in resolution.matches],
            )
        elif kind := kind_in_name(query):  # "mevr bos", «ООО Лютик»: the name says the kind
            convo.data["referred_name"] = clients.valid_name(query)
            await self.save(turn, convo, None, kind=kind)
        else:  # someone new: a person or an organisation, asked (issue 17)
            await goto(turn, convo, REFERRED_KIND, referred_name=clients.valid_name(query))

    async def save(
        self,
        turn: Turn,
        convo: Conversation,
        referred_id: int | None,
        *,
        kind: ClientKind = ClientKind.ORGANISATION,
    ) -> None:
        if (
            referred_id is not None
            and not convo.data.get("again_ok")
            and await turn.run(
                events.referral_noted,
                team_id=turn.team_id,
                client_id=convo.data["client_id"],
                referred_client_id=referred_id,
            )
        ):
            referred = await turn.run(
                resolver.client_in_team, team_id=turn.team_id, client_id=referred_id
            )
            await goto(turn, convo, CONFIRM, referred_noted=[referred_id, referred.name])
            return
        await finish(turn, convo)
        created = referred_id is None
        if created:
            change = await add_new_client(
                turn,
                convo.data["referred_name"],
                kind,
                status=ClientStatus.PROSPECT,
                source="referral",
            )
            referred_id = change.entity_id
        referred = await turn.run(
            resolver.client_in_team, team_id=turn.team_id, client_id=referred_id
        )
        change = await turn.change(
            events.record_event,
            client_id=convo.data["client_id"],
            kind=EventKind.REFERRAL,
            happened_on=turn.today,
            referred_client_id=referred_id,
            created_referred=created,
        )
        text = render.referral_noted(turn.t, convo.data["client"], referred.name, created=created)
        turn.confirm(text, change.undo_id)


@command
async def refer(turn: Turn) -> None:
    """/refer <client>, <new client> (or <client> bracht / привела <new client>)."""
    text = arguments.argument_text(turn)
    dialog = ReferralDialog()
    if not text:
        await dialog.begin(turn, None)
        return
    parts = arguments.fields(text)
    if len(parts) == 1 and ":" in text:  # "/aanbeveling Jan Smit: Sanne de Jong"
        parts = [part.strip() for part in text.split(":", 1) if part.strip()]
    if len(parts) == 1 and (by_verb := grammar.referral_words(text)):
        parts = list(by_verb)  # "/refer Волкова привела Жукову"
    referred = ", ".join(parts[1:])
    if (
        referred
        and grammar.has_sale_fields(grammar.reader(turn), referred)
        and not await note_line.names_a_client(turn, referred)
    ):
        # never a prospect named "Отель 500"
        raise InputError(Refusal.NOT_A_NAME, text=referred[:40])
    if len(parts) > 1 and name_key(parts[0]) == name_key(", ".join(parts[1:])):
        raise InputError(SELF_REFERRAL)  # "/refer Ёлкина, Ёлкина": the same name twice
    if len(parts) > 1:
        await dialog.begin(turn, parts[0], referred_query=", ".join(parts[1:]))
    else:
        await dialog.begin(turn, parts[0])
