"""The words of a one-line command besides names and numbers, in Dutch, Russian and English
(bot/reading and the handlers read them): the day, how and how much was paid, how a referral
is said, the lead-ins before a name, a year of birth, a line of business, "per hour" —
`/paid De Roos alles contant`, «/refer Волкова привела подругу Жукову»."""

from __future__ import annotations

import re

# A day said as a word: "gisteren", «позавчера».
DAY_WORDS = frozenset(
    {"vandaag", "gisteren", "gister", "eergisteren", "eergister", "morgen", "overmorgen"}
    | {"vanochtend", "vanmorgen", "vanmiddag", "vanavond"}
    | {"сегодня", "вчера", "позавчера", "завтра", "послезавтра"}
)

# Words that open a day said in words: "op vrijdag", "vorige week vrijdag", «в пятницу».
DAY_PREPOSITIONS = frozenset(
    {"op", "afgelopen", "vorige", "vorig", "в", "во", "прошлую", "прошлый", "прошлой"}
)

# "/paid De Roos alles", "/paid De Roos rest", "/paid Ромашка остаток": all that is open
EVERYTHING = "alles"  # the word "alle facturen" is read as
EVERYTHING_WORDS = frozenset(
    {EVERYTHING, "all", "allemaal", "rest", "restant", "всё", "все", "остаток"}
)
ALL_INVOICES = ("alle facturen", "alle rekeningen", "все счета")  # … as two words

# How it was paid, said after the amount: "250 contant", "€ 250,- per pin", «наличными».
PAID_HOW = frozenset(
    {"contant", "cash", "pin", "gepind", "per", "via", "tikkie", "bank", "overgemaakt"}
    | {"overboeking", "ideal", "betaalverzoek", "пин", "наличными", "наличные", "картой"}
    | {"переводом", "по", "карте", "на", "карту", "сбп"}
)

# Dutch articles that may begin a name: "de Bakkerij de Vries", "'t Hoekje".
ARTICLES = frozenset({"de", "het", "'t", "’t", "‘t"})
INDEFINITE_ARTICLES = frozenset({"een"})  # "Jan Smit bracht een vriendin Sanne"

# "5, 4 en 5", «5, 4 и 5»: the word between the last two of a list of grades.
AND_WORDS = ("en", "и")

# "Jan Smit bracht Sanne de Jong", «Волкова привела Жукову»: the verb between the two clients.
REFERRAL_VERBS = frozenset(
    {"bracht", "brengt", "raadde", "raadt", "beval", "beveelt", "verwees", "stuurde", "stuurt"}
    | {"привела", "привёл", "привел", "привели", "порекомендовал", "порекомендовала"}
    | {"порекомендовали", "посоветовал", "посоветовала", "рекомендовал", "рекомендовала"}
    | {"verwijst", "introduceerde", "tipte"}
)
REFERRAL_ARROWS = frozenset({"->", "→", "=>", ">", "—>", "-->"})  # "Jan Smit -> Sanne de Jong"
# "bracht ons Sanne", "привела нам Жукову", «посоветовала нас Зайцевой», «привела подругу
# Зайцеву Марину»: who they brought it to, or who the new client is to them — never the name.
AFTER_REFERRAL_VERB = frozenset(
    {"ons", "mij", "нам", "мне", "нас", "меня", "к", "нам:", "ко"}
    | {"zijn", "haar", "hun", "vriend", "vriendin", "collega", "buurvrouw", "buurman"}
    | {"zus", "broer", "moeder", "vader", "dochter", "zoon", "kennis", "klant"}
    | {"подругу", "подруга", "друга", "друг", "маму", "мать", "сестру", "брата", "коллегу"}
    | {"знакомую", "знакомого", "соседку", "соседа", "мужа", "жену", "дочь", "сына", "свою"}
    | {"своего", "клиентку", "клиента"}
)
REFERRAL_VERB_PARTICLES = frozenset({"aan", "door"})  # "raadde Bakkerij aan", "stuurde … door"
# "Sanne de Jong via Jan Smit", «Жукова через Волкову»: the referred one first.
REFERRED_THROUGH = frozenset({"via", "dankzij", "через", "от"})  # «Зайцева Марина от Ковалёвой»
# "Jan Smit heeft Sanne de Jong aangeraden": the referred one between the two verbs.
REFERRAL_HAS = frozenset({"heeft", "hebben", "had"})
REFERRAL_PARTICIPLES = frozenset(
    {"aangeraden", "gebracht", "gestuurd", "doorgestuurd", "verwezen", "doorverwezen"}
    | {"aanbevolen", "geïntroduceerd", "geintroduceerd", "getipt"}
)


# Lines of business typed where a city could stand (`/toevoegen Restaurant De Haven, horeca`):
# the client's industry, never a city called "Horeca".
SECTORS = frozenset(
    {"horeca", "retail", "detailhandel", "groothandel", "zorg", "gezondheidszorg", "bouw", "ict"}
    | {"it", "onderwijs", "transport", "logistiek", "landbouw", "industrie", "overheid", "beauty"}
    | {"vastgoed", "zakelijke dienstverlening", "dienstverlening", "consultancy", "media"}
    | {"marketing", "e-commerce", "webshop", "toerisme", "recreatie", "sport", "cultuur"}
    | {"financiële dienstverlening", "advocatuur", "juridisch", "productie", "schoonmaak"}
    | {"общепит", "ритейл", "розница", "торговля", "строительство", "медицина", "образование"}
    | {"логистика", "производство", "красота", "бьюти", "фитнес", "услуги", "недвижимость"}
    | {"туризм", "финансы", "ит", "юридические услуги", "общественное питание", "клининг"}
)

