"""The words and endings that say what a typed name is, in Dutch, Russian and English
(storage/names.py, storage/person_names.py and storage/resolver.py read them): chat words that
are never a name, an organisation's legal forms and nouns, a person's forms of address and
surname particles, and the endings of Russian patronymics, surnames and cases."""

from __future__ import annotations

import re
from functools import cache

from locales.scripts import has_cyrillic_letter

# What people say in a chat, never a client's name: greetings, thanks, yes and no (nl, ru, en).
CHAT_WORDS = (
    "hoi", "hallo", "hey", "hee", "hi", "hello", "moi", "dag", "daag", "doei", "yo",
    "goedemorgen", "goedemiddag", "goedenavond", "goeiemorgen", "goeiemiddag", "goeienavond",
    "goede morgen", "goedendag", "good morning", "good afternoon", "good evening",
    "bedankt", "dank je", "dank u", "dankjewel", "dankuwel", "thanks", "thank you",
    "ja", "nee", "ok", "oke", "okay", "prima", "top", "yes", "no",
    "привет", "приветик", "здравствуйте", "здравствуй", "здрасте", "здрасьте", "хай",
    "добрый день", "доброе утро", "добрый вечер", "доброй ночи", "салют",
    "спасибо", "благодарю", "пока", "да", "нет", "ок", "окей", "ага", "хорошо",
)  # fmt: skip


# Legal forms: a word that says a name is an organisation's (issue 17) and names no one by
# itself; an ИП (a sole entrepreneur) is a business the team invoices, so an organisation too.
LEGAL_FORMS = frozenset(
    {"ооо", "оао", "зао", "пао", "ао", "ип", "нко", "ано", "гуп", "муп"}
    | {"bv", "nv", "vof", "cv", "stichting", "vereniging", "coöperatie", "cooperatie"}
    | {"eenmanszaak"}
)


# What a business calls itself before its name: "Restaurant De Haven", "Kapsalon Noor", «Кафе
# Ромашка», «Салон Лотос» — an organisation, never asked (issue 17). Only as the name's first
# word, since some are surnames too ("Jan Winkel"); a Dutch compound ending in one of the
# suffixes ("Installatietechniek", "Bouwbedrijf", "Tandartspraktijk") anywhere in the name.
ORGANISATION_NOUNS = frozenset(
    {"restaurant", "bakkerij", "kapsalon", "hotel", "café", "cafe", "eetcafé", "eetcafe"}
    | {"garage", "pizzeria", "salon", "studio", "bistro", "brasserie", "snackbar", "lunchroom"}
    | {"slagerij", "bloemist", "apotheek", "sportschool", "praktijk", "kantoor", "kwekerij"}
    | {"makelaardij", "drukkerij", "camping", "hostel", "atelier", "rijschool", "barbershop"}
    | {"boekhandel", "ijssalon", "theater", "museum", "kinderopvang", "autobedrijf", "winkel"}
    | {"кафе", "кофейня", "ресторан", "салон", "студия", "магазин", "пекарня", "клиника"}
    | {"стоматология", "гостиница", "отель", "автосервис", "агентство", "компания", "фирма"}
    | {"школа", "центр", "парикмахерская", "аптека", "бар", "пиццерия", "шиномонтаж"}
    | {"ателье", "химчистка", "типография", "барбершоп", "бутик", "мастерская", "клуб"}
)
ORGANISATION_SUFFIXES = (
    "bedrijf", "kantoor", "praktijk", "zaak", "winkel", "salon", "studio", "school", "handel",
    "techniek", "centrum", "makelaardij", "kwekerij", "drukkerij", "bakkerij", "slagerij",
)  # fmt: skip


# Отчество: Петровна, Ивановна, Сергеевич, Ильич, Никитична (after the first word only).
PATRONYMIC_ENDINGS = ("ович", "евич", "ич", "овна", "евна", "ична")
# Russian surnames written first («Фёдорова Мария»): Петров(а), Зайцев(а), Соловьёв, Фомин,
# Толстой, Белых, Высоцкая … Not -ина (Ирина) nor -ий (Дмитрий): first names end so too.
RUSSIAN_SURNAME_ENDINGS = ("ов", "ова", "ев", "ева", "ин", "ын", "ына", "ая", "ой", "ых", "их")
# A patronymic and a Russian surname as a name key writes them (storage.names.name_key: lower
# case, ё as е, й kept).
PATRONYMIC_KEY = re.compile(r"^[а-яй]{2,}(?:" + "|".join(PATRONYMIC_ENDINGS) + ")$")
RUSSIAN_SURNAME_KEY = re.compile(r"^[а-яй]{2,}(?:" + "|".join(RUSSIAN_SURNAME_ENDINGS) + ")$")
# A surname as a file writes it beside a first name (Петров(а), Зайцев(а), Фомин(а), Ильин), as
# a key: not -ая/-ой/-их, which adjectives share («Большой театр»).
NOUN_SURNAME_KEY = re.compile(r"^[а-яй]{2,}(?:ов|ова|ев|ева|ин|ина|ын|ына)$")
# One Russian name word as people write it: a capital, then lower case (Анна, Римского-Корсакова).
CAPITALISED_CYRILLIC_WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
# `Петрова` is Петров's genitive, but just as likely a woman's own surname.
FEMININE_SURNAME_ENDINGS = ("ова", "ева", "ина", "ына", "ая")
# Russian case endings: what a word may end in when it names the same thing.
CASE_ENDINGS = (
    frozenset({"а", "я", "о", "е", "ы", "и", "у", "ю", "ой", "ей", "ом", "ем", "ам", "ям", "ах"})
    | {"ях", "ами", "ями", "ую", "юю", "ого", "его", "ому", "ему", "ым", "им", "ая", "ое"}
    | {"ий", "ый", "ь"}
)

