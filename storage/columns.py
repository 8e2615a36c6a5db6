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
| kind | person or organisation (default organisation; person when a gender or age is given or the name is a person's) | Soort, Type, Soort klant, Klanttype | Тип, Вид, Тип клиента | Kind, Type, Client type |
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
| source | how they found you: referral, website, Instagram, fair, advertising, or your own words | Gevonden via, Hoe gevonden, Bron, Herkomst, Kanaal | Источник, Канал, Откуда узнали | Source, Channel, Lead source |
| segment | your own segment | Segment, Doelgroep | Сегмент | Segment |
| acquired_on | client since (date) | Klant sinds, Sinds, Startdatum | Начало работы, Клиент с, Дата привлечения, Дата начала | Client since, Customer since, Acquired on, Since |
| referred_by | the client who referred them (a client on your list or in the file) | Aangebracht door, Doorverwezen door, Via, Aanbrenger | По рекомендации, Кто порекомендовал, Рекомендатель, От кого | Referred by, Referrer, Recommended by |
| notes | notes | Notities, Notitie, Opmerkingen, Opmerking, Toelichting | Заметки, Примечание, Примечания, Комментарий | Notes, Note, Comments, Remarks |
| sold_on | date of the sale (required in a sales file) | Datum, Verkoopdatum, Factuurdatum, Bezoekdatum, Datum bezoek, Orderdatum, Aankoopdatum | Дата, Дата продажи, Дата визита, Дата заказа, Дата покупки, Дата услуги | Date, Sale date, Invoice date, Visit date, Order date, Purchase date |
| amount | amount (makes it a sales file) | Bedrag, Omzet, Prijs, Totaal, Factuurbedrag | Сумма, Выручка, Цена, Сумма продажи, Стоимость, Стоимость услуги, Сумма заказа | Amount, Revenue, Price, Total, Order total |
| cost | cost to serve | Kosten, Kostprijs, Inkoop | Затраты, Себестоимость, Расходы, Издержки | Cost, Costs, Cost to serve, Expenses |
| minutes | time spent: a bare number is minutes, or hours when the header says hours | Minuten, Tijd, Uren, Duur, Bestede tijd, Tijdsbesteding | Минуты, Время, Часы, Длительность, Затраченное время | Minutes, Time, Hours, Time spent, Duration |
| due_on | payment due date | Vervaldatum, Vervaldag, Te betalen voor | Срок оплаты, Оплатить до | Due, Due date, Due on, Payment due |
| paid_on | date paid | Betaald op, Betaald, Betaaldatum, Datum betaling | Дата оплаты, Оплачено, Оплачен | Paid, Paid on, Date paid, Payment date |
| paid_amount | the part already paid of an open invoice (with no paid date) | Al betaald, Betaald bedrag, Deels betaald | Уже оплачено, Оплаченная сумма, Частично оплачено | Amount paid, Paid amount, Part paid |

A file is a **history file** when it has an event column and no amount column: one row per
complaint, compliment, referral or rating of a client already on the list. Its date is the
"date" column above, its note the "notes" column, and its client the "name" column.

| column | what | Dutch | Russian | English |
|---|---|---|---|---|
| event | complaint, compliment, referral or rating (makes it a history file) | Gebeurtenis, Soort gebeurtenis | Событие, Тип события | Event, Event type |
| criterion | the point rated: pleasant to work with, asks reasonable things, pays on time | Criterium, Punt | Критерий | Criterion |
| value | a rating, a whole number 1–5, 5 the best | Cijfer, Beoordeling, Waardering, Score | Оценка, Балл | Rating, Value |
| referred | for a referral: the client they referred (on your list) | Aanbevolen klant, Aanbevolen | Рекомендованный клиент, Кого порекомендовал | Referred client, Referred |
| rated_by | for a rating: who rated, as "name (Telegram id)"; empty is the person importing | Beoordeeld door | Кто оценил | Rated by |
"""  # noqa: E501

from __future__ import annotations

import re
from dataclasses import dataclass

from locales.source_words import source_said
from locales.vocabulary import (
    HEADERS,
    HOUR_WORDS,
    MINUTE_WORDS,
    SOURCES,
    TRAILING_WORDS,
    Vocabulary,
)
from storage.names import name_key

CLIENT_FIELDS = (
    "name", "kind", "status", "gender", "birth_year", "age", "city", "income", "education",
    "interests", "industry", "employees", "decision", "source", "segment", "acquired_on",
    "referred_by", "notes",
)  # fmt: skip
SALE_FIELDS = ("sold_on", "amount", "cost", "minutes", "due_on", "paid_on", "paid_amount")
EXPORTED_CLIENT_FIELDS = tuple(f for f in CLIENT_FIELDS if f != "age")
# A history file: its client ("name"), date ("sold_on") and note ("notes") share those columns.
HISTORY_FIELDS = ("name", "sold_on", "event", "criterion", "value", "referred", "rated_by", "notes")
HISTORY_ONLY = frozenset({"event", "criterion", "value", "referred", "rated_by"})


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
    if any(w in HOUR_WORDS for w in words):
        return "hours"
    if any(w in MINUTE_WORDS for w in words):
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
        if last not in TRAILING_WORDS and last not in HOUR_WORDS and last not in MINUTE_WORDS:
            return None
        dropped.append(words.pop())
    return None


def export_header(field: str, locale: str) -> str:
    """The header an export writes for a field, in the team's language."""
    dutch, russian, _ = HEADERS[field]
    return (russian if locale == "ru" else dutch)[0]


# Value words (a client's kind, status, gender, education, decision maker, source): one table
# per concept in locales/vocabulary.py (CLIENT_VOCABULARIES says which field holds which), read
# here by imports and exports and by chat alike.


def value_key(text: str) -> str:
    """How a value word is compared: folded like a name, punctuation and spaces dropped."""
    return _NOT_WORD.sub("", name_key(text))


def value_index(vocabulary: Vocabulary) -> dict[str, str]:
    """Every accepted word of a vocabulary, folded, pointing at its code."""
    index: dict[str, str] = {}
    for word, code in vocabulary.words():
        if index.setdefault(value_key(word), code) != code:
            raise ValueError(f"value {word!r} means both {index[value_key(word)]} and {code}")
    return index


_INDEXES: dict[int, dict[str, str]] = {}


def value_code(vocabulary: Vocabulary, text: str) -> str | None:
    """The code a typed or imported word stands for ('B2B', 'физ. лицо'), or None."""
    index = _INDEXES.get(id(vocabulary))
    if index is None:
        index = _INDEXES[id(vocabulary)] = value_index(vocabulary)
    return index.get(value_key(text))


def value_word(vocabulary: Vocabulary, code: str | None, locale: str) -> str:
    """The word an export writes for a code; free text the team typed stays as typed."""
    return vocabulary.exported(code, locale)


def source_code(text: str, *, own_words: bool = True) -> str | None:
    """How a client found the team, as typed or imported: a word of SOURCES, also after a
    preposition («из ВКонтакте» → vk, «по сарафану» → referral, `via Marktplaats`); the team's
    own words after a lead-in that says they are the source («источник: выставка в Экспо»,
    `via de buurvrouw`) unless `own_words` is off; None when the text names no source («Екб»,
    «стрижка», «из Казани»)."""
    if code := value_code(SOURCES, text):
        return code
    typed = text.split()
    for end in range(len(typed) - 1, 0, -1):  # «по рекомендации Анны», `aanbevolen door Anna`
        if code := value_code(SOURCES, " ".join(typed[:end])):
            return code
    words, said = source_said(text)
    if words == text.strip():
        return None  # no lead-in: «Екб», «стрижка»
    if code := value_code(SOURCES, words):
        return code
    for start in range(1, len(typed)):  # `kwam via via`, «пришла по рекомендации»
        if code := value_code(SOURCES, " ".join(typed[start:])):
            return code
    return words[:64] if said and own_words else None


def source_after_name(name: str) -> tuple[str, str | None]:
    """A source said after a name with no comma between (`Jan de Vries via Marktplaats`,
    «Петрова Анна пришла из инсты»): the name without it, and its code. Only a known source
    after a lead-in ends a name: `Anna van Dijk`, «Студия через дорогу» stay whole."""
    words = name.split()
    for count in range(min(5, len(words) - 1), 1, -1):
        tail = " ".join(words[-count:])
        if source_said(tail)[0] == tail:
            continue  # no lead-in: «… Instagram» may be a name's own word
        if code := source_code(tail, own_words=False):
            return " ".join(words[:-count]), code
    return name, None
