"""A client in one line (name and the traits the team knows), and /add's questions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from bot import labels
from bot.kit.callbacks import pack
from bot.render.buttons import Options
from locales import Markup, Translator, escape, vocabulary
from locales.numbers import shown_text
from storage.models import Client


def client_summary(t: Translator, client: Client) -> Markup:
    """'Bakkerij de Vries (organisation, Utrecht, source: referral)': the source said as such, as
    on the card ("aanbeveling" alone read as a referral recorded)."""
    facts = [labels.label(t, labels.KINDS, client.kind)]
    if client.city:
        facts.append(client.city)
    if client.employees is not None:
        facts.append(t.n_("{n} employee", "{n} employees", client.employees))
    if client.birth_year is not None:  # saved, so said (the Russian reader thought it lost)
        facts.append(t._("born {year}", year=str(client.birth_year)))
    if client.source:
        facts.append(t._("source: {source}", source=labels.label(t, labels.SOURCES, client.source)))
    return (
        Markup("<b>")
        + escape(client.name)
        + Markup("</b> (")
        + Markup(", ").join(facts)
        + Markup(")")
    )


def trait_text(
    t: Translator, field: str, value: Any, currency: str, vocabulary: dict[str, str] | None
) -> str:
    """One trait's value as people read it ("€ 45.000", "vrouw", "12 mrt 2024"); "" unknown."""
    if value is None or value == "" or value == []:
        return ""
    if vocabulary is not None:
        return labels.label(t, vocabulary, value)
    if field == "income":
        return t.money(value, currency, whole=True)
    if field == "employees":
        return t.number(value)
    if field == "interests":
        return ", ".join(value)
    if isinstance(value, dt.date):
        return t.date(value)
    return str(value)


def kind_options(t: Translator) -> list[tuple[str, str]]:
    """The buttons that ask whether a client is a person or an organisation."""
    return [(t._("Person"), "person"), (t._("Organisation"), "organisation")]


def source_options(t: Translator) -> Options:
    """How a client found the team, a button per source."""
    offered = vocabulary.SOURCES.offered(t.locale)
    return [(labels.button_label(t, labels.SOURCES, code), code) for code in offered]


def add_prompt(t: Translator, step: str, name: str = "") -> Markup:
    """The question of each /add step."""
    if step == "name":
        return t._("What's the new client's name?")
    if step == "source":
        return t._("How did they find you?")
    return trait_prompt(t, step, name)


def trait_prompt(t: Translator, step: str, name: str = "") -> Markup:
    """The question for a trait both /add and /check ask: kind, city, line of business, size,
    year of birth."""
    prompts = {
        "kind": lambda: t._("Is {name} a person or an organisation?", name=name),
        "city": lambda: t._("In which city?"),
        "industry": lambda: t._("In which line of business? For example catering."),
        "employees": lambda: t._("How many people work there, roughly?"),
        "birth_year": lambda: t._("Year of birth? Only if they're happy to share it."),
    }
    return prompts[step]()


def similar_question(
    t: Translator, name: str, similar: Sequence[Sequence[Any]], use: str, add_anyway: str
) -> tuple[Markup, Options]:
    """Clients with a name like the new one: is it one of them (`use` + id), or someone new?"""
    anyway = (t._("No, add “{name}”", name=name), add_anyway)
    if len(similar) == 1:
        [[client_id, known]] = similar
        return t._("Is this {client}?", client=known), [(t._("Yes"), f"{use}{client_id}"), anyway]
    ask = t._("You already have clients with a similar name. Is it one of them?")
    options = [(known, f"{use}{client_id}") for client_id, known in similar]
    options.append(anyway)
    return ask, options


def client_added(
    t: Translator, team_id: int, client: Client, unused: Sequence[str] = ()
) -> tuple[Markup, list[tuple[str, str]]]:
    """The confirmation of a new client, and the Record a sale button for its row; the parts
    of a one-line /add it did not understand are named back as typed («стрижка»)."""
    sale_button = [(t._("Record a sale"), pack("salefor", team_id, client.id))]
    text = t._("Added: {client}.", client=client_summary(t, client))
    return with_left_out(t, text, unused, saved=True), sale_button


def with_left_out(t: Translator, text: Markup, unused: Sequence[str], *, saved: bool) -> Markup:
    """`text`, and the parts of a one-line /add or /check the bot did not understand, named
    back as typed (plain text, never markup) so nothing typed vanishes unsaid."""
    if not unused:
        return text
    typed = shown_text(", ".join(unused))
    left_out = (
        t._("Not understood, so not saved: “{text}”. You can add it with /edit.", text=typed)
        if saved
        else t._("Not understood, so left out of this check: “{text}”.", text=typed)
    )
    return Markup("\n").join((text, left_out))
