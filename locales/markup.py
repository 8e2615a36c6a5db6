"""Text that is already safe HTML; everything else put into a message is escaped."""

from __future__ import annotations

import html


class Markup(str):
    """A string the renderer built itself (tags included); never wrap user input in it."""

    __slots__ = ()

    def __add__(self, other: str) -> Markup:
        return Markup(str.__add__(self, escape(other)))

    def __radd__(self, other: str) -> Markup:
        return Markup(str.__add__(escape(other), self))

    def join(self, parts):  # type: ignore[no-untyped-def, override]
        return Markup(str.join(self, (escape(p) for p in parts)))


def escape(value: object) -> Markup:
    """Escape anything for Telegram HTML unless it is Markup already."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=False))
