"""/rate in words: one question per criterion with buttons 1–5, and the thanks with the news."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot import labels
from bot.render.buttons import Options
from locales import Markup, Translator


def which_client(t: Translator) -> Markup:
    return t._("Which client do you want to rate? Type (part of) the name.")


def rating_question(
    t: Translator, client: str, criterion: str, criteria: Sequence[str], before: int | None
) -> tuple[Markup, Options]:
    """'Rate X, 2 of 3: 5 is best.', the criterion, what this person gave last time; 1–5."""
    lines = [
        t._(
            "Rate {client}, {number} of {total}: 5 is best.",
            client=client,
            number=criteria.index(criterion) + 1,
            total=len(criteria),
        ),
        Markup("<b>") + labels.label(t, labels.CRITERIA, criterion) + Markup("</b>"),
    ]
    if before:
        lines.append(t._("Last time you gave {value}.", value=before))
    return Markup("\n").join(lines), [(str(v), str(v)) for v in range(1, 6)]


def rated(t: Translator, client: str, values: Mapping[str, int], news: Sequence[Markup]) -> Markup:
    """The thanks, the grades given, and what they did to the client's grade."""
    scores = Markup(", ").join(
        Markup(f"{labels.label(t, labels.CRITERIA, c).lower()} {v}") for c, v in values.items()
    )
    text = t._("Thanks! Your rating of {client}: {scores}.", client=client, scores=scores)
    return Markup(" ").join([text, *news])
