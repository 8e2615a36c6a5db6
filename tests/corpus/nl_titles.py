"""The second reader's Dutch lines against the second Dutch team (tests/corpus/world.py,
NL2_CLIENTS): forms of address typed without their dot, two Smits, a family and a person of the
same surname. Open invoices: Jan Smit € 150 (28 Nov), Tandartspraktijk Smit € 1.200 (20 Nov)."""

from __future__ import annotations

from tests.corpus.expect import (
    PERSON,
    Expected,
    added,
    ask,
    complaint,
    compliment,
    paid,
    rated,
    referral,
    sale,
)

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
    # A family is no one of its people: "fam smit" is asked about, never booked on Jan Smit
    # (a Dutch reader's "fam jansen" sale went to Lisa Jansen); "dhr smit" is his.
    ("/verkoop fam smit 100", ask("mean", SMIT)),
    ("/verkoop dhr smit 100", sale(SMIT, "100")),
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

# A form of address names a person by the surname (and maybe an initial): the one person of
# that surname is theirs, several are asked, an organisation of that name never (issue 17:
# `/compliment dhr pietersen heel tevreden` asked which client beside "Kees Pietersen").
PIETERSEN, HENK, RIA, HEUVEL = "Kees Pietersen", "Henk Visser", "Ria Visser", "Van den Heuvel"
SURNAMES: list[tuple[str, Expected]] = [
    ("/compliment dhr pietersen heel tevreden", compliment(PIETERSEN, "heel tevreden")),
    ("/compliment dhr. Pietersen: heel tevreden", compliment(PIETERSEN, "heel tevreden")),
    ("/compliment de heer pietersen heel tevreden", compliment(PIETERSEN, "heel tevreden")),
    ("/klacht Dhr Pietersen, te laat", complaint(PIETERSEN, "te laat")),
    ("/klacht dhr k pietersen te laat", complaint(PIETERSEN, "te laat")),
    ("/klacht dhr. K. Pietersen te laat", complaint(PIETERSEN, "te laat")),
    ("/verkoop dhr pietersen 250", sale(PIETERSEN, "250")),
    ("/verkoop de heer Pietersen € 250 gisteren", sale(PIETERSEN, "250", on="2026-12-03")),
    ("/betaald dhr smit 150", paid("jansmit-150")),
    ("/verkoop dhr smit 100", sale(SMIT, "100")),
    ("/klacht dhr smit te laat", complaint(SMIT, "te laat")),
    ("/beoordeel dhr smit 5 4 5", rated(SMIT, 5, 4, 5)),
    # Henk Visser is entered as a man: "mevr visser" is Ria's, not asked which.
    ("/klacht mevr visser te laat", complaint(RIA, "te laat")),
    ("/verkoop mw visser 90", sale(RIA, "90")),
    ("/verkoop mevr r visser 90", sale(RIA, "90")),
    # A new name with a form of address is a person: not asked which kind.
    ("/verkoop dhr bos 100", sale("dhr. Bos", "100", new=PERSON)),
    ("/verkoop Mevr. de Graaf 80", sale("Mevr. de Graaf", "80", new=PERSON)),
    (  # a compliment names a client: one not in the list is asked about, never added unasked
        "/compliment mevr bos heel tevreden",
        ask(
            "new",
            "mevr bos",
            press="particulier",
            then=compliment("mevr. Bos", "heel tevreden") + added("mevr. Bos", PERSON),
        ),
    ),
    ("/toevoegen dhr bos", added("dhr. Bos", PERSON)),
    # /toevoegen of a form of address and the surname of a person on the list: asked first.
    ("/toevoegen dhr pietersen", ask("similar", PIETERSEN)),
    ("/toevoegen mw visser", ask("similar", HENK, RIA)),
    ("/toevoegen dhr k. pietersen, utrecht", ask("similar", PIETERSEN)),
    # "van" before the name says who the compliment is from, unless it begins the name.
    ("/compliment van Jan Smit: top", compliment(SMIT, "top")),
    ("/compliment van Jan Smit heel tevreden", compliment(SMIT, "heel tevreden")),
    ("/compliment van dhr pietersen: top", compliment(PIETERSEN, "top")),
    ("/compliment van der Linden: top", compliment(LINDEN, "top")),
    ("/compliment van der linden heel tevreden", compliment(LINDEN, "heel tevreden")),
    ("/compliment Van den Heuvel: top", compliment(HEUVEL, "top")),
    ("/compliment van den heuvel heel tevreden", compliment(HEUVEL, "heel tevreden")),
    ("/compliment van Van den Heuvel: top", compliment(HEUVEL, "top")),
    ("/klacht over Jan Smit: te laat", complaint(SMIT, "te laat")),
    # A typo in the surname: asked, never a new "dhr. Pietresen".
    (
        "/verkoop dhr pietresen 250",
        ask("mean", PIETERSEN, press="yes", then=sale(PIETERSEN, "250")),
    ),
    ("/klacht Dhr. Pietersen!! weer te laat", complaint(PIETERSEN, "weer te laat")),
    ("/compliment dhr pietersen 👍", compliment(PIETERSEN, "👍")),
    ("/verkoop 250 dhr pietersen", sale(PIETERSEN, "250")),
    ("/verkoop dhr. pietersen, 250, 1u, gisteren", sale(PIETERSEN, "250", None, 60, "2026-12-03")),
    ("/verkoop de heer k. pietersen € 250,- contant", sale(PIETERSEN, "250")),
    ("/verkoop Mw. Visser 90", sale(RIA, "90")),
    # The other commands read a form of address the same way.
    (
        "/aanbeveling dhr pietersen bracht mevr bos",
        referral(PIETERSEN, "mevr. Bos", new=PERSON),
    ),
    ("/aanbeveling Jan Smit, dhr. Pietersen", referral(SMIT, PIETERSEN)),
    (  # "dr" names no gender: both Vissers, never the Makelaardij
        "/beoordeel dr visser 5 5 4",
        ask(
            "which",
            buttons=(HENK, RIA),
            hides=("Makelaardij",),
            press=RIA,
            then=rated(RIA, 5, 5, 4),
        ),
    ),
    ("/beoordeel de heer k pietersen 4/4/4", rated(PIETERSEN, 4, 4, 4)),
    ("/betaald dhr smit alles", paid("jansmit-150")),
    # Asked which client, the lead-in is skipped there too.
    (
        "/klacht",
        ask("client", answer="dhr pietersen: te laat", then=complaint(PIETERSEN, "te laat")),
    ),
    (
        "/compliment",
        ask("client", answer="Jan Smit heel blij", then=compliment(SMIT, "heel blij")),
    ),
    (
        "/klacht",
        ask(
            "client",
            answer="mevr bos kwam niet",
            then=ask(
                "new",
                press="particulier",
                then=complaint("mevr. Bos", "kwam niet") + added("mevr. Bos", PERSON),
            ),
        ),
    ),
    (
        "/compliment heel tevreden",
        ask("client", answer="van dhr pietersen", then=compliment(PIETERSEN, "heel tevreden")),
    ),
    (
        "/klacht te laat",
        ask("client", answer="over mevr r visser", then=complaint(RIA, "te laat")),
    ),
    (
        "/compliment top",
        ask("client", answer="van der Linden", then=compliment(LINDEN, "top")),
    ),
]

LINES: list[tuple[str, Expected]] = [*TITLES, *LOOKALIKES, *SURNAMES]
