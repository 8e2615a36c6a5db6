"""How people say where a client came from, around the source's own word (the words
themselves: locales.vocabulary.SOURCES): «пришла из инсты», «по сарафану», «источник:
ВКонтакте», `via Marktplaats`, `gevonden via Google`, `bron: beurs`."""

from __future__ import annotations

import re

# A label that says the rest is the source: «источник ВКонтакте», `bron: beurs`.
_LABEL = r"(?:источник|канал|откуда|bron|herkomst|kanaal|source)\s*[:\-–—]?\s*"
# A verb of coming or finding before the preposition: «пришла из», «узнала о нас из», `kwam via`.
_VERB = (
    r"(?:пришл[аи]|пришёл|пришел|узнал[аи]?|нашл[аи]|нашёл|нашел|обратил(?:ась|ся|ись)|"
    r"gevonden|kwam|kwamen|komt|gekomen|binnengekomen|ontdekt|gehoord)"
    r"(?:\s+(?:о\s+нас|про\s+нас|нас|ons))?\s+"
)
# «через», `via` say how they came whatever follows; «из», `uit` may begin a city («из Казани»).
_THROUGH = r"(?:через|via)\s+"
_FROM = r"(?:из|с|со|по|от|в|во|van|uit|door|op)\s+"
_SAID = re.compile(
    rf"^(?:(?P<label>{_LABEL})|(?P<verb>{_VERB})?(?:(?P<through>{_THROUGH})|{_FROM}))",
    re.IGNORECASE,
)


def source_said(text: str) -> tuple[str, bool]:
    """The source's own words in a part typed for it, and whether the part says it is a source
    whatever those words are (a label, a verb, «через», `via`): «пришла из инсты» → (инсты,
    True), «по сарафану» → (сарафану, False), `Instagram` → (Instagram, False)."""
    typed = text.strip()
    found = _SAID.match(typed)
    if found is None or found.end() == len(typed):
        return typed, False
    said = bool(found["label"] or found["verb"] or found["through"])
    return typed[found.end() :].strip(" .!"), said
