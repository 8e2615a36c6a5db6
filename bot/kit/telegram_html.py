"""Telegram's HTML: a message fitted into its length limits with its tags still balanced, and
its plain text (for button labels, the terminal chat and the CLI)."""

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


MESSAGE_LIMIT = 4096  # characters of a message as shown, after Telegram parses the tags
CAPTION_LIMIT = 1024
_TOKEN = re.compile(r"<(/?)([a-z-]+)[^>]*>|&[#a-zA-Z0-9]+;|.", re.DOTALL)


def fit_html(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """The message cut to Telegram's limit, tags still balanced, with "…" where it was cut.

    Telegram refuses a longer message outright, and the user then sees nothing at all. Lengths
    count as Telegram does: shown characters (an entity is one) in UTF-16 code units.
    """
    # Markup and entities only shrink when shown: most replies pass on their raw length alone.
    if _units(text) <= limit or _shown_length(text) <= limit:
        return text
    kept: list[str] = []
    open_tags: list[str] = []
    used = 0
    for match in _TOKEN.finditer(text):
        token, closing, tag = match.group(), match.group(1), match.group(2)
        if tag is not None:
            kept.append(token)
            if closing:
                if open_tags and open_tags[-1] == tag:
                    open_tags.pop()
            else:
                open_tags.append(tag)
            continue
        size = _units(html.unescape(token))
        if used + size > limit - 1:
            break
        kept.append(token)
        used += size
    kept.append("…")
    kept.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(kept)


def _shown_length(text: str) -> int:
    return _units(html_to_text(text))


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
