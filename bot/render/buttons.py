"""Buttons as renderers return them: rows of (label, callback data or a t.me/web link)."""

from __future__ import annotations

from locales import Translator

Buttons = list[list[tuple[str, str]]]
Options = list[tuple[str, str]]  # a dialog question's choices: (label, the answer it gives)


def yes_or_no(t: Translator, yes_label: str, yes: str, no: str) -> Buttons:
    """The row under a question that asks before doing it: "Yes, …" (`yes_label`), then No."""
    return [[(yes_label, yes), (t._("No"), no)]]


NAME_ON_BUTTON = 20  # characters of a name beside a verb: the verb stays in sight on a phone


def name_on_button(name: str) -> str:
    """A name as a button beside a verb shows it: cut with "…" past 20 characters, so a long
    name never pushes "verwijderen" / «Удалить» off a phone's button."""
    if len(name) <= NAME_ON_BUTTON:
        return name
    return name[: NAME_ON_BUTTON - 1].rstrip() + "…"
