"""The columns of a clients file and a sales file: their names in nl, ru and en, and value words.

People never type column names (Product rules): the importer recognises a column by its header,
in any case, with or without accents, ё or е, and ignores what stands in brackets (``Tijd
(uren)``), a trailing currency (``Bedrag EUR``) or unit (``Tijd in minuten``). The first Dutch
and Russian name of each column is the header an export writes, so an export imports again.

A file is a **sales file** when it has an amount column, else a **clients file**. A sales file
may carry client columns too; they fill in the client of that row.

| column | what | Dutch | Russian | English |
|---|---|---|---|---|
| name | client name (required; in a sales file: whose sale) | Klant, Naam, Klantnaam, Bedrijfsnaam, Bedrijf, Relatie, Organisatie | Клиент, Имя, Имя клиента, Название, Наименование, ФИО, Компания, Организация | Client, Name, Client name, Customer, Customer name, Company |
| kind | person or organisation (default organisation; person when a gender or age is given) | Soort, Type, Soort klant, Klanttype | Тип, Вид, Тип клиента | Kind, Type, Client type |
| status | prospect, client, declined, archived (default client) | Status | Статус | Status |
| gender | woman, man, other | Geslacht | Пол | Gender, Sex |
| birth_year | year of birth | Geboortejaar, Geboren | Год рождения | Birth year, Year of birth, Born |
| age | age in years; gives the birth year when that column is absent | Leeftijd | Возраст | Age |
| city | city | Plaats, Woonplaats, Stad, Vestigingsplaats | Город, Населенный пункт | City, Town, Place |
| income | yearly income, in the team's currency | Inkomen, Jaarinkomen | Доход, Годовой доход | Income, Yearly income, Annual income |
| education | secondary, vocational, higher, or your own words | Opleiding, Opleidingsniveau | Образование | Education |
| interests | tags separated by commas | Interesses, Hobby's, Tags | Интересы, Теги | Interests, Tags |
| industry | industry | Branche, Sector, Industrie | Отрасль, Сфера, Сфера деятельности | Industry, Sector |
| employees | number of employees | Medewerkers, Aantal medewerkers, Werknemers, Personeel | Сотрудники, Число сотрудников, Количество сотрудников, Штат | Employees, Staff, Company size |
| decision | how they decide: owner, manager, board, or your own words | Wie beslist, Beslisser, Besluitvorming | Кто принимает решение, Решение, ЛПР | Decision, Decision maker, Who decides |
| source | how they found you: referral, website, Instagram, fair, advertising, or your own words | Bron, Herkomst, Kanaal | Источник, Канал, Откуда узнали | Source, Channel, Lead source |
| segment | your own segment | Segment, Doelgroep | Сегмент | Segment |
| acquired_on | client since (date) | Klant sinds, Sinds, Startdatum | Клиент с, Дата привлечения, Дата начала | Client since, Customer since, Acquired on, Since |
| referred_by | the client who referred them (a client on your list or in the file) | Aangebracht door, Doorverwezen door, Via, Aanbrenger | По рекомендации, Кто порекомендовал, Рекомендатель, От кого | Referred by, Referrer, Recommended by |
| notes | notes | Notities, Notitie, Opmerkingen, Opmerking, Toelichting | Заметки, Примечание, Примечания, Комментарий | Notes, Note, Comments, Remarks |
| sold_on | date of the sale (required in a sales file) | Datum, Verkoopdatum, Factuurdatum | Дата, Дата продажи | Date, Sale date, Invoice date |
| amount | amount (makes it a sales file) | Bedrag, Omzet, Prijs, Totaal, Factuurbedrag | Сумма, Выручка, Цена, Сумма продажи | Amount, Revenue, Price, Total |
| cost | cost to serve | Kosten, Kostprijs, Inkoop | Себестоимость, Затраты, Расходы, Издержки | Cost, Costs, Cost to serve, Expenses |
| minutes | time spent: a bare number is minutes, or hours when the header says hours | Minuten, Tijd, Uren, Duur, Bestede tijd, Tijdsbesteding | Минуты, Время, Часы, Длительность, Затраченное время | Minutes, Time, Hours, Time spent, Duration |
| due_on | payment due date | Vervaldatum, Vervaldag, Te betalen voor | Срок оплаты, Оплатить до | Due, Due date, Due on, Payment due |
| paid_on | date paid | Betaald op, Betaald, Betaaldatum, Datum betaling | Дата оплаты, Оплачено, Оплачен | Paid, Paid on, Date paid, Payment date |
| paid_amount | the part already paid of an open invoice (with no paid date) | Al betaald, Betaald bedrag, Deels betaald | Уже оплачено, Оплаченная сумма, Частично оплачено | Amount paid, Paid amount, Part paid |
"""  # noqa: E501