# Words that start a Dutch (or other Western) surname: «Jan Pieter de Vries».
PARTICLES = frozenset(
    ("van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "op", "in", "von", "le", "la")
)

# A name word as people write it, a capital then lower case, perhaps in parts (Jansen-Visser,
# O'Brien), in Latin with its accented and Turkish letters or in Cyrillic: a pattern's text.
UPPER_LETTERS, LOWER_LETTERS = "A-ZÀ-ÖØ-ÞĀ-žА-ЯЁ", "a-zß-öø-ÿĀ-žа-яё"
NAME_WORD = rf"[{UPPER_LETTERS}][{LOWER_LETTERS}]*(?:['’-][{UPPER_LETTERS}]?[{LOWER_LETTERS}]+)*"

# First names common among a Dutch team's clients (the Netherlands' and Flanders' most given
# names, and those of its larger communities), as keys: a file without a kind column that
# names `Anna Jansen` or `Mehmet Yilmaz` lists a person (storage/person_names.reads_as_person).
# Names that are also everyday or business words (Roos, Bas, Hoek) are left out.
GIVEN_NAMES = frozenset(
    """
    aaron abdel abdul abdullah adam adriaan ahmed aisha alexander ali alicia amber amira amy
    emily james john mary michael ria
    andre andrea andreas angela anita anja anke ann anna anne anneke annemarie annemiek anouk
    anton arie arjen arjan arend arthur astrid ayse aysel ayoub bart bastiaan bea beatrix ben
    benjamin bernard bert bianca bilal bo bram brenda britt bruno carla carlijn carmen caroline
    cas casper catharina charlotte chantal chen chris christiaan christian claire claudia
    cor cornelis corinne daan daniel danielle david debora demi dennis dewi diana dick
    dirk dominique dylan edwin eline elif elisabeth ellen els elise emma emre erik erika esmee
    esther eva evelien fatima fatma femke fenna finn fleur floor floris frank frans freek
    frederik gerard gerrit gert gijs gerda hanna hannah hans harm hasan hassan hein hendrik
    henk henri herman hugo hussein ibrahim ilse inge ingrid iris isa isabel isabella ivan ivo
    jaap jacob jacqueline jamal jan jana janneke jannes jasper jelle jens jeroen jesse jet
    jikke joep johan johanna johannes jolanda joost joris jos jose joyce judith julia
    julian juliette justin karin karel kees kevin khalid kim klaas koen kristel laura lars
    lea lena levi lieke lies linda lisa lisanne liam lieve lotte lucas luuk maarten
    madelief maria marieke marijke marina mark marleen martijn martin marloes mats maud max
    mary maxime mehmet melissa merel michel michiel mila milan mirjam mohamed mohammed monique
    mustafa myrthe naima nadia nathalie nick niels nienke nina noa noah noor nora olga olivia
    omar patrick paul paula peter petra pieter pim priya quinten rachid rachel ramon rik rob
    robert robin roel ronald rosa ruben rutger ruud sam samira sander sandra sanne sara sarah
    saskia sem sevda simone sjoerd sofie sophie stefan stijn suzanne sven tamara tess teun
    thijs thomas tijn tim tom tommy ton twan valerie vera victor vincent wendy wesley wessel
    wilhelmina willem wim wouter yara yasmin yusuf youssef zoe
    """.split()
)

# Words a one-person business puts after its owner's name (`Tim Vos Fotografie`, `Anna Mode`,
# «Анна Маникюр»): with one, a first name and a surname name a business.
BUSINESS_WORDS = frozenset(
    {"fotografie", "mode", "design", "advies", "consultancy", "coaching", "events", "media"}
    | {"bouw", "schilders", "installaties", "catering", "interieur", "tuinen", "haar", "nails"}
    | {"beauty", "fitness", "yoga", "massage", "schoonmaak", "verhuur", "transport", "zn"}
    | {"zonen", "en", "&", "group", "groep", "services", "holding", "marketing", "webdesign"}
    | {"маникюр", "красота", "стиль", "дизайн", "фото", "ремонт", "груп", "групп"}
)

# Forms of address typed before a name, with or without a dot: `dhr van der Linden`, `mevr.
# Özdemir`, `mw Jansen`, `fam de Jong`, `de heer Bakker`, `meneer Bakker`, «г-н Сидоров»,
# «госпожа Волкова» (keys: casefolded, accents dropped).
TITLES = frozenset(
    {"dhr", "hr", "mevr", "mw", "mevrouw", "mej", "fam", "familie", "mr", "mrs", "ms", "dr"}
    | {"drs", "ir", "ing", "meneer", "mijnheer", "г-н", "г-жа", "господин", "госпожа"}
)
TWO_WORD_TITLES = frozenset(("de heer", "de familie"))
# Of those, the ones that address a family, never one of its people: "fam jansen" is asked
# about, never booked on Lisa Jansen (a Dutch reader's sale was)
FAMILY_TITLES = frozenset({"fam", "familie", "de familie"})
# The gender a form of address names (GENDERS' codes): "dhr jansen" books on a Jansen recorded
# as a man, never unasked on Lisa Jansen, whose gender nobody entered (a Dutch reader's was).
TITLE_GENDERS = {
    **dict.fromkeys(("dhr", "hr", "de heer", "meneer", "mijnheer", "mr", "г-н", "господин"), "m"),
    **dict.fromkeys(("mevr", "mw", "mevrouw", "mej", "mrs", "ms", "г-жа", "госпожа"), "f"),
}
# Abbreviated forms of address, written with their dot: `dhr bos` is written dhr. Bos.
DOTTED_TITLES = frozenset({"dhr", "hr", "mevr", "mw", "mej", "fam", "mr", "dr", "drs", "ir", "ing"})


# An amount typed where a name should be: a currency next to a number, or a number written
# with cents or thousands (`2500 руб`, `€ 40`, `1.250`) — never a client's name.
AMOUNT_WRITTEN = re.compile(
    r"[€$£₽]\s*\d|\d\s*(?:[€$£₽]|eur\b|euro|руб|р\.|rub\b)"
    r"|\d[.,]\d\d(?!\d)|\d{1,3}(?:[ .\u00a0\u202f]\d{3})+(?!\d)",
    re.IGNORECASE,
)

# A city's full name and the short forms people type for it (spacing, dots, hyphens and case
# aside: «Наб.Челны», «наб. челны» and «Набережные Челны» are one city). A short form is stored
# as the full name («Кзн» → Казань, «Екб» → Екатеринбург, «Мск» → Москва), in chat and imports
# alike (`city_as_written`); every form is the same city when clients are matched with an ideal
# profile (`city_full_name`).
CITY_SHORT_FORMS = {
    "Казань": ("кзн",),
    "Набережные Челны": ("наб. челны", "н. челны", "челны", "наб челны"),
    "Санкт-Петербург": ("спб", "питер", "с.-петербург", "с-пб", "с.-пб", "санкт петербург"),
    "Екатеринбург": ("екб", "ебург", "е-бург", "екат"),
    "Москва": ("мск",),
    "Нижний Новгород": ("нн", "н. новгород", "нижний н.", "нижний"),
    "Новосибирск": ("нск", "новосиб"),
    "Челябинск": ("члб", "челяба"),
    "Красноярск": ("крск",),
    "Владивосток": ("влад", "вдк"),
    "Ростов-на-Дону": ("рнд", "ростов-на-дону"),
    "Amsterdam": ("adam", "a'dam", "a’dam", "asd"),
    "Rotterdam": ("r'dam", "r’dam", "rdam", "rtm"),
    "Den Haag": ("'s-gravenhage", "’s-gravenhage", "dh"),
    "Den Bosch": ("'s-hertogenbosch", "’s-hertogenbosch", "dbosch"),
    "Alphen aan den Rijn": ("alphen a/d rijn", "alphen a.d. rijn"),
    "Bergen op Zoom": ("boz",),
}
# More cities read after «из» and «в» in their cases («из Самары», «в Перми»): Russia's
# largest, one word each, whose cases follow the rule in `_cases`.
CITIES_IN_CASES = (
    "Самара", "Уфа", "Пермь", "Воронеж", "Омск", "Волгоград", "Саратов", "Тюмень", "Тула",
    "Ижевск", "Барнаул", "Иркутск", "Ульяновск", "Хабаровск", "Ярославль", "Томск", "Оренбург",
    "Рязань", "Астрахань", "Пенза", "Липецк", "Калининград", "Тверь", "Курск", "Краснодар",
    "Ставрополь", "Белгород", "Сургут", "Владимир", "Архангельск", "Смоленск", "Калуга", "Чита",
    "Махачкала", "Кострома", "Иваново", "Сочи", "Якутск", "Мурманск", "Вологда",
)  # fmt: skip
_CITY_KEY = re.compile(r"[\s.\-'’/]+")


def city_key(text: str) -> str:
    """A city as matched: case, ё, spaces, dots, hyphens and apostrophes aside."""
    return _CITY_KEY.sub("", text.casefold().replace("ё", "е"))


_FULL_CITY_NAMES = {
    city_key(form): full for full, forms in CITY_SHORT_FORMS.items() for form in (full, *forms)
}


@cache
def city_full_name(text: str) -> str:
    """`Кзн`, `Наб.Челны`, `наб. челны` → Казань, Набережные Челны; `A'dam` → Amsterdam; any
    other city as typed."""
    return _FULL_CITY_NAMES.get(city_key(text), text)


# What people type before a city in a field of its own: «г. Казань», «город Казань», `te Utrecht`,
# `uit Zwolle`, `in Den Haag`.
_CITY_LEAD = re.compile(r"^(?:г\.\s*|г\s+|гор\.\s*|город\s+|te\s+|uit\s+|in\s+)(?=\w)", re.I)
# «из Казани», «в Питере», «с Екб»: a Russian preposition, and the city in its case after it.
_CITY_CASE = re.compile(r"^(?:из|в|во|с|со)\s+(?=\w)", re.I)


def _cases(word: str) -> tuple[str, ...]:
    """A one-word city in the genitive and prepositional («Казань» → Казани; «Москва» → Москвы,
    Москве; «Екатеринбург» → Екатеринбурга, Екатеринбурге); a word of other letters has none."""
    if not has_cyrillic_letter(word):
        return ()
    if word.endswith("ь"):
        return (word[:-1] + "и",)
    if word.endswith("а"):
        after_soft = word[-2:-1] in tuple("гкхжшчщ")
        return (word[:-1] + ("и" if after_soft else "ы"), word[:-1] + "е")
    if word[-1:] not in "аеёиоуыэюяй":
        return (word + "а", word + "е")
    return ()


_CITY_IN_CASE = {
    city_key(case): full
    for full, forms in (*CITY_SHORT_FORMS.items(), *((city, ()) for city in CITIES_IN_CASES))
    for form in (full, *forms)
    if " " not in form and "." not in form
    for case in (form, *_cases(form))  # «в Сочи», «из Иваново»: the same in every case
}


def city_said(text: str) -> str | None:
    """The city a field of a one-line /add names, as `city_as_written` writes it; None when a
    Russian preposition puts a city it doesn't know in another case («из Тулы»): named back to
    the user rather than stored as «Из Тулы»."""
    if _CITY_CASE.match(text.strip()):
        return _city_in_case(text.strip())
    return city_as_written(text)


def _city_in_case(typed: str) -> str | None:
    """«из Москвы», «в Питере» → Москва, Санкт-Петербург; None for a city it doesn't know."""
    case = _CITY_CASE.match(typed)
    if case is None:
        return None
    key = city_key(typed[case.end() :].strip().rstrip(".,;:!?… "))
    return _CITY_IN_CASE.get(key) or _FULL_CITY_NAMES.get(key)


def city_as_written(text: str) -> str:
    """A city as natives write it, the one rule chat and imports use: a short form is the full
    name (`Кзн` → Казань, `Екб` → Екатеринбург, `Питер` → Санкт-Петербург, `A'dam` →
    Amsterdam); a word before it dropped (`г. Казань`, `город Казань`, `te Utrecht`), a known
    city after a Russian preposition in the nominative («из Москвы»); one typed
    in lower case is capitalised (`екатеринбург`, `den haag`, `санкт-петербург`); one typed with
    capitals stays as typed (`Ростов-на-Дону`, `Alphen aan den Rijn`); a sentence's closing
    punctuation is dropped (`Казань.`)."""
    typed = text.strip().rstrip(",;:!?… ")[:100]
    if city := _city_in_case(typed):  # «из Москвы» typed to "which city?" too
        return city
    if lead := _CITY_LEAD.match(typed):
        typed = typed[lead.end() :]
    city = typed.rstrip(". ")  # "Казань." ends the sentence
    for written in (typed, city):  # «Наб. Челны.» is typed with its own dot
        if (full := city_full_name(written)) != written:
            return full
    if city != city.casefold():
        return city
    return " ".join("-".join(map(_capitalised, word.split("-"))) for word in city.split())


def _capitalised(part: str) -> str:
    """`петербург` → Петербург; `на` and `'s` in a hyphenated name stay small."""
    return part[:1].upper() + part[1:] if len(part) > 2 else part
