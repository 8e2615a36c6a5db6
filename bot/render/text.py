"""Telegram HTML to plain text, for the terminal chat and the CLI."""

from __future__ import annotations

import html
import re

_BREAKS = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAGS = re.compile(
    r"</?(?:b|strong|i|em|u|ins|s|strike|del|code|pre|a|span|tg-spoiler|blockquote)"
    r"(?:\s[^>]*)?>",
    re.IGNORECASE,
)


def html_to_text(text: str) -> str:
    """Drop Telegram's formatting tags and unescape entities; the words stay as they were."""
    return html.unescape(_TAGS.sub("", _BREAKS.sub("\n", text)))
