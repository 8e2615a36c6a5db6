"""/check: measure a potential client before taking them on, then save them if you like."""

from __future__ import annotations

from typing import Any

from bot.handlers.clients import (
    ADD_ANYWAY,
    answered_kind,
    ask_about_similar,
    show_similar_chosen,
)
from bot.handlers.reports import show_card
from bot.kit import arguments
from bot.kit.client_dialog import kind_in_name, typed_name
from bot.kit.commands import command
from bot.kit.dialogs import SKIP, Conversation, Dialog, finish, goto, new, question
from bot.kit.sensitive import money_shown_to_caller
from bot.kit.turn import Turn
from bot.reading.client_line import refuse_contact_data, refuse_year_in_name, said_in_line
from bot.render import refusals
from bot.render.clients import kind_options, with_left_out
from bot.render.prospect import (
    already_a_client,
    cannot_judge,
    check_prompt,
    checked_client_saved,
    save_options,
    verdict_text,
)
from locales import InputError
from locales.name_words import city_as_written
from scoring.prospects import assess_prospect
from storage import clients, profiles, resolver
from storage.models import ClientKind, ClientStatus

TRAITS = ("kind", "city", "industry", "employees", "birth_year", "gender", "source")
SAVE_PROSPECT, SAVE_CLIENT = "prospect", "client"


class CheckDialog(Dialog):
    """name → kind → city → line of business and size, or year of birth → verdict → save?
    → (similar names?) → saved."""

    name = "check"

    async def ask(self, turn: Turn, convo: Conversation) -> None:
        step = convo.step
        if step == "verdict":
            await self.verdict(turn, convo)
        elif step == "similar":  # below the verdict, which stays to be read
            ask_about_similar(turn, convo)
        elif step == "kind":
            question(
                turn,
                convo,
                # Asked before the kind is known: «сидорова елена» written as a name at least
                check_prompt(turn.t, step, arguments.person_as_written(convo.data["name"])),
                options=kind_options(turn.t),
                edit=turn.update.callback_query is not None,
            )
        else:
            name = convo.data.get("name", "")
            question(turn, convo, check_prompt(turn.t, step, name), skip=step != "name")

    async def answer(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        step, data = convo.step, convo.data
        skipped = choice == SKIP or not text
        if step == "name":
            refuse_contact_data(text or "", checking=True)
            refuse_year_in_name(text or "", typed_name(text or ""), turn.today)
            if not await _listed(turn, convo, typed_name(text or "")):
                data["name"] = clients.valid_name(typed_name(text or ""))
                await _after_name(turn, convo)
        elif step == "kind":
            await _with_kind(turn, convo, answered_kind(text, choice), then=_after_kind(convo))
        elif step == "city":
            data["city"] = None if skipped else city_as_written(text or "") or None
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
        elif step == "similar":
            if choice == ADD_ANYWAY:
                await self.save(turn, convo, data["save_as"])
            else:
                await show_similar_chosen(turn, convo, choice)

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
            kind=convo.data["kind"],
            with_money=with_money,
            # a profile that sets nothing is no profile here (storage/profiles.py judgeable)
            has_profile=convo.data.get("profiled", analysed.analysis.profile_written),
        )
        text = with_left_out(t, text, convo.data.get("unused", []), saved=False)
        if convo.data.get("stored"):  # a prospect on the list: nothing to save
            await finish(turn, convo)
            turn.reply(text)
            return
        question(
            turn,
            convo,
            text,
            options=save_options(t, SAVE_PROSPECT, SAVE_CLIENT),
            per_row=2,
            edit=turn.update.callback_query is not None,
        )

    async def save(self, turn: Turn, convo: Conversation, choice: str) -> None:
        data = convo.data
        if "similar" not in data:  # «Иванова Анна Сергеевна» with «Анна Иванова»: asked as /add
            similar = await turn.run(
                resolver.similar_names, team_id=turn.team_id, name=data["name"], kind=data["kind"]
            )
            if similar:
                listed = [[m.id, m.name] for m in similar]
                await goto(turn, convo, "similar", similar=listed, save_as=choice)
                return
        await finish(turn, convo)
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


