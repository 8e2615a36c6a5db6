"""Dutch one-line /add, /paid, /rate, /refer, /complaint and /compliment, by their Dutch names
(/toevoegen, /betaald, /beoordeel, /aanbeveling, /klacht) and English ones, with what must be
stored or asked. Open invoices: Bakkerij de Vries € 400 (10 Nov) and € 250 (20 Nov), Hotel De
Linde € 1.500, De Groene Vlinder € 450 (30 Nov) — tests/corpus/world.py."""

from __future__ import annotations

from tests.corpus.expect import (
    NOTHING,
    ORGANISATION,
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

DV, LINDE, SMIT = "Bakkerij de Vries", "Hotel De Linde", "Jan Smit"

ADD: list[tuple[str, Expected]] = [
    # A business's own word says the kind; a line of business is no city (issue 17).
    ("/toevoegen Restaurant De Haven, horeca", added("Restaurant De Haven", ORGANISATION)),
    ("/toevoegen Kapsalon Noor", added("Kapsalon Noor", ORGANISATION)),
    (
        "/add Marieke de Boer",
        added("Marieke de Boer", PERSON),
    ),
    (
        "/toevoegen Kapsalon Knip",
        added("Kapsalon Knip", ORGANISATION),
    ),
    (
        "/toevoegen Yusuf Yılmaz",
        added("Yusuf Yılmaz", PERSON),
    ),
    (
        "/add  Mark ten Hove ",
        added("Mark ten Hove", PERSON),
    ),
    ("/add Lotte van 't Hof, persoon", added("Lotte van 't Hof", PERSON)),
    ("/toevoegen Bloemenzaak Roos, organisatie, Utrecht", added("Bloemenzaak Roos", ORGANISATION)),
    ("/add Bloemenzaak Roos, bedrijf", added("Bloemenzaak Roos", ORGANISATION)),
    ("/add Kees Verbeek, persoon", added("Kees Verbeek", PERSON)),
    ("/toevoegen Kees Verbeek, particulier, Zwolle", added("Kees Verbeek", PERSON)),
    ("/toevoegen Jansen particulier", added("Jansen", PERSON)),
    ("/toevoegen Mila de Graaf persoon", added("Mila de Graaf", PERSON)),
    ("/toevoegen Schilder Bos bedrijf", added("Schilder Bos", ORGANISATION)),
    ("/toevoegen Ruud Post geboren 1975", added("Ruud Post", PERSON)),
    ("/toevoegen Bakkerij De Zon B.V.", added("Bakkerij De Zon B.V.", ORGANISATION)),
    ("/toevoegen Bakkerij Maan BV", added("Bakkerij Maan BV", ORGANISATION)),
    ("/toevoegen Schilder Ster V.O.F.", added("Schilder Ster V.O.F.", ORGANISATION)),
    ("/toevoegen Hovenier Groen eenmanszaak", added("Hovenier Groen eenmanszaak", ORGANISATION)),
    (  # the second reader: a lower-case city after the legal form is the city (Tiel)
        "/add Kwekerij Van den Heuvel VOF tiel",
        added("Kwekerij Van den Heuvel VOF", ORGANISATION),
    ),
    ("/toevoegen mevr. Yılmaz particulier utrecht", added("mevr. Yılmaz", PERSON)),
    ("/add De Bakkerswinkel, organisatie, Den Haag", added("De Bakkerswinkel", ORGANISATION)),
    ("/add Lisa Bakker, persoon", added("Lisa Bakker", PERSON)),
    (
        "/add Van Dam Installatietechniek, bedrijf, Zeist",
        added("Van Dam Installatietechniek", ORGANISATION),
    ),
    # A name ending in a number, then a kind word (second reader).
    ("/toevoegen Sportschool 24 bedrijf", added("Sportschool 24", ORGANISATION)),
    ("/toevoegen Sportschool 24 bedrijf tiel", added("Sportschool 24", ORGANISATION)),
    ("/toevoegen Sportschool 24 150", NOTHING),  # still a sale, not a name
    # Already there, or close to someone who is.
    ("/add Jan Smit", NOTHING),
    ("/add jan smit", NOTHING),
    ("/toevoegen Hotel de Linde", NOTHING),
    ("/add Studio 54", NOTHING),
    ("/add Anneke van der Meer", NOTHING),
    ("/add J. Smit", ask("similar", "Jan Smit")),
    ("/add Bakkerij de Vries BV", ask("similar", "Bakkerij de Vries")),
    ("/add Pieter Bakker", ask("similar", "Pieter-Jan Bakker")),
    ("/toevoegen Hotel De Linden", ask("similar", "Hotel De Linde")),
    # A sale typed after /add is no name: a hint to /verkoop, nothing added.
    ("/add Özdemir 350 gisteren", NOTHING),
    ("/add Wim Kok 300", NOTHING),
    ("/toevoegen Nieuwe Klant 2u", NOTHING),
    ("/add Wim Kok, 300, gisteren", NOTHING),
    ("/toevoegen Tim Brouwer € 50", NOTHING),
]

PAID: list[tuple[str, Expected]] = [
    # How it was paid, after the amount, says nothing more.
    ("/betaald Hotel De Linde 1500 contant", paid("linde-1500")),
    ("/betaald De Groene Vlinder contant", paid("vlinder-450")),
    ("/betaald hotel de linde € 1.500,- per pin", paid("linde-1500")),
    ("/betaald De Groene Vlinder 450 via tikkie gisteren", paid("vlinder-450", on="2026-12-03")),
    ("/betaald Hotel De Linde", paid("linde-1500")),
    ("/paid Linde", paid("linde-1500")),
    ("/betaald hotel de linde!", paid("linde-1500")),
    ("/betaald Hotel De Linde gisteren", paid("linde-1500", on="2026-12-03")),
    ("/betaald Linde, eergisteren", paid("linde-1500", on="2026-12-02")),
    ("/betaald Hotel De Linde 1.500", paid("linde-1500")),
    ("/betaald Hotel De Linde € 1.500,00", paid("linde-1500")),
    ("/betaald Hotel De Linde 1500 euro maandag", paid("linde-1500", on="2026-11-30")),
    ("/betaald Hotel De Linde 1,5k", paid("linde-1500")),
    ("/betaald Bakkerij de Vries 400", paid("devries-400")),
    ("/betaald Bakkerij de Vries 250", paid("devries-250")),
    ("/betaald Bakkerij de Vries €250,-", paid("devries-250")),
    ("/betaald de Vries 650", paid("devries-400", "devries-250")),
    (
        "/betaald Bakkerij de Vries 650 gisteren",
        paid("devries-400", "devries-250", on="2026-12-03"),
    ),
    ("/betaald Bakkerij de Vries, 400, 1-12", paid("devries-400", on="2026-12-01")),
    (
        "/betaald Bakkerij de Vries",
        ask("which", press="all", then=paid("devries-400", "devries-250")),
    ),
    ("/paid bakkerij de vries", ask("which", press="all", then=paid("devries-400", "devries-250"))),
    ("/betaald Bakkerij de Vries 100", ask("which", "400", "250")),
    ("/betaald De Groene Vlinder vandaag", paid("vlinder-450")),
    ("/betaald Vlinder 450,-", paid("vlinder-450")),
    ("/betaald Vlinder 2-12", paid("vlinder-450", on="2026-12-02")),
    ("/betaald De Groene Vinder", ask("mean", press="yes", then=paid("vlinder-450"))),
    ("/betaald Jan Smit", NOTHING),
    ("/betaald Hotel De Linde 05-12-2026", NOTHING),
    ("/betaald Pietje Puk", NOTHING),
    ("/betaald Hotel De Linde 0", NOTHING),
    # "alles": all that is open, at once, no question.
    ("/betaald Bakkerij de Vries alles", paid("devries-400", "devries-250")),
    ("/betaald de vries alles gisteren", paid("devries-400", "devries-250", on="2026-12-03")),
    ("/betaald Hotel De Linde alles", paid("linde-1500")),
    ("/betaald Bakkerij de Vries rest", paid("devries-400", "devries-250")),
    ("/betaald de vries restant", paid("devries-400", "devries-250")),
    ("/betaald Hotel De Linde.", paid("linde-1500")),
    # the sale is from 25 November: paid on the 20th is impossible
    ("/betaald Hotel De Linde 1500 20-11", NOTHING),
    ("/betaald Hotel De Linde morgen", NOTHING),
    ("/betaald Hotel De Linde gister", paid("linde-1500", on="2026-12-03")),
    ("/betaald Hotel De Linde op 1-12", paid("linde-1500", on="2026-12-01")),
]

RATE: list[tuple[str, Expected]] = [
    # Words after the three grades add nothing: the grades are kept, nothing asked.
    ("/beoordeel Jan Smit 5 5 5 top klant", rated(SMIT, 5, 5, 5)),
    ("/beoordeel jan smit 4/4/5, prima", rated(SMIT, 4, 4, 5)),
    ("/rate Smit 5, 5, 4", rated(SMIT, 5, 5, 4)),
    ("/beoordeel Smit 5 5 4", rated(SMIT, 5, 5, 4)),
    ("/rate Smit 5,5,4", rated(SMIT, 5, 5, 4)),
    ("/beoordeel Jan Smit 4 3 5", rated(SMIT, 4, 3, 5)),
    ("/beoordeel  jan smit  4  3  5 ", rated(SMIT, 4, 3, 5)),
    ("/beoordeel Bakkerij de Vries, 3, 4, 2", rated(DV, 3, 4, 2)),
    ("/beoordeel Bakerij de Vries 3 4 2", ask("mean", DV, press="yes", then=rated(DV, 3, 4, 2))),
    ("/rate Studio 54 5 4 3", rated("Studio 54", 5, 4, 3)),
    ("/rate Studio 54, 5, 4, 3", rated("Studio 54", 5, 4, 3)),
    ("/beoordeel Bakkerij 2000 4 4 5", rated("Bakkerij 2000", 4, 4, 5)),
    ("/beoordeel Hotel De Linde 5 5 5 👍", rated(LINDE, 5, 5, 5)),
    ("/beoordeel hotel de linde 2 2 1.", rated(LINDE, 2, 2, 1)),
    ("/beoordeel Özdemir 4, 4, 4", rated("Özdemir", 4, 4, 4)),
    ("/beoordeel Ozdemir 4 4 4", rated("Özdemir", 4, 4, 4)),
    ("/beoordeel Femke Jansen-Visser 3 4 5", rated("Femke Jansen-Visser", 3, 4, 5)),
    ("/beoordeel van der Meer 5, 4, 5", rated("Anneke van der Meer", 5, 4, 5)),
    ("/beoordeel Café 't Hoekje 3 3 3", rated("Café 't Hoekje", 3, 3, 3)),
    # Grades joined by slashes or dashes are three grades all the same.
    ("/rate Smit 5/5/4", rated(SMIT, 5, 5, 4)),
    ("/beoordeel Smit 4-3-5", rated(SMIT, 4, 3, 5)),
    ("/beoordeel Studio 54 5/4/3", rated("Studio 54", 5, 4, 3)),
    # Two grades: kept, the third asked with buttons (second reader: not a real question).
    ("/rate Smit 5/5", ask("which", "3", press="4", then=rated(SMIT, 5, 5, 4))),
    ("/beoordeel Jan Smit 5/5", ask("which", "Jan Smit", press="3", then=rated(SMIT, 5, 5, 3))),
    (
        "/beoordeel Smit 4",
        ask("which", press="5", then=ask("which", press="2", then=rated(SMIT, 4, 5, 2))),
    ),
    ("/rate Smit 6 5 4", NOTHING),
    ("/rate Smit 5 5", ask("which", press="1", then=rated(SMIT, 5, 5, 1))),
    ("/rate Smit 0 5 4", NOTHING),
    ("/beoordeel Pietje Puk 5 5 5", NOTHING),
]

REFER: list[tuple[str, Expected]] = [
    ("/aanbeveling Jan Smit, Sanne de Jong", referral(SMIT, "Sanne de Jong")),
    ("/refer Hotel De Linde, Bakkerij de Vries", referral(LINDE, DV)),
    ("/aanbeveling Özdemir, Femke Jansen-Visser", referral("Özdemir", "Femke Jansen-Visser")),
    ("/aanbeveling Studio 54, Bakkerij 2000", referral("Studio 54", "Bakkerij 2000")),
    (
        "/aanbeveling Jan Smit, Marieke de Boer",
        referral(SMIT, "Marieke de Boer", new=PERSON),
    ),
    (
        "/aanbeveling Hotel De Linde, Restaurant De Kas",
        referral(LINDE, "Restaurant De Kas", new=ORGANISATION),
    ),
    (
        "/refer Sanne de Jong, Mark ten Hove",
        referral("Sanne de Jong", "Mark ten Hove", new=PERSON),
    ),
    ("/aanbeveling Jan Smit, Jan Smit", NOTHING),
    # A verb between the two names: who brought whom.
    ("/aanbeveling Jan Smit bracht Sanne de Jong", referral(SMIT, "Sanne de Jong")),
    ("/aanbeveling Jan Smit -> Sanne de Jong", referral(SMIT, "Sanne de Jong")),
    ("/aanbeveling jan smit → sanne de jong", referral(SMIT, "Sanne de Jong")),
    ("/aanbeveling Jan Smit heeft Sanne de Jong aangeraden", referral(SMIT, "Sanne de Jong")),
    ("/aanbeveling Jan Smit heeft ons Sanne de Jong gestuurd", referral(SMIT, "Sanne de Jong")),
    ("/aanbeveling Özdemir heeft Bakkerij de Vries doorverwezen", referral("Özdemir", DV)),
    ("/aanbeveling Özdemir tipte Bakkerij de Vries", referral("Özdemir", DV)),
    ("/refer Özdemir raadde Bakkerij de Vries aan", referral("Özdemir", DV)),
]

NOTES: list[tuple[str, Expected]] = [
    # A colon right after the command (Telegram marks only "/klacht" as the command).
    ("/klacht: Jan Smit te laat betaald", complaint(SMIT, "te laat betaald")),
    ("/klacht Bakkerij de Vries: factuur klopte niet", complaint(DV, "factuur klopte niet")),
    ("/klacht Bakkerij de Vries factuur klopte niet", complaint(DV, "factuur klopte niet")),
    ("/klacht Bakkerij de Vries, factuur klopte niet", complaint(DV, "factuur klopte niet")),
    ("/complaint Jan Smit te laat betaald", complaint(SMIT, "te laat betaald")),
    ("/klacht Smit: te laat betaald", complaint(SMIT, "te laat betaald")),
    ("/klacht Hotel De Linde taart was te zoet", complaint(LINDE, "taart was te zoet")),
    ("/klacht Hotel De Linde, betaalt altijd te laat", complaint(LINDE, "betaalt altijd te laat")),
    (
        "/klacht Studio 54 annuleerde op het laatste moment",
        complaint("Studio 54", "annuleerde op het laatste moment"),
    ),
    ("/klacht café 't hoekje rekening kwijt", complaint("Café 't Hoekje", "rekening kwijt")),
    ("/klacht Özdemir kwam een uur te laat", complaint("Özdemir", "kwam een uur te laat")),
    (
        "/klacht Anneke van der Meer zegde twee keer af",
        complaint("Anneke van der Meer", "zegde twee keer af"),
    ),
    # The Dutch article of a name may be left out or added.
    ("/klacht Hoekje te laat betaald", complaint("Café 't Hoekje", "te laat betaald")),
    ("/klacht 't Hoekje te laat betaald", complaint("Café 't Hoekje", "te laat betaald")),
    ("/klacht Groene Vlinder rekening kwijt", complaint("De Groene Vlinder", "rekening kwijt")),
    ("/compliment de Bakkerij de Vries heel lief", compliment(DV, "heel lief")),
    # Punctuation right after the name ends it.
    ("/klacht Bakkerij de Vries!! weer te laat", complaint(DV, "weer te laat")),
    ("/klacht Özdemir... weer te laat", complaint("Özdemir", "weer te laat")),
    # Someone new: added with a button, the note kept.
    (
        "/compliment Marieke de Boer heel blij met de taart",
        ask(
            "client",
            answer="Marieke de Boer",
            # a person's name: the one kind offered with the question to add her
            then=ask(
                "new",
                "Marieke de Boer",
                press="person",
                then=compliment("Marieke de Boer", "heel blij met de taart")
                + added("Marieke de Boer", PERSON),
            ),
        ),
    ),
    (
        "/klacht Pietje Puk: onbeleefd",
        ask("client", answer="Jan Smit", then=complaint(SMIT, "onbeleefd")),
    ),
    (
        "/compliment Hotel De Linde: super tevreden over de taart",
        compliment(LINDE, "super tevreden over de taart"),
    ),
    (
        "/compliment Hotel De Linde super tevreden over de taart",
        compliment(LINDE, "super tevreden over de taart"),
    ),
    ("/compliment Özdemir blij met het resultaat", compliment("Özdemir", "blij met het resultaat")),
    (
        "/compliment Sanne de Jong: mooie review op Google",
        compliment("Sanne de Jong", "mooie review op Google"),
    ),
    (
        "/compliment Femke Jansen-Visser stuurde bloemen",
        compliment("Femke Jansen-Visser", "stuurde bloemen"),
    ),
    ("/compliment Bakkerij 2000 heel tevreden", compliment("Bakkerij 2000", "heel tevreden")),
    (
        "/compliment Pieter-Jan Bakker beveelt ons aan bij zijn buren",
        compliment("Pieter-Jan Bakker", "beveelt ons aan bij zijn buren"),
    ),
]

# Typed as natives do: a colon after the name, a sum of two invoices, 'en' between grades,
# the referred one first ('via'), an arrow; /toevoegen with the kind in brackets or between
# dashes.
TYPED: list[tuple[str, Expected]] = [
    ("/betaald jan smit", NOTHING),
    ("/betaald Hotel De Linde: 1500", paid("linde-1500")),
    ("/betaald hotel de linde €1500,-", paid("linde-1500")),
    ("/betaald Hotel De Linde 1.500 euro op 3 dec", paid("linde-1500", on="2026-12-03")),
    ("/betaald bakkerij de vries 400 + 250", paid("devries-400", "devries-250")),
    (
        "/betaald Bakkerij de Vries alles gisteren",
        paid("devries-400", "devries-250", on="2026-12-03"),
    ),
    ("/betaald Bakkerij de Vries alle facturen", paid("devries-400", "devries-250")),
    ("/betaald Bakkerij de Vries allemaal", paid("devries-400", "devries-250")),
    ("/beoordeel Jan Smit 5 5 5.", rated(SMIT, 5, 5, 5)),
    ("/beoordeel Jan Smit: 5, 4 en 5", rated(SMIT, 5, 4, 5)),
    ("/beoordeel Jan Smit 5-5-4 💯", rated(SMIT, 5, 5, 4)),
    ("/aanbeveling jan smit: sanne de jong", referral(SMIT, "Sanne de Jong")),
    ("/aanbeveling Sanne de Jong via Jan Smit", referral(SMIT, "Sanne de Jong")),
    ("/aanbeveling Jan Smit heeft Sanne de Jong doorgestuurd!", referral(SMIT, "Sanne de Jong")),
    ("/aanbeveling Jan Smit > Sanne de Jong", referral(SMIT, "Sanne de Jong")),
    ("/toevoegen Kapsalon Mooi Haar, bedrijf, Zwolle", added("Kapsalon Mooi Haar", ORGANISATION)),
    ("/toevoegen Lisa de Wit (particulier)", added("Lisa de Wit", PERSON)),
    ("/toevoegen Lisa de Wit - particulier - Zwolle", added("Lisa de Wit", PERSON)),
    ("/toevoegen lisa de wit particulier", added("Lisa de Wit", PERSON)),
    ("/toevoegen Restaurant De Gouden Leeuw", added("Restaurant De Gouden Leeuw", ORGANISATION)),
    (
        "/toevoegen Restaurant De Gouden Leeuw, horeca",
        added("Restaurant De Gouden Leeuw", ORGANISATION),
    ),
    ("/toevoegen Stichting Zorg & Welzijn", added("Stichting Zorg & Welzijn", ORGANISATION)),
    ("/toevoegen Garage Jansen vof", added("Garage Jansen vof", ORGANISATION)),
    ("/toevoegen Jansen Bouw bv utrecht", added("Jansen Bouw bv", ORGANISATION)),
    ("/toevoegen ZZP'er Tom Bakker", ask("kind", "ZZP'er Tom Bakker")),
    ("/toevoegen Tom Bakker, zzp'er", added("Tom Bakker", ORGANISATION)),  # a business
]

# Typos and accents left out in a name.
MISSPELT: list[tuple[str, Expected]] = [
    # A misspelt name is asked about; the note never keeps the name's words.
    ("/klacht jna smit te laat", ask("client", answer="Jan Smit", then=complaint(SMIT, "te laat"))),
    ("/klacht Jan Smti te laat", ask("client", answer="jan smit", then=complaint(SMIT, "te laat"))),
    (
        "/compliment bakkerij de vris heel lekker",
        ask("which", press=DV, then=compliment(DV, "heel lekker")),
    ),
    ("/verkoop bakkerij de vris 250", ask("which", press=DV, then=sale(DV, "250"))),
    ("/klacht özdemir te laat", complaint("Özdemir", "te laat")),
    ("/klacht ozdemir: te laat", complaint("Özdemir", "te laat")),
    ("/compliment Cafe t Hoekje super", compliment("Café 't Hoekje", "super")),
    ("/klacht hotel linde kamer vies", complaint(LINDE, "kamer vies")),
]

LINES: list[tuple[str, Expected]] = [*ADD, *PAID, *RATE, *REFER, *NOTES, *TYPED, *MISSPELT]