from __future__ import annotations

import re
from dataclasses import dataclass

from storage.names import name_key

CLIENT_FIELDS = (
    "name", "kind", "status", "gender", "birth_year", "age", "city", "income", "education",
    "interests", "industry", "employees", "decision", "source", "segment", "acquired_on",
    "referred_by", "notes",
)  # fmt: skip
SALE_FIELDS = ("sold_on", "amount", "cost", "minutes", "due_on", "paid_on", "paid_amount")
EXPORTED_CLIENT_FIELDS = tuple(f for f in CLIENT_FIELDS if f != "age")

# field: (Dutch, Russian, English); the first Dutch and Russian names are what exports write.
HEADERS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "name": (
        ("Klant", "Naam", "Klantnaam", "Bedrijfsnaam", "Bedrijf", "Relatie", "Organisatie"),
        ("Клиент", "Имя", "Имя клиента", "Название", "Наименование", "ФИО", "Компания",
         "Организация"),
        ("Client", "Name", "Client name", "Customer", "Customer name", "Company"),
    ),
    "kind": (("Soort", "Type", "Soort klant", "Klanttype"), ("Тип", "Вид", "Тип клиента"),
             ("Kind", "Client type")),
    "status": (("Status",), ("Статус",), ()),
    "gender": (("Geslacht",), ("Пол",), ("Gender", "Sex")),
    "birth_year": (("Geboortejaar", "Geboren"), ("Год рождения",),
                   ("Birth year", "Year of birth", "Born")),
    "age": (("Leeftijd",), ("Возраст",), ("Age",)),
    "city": (("Plaats", "Woonplaats", "Stad", "Vestigingsplaats"), ("Город", "Населенный пункт"),
             ("City", "Town", "Place")),
    "income": (("Inkomen", "Jaarinkomen"), ("Доход", "Годовой доход"),
               ("Income", "Yearly income", "Annual income")),
    "education": (("Opleiding", "Opleidingsniveau"), ("Образование",), ("Education",)),
    "interests": (("Interesses", "Hobby's", "Tags"), ("Интересы", "Теги"), ("Interests",)),
    "industry": (("Branche", "Sector", "Industrie"), ("Отрасль", "Сфера", "Сфера деятельности"),
                 ("Industry",)),
    "employees": (
        ("Medewerkers", "Aantal medewerkers", "Werknemers", "Personeel"),
        ("Сотрудники", "Число сотрудников", "Количество сотрудников", "Штат"),
        ("Employees", "Staff", "Company size"),
    ),
    "decision": (("Wie beslist", "Beslisser", "Besluitvorming"),
                 ("Кто принимает решение", "Решение", "ЛПР"),
                 ("Decision", "Decision maker", "Who decides")),
    "source": (("Bron", "Herkomst", "Kanaal"), ("Источник", "Канал", "Откуда узнали"),
               ("Source", "Channel", "Lead source")),
    "segment": (("Segment", "Doelgroep"), ("Сегмент",), ()),
    "acquired_on": (("Klant sinds", "Sinds", "Startdatum"),
                    ("Клиент с", "Дата привлечения", "Дата начала"),
                    ("Client since", "Customer since", "Acquired on", "Since")),
    "referred_by": (("Aangebracht door", "Doorverwezen door", "Via", "Aanbrenger"),
                    ("По рекомендации", "Кто порекомендовал", "Рекомендатель", "От кого"),
                    ("Referred by", "Referrer", "Recommended by")),
    "notes": (("Notities", "Notitie", "Opmerkingen", "Opmerking", "Toelichting"),
              ("Заметки", "Примечание", "Примечания", "Комментарий"),
              ("Notes", "Note", "Comments", "Remarks")),
    "sold_on": (("Datum", "Verkoopdatum", "Factuurdatum"), ("Дата", "Дата продажи"),
                ("Date", "Sale date", "Invoice date")),
    "amount": (("Bedrag", "Omzet", "Prijs", "Totaal", "Factuurbedrag"),
               ("Сумма", "Выручка", "Цена", "Сумма продажи"),
               ("Amount", "Revenue", "Price", "Total")),
    "cost": (("Kosten", "Kostprijs", "Inkoop"), ("Себестоимость", "Затраты", "Расходы", "Издержки"),
             ("Cost", "Costs", "Cost to serve", "Expenses")),
    "minutes": (("Minuten", "Tijd", "Uren", "Duur", "Bestede tijd", "Tijdsbesteding"),
                ("Минуты", "Время", "Часы", "Длительность", "Затраченное время"),
                ("Minutes", "Time", "Hours", "Time spent", "Duration")),
    "due_on": (("Vervaldatum", "Vervaldag", "Te betalen voor"), ("Срок оплаты", "Оплатить до"),
               ("Due", "Due date", "Due on", "Payment due")),
    "paid_on": (("Betaald op", "Betaald", "Betaaldatum", "Datum betaling"),
                ("Дата оплаты", "Оплачено", "Оплачен"),
                ("Paid", "Paid on", "Date paid", "Payment date")),
    "paid_amount": (("Al betaald", "Betaald bedrag", "Deels betaald"),
                    ("Уже оплачено", "Оплаченная сумма", "Частично оплачено"),
                    ("Amount paid", "Paid amount", "Part paid")),
}  # fmt: skip

