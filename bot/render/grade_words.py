"""The word beside a grade: on the 1–10 scale a Dutch reader says "cijfer 8", on A–D and 1–5
"beoordeling B" (issue 20; locales/GLOSSARY.md). Russian says «оценка» on every scale."""

from __future__ import annotations

from locales import N_, Markup, Translator

TEN = "1-10"  # scoring.settings.GRADE_SCALES


def on_scale(scale: str, grade: str, on_ten: str) -> str:
    """Of a message's two wordings, the one for the team's scale: `on_ten` on 1–10 ("cijfer",
    and a 9 may be typed there), `grade` on A–D and 1–5."""
    return on_ten if scale == TEN else grade


def grade_shown(t: Translator, scale: str, grade: str, *, provisional: bool = False) -> Markup:
    """`beoordeling B`, `cijfer 8`, with "(voorlopig)" for a young client's."""
    if provisional:
        return t._(
            on_scale(
                scale,
                N_("grade <b>{grade}</b> (provisional)"),
                N_("mark <b>{grade}</b> (provisional)"),
            ),
            grade=grade,
        )
    return t._(on_scale(scale, N_("grade <b>{grade}</b>"), N_("mark <b>{grade}</b>")), grade=grade)


def grade_said(
    t: Translator, scale: str, grade: str, before: str | None = None, *, provisional: bool = False
) -> Markup:
    """`Beoordeling: B (was A).`, `Cijfer: 8.` after a sale or a rating; a young client's
    "(voorlopig)", as its card says (the Russian reader: a firm «B» after the first sale)."""
    if before:
        return t._(
            on_scale(
                scale, N_("Grade: {grade} (was {before})."), N_("Mark: {grade} (was {before}).")
            ),
            grade=grade,
            before=before,
        )
    if provisional:
        return t._(
            on_scale(
                scale, N_("Grade: {grade} (provisional)."), N_("Mark: {grade} (provisional).")
            ),
            grade=grade,
        )
    return t._(on_scale(scale, N_("Grade: {grade}."), N_("Mark: {grade}.")), grade=grade)


def no_grade_yet(t: Translator, scale: str, *, why: bool = False) -> Markup:
    """`nog geen beoordeling`, `nog geen cijfer (nog geen verkopen)`."""
    if why:
        return t._(
            on_scale(scale, N_("no grade yet: no sales yet"), N_("no mark yet: no sales yet"))
        )
    return t._(on_scale(scale, N_("no grade yet"), N_("no mark yet")))
