"""What a corpus line must do, written from the spec (issue 17, the README's grammar), not
from what the code happens to do: the rows it stores, or the one question it asks.

A line either stores something (`sale`, `added`, `paid`, `part`, `rated`, `complaint`,
`compliment`, `referral`, combined with `+`), stores nothing (`NOTHING`: a refusal with a
clear answer), or asks (`ask`): then nothing may be stored yet, and when the entry says what to
press (or type), the runner does that and checks what is stored then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from tests.corpus.world import TODAY

PERSON, ORGANISATION = "person", "organisation"


def money(amount: str | int | Decimal | None) -> str | None:
    """An amount as a Decimal string with cents, the way expectations and rows are compared."""
    return None if amount is None else f"{Decimal(amount):.2f}"


def day(when: str | dt.date | None) -> str:
    """`"2026-11-27"` or a date → ISO text; None → today."""
    if when is None:
        return TODAY.isoformat()
    return (
        when.isoformat() if isinstance(when, dt.date) else dt.date.fromisoformat(when).isoformat()
    )


@dataclass(frozen=True)
class Stored:
    """Everything a line changed; compared `normalised`, so the order of storing doesn't matter."""

    # (client, amount, cost, minutes, sold_on)
    sales: tuple[tuple[str, str | None, str | None, int | None, str], ...] = ()
    clients: tuple[tuple[str, str], ...] = ()  # new clients: (name, kind)
    events: tuple[tuple[str, str, str | None, str | None], ...] = ()  # (kind, client, note, whom)
    ratings: tuple[tuple[str, int, int, int], ...] = ()  # (client, pleasant, reasonable, on time)
    paid: tuple[tuple[str, str | None, str | None], ...] = ()  # (open invoice tag, on, part)

    def __add__(self, other: Stored) -> Stored:
        return Stored(*(getattr(self, f) + getattr(other, f) for f in _FIELDS))

    def normalised(self) -> Stored:
        return Stored(*(tuple(sorted(getattr(self, f), key=repr)) for f in _FIELDS))

    def describe(self) -> str:
        parts = [f"{f}={list(getattr(self, f))}" for f in _FIELDS if getattr(self, f)]
        return "; ".join(parts) or "nothing stored"


_FIELDS = ("sales", "clients", "events", "ratings", "paid")
NOTHING = Stored()


@dataclass(frozen=True)
class Ask:
    """One question with buttons. `kind` names its hallmark (tests/corpus/questions.py);
    `shows`: words that must appear in the question or on its buttons; `press`: (part of) the
    label of the button to press, or `answer`: text to type; `then`: what follows."""

    kind: str
    shows: tuple[str, ...] = ()
    press: str | None = None
    answer: str | None = None
    then: Stored | Ask | None = None
    buttons: tuple[str, ...] = field(default=())  # labels that must be there, in this order
    hides: tuple[str, ...] = field(default=())  # words no button may show


Expected = Stored | Ask


def sale(
    client: str,
    amount: str,
    cost: str | None = None,
    minutes: int | None = None,
    on: str | None = None,
    *,
    new: str | None = None,
) -> Stored:
    """A stored sale; `new`: the client was created with this kind by the same line."""
    row = (client, money(amount), money(cost), minutes, day(on))
    return Stored(sales=(row,), clients=((client, new),) if new else ())


def added(name: str, kind: str) -> Stored:
    return Stored(clients=((name, kind),))


def paid(*tags: str, on: str | None = None) -> Stored:
    """Open invoices (world tags) paid in full on `on` (default today)."""
    return Stored(paid=tuple((tag, day(on), None) for tag in tags))


def part(tag: str, paid_so_far: str) -> Stored:
    """An open invoice paid in part: what is paid of it so far; it stays open."""
    return Stored(paid=((tag, None, money(paid_so_far)),))


def rated(client: str, pleasant: int, reasonable: int, on_time: int) -> Stored:
    return Stored(ratings=((client, pleasant, reasonable, on_time),))


def complaint(client: str, note: str | None = None) -> Stored:
    return Stored(events=(("complaint", client, note, None),))


def compliment(client: str, note: str | None = None) -> Stored:
    return Stored(events=(("compliment", client, note, None),))


def referral(client: str, referred: str, *, new: str | None = None) -> Stored:
    """`new`: the referred one was not known and was added (as a prospect) with this kind."""
    return Stored(
        events=(("referral", client, None, referred),),
        clients=((referred, new),) if new else (),
    )


def ask(
    kind: str,
    *shows: str,
    press: str | None = None,
    answer: str | None = None,
    then: Expected | None = None,
    buttons: tuple[str, ...] = (),
    hides: tuple[str, ...] = (),
) -> Ask:
    return Ask(kind, shows, press, answer, then, buttons, hides)
