"""A client in one line: name and the traits the team knows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot import labels
from locales import Markup, Translator, escape
from storage.models import Client


def client_summary(t: Translator, client: Client) -> Markup:
    """'Bakkerij de Vries (organisation, Utrecht)'."""
    facts = [labels.label(t, labels.KINDS, client.kind)]
    if client.city:
        facts.append(client.city)
    if client.source:
        facts.append(labels.label(t, labels.SOURCES, client.source))
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
