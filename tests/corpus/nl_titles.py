"""The second reader's Dutch lines against the second Dutch team (tests/corpus/world.py,
NL2_CLIENTS): forms of address typed without their dot, two Smits, a family and a person of the
same surname. Open invoices: Jan Smit € 150 (28 Nov), Tandartspraktijk Smit € 1.200 (20 Nov)."""

from __future__ import annotations

from tests.corpus.expect import Expected, ask, complaint, compliment, paid, sale

LINDEN, OZ, JANSEN = "dhr. van der Linden", "mevr. Özdemir", "mw. Jansen"
FAM, SMIT, TANDARTS = "Fam. de Jong", "Jan Smit", "Tandartspraktijk Smit"

TITLES: list[tuple[str, Expected]] = [
    # A title with or without its dot finds the client; the note keeps no name words.
    ("/klacht dhr van der linden kwam te laat", complaint(LINDEN, "kwam te laat")),
    ("/klacht dhr. van der Linden kwam te laat", complaint(LINDEN, "kwam te laat")),
    ("/klacht mevr ozdemir te laat betaald", complaint(OZ, "te laat betaald")),
    ("/klacht Mevr Özdemir: te laat betaald", complaint(OZ, "te laat betaald")),
    ("/compliment mw jansen heel blij", compliment(JANSEN, "heel blij")),
    ("/compliment mevr jansen heel blij", compliment(JANSEN, "heel blij")),
    ("/verkoop dhr van der linden 100", sale(LINDEN, "100")),
    ("/verkoop mw jansen 95", sale(JANSEN, "95")),
    ("/verkoop fam de jong 100", sale(FAM, "100")),
    ("/verkoop Fam de Jong 100 gisteren", sale(FAM, "100", on="2026-12-03")),
    ("/klacht fam de jong zegde af", complaint(FAM, "zegde af")),
    # The only Smit organisation, its name shortened: theirs, not asked.
    ("/verkoop tandarts smit 500", sale(TANDARTS, "500")),
    ("/klacht tandarts smit rekening kwijt", complaint(TANDARTS, "rekening kwijt")),
    # /add of a name an existing client has with a title: asked, never a silent duplicate.
    ("/toevoegen Özdemir", ask("similar", OZ)),
    ("/toevoegen Ozdemir", ask("similar", OZ)),
    ("/toevoegen van der Linden", ask("similar", LINDEN)),
    ("/toevoegen dhr van der Linden", ask("similar", LINDEN)),  # the same but for the dot
]

# A typo of a person's name (`jna` for Jan) finds them first, beside other close matches;
# "No" to a lone look-alike asks which client then, never a dead end.
LOOKALIKES: list[tuple[str, Expected]] = [
    (
        "/betaald jna smit 150",
        ask(
            "which",
            buttons=(SMIT, TANDARTS),
            press=SMIT,
            then=paid("jansmit-150"),
        ),
    ),
    (
        "/betaald jna smit",
        ask("which", buttons=(SMIT, TANDARTS), press=TANDARTS, then=paid("tandarts-1200")),
    ),
    (
        "/betaald tandarts smid 150",
        ask(
            "which",
            TANDARTS,
            press="Nee",
            then=ask("name", answer="Jan Smit", then=paid("jansmit-150")),
        ),
    ),
    (
        "/betaald tandarts smid 1200",
        ask("which", TANDARTS, press="Ja", then=paid("tandarts-1200")),
    ),
]

LINES: list[tuple[str, Expected]] = [*TITLES, *LOOKALIKES]
