"""A strict checker for the HTML subset Telegram accepts (Bot API, "HTML style").

Telegram rejects a message whose markup it cannot parse, so a reply that is not valid here
is a reply the user never sees. Allowed: b/strong, i/em, u/ins, s/strike/del, span
class="tg-spoiler", tg-spoiler, a href, code, pre (code class="language-…" inside it),
blockquote [expandable], tg-emoji emoji-id; properly nested and closed; entities only
&lt; &gt; &amp; &quot; and numeric ones; every other <, > and & escaped.
https://core.telegram.org/bots/api#html-style
"""

from __future__ import annotations

import html
import re

MAX_TEXT = 4096
MAX_CAPTION = 1024

_SIMPLE = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler"}
_TOKEN = re.compile(r"<[^>]*>|&[^;\s<>&]*;?|[<>&]")
_TAG = re.compile(r"<(/?)([a-z-]+)((?:\s+[a-z-]+(?:=\"[^\"<>]*\")?)*)\s*>\Z")
_ATTRIBUTE = re.compile(r"([a-z-]+)(?:=\"([^\"]*)\")?")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});\Z")


class InvalidHtml(AssertionError):
    """The text would be refused by Telegram ("can't parse entities")."""


def check(text: str, *, limit: int = MAX_TEXT) -> str:
    """The text as a phone shows it; raises InvalidHtml when Telegram would refuse it."""
    stack: list[str] = []
    plain: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        plain.append(text[position : match.start()])
        position = match.end()
        token = match.group()
        if token.startswith("&"):
            if not _ENTITY.match(token):
                raise InvalidHtml(f"bare & or unknown entity {token!r} in {text[:200]!r}")
            plain.append(html.unescape(token))
        elif token.startswith("<") and token.endswith(">"):
            _tag(token, stack, text)
        else:
            raise InvalidHtml(f"unescaped {token!r} in {text[:200]!r}")
    plain.append(text[position:])
    if stack:
        raise InvalidHtml(f"unclosed <{stack[-1]}> in {text[:200]!r}")
    shown = "".join(plain)
    units = len(shown.encode("utf-16-le")) // 2
    if units > limit:
        raise InvalidHtml(f"{units} characters, more than Telegram's {limit}: {shown[:300]!r}")
    return shown


def _tag(token: str, stack: list[str], text: str) -> None:
    parsed = _TAG.match(token)
    if parsed is None:
        raise InvalidHtml(f"malformed tag {token!r} in {text[:200]!r}")
    closing, name, raw_attributes = parsed.groups()
    attributes = dict(_ATTRIBUTE.findall(raw_attributes))
    if closing:
        if raw_attributes.strip():
            raise InvalidHtml(f"closing tag with attributes {token!r}")
        if not stack or stack[-1] != name:
            raise InvalidHtml(f"</{name}> does not close {stack[-1:]} in {text[:200]!r}")
        stack.pop()
        return
    if stack and stack[-1] in ("code", "pre") and not (stack[-1] == "pre" and name == "code"):
        raise InvalidHtml(f"<{name}> inside <{stack[-1]}>")
    if name == "a" and "a" in stack:
        raise InvalidHtml("a link inside a link")
    allowed = _allowed_attributes(name, attributes, stack)
    if set(attributes) - allowed:
        raise InvalidHtml(f"attributes {sorted(set(attributes) - allowed)} on <{name}>")
    for value in attributes.values():
        for entity in re.findall(r"&[^;\s]*;?", value):
            if not _ENTITY.match(entity):
                raise InvalidHtml(f"bare & in attribute of {token!r}")
    stack.append(name)


def _allowed_attributes(name: str, attributes: dict[str, str], stack: list[str]) -> set[str]:
    if name in _SIMPLE or name == "pre":
        return set()
    if name == "a":
        if not attributes.get("href"):
            raise InvalidHtml("<a> without href")
        return {"href"}
    if name == "span":
        if attributes.get("class") != "tg-spoiler":
            raise InvalidHtml('<span> other than class="tg-spoiler"')
        return {"class"}
    if name == "code":
        language = attributes.get("class")
        if language is not None and not (
            language.startswith("language-") and stack[-1:] == ["pre"]
        ):
            raise InvalidHtml("code class outside <pre> or not language-…")
        return {"class"}
    if name == "blockquote":
        return {"expandable"}
    if name == "tg-emoji":
        return {"emoji-id"}
    raise InvalidHtml(f"<{name}> is not a tag Telegram knows")
