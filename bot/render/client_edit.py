"""/edit in words: the menu of a client's traits, one trait's question, and what changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot import labels
from bot.kit.callbacks import pack
from bot.render.buttons import Buttons, Options
from bot.render.refusals import TYPE_THE_NEW_VALUE
from locales import N_, Markup, Translator, escape
from locales.vocabulary import SOURCES

FIELDS = {
    "name": N_("Name"),
    "kind": N_("Kind"),
    "city": N_("City"),
    "gender": N_("Gender"),
    "birth_year": N_("Year of birth"),
    "income": N_("Income per year"),
    "education": N_("Education"),
    "interests": N_("Interests"),
    "industry": N_("Line of business"),
    "employees": N_("Employees"),
    "decision": N_("Who decides"),
    "source": N_("How they found you"),
    "segment": N_("Segment"),
    "acquired_on": N_("Client since"),
    "notes": N_("Notes"),
}


def field_name(t: Translator, field: str) -> Markup:
    return t._(FIELDS[field])


def whose_details(t: Translator) -> Markup:
    return t._("Whose details shall we change? Type (part of) the name.")


def menu(t: Translator, client: str, order: Sequence[str], done: str) -> tuple[Markup, Options]:
    """The traits to change, in `order`, and ✓ Done."""
    options = [(field_name(t, f), f) for f in order] + [(t._("✓ Done"), done)]
    return t._("What shall I change for {client}?", client=client), options


def about(t: Translator, field: str, client: str, shown: str) -> Markup:
    """A trait's current value, or that it is not filled in."""
    if shown:
        return t._(
            "{field} of {client}: {value}.", field=field_name(t, field), client=client, value=shown
        )
    return t._("{field} of {client}: not filled in.", field=field_name(t, field), client=client)


def controls(t: Translator, keep: str, clear: str | None) -> Options:
    """Keep as it is, and Clear (`clear`: its answer) where a value may go."""
    options = [(t._("Keep as it is"), keep)]
    if clear is not None:
        options.append((t._("Clear"), clear))
    return options


# A form asks the gender as an adjective: «Женский / Мужской», not «Женщина / Мужчина» (the
# words a sentence uses, "mostly women"); Dutch forms say Vrouw / Man / Anders.
GENDER_BUTTONS = {"f": N_("Female"), "m": N_("Male"), "x": N_("Another gender")}


def vocabulary_options(
    t: Translator, vocabulary: dict[str, str], prefix: str, current: object = None
) -> Options:
    """The buttons of a field's words; of the sources, those used in the team's country and
    the client's own (a Dutch salon was offered VK, Avito and Yandex Maps)."""
    if set(vocabulary) == set(GENDER_BUTTONS):
        return [(t._(GENDER_BUTTONS[c]), prefix + c) for c in vocabulary]
    codes = list(vocabulary)
    if vocabulary == labels.SOURCES:
        offered = SOURCES.offered(t.locale)
        codes = [c for c in codes if c in offered or c == current]
    return [(labels.button_label(t, vocabulary, c), prefix + c) for c in codes]


def typed_question(t: Translator, field: str, client: str, today: dt.date) -> Markup:
    if field == "acquired_on":
        return t._(
            "Since when is {client} a client? Type a date, like {example}.",
            client=client,
            example=t.date(today, style="short"),
        )
    return t._(TYPED_QUESTIONS.get(field, TYPE_THE_NEW_VALUE))


# Each typed trait asks for itself: "Typ de nieuwe naam.", not a bare "new value".
TYPED_QUESTIONS = {
    "name": N_("Type the new name."),
    "city": N_("Type the city."),
    "birth_year": N_("Type the year of birth, like 1980."),
    "income": N_("Type the income per year."),
    "interests": N_("Type the interests, separated by commas."),
    "industry": N_("Type the line of business."),
    "employees": N_("Type the number of employees."),
    "segment": N_("Type the segment."),
    "notes": N_("Type the new notes."),
}


def with_cancel(t: Translator, ask: Markup) -> Markup:
    """The question asked as a reply in a group, with the way out."""
    return ask + Markup("\n<i>") + t._("/cancel to stop") + Markup("</i>")


def about_and_ask(about: Markup, ask: Markup) -> Markup:
    return Markup("\n").join([about, ask])


def up_to_date(t: Translator, client: str, *, changed: bool = True) -> Markup:
    """✓ Done: "Saved" only when something was saved in this dialog (Product rules: Truth)."""
    if not changed:
        return t._("Nothing changed for {client}.", client=client)
    return t._("Saved. {client} is up to date.", client=client)


def unchanged(t: Translator, field: str) -> Markup:
    return t._("Unchanged: {field}.", field=_lower(field_name(t, field)))


def changed(t: Translator, field: str, shown: str) -> Markup:
    if shown and field == "source":  # not "Gevonden via gewijzigd in Instagram."
        return t._("Changed: found you through {value}.", value=shown)
    if shown:  # "Naam gewijzigd in Hotel De Linde."
        return t._("{field} changed to {value}.", field=field_name(t, field), value=shown)
    return t._("Cleared: {field}.", field=_lower(field_name(t, field)))


def field_rows(team_id: int, options: Options, per_row: int) -> Buttons:
    """Buttons of the edit dialog; all carry its one step, so none goes stale mid-dialog."""
    packed = [(label, pack("d", team_id, "field", value)) for label, value in options]
    return [packed[i : i + per_row] for i in range(0, len(packed), per_row)]


def _lower(name: str) -> Markup:
    """A field's name inside a sentence: "Gewijzigd: plaats Utrecht"."""
    return Markup(escape(name[:1].lower()) + escape(name[1:]))
