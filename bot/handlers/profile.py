"""/profile: the team's ideal client profile(s), read by everyone and edited by admins.

Editing is a dialog of buttons: which profile (or a new one for persons, organisations or
everyone) → which area (who they are, fit with the team, market reality) → which criterion →
its value: ranges and numbers typed as people type them, fixed vocabularies tapped, free
words as a comma list. Skip clears a criterion. Each saved criterion is confirmed with Undo.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.kit.callbacks import STALE, id_from
from bot.kit.dialogs import SKIP, Conversation, Dialog, finish, goto, new, question
from bot.kit.turn import Turn, command
from bot.render import profile as render
from locales import N_, InputError, Markup, translator
from locales.numbers import ABOVE_MAXIMUM, BARE_HOURS, shown_text
from storage import profiles
from storage.models import Role
from storage.profiles import StoredProfile

NEW = "new-"  # + person | organisation | all
DONE, BACK, SAVE, DELETE, OTHER = "done", "back", "save", "delete", "other"
MAX_WORDS, MAX_WORD = 20, 60
MAX_HOURS = 1000  # hours one order may take, at most: more is a typo
NUMBER_RANGE_MAX = {"age": 120, "employees": 10_000_000}

# A range as people type it: 25-45, 25–45, 25 tot 45, от 25 до 45, from 30, up to 50.
_FROM = re.compile(r"^(?:from|vanaf|van|от|с|>=|≥|>)(?=[\s\d])\s*", re.IGNORECASE)
_UPTO = re.compile(r"^(?:up to|tot|to|t/m|до|max\.?|<=|≤|<)(?=[\s\d])\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\s*(?:–|—|\bup to\b|\bto\b|\btot\b|\bt/m\b|\bдо\b)\s*", re.IGNORECASE)
# A hyphen between numbers, but not the one of "€ 1.250,-" (no cents).
_HYPHEN = re.compile(r"\s*(?<![,.\-])-(?!-)\s*")
_UNITS = re.compile(r"\s*[^\W\d_]+\.?$")  # "45 jaar", "50 сотрудников": the word goes


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
                profiles.market_outlook, team_id=turn.team.id or 0, profile=stored.profile
            )
            options = [(render.area_name(t, area), area) for area in render.AREAS]
            options += [
                (t._("Other profile"), OTHER),
                (t._("✕ Delete this profile"), DELETE),
                (t._("✓ Done"), DONE),
            ]
            question(
                turn,
                convo,
                render.profile_summary(t, currency, stored, market),
                options=options,
                per_row=1,
                edit=edit,
            )
        elif step == "criterion":
            area = convo.data["area"]
            summary = render.area_summary(t, currency, stored.profile, area, named=True)
            lines = [Markup("<b>") + render.area_name(t, area) + Markup("</b>")]
            for criterion, value in summary:
                shown = value if value is not None else "—"
                lines.append(Markup("• ") + render.criterion_name(t, criterion.code) + ": " + shown)
            if area == "market":
                market = await turn.run(
                    profiles.market_outlook, team_id=turn.team.id or 0, profile=stored.profile
                )
                lines.append(render.market_line(t, stored, market))
            lines.append(t._("Which one shall I change?"))
            options = [(render.criterion_name(t, c.code), c.code) for c, _value in summary]
            options.append((t._("← Back"), BACK))
            question(turn, convo, Markup("\n").join(lines), options=options, per_row=2, edit=edit)
        elif step == "value":
            criterion = render.BY_CODE[convo.data["criterion"]]
            text = render.criterion_question(t, criterion.code)
            if criterion.how == "choices":
                picked = set(convo.data.get("picked", ()))
                vocabulary = criterion.vocabulary or {}
                options = [
                    (render.chosen_label(t, vocabulary, code, code in picked), code)
                    for code in vocabulary
                ]
                options.append((t._("Save"), SAVE))
                question(turn, convo, text, options=options, per_row=2, skip=True, edit=edit)
            else:
                question(turn, convo, text + Markup("\n") + t._("Skip clears it."), skip=True)

    async def _ask_profile(self, turn: Turn, convo: Conversation, *, edit: bool) -> None:
        t = turn.t
        stored = await turn.run(profiles.team_profiles, team_id=turn.team.id or 0)
        options = [(p.name, f"p{p.id}") for p in stored]
        taken = {p.kind for p in stored}
        for kind in ("person", "organisation", None):
            if kind not in taken:
                label = t._("＋ New: {name}", name=render.profile_title(t, kind))
                options.append((label, NEW + (kind or "all")))
        if stored:
            text = t._("Which ideal client profile? A team can have one per kind of client.")
        else:
            text = t._(
                "You have no ideal client profile yet. Describe the clients you want more of: "
                "for private persons, for organisations, or one for all clients."
            )
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
                raise InputError(N_("Pick one of the buttons, please."))
        elif step == "value":
            await self._value(turn, convo, text=text, choice=choice)

    async def _picked(self, turn: Turn, convo: Conversation, choice: str | None) -> None:
        if choice and choice.startswith("p") and choice[1:].isdigit():
            stored = await turn.run(
                profiles.stored_profile, team_id=turn.team.id or 0, profile_id=id_from(choice[1:])
            )
            await goto(turn, convo, "area", profile_id=stored.id)
        elif choice and choice.startswith(NEW):
            kind = choice.removeprefix(NEW)
            if kind not in ("person", "organisation", "all"):
                raise InputError(STALE)
            kind_or_none = None if kind == "all" else kind
            # Named in the team's language: the name shows in the group and the digest.
            name = render.profile_title(translator(turn.team.locale), kind_or_none)
            change = await turn.run(
                profiles.create_profile,
                team_id=turn.team.id or 0,
                user_id=turn.caller.user_id,
                name=str(name),
                kind=kind_or_none,
                now=turn.now,
            )
            turn.confirm(turn.t._("Profile added: {name}.", name=name), change.undo_id, edit=True)
            await goto(turn, convo, "area", profile_id=change.entity_id)
        else:
            raise InputError(N_("Pick one of the buttons, please."))

    async def _area(self, turn: Turn, convo: Conversation, choice: str | None) -> None:
        t = turn.t
        if choice in render.AREAS:
            await goto(turn, convo, "criterion", area=choice)
        elif choice == OTHER:
            await goto(turn, convo, "pick")
        elif choice == DONE:
            await finish(turn, convo)
            stored = await _profile(turn, convo)
            turn.edit(t._("Saved: the ideal client profile {name}.", name=stored.name))
        elif choice == DELETE:
            stored = await _profile(turn, convo)
            change = await turn.run(
                profiles.delete_profile,
                team_id=turn.team.id or 0,
                profile_id=stored.id,
                user_id=turn.caller.user_id,
                now=turn.now,
            )
            await finish(turn, convo)
            turn.confirm(
                t._("Profile deleted: {name}.", name=stored.name), change.undo_id, edit=True
            )
        else:
            raise InputError(N_("Pick one of the buttons, please."))

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
                raise InputError(N_("Tap what fits, then Save."))
            values = {criterion.fields[0]: convo.data.get("picked") or None}
        elif not text:
            raise InputError(N_("Type the value, or skip to clear it."))
        else:
            values = _typed(turn, criterion, text)
        await self._save(turn, convo, criterion, values)

    async def _save(
        self, turn: Turn, convo: Conversation, criterion: render.Criterion, values: dict[str, Any]
    ) -> None:
        t, team = turn.t, turn.team
        change = await turn.run(
            profiles.change_criteria,
            team_id=team.id or 0,
            profile_id=convo.data["profile_id"],
            user_id=turn.caller.user_id,
            now=turn.now,
            **values,
        )
        stored = await _profile(turn, convo)
        value = render.criterion_value(t, team.currency, stored.profile, criterion, named=True)
        name = render.criterion_name(t, criterion.code)
        if value is None:
            text = t._("Cleared: {criterion}.", criterion=name)
        else:
            text = t._("Saved: {criterion}: {value}.", criterion=name, value=value)
        turn.confirm(text, change.undo_id, edit=True)
        convo.data.pop("picked", None)
        await goto(turn, convo, "criterion")


async def _profile(turn: Turn, convo: Conversation) -> StoredProfile:
    return await turn.run(
        profiles.stored_profile, team_id=turn.team.id or 0, profile_id=convo.data["profile_id"]
    )


# Reading typed values -------------------------------------------------------------------------


def _typed(turn: Turn, criterion: render.Criterion, text: str) -> dict[str, Any]:
    t, how = turn.t, criterion.how
    if how == "number_range":
        maximum = NUMBER_RANGE_MAX[criterion.code]

        def whole(part: str) -> int:
            return int(t.parse_number(_UNITS.sub("", part), max_decimals=0, maximum=maximum))

        return dict(zip(criterion.fields, parse_range(text, whole), strict=True))
    if how == "money_range":

        def money(part: str) -> int:
            return t.parse_money(part, turn.team.currency)

        return dict(zip(criterion.fields, parse_range(text, money), strict=True))
    if how == "words":
        return {criterion.fields[0]: parse_words(text)}
    field = criterion.fields[0]
    if how == "money":
        return {field: t.parse_money(text, turn.team.currency, allow_zero=False)}
    if how == "percent":
        share = t.parse_percent(text)
        if share <= 0:
            raise InputError(N_("Type a percentage above 0, or skip to clear it."))
        return {field: float(round(share, 4))}
    if how == "hours":  # "3", "2,5", "10 uur", "90 min", "1 ч 30 мин": a bare number is hours
        minutes = t.parse_duration(text, bare=BARE_HOURS)
        if minutes <= 0:
            raise InputError(N_("Type a number of hours above 0, for example 3 or 2,5."))
        if minutes > MAX_HOURS * 60:
            raise InputError(
                ABOVE_MAXIMUM, text=shown_text(text), maximum=t.duration(MAX_HOURS * 60)
            )
        return {field: round(minutes / 60, 2)}
    number = int(t.parse_number(_UNITS.sub("", text), max_decimals=0, maximum=10**9))
    if criterion.code == "size" and number == 0:
        raise InputError(N_("A market of 0 clients? Type a rough number, for example 400."))
    return {field: number}


def parse_range(text: str, read: Callable[[str], int]) -> tuple[int | None, int | None]:
    """'25-45', '25–45', 'от 25 до 45', 'vanaf 30', 'tot 50', '€ 30 000 – 60 000'."""
    cleaned = " ".join(text.split())
    opened = _FROM.match(cleaned)
    if opened:
        cleaned = cleaned[opened.end() :]
    if _UPTO.match(cleaned) and not opened:
        return None, read(_UPTO.sub("", cleaned, count=1))
    parts = _BETWEEN.split(cleaned, maxsplit=1)
    if len(parts) == 1:
        parts = _HYPHEN.split(cleaned, maxsplit=1)
    if len(parts) == 1:
        if opened:
            return read(parts[0]), None
        raise InputError(N_("Type a range like 25-45, or “from 30” or “up to 50”."))
    low = read(parts[0]) if parts[0].strip() else None
    high = read(parts[1]) if parts[1].strip() else None
    if low is None and high is None:
        raise InputError(N_("Type a range like 25-45, or “from 30” or “up to 50”."))
    if low is not None and high is not None and low > high:
        raise InputError(N_("Put the smaller number first, like 25-45."))
    return low, high


def parse_words(text: str) -> list[str] | None:
    """'Utrecht, Amersfoort; Zeist' → the words, each once, as typed."""
    words: list[str] = []
    seen: set[str] = set()
    for part in re.split(r"[,;\n]", text):
        word = " ".join(part.split())[:MAX_WORD]
        key = word.casefold().replace("ё", "е")
        if word and key not in seen:
            seen.add(key)
            words.append(word)
    if len(words) > MAX_WORDS:
        raise InputError(
            N_("That's more than {max}. Keep the ones that matter most."), max=MAX_WORDS
        )
    return words or None


# The command ----------------------------------------------------------------------------------


@command()
async def profile(turn: Turn) -> None:
    """/profile: the ideal client profile(s); admins go on to edit them step by step."""
    t, team = turn.t, turn.team
    try:
        await turn.require(Role.ADMIN)
    except InputError:
        stored = await turn.run(profiles.team_profiles, team_id=team.id or 0)
        if not stored:
            turn.reply(t._("The team has no ideal client profile yet. An admin can write one."))
            return
        parts = []
        for item in stored:
            market = await turn.run(
                profiles.market_outlook, team_id=team.id or 0, profile=item.profile
            )
            parts.append(render.profile_summary(t, team.currency, item, market))
        turn.reply(Markup("\n\n").join(parts))
        return
    convo = new(ProfileDialog.name, turn)
    stored = await turn.run(profiles.team_profiles, team_id=team.id or 0)
    if len(stored) == 1:
        await goto(turn, convo, "area", profile_id=stored[0].id)
    else:
        await goto(turn, convo, "pick")
