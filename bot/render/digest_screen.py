"""Fitting the weekly digest on one phone screen: its blocks, how long each stays when the
screen is full, and the amounts note that ends it wherever money is shown."""

from __future__ import annotations

from dataclasses import dataclass

from bot.render.explain import amounts_note
from locales import Markup, Translator
from storage.callers import TeamView

PHONE_LINES = 15  # about one phone screen, blank lines included
ALWAYS = 100  # the heading, what was recorded, a quiet week: never left out


@dataclass(frozen=True)
class Part:
    """A block of the digest, how long it stays when the screen is full (higher: longer), and
    the money in it: figures without VAT (`net`), money owed as invoiced (`owed`)."""

    text: Markup
    keep: int
    net: bool = False
    owed: bool = False

    @property
    def lines(self) -> int:
        return str(self.text).count("\n") + 1


def one_screen(t: Translator, team: TeamView, parts: list[Part]) -> Markup:
    """The parts, blank-line apart and in their order, on one phone screen (PHONE_LINES, blank
    lines counted), ending in the amounts note wherever money is shown. The parts that matter
    most are placed first and a part that would not fit is left out (the ideal clients' monthly
    figure, the portrait, the trend, then the sections lowest in the digest's order of
    importance); the note is counted in with every part, so it is never what is left out."""
    kept: list[Part] = []
    noted = amounts_note(t, team) is not None
    for part in sorted(parts, key=lambda p: -p.keep):  # stable: equals keep their order
        if part.keep >= ALWAYS or _height([*kept, part], noted) <= PHONE_LINES:
            kept.append(part)
    shown = [p for p in parts if p in kept]
    text = Markup("\n\n").join(p.text for p in shown)
    net, owed = any(p.net for p in shown), any(p.owed for p in shown)
    note = amounts_note(t, team, net=net, owed=owed) if net or owed else None
    if note is not None:  # under the last figures, no gap: the digest ends with it
        text += Markup("\n") + note
    return text


def _height(parts: list[Part], noted: bool) -> int:
    """Lines on the screen: the parts, a blank line between two, the amounts note if the team
    has one (`noted`) and a part needs it."""
    note = noted and any(p.net or p.owed for p in parts)
    return sum(p.lines for p in parts) + len(parts) - 1 + int(note)
