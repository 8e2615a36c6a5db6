"""/add: new clients in a few taps or one line (/edit: bot/handlers/client_edit.py)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from bot import labels
from bot.handlers.reports import show_card
from bot.handlers.sales import SaleDialog
from bot.kit import arguments
from bot.kit.callbacks import id_from
from bot.kit.client_dialog import has_legal_form, kind_in_name, typed_name
from bot.kit.commands import command
from bot.kit.dialogs import SKIP, Conversation, Dialog, finish, goto, new, question
from bot.kit.texts import Refusal
from bot.kit.turn import Turn, button
from bot.reading import grammar
from bot.render import clients as render
from bot.render import refusals
from bot.render.clients import kind_options
from bot.render.refusals import NOT_A_BIRTH_YEAR
from locales import InputError
from locales.line_words import AGE_SAID, BIRTH_YEAR_SAID, CITY_PREPOSITIONS
from locales.name_words import city_as_written
from storage import clients, resolver
from storage.columns import source_after_name
from storage.models import ClientKind
from storage.names import is_legal_form, name_key
from storage.person_names import titled_name_length

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
        elif step == "similar":
            # «Фёдорова Мария» when «Фёдорова Мария Петровна» exists: "Is this …?"
            ask, options = render.similar_question(
                t, convo.data["name"], convo.data["similar"], USE_EXISTING, ADD_ANYWAY
            )
            question(turn, convo, ask, options=options, per_row=1, cancel=False)
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
            await self.named(turn, convo, typed_name(text or ""))
        elif step == "similar":
            if choice and choice.startswith(USE_EXISTING):
                await finish(turn, convo)
                existing = id_from(choice.removeprefix(USE_EXISTING))
                if existing not in dict(data["similar"]):
                    raise InputError(refusals.PICK_A_BUTTON)
                await show_card(turn, existing, edit=turn.update.callback_query is not None)
            elif choice == ADD_ANYWAY:
                await self.after_name(turn, convo)
            else:
                raise InputError(refusals.PICK_A_BUTTON)
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
            key: data[key] for key in ("city", "source", "birth_year", "industry") if data.get(key)
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
    if phone := _phone(text):  # "/add Иванова Ольга +7 916 123-45-67": no sale
        rest = re.sub(r"\s+", " ", text[: phone.start()] + " " + text[phone.end() :])
        raise InputError(
            refusals.NO_PHONE_NUMBERS,
            text=rest.strip(" ,;"),
        )
    line = said_in_line(text, turn.today)
    if _sale_typed(grammar.reader(turn), line.typed):  # "/add Волкова 2500 вчера"
        raise InputError(
            refusals.LOOKS_LIKE_A_SALE,
            text=line.text,
        )
    name, said = line.name, line.said
    convo.data.update(said, one_line=True, **({"unused": line.unused} if line.unused else {}))
    convo.step = "name"
    await dialog.named(turn, convo, name)


@dataclass(frozen=True)
class LineSaid:
    """A one-line /add or /check: the name, what else was said of them (kind, city, source,
    year of birth …), the line without a year of birth, the words a sale would be in, and the
    parts that said nothing the bot understood."""

    name: str
    said: dict[str, Any]
    text: str
    typed: str
    unused: list[str]


def said_in_line(text: str, today: dt.date) -> LineSaid:
    """`Новикова Дина, 30 лет, Казань, от подруги` → the name and her traits: the one reading
    /add and /check share."""
    text, born = _birth_year_said(text, today)
    name, said, unused = arguments.name_kind_city(text)
    if "source" not in said:  # "Jan de Vries via Marktplaats", «Петрова Анна из инсты»
        name, source = source_after_name(name)
        said = {**said, **({"source": source} if source else {})}
    at_end: dict[str, str] = {}
    # "/add Иванова Ольга физлицо екатеринбург", "… particulier": a kind word typed without
    # commas; in a line with commas a kind has its own part, and "Café De Zaak, horeca" keeps
    # its "Zaak" (issue 20)
    if "kind" not in said and not arguments.has_separators(text):
        name, at_end = arguments.kind_and_city_at_end(name)
        said = {**at_end, **said}
    elif "kind" not in said:  # «Орлова Яна физлицо, из ВКонтакте»: a person's word ends a name
        name, person = arguments.person_word_at_end(name)
        said = {**person, **said}
    if "city" not in said:  # "Kwekerij Van den Heuvel VOF tiel": the city after a legal form
        name, city = _city_after_legal_form(name)
        said = {**said, **city}
    # «ИП Сидоренко Ольга», "De Zon B.V."; «Козлов Дмитрий Андреевич», «Иванова И.И.»
    if "kind" not in said and (kind := kind_in_name(name)):
        said["kind"] = kind.value
    if born is not None and said.get("kind") == "organisation":
        unused = [*unused, str(born)]  # an organisation has no year of birth: said back
    elif born is not None:  # "/add Петрова Анна 1990 г.р.": only a person has a year of birth
        said = {"kind": "person", **said, "birth_year": born}
    typed = text
    if at_end:  # "/toevoegen Sportschool 24 bedrijf": the kind word is no part of a sale
        typed = ", ".join([name, *([at_end["city"]] if "city" in at_end else [])])
    return LineSaid(name, said, text, typed, unused)


# A phone number: "+7 916 123-45-67", "+31 6 12345678", "8 (916) 123-45-67", "06-12345678",
# "89161234567", "8 916 123 45 67": ten digits or more, never an amount ("150 000 000", groups of
# three) nor a date ("12-03-2024").
_DIGIT_RUN = re.compile(r"(?:^|(?<=[\s,;:]))\+?[\d(][\d\s()\-]*\d(?=$|[\s,;.])")
_DATE_IN_RUN = re.compile(r"(?<![\d-])\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})(?![\d-])")


def _phone(text: str) -> re.Match[str] | None:
    """The phone number typed in an /add line, if any."""
    for run in _DIGIT_RUN.finditer(text):
        found = run.group()
        digits = re.sub(r"\D", "", found)
        if len(digits) < 10 or _DATE_IN_RUN.search(found):
            continue
        groups = re.split(r"[\s()\-]+", found.lstrip("+("))
        if found.startswith("+") or re.search(r"[-()]", found):
            return run
        if len(groups) == 1 and digits[0] in "078" and len(digits) <= 11:
            return run
        if len(groups) > 1 and any(len(group) != 3 for group in groups[1:]):
            return run
    return None


def _birth_year_said(text: str, today: dt.date) -> tuple[str, int | None]:
    """An /add line without its year of birth, and the year (None when not said); an age
    (`30 лет`, `45 jaar`) says the year too, as near as a year can."""
    match = BIRTH_YEAR_SAID.search(text) or AGE_SAID.search(text) or _bare_year(text, today)
    if match is None:
        return text, None
    year = today.year - int(match["age"]) if "age" in match.re.groupindex else None
    year = year or int(match["year"] or match["after"])
    if not 1900 <= year <= today.year:
        raise InputError(NOT_A_BIRTH_YEAR, year=str(year))
    rest = (text[: match.start()] + text[match.end() :]).strip(" ,;")
    return re.sub(r"\s*[,;]\s*[,;]\s*", ", ", rest), year


_BARE_YEAR = re.compile(r"(?<=[,;])\s*(?P<year>(?:19|20)[0-9]{2})\s*(?=$|[,;])")


def _bare_year(text: str, today: dt.date) -> re.Match[str] | None:
    """A year alone in its own field of a line that says two more things of the client
    («Лиана Хасанова, частное лицо, Казань, Instagram, 1995»): a year of birth, not a sale's
    amount, when an adult could have been born in it."""
    match = _BARE_YEAR.search(text)
    fields = [part for part in re.split(r"[,;]", text) if part.strip()]
    if match is None or len(fields) < 4 or not 1920 <= int(match["year"]) <= today.year - 14:
        return None
    return match


def _city_after_legal_form(name: str) -> tuple[str, dict[str, str]]:
    """The city after a name that says where it ends, written as natives do: one or two
    lower-case words after a legal form (`Kwekerij Van den Heuvel VOF tiel` → Tiel) or after
    a form of address and a surname typed with its capital (`familie van Dijk amersfoort`);
    after a legal form also `te` or `uit` and the city in any case (`Jansen B.V. te Utrecht`).
    A legal form that begins the name (`Stichting vrienden van …`) is followed by the name."""
    words = name.split()
    titled = titled_name_length([name_key(word) for word in words])
    for count in (1, 2, 3):
        end = len(words) - count
        if end < 1:
            break  # no name left before it
        city = words[end:]
        placed = city[0].casefold() in CITY_PREPOSITIONS and len(city) > 1
        if placed:
            city = city[1:]
        # After a form of address, only a surname typed with its capital ends the name:
        # "mevr anna jansen" may be all name, "mevr. Jansen utrecht" is not.
        after_title = titled == end and words[end - 1] != words[end - 1].casefold()
        if not ((end >= 2 and has_legal_form(words[end - 1])) or after_title) or len(city) > 2:
            continue
        lower = all(w == w.casefold() for w in city)
        if all(w.replace("-", "").isalpha() for w in city) and (
            lower or (placed and has_legal_form(words[end - 1]))
        ):
            return " ".join(words[:end]), {"city": city_as_written(" ".join(city))}
    return name, {}


def _sale_typed(reader: grammar.Reader, text: str) -> bool:
    """Whether an /add line is a sale; a legal-form organisation's number is its name's
    (`/add ООО Ромашка 2000`)."""
    words = text.split()
    if has_legal_form(text) and len(words) > 2 and words[-1].isdigit():
        text = " ".join(words[:-1])
    return grammar.has_sale_fields(reader, text)


@button()
async def sale_for_client(turn: Turn) -> None:
    """The Record a sale button under a confirmation: the sale dialog, client known."""
    client = await turn.run(
        resolver.client_in_team, team_id=turn.team_id, client_id=turn.pressed.int_arg(0)
    )
    convo = new(SaleDialog.name, turn, client_id=client.id, client=client.name)
    await goto(turn, convo, "amount")
