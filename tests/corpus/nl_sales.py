from __future__ import annotations

from tests.corpus.expect import NOTHING, ORGANISATION, PERSON, ask, sale

LINES = [
    ("/sale Hotel De Linde 12.500, 2.000", sale("Hotel De Linde", "12500", "2000")),
    ("/sale Özdemir 350, 0, 1,5 uur", sale("Özdemir", "350", "0", 90)),
    ("/sale Jan Smit, 100, 0, 2", ask("unit", "2", press="2 uur", then=sale("Jan Smit", "100", "0", 120))),
    ("/verkoop Wim Kok 300", ask("kind", "Wim Kok", press="person", then=sale("Wim Kok", "300", new=PERSON))),
    ("/sale Jan Smit 0", NOTHING),
    ("/sale Jan Smit, 200", sale("Jan Smit", "200")),
]
