"""The word beside a grade: on the 1–10 scale a Dutch reader says "cijfer 8", on A–D and 1–5
"beoordeling B" (issue 20; locales/GLOSSARY.md). Russian says «оценка» on every scale."""

from __future__ import annotations

from locales import Markup, Translator

TEN = "1-10"  # scoring.settings.GRADE_SCALES


def grade_shown(t: Translator, scale: str, grade: str, *, provisional: bool = False) -> Markup:
    """`beoordeling B`, `cijfer 8`, with "(voorlopig)" for a young client's."""
    if scale == TEN:
        if provisional:
            return t._("mark <b>{grade}</b> (provisional)", grade=grade)
        return t._("mark <b>{grade}</b>", grade=grade)
    if provisional:
        return t._("grade <b>{grade}</b> (provisional)", grade=grade)
    return t._("grade <b>{grade}</b>", grade=grade)


def grade_said(
    t: Translator, scale: str, grade: str, before: str | None = None, *, provisional: bool = False
) -> Markup:
    """`Beoordeling: B (was A).`, `Cijfer: 8.` after a sale or a rating; a young client's
    "(voorlopig)", as its card says (the Russian reader: a firm «B» after the first sale)."""
    if scale == TEN:
        if before:
            return t._("Mark: {grade} (was {before}).", grade=grade, before=before)
        if provisional:
            return t._("Mark: {grade} (provisional).", grade=grade)
        return t._("Mark: {grade}.", grade=grade)
    if before:
        return t._("Grade: {grade} (was {before}).", grade=grade, before=before)
    if provisional:
        return t._("Grade: {grade} (provisional).", grade=grade)
    return t._("Grade: {grade}.", grade=grade)


def no_grade_yet(t: Translator, scale: str, *, why: bool = False) -> Markup:
    """`nog geen beoordeling`, `nog geen cijfer (nog geen verkopen)`."""
    if scale == TEN:
        return t._("no mark yet: no sales yet") if why else t._("no mark yet")
    return t._("no grade yet: no sales yet") if why else t._("no grade yet")
