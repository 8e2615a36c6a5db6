"""A client in one line: name and the traits the team knows."""

from __future__ import annotations

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
