"""Dialogs that start by finding a client through the one resolver (Product rules).

One match acts at once; 2–8 matches become buttons; no match offers to add the client.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import replace
from typing import Any, ClassVar

from bot import labels
from bot.kit import arguments
from bot.kit.callbacks import id_from
from bot.kit.dialogs import SKIP, Conversation, Dialog, finish, goto, kept, new, question
from bot.kit.texts import NEW, NEW_AS, OTHER, ClientChoice, Refusal
from bot.kit.turn import Turn
from locales import InputError
from locales.name_cases import nominative_name
from storage import clients, resolver
from storage.changes import Change
from storage.models import ClientKind, ClientStatus
from storage.names import is_legal_form, name_key, names_organisation, plausible_name
from storage.person_names import is_particle, is_russian_surname, reads_as_person

CLIENT_STEP = "client"
NEW_KIND_STEP = "new_kind"  # a new client: a person or an organisation?


def has_legal_form(name: str) -> bool:
    """Whether a word of `name` is a legal form: «ООО Ромашка», «ИП Петров», "Jansen B.V."."""
    return any(map(is_legal_form, name.split()))


def kind_in_name(name: str) -> ClientKind | None:
    """The kind a new name says itself, so it is not asked (issue 17): a legal form or a
    business's word ("Restaurant", «Кафе») makes an organisation; a patronymic, initials or a
    first name with a surname a person, as an import reads them; None when the name doesn't
    say."""
    if has_legal_form(name) or names_organisation(name):  # "Restaurant De Haven"
        return ClientKind.ORGANISATION
    return ClientKind.PERSON if reads_as_person(name) else None


def typed_name(text: str) -> str:
    """A name typed at a step that asks for one, without the punctuation that ended it. A
    greeting, an amount or punctuation alone is asked again (a stray reply in a group must
    never become a client: Product rules)."""
    if text.strip() and not plausible_name(text):
        raise InputError(Refusal.NOT_A_NAME, text=text[:40])
    return text.strip().rstrip(NAME_ENDS) or text  # "dhr bos:", "Pietje Puk!": the name


NAME_ENDS = ":;,!?… "  # what ends a typed name and is no part of it


def person_before_words(query: str) -> str | None:
    """The new person's name before lower-case words that say what was done: «Мария
    Кузнецова стрижка» → «Мария Кузнецова», "Anouk de Vries knippen en föhnen" → "Anouk de
    Vries". Only when the capitalised words look like a person's name: two of them, or one
    Russian surname («Смирнова маникюр»), and nothing that names an organisation ("Bakkerij
    noord", «Салон красоты» may be names as typed). None otherwise."""
    words = query.split()
    if query == query.lower():  # "jan smit knippen" typed all small: where does it end?
        return None
    end = len(words)
    while end and words[end - 1] == words[end - 1].lower():
        if not all(c.isalpha() or c in "+-" for c in words[end - 1]):
            return None
        end -= 1
    if end in (0, len(words)) or is_particle(words[end - 1].casefold()):
        return None
    head = " ".join(words[:end])
    capitals = [w for w in words[:end] if w != w.lower()]
    if (
        has_legal_form(head)
        or names_organisation(head)
        or len(capitals) != end - sum(is_particle(w) for w in words[:end])
    ):
        return None
    if len(capitals) >= 2 or is_russian_surname(name_key(head)):
        return head
    return None


async def add_new_client(turn: Turn, name: str, kind: ClientKind, **fields: Any) -> Change:
    """Add a client named in chat, the one way every dialog does it: the name written as
    natives write it (`иванова мария` → Иванова Мария, `dhr bos` → dhr. Bos, `ооо ромашка` →
    ООО Ромашка: arguments.name_as_written)."""
    return await turn.change(
        clients.add_client,
        name=arguments.name_as_written(name, kind),
        today=turn.today,
        kind=kind,
        **fields,
    )


class ClientDialog(Dialog):
    """First step: which client. Subclasses continue in `with_client`."""

    adds_unknown: ClassVar[bool] = True
    # A new name that says its kind (`dhr van der linden`, «ООО Лютик») is added unasked; a
    # dialog about an existing client (a complaint) asks first (issue 17, round three).
    adds_said_kind: ClassVar[bool] = True
    unknown_status: ClassVar[ClientStatus] = ClientStatus.ACTIVE
    searches: ClassVar[tuple[ClientStatus, ...]] = resolver.SEARCHABLE

    @abstractmethod
    def which_client(self, turn: Turn) -> str:
        """The question for the client step."""

    @abstractmethod
    async def with_client(self, turn: Turn, convo: Conversation) -> None:
        """Go on once convo.data has client_id and client (the name)."""

    async def ask_step(self, turn: Turn, convo: Conversation) -> None:
        """Questions after the client step; dialogs that act at once have none."""
        raise InputError(Refusal.STALE)

    async def answer_step(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        raise InputError(Refusal.STALE)

    async def begin(self, turn: Turn, query: str | None, **data: Any) -> None:
        convo = new(self.name, turn, **data)
        if query:
            convo.step = CLIENT_STEP
            await self.find(turn, convo, query)
        else:
            await goto(turn, convo, CLIENT_STEP)

    async def begin_with(self, turn: Turn, client_id: int) -> None:
        """Start from a button on a client's card: the client is known already.

        A card's buttons are the member's; the dialog's own role is checked here, as a command
        would, so forged data naming an admin dialog gets no further than asking.
        """
        await turn.require(self.role)
        await self._chosen(turn, new(self.name, turn), client_id)

    async def ask(self, turn: Turn, convo: Conversation) -> None:
        if convo.step == NEW_KIND_STEP:
            await self.ask_kind(turn, convo, convo.data.get("query", ""))
            return
        if convo.step != CLIENT_STEP:
            await self.ask_step(turn, convo)
            return
        options = convo.data.get("options")
        if options is None:
            question(turn, convo, self.which_client(turn))
            return
        query = convo.data.get("query", "")
        kinds: list[tuple[str, ClientKind]] = []
        said = None
        if not options:  # a new name: added as a person or an organisation (person first, as asked)
            kinds = list(NEW_AS.items())
            if said := kind_in_name(query):  # «Иванова Мария Петровна» is a person: one button
                kinds = [(code, kind) for code, kind in NEW_AS.items() if kind == said]
        # One look-alike: a yes or no, not a choice; "No" adds the name as typed, where the
        # dialog may (`/verkoop Bakerij de Vries 800` may be a new bakery), or asks again.
        lone = len(options) == 1
        choice = ClientChoice(
            query=query,
            matches=[(name, str(client_id)) for client_id, name in options],
            too_many=bool(convo.data.get("too_many")),
            adds=self.adds_unknown
            and not convo.data.get("exact")
            and (plausible_name(query) if lone else True),
            kinds=kinds,
            kind_said=said is not None,
        )
        text, buttons = turn.kompas.texts.client_choice(turn.t, choice)
        question(
            turn,
            convo,
            text,
            options=buttons,
            per_row=2 if lone else 1,
            edit=turn.update.callback_query is not None,
            cancel=not lone,
        )

    async def answer(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        if convo.step == NEW_KIND_STEP:
            kind = NEW_AS.get(choice or "") or labels.kind_from_word(text or "")
            if kind is None or not convo.data.get("query"):
                raise InputError(Refusal.PERSON_OR_ORGANISATION)
            await self._add(turn, convo, ClientKind(kind))
            return
        if convo.step != CLIENT_STEP:
            await self.answer_step(turn, convo, text=text, choice=choice)
            return
        query = convo.data.get("query", "")
        if choice in NEW_AS and self.adds_unknown and convo.data.get("query"):
            await self._add(turn, convo, NEW_AS[choice])
        elif choice == NEW and self.adds_unknown and (said := kind_in_name(query)):
            await self._add(turn, convo, said)
        elif choice == NEW and self.adds_unknown and convo.data.get("query"):
            await goto(turn, convo, NEW_KIND_STEP)
        elif choice == OTHER:
            for key in ("options", "exact", "too_many"):
                convo.data.pop(key, None)
            await goto(turn, convo, CLIENT_STEP)
        elif choice and choice.isdigit():
            await self._chosen(turn, convo, id_from(choice))
        elif choice == SKIP:
            raise InputError(Refusal.CLIENT_FIRST)
        elif text:
            await self.find(turn, convo, typed_name(text))
        else:
            raise InputError(Refusal.WHICH_CLIENT)

    async def ask_kind(self, turn: Turn, convo: Conversation, name: str) -> None:
        """Is the new client `name` a person or an organisation? Person first."""
        # Person, then organisation, always: the order the question says them in, so a user
        # who taps by position never stores the other kind (the Russian reader's A3).
        text, options = turn.kompas.texts.kind_question(turn.t, name, list(NEW_AS.items()))
        question(turn, convo, text, options=options, edit=turn.update.callback_query is not None)

    async def _add(self, turn: Turn, convo: Conversation, kind: ClientKind) -> None:
        """Add the typed name as a new client of that kind and go on with the dialog."""
        change = await add_new_client(turn, convo.data["query"], kind, status=self.unknown_status)
        # Saved now, with its own Undo: stopping the dialog says it stays, never "nothing was
        # changed" (the attacker's "Pluto" stayed on the list after that)
        kept(convo, str(turn.kompas.texts.new_client_kept(turn.t, convo.data["query"])))
        await self._chosen(turn, convo, change.entity_id, created=True)

    async def find(self, turn: Turn, convo: Conversation, query: str) -> None:
        resolution = await turn.run(
            resolver.resolve_client,
            team_id=turn.team_id,
            query=query,
            statuses=self.searches,
        )
        if resolution.one is not None:
            await self._chosen(turn, convo, resolution.one.id, name=resolution.one.name)
            return
        # «Петрову И.С.» is added, or offered as someone new, as «Петров И. С.»
        query = nominative_name(query)
        if len(resolution.matches) > 1 and not resolution.too_many:
            narrowed = await self.narrowed(turn, convo, query, resolution.matches)
            if len(narrowed) == 1 and resolution.sure:  # `/paid Петрова`: the one who owes
                await self._chosen(turn, convo, narrowed[0].id, name=narrowed[0].name)
                return
            resolution = replace(resolution, matches=narrowed)
        if not resolution.matches and not self.adds_unknown:
            await finish(turn, convo)
            raise InputError(Refusal.NOT_FOUND, name=query)
        if not resolution.matches and not plausible_name(query):  # «ООО» alone
            raise InputError(Refusal.NOT_A_NAME, text=query[:40])
        # «ООО Лютик», «Козлов Дмитрий Андреевич», «Иванова И.И.»: the kind is not asked
        if not resolution.matches and self.adds_said_kind and (kind := kind_in_name(query)):
            convo.data["query"] = query[:60]
            await self._add(turn, convo, kind)
            return
        named: tuple[resolver.Match, ...] = ()
        if not resolution.matches or not resolution.sure:
            named, rest = await self._named_before_other_words(turn, query)
        head = None if named else person_before_words(query)
        if head and (not resolution.matches or not resolution.sure):
            # «Мария Кузнецова стрижка», "Anouk de Vries knippen": a new person and what was
            # done; the lower-case words are never part of her name (issue 17)
            convo.data["unread"] = query[len(head) :].strip()  # said back where it matters
            await self.find(turn, convo, head)
            return
        if named:  # «Смирнова стрижка»: a person and what was done
            client = await turn.run(
                resolver.client_in_team, team_id=turn.team_id, client_id=named[0].id
            )
            if client.kind == ClientKind.PERSON:  # a lower-case word is never part of her name
                convo.data["unread"] = rest
                await self._chosen(turn, convo, named[0].id, name=client.name)
                return
        matches = resolution.matches or named
        await goto(
            turn,
            convo,
            CLIENT_STEP,
            query=query[:60],
            exact=resolution.exact,
            too_many=resolution.too_many,
            options=[[m.id, m.name] for m in matches],
        )

    async def narrowed(
        self, turn: Turn, convo: Conversation, query: str, matches: tuple[resolver.Match, ...]
    ) -> tuple[resolver.Match, ...]:
        """The look-alikes this dialog can act on; all of them unless a dialog says otherwise."""
        return matches

    async def _named_before_other_words(
        self, turn: Turn, query: str
    ) -> tuple[tuple[resolver.Match, ...], str]:
        """`Смирнова стрижка`, `Jansen knippen`: the first words, capitalised, name one client
        and the rest (returned too) are lower-case words, what was done, perhaps. A person is
        taken (a lower-case word is no part of a person's name); an organisation is offered
        beside the new one (never taken unasked: "Bakkerij noord" may be new beside "Bakkerij")."""
        words = query.split()
        if query == query.lower():  # "jan smit" typed all small says nothing of where it ends
            return (), ""
        for cut in range(len(words) - 1, 0, -1):
            rest = words[cut:]
            if not all(w.isalpha() or "+" in w for w in rest) or any(w != w.lower() for w in rest):
                break
            found = await turn.run(
                resolver.resolve_client,
                team_id=turn.team_id,
                query=" ".join(words[:cut]),
                statuses=self.searches,
            )
            if found.one is not None:
                return (found.one,), " ".join(rest)
        return (), ""

    async def _chosen(
        self,
        turn: Turn,
        convo: Conversation,
        client_id: int,
        *,
        name: str | None = None,
        created: bool = False,
    ) -> None:
        if name is None:  # a pressed button: the id must still be this team's client
            client = await turn.run(
                resolver.client_in_team, team_id=turn.team_id, client_id=client_id
            )
            name = client.name
        for key in ("options", "query", "exact", "too_many"):
            convo.data.pop(key, None)
        convo.data.update(client_id=client_id, client=name, created=created)
        await self.with_client(turn, convo)
