"""Buttons as renderers return them: rows of (label, callback data or a t.me/web link)."""

from __future__ import annotations

from locales import Translator

Buttons = list[list[tuple[str, str]]]
Options = list[tuple[str, str]]  # a dialog question's choices: (label, the answer it gives)


def yes_or_no(t: Translator, yes_label: str, yes: str, no: str) -> Buttons:
    """The row under a question that asks before doing it: "Yes, …" (`yes_label`), then No."""
    return [[(yes_label, yes), (t._("No"), no)]]