async def _listed(turn: Turn, convo: Conversation, name: str) -> bool:
    """Whether `name` is a client on the list already (`Кузнецова` for «Кузнецова Елена», as
    /client finds her): then that is said and her card shows how she fits, never a check of
    her as someone unknown (the Russian reader's A14); a prospect on the list is checked with
    what the team stored about them, with nothing to save."""
    found = await turn.run(resolver.resolve_client, team_id=turn.team_id, query=name)
    existing = found.one or found.whole
    if existing is None or not found.sure:
        return False
    if existing.status == ClientStatus.PROSPECT:
        # Checked as stored: the prospect's card says "/check tells you whether they fit"
        # (the Dutch second reader went round in that circle).
        client = await turn.run(
            resolver.client_in_team, team_id=turn.team_id, client_id=existing.id
        )
        stored = {key: getattr(client, key) for key in TRAITS if key != "kind"}
        convo.data.update({k: v for k, v in stored.items() if v is not None}, stored=True)
        convo.data["name"] = client.name
        await _with_kind(turn, convo, str(client.kind), then="verdict")
        return True
    await finish(turn, convo)
    turn.reply(already_a_client(turn.t, existing.name))
    await show_card(turn, existing.id, edit=False)
    return True


@command
async def check(turn: Turn) -> None:
    """/check, or in one line like /add: /check Hotel Het Anker, organisatie, Utrecht."""
    text = arguments.argument_text(turn)
    judgeable = await turn.run(profiles.judgeable, team_id=turn.team_id)
    if not judgeable.kinds:  # no profile and no client to compare with: say so before asking
        turn.reply(cannot_judge(turn.t, "", None, has_profile=False))
        return
    dialog = CheckDialog()
    convo = new(dialog.name, turn)
    convo.data.update(kinds=sorted(judgeable.kinds), profiled=judgeable.profile_written)
    if not text:
        await goto(turn, convo, "name")
        return
    # «Новикова Дина, 30 лет, Казань, от подруги»: her traits, read as /add reads them
    refuse_contact_data(text, checking=True)  # as /add: no phone number kept in a name
    line = said_in_line(text, turn.today)
    refuse_year_in_name(text, line.name, turn.today)  # «Сидорова Яна 1990»: no name's part
    if await _listed(turn, convo, line.name):
        return
    # A kind the name alone says («ООО», a patronymic) is no line: the city is asked next
    said = {} if set(line.said) == {"kind"} and kind_in_name(line.name) else line.said
    convo.data.update(said, name=clients.valid_name(line.name), one_line=bool(said))
    if line.unused:  # «…, Казань, стрижка»: said back with the verdict
        convo.data["unused"] = line.unused
    await _after_name(turn, convo)


async def _after_name(turn: Turn, convo: Conversation) -> None:
    """The kind said in the one line goes straight to the verdict; one the name says (a legal
    form, a patronymic, initials: not asked, as in /add) to the city; else it is asked."""
    if "kind" in convo.data:
        await _with_kind(turn, convo, convo.data["kind"], then="verdict")
    elif kind := kind_in_name(convo.data["name"]):
        await _with_kind(turn, convo, kind.value, then=_after_kind(convo))
    else:
        await goto(turn, convo, "kind")


def _after_kind(convo: Conversation) -> str:
    """A line that said more than the name (a city, an age) goes to the verdict once the kind
    is known, as /add saves it; a name alone is asked about."""
    return "verdict" if convo.data.get("one_line") else "city"


async def _with_kind(turn: Turn, convo: Conversation, kind: str, *, then: str) -> None:
    """Once the kind is known the name is written as natives write it, as /add stores it
    (`сидорова елена` → Сидорова Елена); a kind no profile covers and no client of the team
    is like is said at once, not after questions that could not change it."""
    data = convo.data
    data["kind"] = kind
    data["name"] = arguments.name_as_written(data["name"], kind)
    if kind not in data.get("kinds", (kind,)):
        await finish(turn, convo)
        said = cannot_judge(turn.t, data["name"], kind, has_profile=data["profiled"])
        if turn.update.callback_query is not None:  # the kind's buttons go with the question
            turn.edit(said)
        else:
            turn.reply(said)
        return
    await goto(turn, convo, then)