# Words in a header that say the unit of a time column: "Uren" holds hours, "Tijd (min)" minutes.
_HOUR_WORDS = frozenset("uren uur u hours hour hrs h часы часов час ч".split())
_MINUTE_WORDS = frozenset(
    "minuten minuut min mins minutes minute минуты минут минута мин м".split()
)
# Trailing words a header may carry that do not change the column: currency, filler.
_TRAILING = frozenset("eur euro euros rub руб рублей rubles in в per incl excl btw ндс".split())
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Recognised:
    """What a header names: a field, and for a time column the unit of a bare number."""

    field: str
    unit: str | None = None  # "hours" | "minutes" | None (bare whole numbers are minutes)


def _words(text: str) -> list[str]:
    return _NOT_WORD.sub(" ", text).split()


def _unit(words: list[str]) -> str | None:
    if any(w in _HOUR_WORDS for w in words):
        return "hours"
    if any(w in _MINUTE_WORDS for w in words):
        return "minutes"
    return None


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for field, languages in HEADERS.items():
        for name in (n for names in languages for n in names):
            key = " ".join(_words(name_key(name)))
            if index.setdefault(key, field) != field:
                raise ValueError(f"header {name!r} names both {index[key]} and {field}")
    return index


_INDEX = _build_index()


def recognise(header: str) -> Recognised | None:
    """The field a header names, or None when Kompas does not know the column."""
    folded = name_key(header)
    bracketed = _words(" ".join(_BRACKETS.findall(folded)))
    words = _words(_BRACKETS.sub(" ", folded))
    dropped: list[str] = []
    while words:
        field = _INDEX.get(" ".join(words))
        if field is not None:
            unit = _unit(words + dropped + bracketed) if field == "minutes" else None
            return Recognised(field, unit)
        last = words[-1]
        if last not in _TRAILING and last not in _HOUR_WORDS and last not in _MINUTE_WORDS:
            return None
        dropped.append(words.pop())
    return None


def export_header(field: str, locale: str) -> str:
    """The header an export writes for a field, in the team's language."""
    dutch, russian, _ = HEADERS[field]
    return (russian if locale == "ru" else dutch)[0]


