"""Reading one-line commands as people type them on a phone.

Fields are separated by `;` or by a comma followed by a space, so a decimal comma
(`1.250,50`) stays inside its number: `/sale Bakkerij de Vries, 1.250,50, 300, 2u`.
Without separators, the numbers at the end are the amount: `/sale Анна Смирнова 1 250`.
"""

from __future__ import annotations

import datetime as dt
import re

from bot import labels
from bot.turn import Turn
from locales import N_, InputError, is_currency_token

_FIELD_SEPARATOR = re.compile(r";|,\s+")
_NUMERIC = re.compile(
    r"^[-+]?[\d.,:\u00a0\u202f€₽$£]*\d[\d.,:\u00a0\u202f€₽$£]*[a-zа-яё.]{0,5}$", re.IGNORECASE
)


def argument_text(turn: Turn) -> str:
    """Everything after the command word, as typed (spacing and commas kept)."""
    text = turn.text.strip()
    if not text.startswith("/"):
        return text
    parts = text.split(maxsplit=1)
    rest = parts[1].strip() if len(parts) > 1 else ""
    # Nothing but separators ("/sale ; ,") says nothing: as if no argument was typed.
    return rest if fields(rest) or not has_separators(rest) else ""


def fields(text: str) -> list[str]:
    return [part.strip() for part in _FIELD_SEPARATOR.split(text) if part.strip()]


def has_separators(text: str) -> bool:
    return bool(_FIELD_SEPARATOR.search(text))


def split_trailing_numbers(text: str, *, most: int | None = None) -> tuple[str, list[str]]:
    """`Bakkerij de Vries 1 250` → ("Bakkerij de Vries", ["1", "250"]): the trailing run of
    number-like tokens (at most `most`), and the words before them. A currency written apart
    stays with its amount: `Кофейня 1 250,50 ₽`, `Bakkerij € 1.250`, `Bakkerij 1250 EUR`."""
    tokens = text.split()
    end = len(tokens)
    if end > 2 and is_currency_token(tokens[-1]) and _NUMERIC.match(tokens[-2]):
        end -= 1
    start = end
    while start > 1 and _NUMERIC.match(tokens[start - 1]):
        if most is not None and end - start >= most:
            break
        start -= 1
    if end < len(tokens) and start == end:
        start = end = len(tokens)  # nothing numeric before the currency: all of it is a name
    if start > 1 and start < end and is_currency_token(tokens[start - 1], sign_only=True):
        start -= 1
    return " ".join(tokens[:start]), tokens[start:]


def name_kind_city(text: str) -> tuple[str, dict[str, str]]:
    """`Bakkerij de Vries, organisatie, Utrecht` → the name and what else was said of them."""
    # The name is the first field even when it is empty ("/add , Utrecht"): a city or a kind
    # moved up into its place would become a client's name.
    name, *rest = _FIELD_SEPARATOR.split(text) if has_separators(text) else [text]
    name, rest = name.strip(), [part.strip() for part in rest if part.strip()]
    said: dict[str, str] = {}
    for part in rest:
        kind = labels.kind_from_word(part)
        if kind and "kind" not in said:
            said["kind"] = kind
        elif "city" not in said:
            said["city"] = part[:100]
    return name, said


def birth_year(text: str, today: dt.date) -> int:
    """A year of birth as typed, from 1900 to this year."""
    year = text.strip()
    if not (year.isdigit() and 1900 <= int(year) <= today.year):
        raise InputError(N_("Type a year like 1985, or skip."))
    return int(year)
