"""Buttons as renderers return them: rows of (label, callback data or a t.me/web link)."""

from __future__ import annotations

Buttons = list[list[tuple[str, str]]]
Options = list[tuple[str, str]]  # a dialog question's choices: (label, the answer it gives)