# Value words: code → (Dutch word exports write, Russian word exports write, other accepted words).
# Where the team may write its own words (education, decision, source), unknown text is kept.
KINDS = {
    "person": ("persoon", "частное лицо",
               "person", "private", "individual", "consumer", "b2c", "particulier", "prive",
               "privé", "consument", "физлицо", "физ. лицо", "физическое лицо", "человек"),
    "organisation": ("organisatie", "организация",
                     "organisation", "organization", "company", "business", "b2b",
                     "bedrijf", "zakelijk", "onderneming", "компания", "юрлицо",
                     "юр. лицо", "юридическое лицо", "ип", "фирма"),
}  # fmt: skip
STATUSES = {
    "prospect": ("prospect", "потенциальный",
                 "lead", "potential", "potentieel", "potentiële klant", "лид",
                 "потенциальный клиент"),
    "active": ("actief", "активный", "active", "client", "customer", "klant", "клиент",
               "действующий"),
    "declined": ("afscheid genomen", "отказ", "declined", "rejected", "afscheid", "afgewezen",
                 "отклонен", "отказано"),
    "archived": ("gearchiveerd", "архив", "archived", "inactive", "former", "inactief",
                 "oud-klant", "voormalig", "в архиве", "неактивный", "бывший"),
}  # fmt: skip
GENDERS = {
    "f": ("vrouw", "женщина", "f", "female", "woman", "v", "vrouwelijk", "ж", "жен", "женский"),
    "m": ("man", "мужчина", "m", "male", "mannelijk", "м", "муж", "мужской"),
    "x": ("anders", "другое", "x", "other", "overig", "non-binary", "nonbinair", "иное"),
}
EDUCATION = {
    "secondary": ("middelbaar", "среднее",
                  "secondary", "high school", "middelbare school", "vmbo", "havo", "vwo",
                  "школа", "среднее общее"),
    "vocational": ("beroepsonderwijs", "среднее специальное",
                   "vocational", "mbo", "beroeps", "среднее профессиональное", "колледж",
                   "техникум", "спо"),
    "higher": ("hoger onderwijs", "высшее",
               "higher", "university", "bachelor", "master", "degree", "hbo", "wo",
               "universiteit", "hoger", "вуз", "университет", "бакалавр", "магистр"),
}  # fmt: skip
DECISIONS = {
    "owner": ("eigenaar", "владелец", "owner", "founder", "zelf", "собственник", "сам"),
    "manager": ("manager", "менеджер", "management", "purchaser", "procurement", "inkoper",
                "inkoop", "leidinggevende", "руководитель", "закупщик"),
    "board": ("bestuur of team", "правление или команда",
              "board", "committee", "team", "directie", "bestuur", "commissie",
              "совет директоров", "правление", "коллегиально", "комиссия"),
}  # fmt: skip
SOURCES = {
    "referral": ("aanbeveling", "рекомендация",
                 "referral", "recommendation", "word of mouth", "via via", "doorverwijzing",
                 "mond-tot-mond", "сарафан", "сарафанное радио", "по рекомендации"),
    "website": ("website", "сайт", "site", "web", "internet", "google", "интернет"),
    "instagram": ("Instagram", "Instagram", "insta", "инстаграм"),
    "fair": ("beurs", "выставка", "fair", "trade fair", "event", "evenement", "ярмарка"),
    "advertising": ("reclame", "реклама", "advertising", "ads", "ad", "advertentie"),
    "other": ("anders", "другое", "other", "overig"),
}  # fmt: skip


def value_key(text: str) -> str:
    """How a value word is compared: folded like a name, punctuation and spaces dropped."""
    return _NOT_WORD.sub("", name_key(text))


def value_index(vocabulary: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Every accepted word of a vocabulary, folded, pointing at its code."""
    index: dict[str, str] = {}
    for code, words in vocabulary.items():
        for word in (code, *words):
            if index.setdefault(value_key(word), code) != code:
                raise ValueError(f"value {word!r} means both {index[value_key(word)]} and {code}")
    return index


def value_word(vocabulary: dict[str, tuple[str, ...]], code: str | None, locale: str) -> str:
    """The word an export writes for a code; free text the team typed stays as typed."""
    if code is None:
        return ""
    words = vocabulary.get(code)
    if words is None:
        return code
    return words[1] if locale == "ru" else words[0]