# What the team does for a client, typed in a one-line /add where a city could stand
# (`/add Козлова Ирина, стрижка`): never a city called «Стрижка»; /add names it back unsaved.
SERVICE_WORDS = frozenset(
    {"стрижка", "стрижки", "окрашивание", "укладка", "маникюр", "педикюр", "массаж", "брови"}
    | {"ресницы", "наращивание", "депиляция", "эпиляция", "чистка", "консультация", "фотосессия"}
    | {"тренировка", "тренировки", "занятия", "урок", "уроки", "ремонт", "уборка", "доставка"}
    | {"knippen", "kleuren", "föhnen", "manicure", "pedicure", "massage", "wimpers", "consult"}
    | {"behandeling", "coaching", "training", "les", "lessen", "fotoshoot", "reparatie"}
    | {"onderhoud", "bloemen", "bloemetjes", "boeket", "taart", "advies", "bezorging"}
)


# Words put before a client's name or before an amount, never part of either (README: Typing
# commands): «/sale для Смирновой 2000», «/complaint от Козлова спасибо», «у Петровой», «на
# Жукову: хамила»; «/sale Смирнова за 2000», «на 2 500»; in a complaint or compliment also
# `van Jan Smit: top`, `over Jan Smit: te laat`, `klant Jan Smit` (only there: `van` begins
# many a Dutch name in a sale). The one list: the one-line grammar and the notes' reader
# (bot/reading/words.py, bot/reading/note_line.py, bot/handlers/events.py) read it. A lead-in
# is tried only when the words with it name no client (`van der Linden`, «У Ашота» are names).
BEFORE_NAME, BEFORE_AMOUNT, BEFORE_NOTED = "name", "amount", "noted"
LEAD_INS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("от", "у", "для", "про"), frozenset({BEFORE_NAME})),
    "на": frozenset({BEFORE_NAME, BEFORE_AMOUNT}),
    "за": frozenset({BEFORE_AMOUNT}),
    **dict.fromkeys(
        ("клиент", "клиента", "клиенту", "клиентка", "клиентки", "клиентке", "клиентку"),
        frozenset({BEFORE_NAME}),
    ),
    **dict.fromkeys(("van", "over", "klant"), frozenset({BEFORE_NOTED})),
}
# «у нас Петровой не понравилось»: these stay in a note, the client's name goes on after them.
OURS = ("у нас", "у меня")


# "1990 г.р.", "1990 г. р.", "1990 года рождения", "г.р. 1990"; "geboren 1990", "geb. 1990"
BIRTH_YEAR_SAID = re.compile(
    r"(?:^|(?<=[\s,;]))(?:(?P<year>\d{4})\s*(?:г\.?\s*р\.?|года\s+рождения)"
    r"|(?:г\.?\s*р\.?|geboren(?:\s+in)?|geb\.?|geboortejaar)\s*(?P<after>\d{4}))(?=$|[\s,;.])",
    re.IGNORECASE,
)

# An age as its own field of an /add or /check line: «30 лет», «42 года», "45 jaar", "45 jr".
AGE_SAID = re.compile(
    r"(?:^|(?<=[,;\s]))\s*(?P<age>\d{1,3})\s*(?:лет|года?|jaar|jr\.?)(?=$|[\s,;])",
    re.IGNORECASE,
)

# A business's size as its own field of an /add or /check line: "8 medewerkers", "12 fte",
# «15 сотрудников», «5 человек», "staff 20": the number of employees, never a city.
EMPLOYEES_SAID = re.compile(
    r"(?:^|(?<=[,;]))\s*(?:(?P<count>\d{1,7})\s*(?:medewerkers?|werknemers?|personeelsleden"
    r"|mensen|man|fte|сотрудник(?:а|ов)?|работник(?:а|ов)?|человека?|чел\.?|employees?|staff"
    r"|people)|(?:medewerkers|werknemers|personeel|сотрудников|сотрудники|штат|employees|staff)"
    r"\s*:?\s*(?P<after>\d{1,7}))\s*(?=$|[,;])",
    re.IGNORECASE,
)

CITY_PREPOSITIONS = frozenset({"te", "uit"})  # "B.V. te Utrecht", "BV uit Zwolle"
# After a person's name: «Иванова Мария из Тулы», "Jan de Vries uit Utrecht"
PERSON_CITY_PREPOSITIONS = CITY_PREPOSITIONS | {"из", "в", "во", "г.", "г"}
# Of those, the ones that mark a city after a business's name too: "Kok te Zeist", «ООО
# Ромашка г. Тверь» ("uit" may be part of a business's own name)
BUSINESS_CITY_MARKERS = frozenset({"te", "г.", "г"})
# …and the ones that do so before a city Kompas knows: «ООО Вектор из Москвы»
KNOWN_CITY_MARKERS = frozenset({"из", "в", "во"})  # «ООО Ромашка в Самаре» too

# "1 200 руб/час", "1200 р/ч", "€ 35 per uur", "35/u": the amount with its "per hour"
PER_HOUR = re.compile(
    r"\s*(?:/|\bper\s|\bв\s|\bза\s|\bpro\s)\s*(?:час|ч|uur|u|hour|h)\.?\s*$", re.IGNORECASE
)
