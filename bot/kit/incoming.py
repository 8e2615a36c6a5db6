"""Where typed text enters Kompas: control characters become spaces, once, for every handler.

C0 controls (except newline and tab, which notes and lists may carry), DEL and the C1 controls
(U+0080–U+009F) are never meant as text: a bell, an escape sequence or NUL stored in a client's
name or note would be echoed back in every answer. Each becomes a space, so the text keeps its
length (Telegram's entity offsets still hold) and words on both sides stay apart. Zero-width
joiners and other format characters are left alone: they bind family emoji and shape scripts.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # \r too: "\r\n" is " \n"


def plain(text: str) -> str:
    """`text` with its control characters (keeping newline and tab) turned into spaces."""
    return _CONTROLS.sub(" ", text)
