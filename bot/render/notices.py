"""Short answers that stand alone: what the bot says about how it works, not about clients."""

from __future__ import annotations

from locales import N_, Markup, Translator

EDITS_NOT_APPLIED = N_(
    "I don't apply edits: what you sent first stands. To change it, undo my answer with ↩ "
    "and send it again as a new message."
)


def edits_not_applied(t: Translator) -> Markup:
    """The one answer to an edited message: the first version stands, and how to correct it."""
    return t._(EDITS_NOT_APPLIED)
