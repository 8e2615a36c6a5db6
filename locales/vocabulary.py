"""The product's fixed vocabularies, one table per concept: what a client's kind, status,
gender, education, decision maker and source can be, the word chat shows for each, the word an
export writes in Dutch and Russian, and every other word people type or files hold for it.

Chat (`/add Bakkerij Noord, b2b`, /edit), imports and exports all read these tables, so a word
means the same wherever it is typed (storage/columns.py folds and looks words up). Where a team
may write its own words (education, decision, source), an unknown one is kept as typed.

Below them: the names of a file's columns, and the words typed after a command (`/digest uit`,
`/portrait particulieren`) or inside a range (`от 25 до 45`).
"""

from __future__ import annotations

from dataclasses import dataclass

from locales.errors import N_


@dataclass(frozen=True)
class Term:
    code: str  # what is stored
    label: str  # message id: the word chat shows, translated
    exported: tuple[str, str]  # the word an export writes: (Dutch, Russian)
    also: tuple[str, ...] = ()  # other words for it, in any of the languages
    market: str = ""  # a language whose users alone are offered it as a button ("" everyone)


@dataclass(frozen=True)
class Vocabulary:
    terms: tuple[Term, ...]
    own_words: bool = False  # the team may write words of its own, kept as typed
    unknown: str = ""  # message id: what an import says of a word it doesn't know (no own words)

    def __post_init__(self) -> None:
        if not self.own_words and not self.unknown:
            raise ValueError("a vocabulary without own words says what a word it doesn't know is")

    @property
    def labels(self) -> dict[str, str]:
        """Code → the message id chat shows for it."""
        return {term.code: term.label for term in self.terms}

    def offered(self, locale: str) -> list[str]:
        """The codes offered as buttons to a team in `locale`: a Russian map service or a
        Dutch marketplace only where it is used; every word is still read everywhere."""
        return [term.code for term in self.terms if term.market in ("", locale)]

    def __contains__(self, code: object) -> bool:
        return any(term.code == code for term in self.terms)

    def words(self) -> list[tuple[str, str]]:
        """Every word of the vocabulary with its code: the code itself, both exported words
        and the others."""
        return [
            (word, term.code)
            for term in self.terms
            for word in (term.code, *term.exported, *term.also)
        ]

    def exported(self, code: str | None, locale: str) -> str:
        """The word an export writes for a code; free text the team typed stays as typed."""
        if code is None:
            return ""
        for term in self.terms:
            if term.code == code:
                return term.exported[1] if locale == "ru" else term.exported[0]
        return code


KINDS = Vocabulary(
    (
        Term("person", N_("person"), ("particulier", "частное лицо"),
             ("person", "private", "individual", "consumer", "b2c", "persoon", "prive", "privé",
              "consument", "физлицо", "физ. лицо", "физическое лицо", "человек", "частник")),
        Term("organisation", N_("organisation"), ("organisatie", "организация"),
             ("organisation", "organization", "company", "business", "b2b", "bedrijf",
              "zakelijk", "onderneming", "zaak", "компания", "юрлицо", "юр. лицо",
              "юридическое лицо", "ип", "фирма", "бизнес", "zzp", "zzp'er", "zzper", "zzp’er",
              "freelancer", "zelfstandige", "самозанятый", "самозанятая",
              "фрилансер")),
    ),
    unknown=N_("“{text}” is not a kind of client I know. Write person or organisation."),
)  # fmt: skip
STATUSES = Vocabulary(
    (
        Term("prospect", N_("prospect"), ("prospect", "потенциальный"),
             ("lead", "potential", "potentieel", "potentiële klant", "mogelijke klant", "лид",
              "потенциальный клиент")),
        Term("active", N_("client"), ("actief", "активный"),
             ("active", "client", "customer", "klant", "клиент", "действующий")),
        Term("declined", N_("declined"), ("afscheid genomen", "отказ"),
             ("declined", "rejected", "afscheid", "afgewezen", "отклонен", "отказано")),
        Term("archived", N_("archived"), ("gearchiveerd", "архив"),
             ("archived", "inactive", "former", "inactief", "oud-klant", "voormalig",
              "в архиве", "неактивный", "бывший")),
    ),
    unknown=N_("“{text}” is not a status I know. Write prospect, client, declined or archived."),
)  # fmt: skip
GENDERS = Vocabulary(
    (
        Term("f", N_("woman"), ("vrouw", "женщина"),
             ("f", "female", "woman", "v", "vrouwelijk", "ж", "жен", "женский")),
        Term("m", N_("man"), ("man", "мужчина"),
             ("m", "male", "mannelijk", "м", "муж", "мужской")),
        Term("x", N_("other"), ("anders", "другое"),
             ("x", "other", "overig", "non-binary", "nonbinair", "иное")),
    ),
    unknown=N_("“{text}” is not a gender I know. Write woman, man or other, or leave it empty."),
)  # fmt: skip
EDUCATION = Vocabulary(
    (
        Term("secondary", N_("secondary school"), ("middelbaar", "среднее"),
             ("secondary", "high school", "middelbare school", "vmbo", "havo", "vwo", "школа",
              "среднее общее")),
        Term("vocational", N_("vocational"), ("beroepsonderwijs", "среднее специальное"),
             ("vocational", "mbo", "beroeps", "среднее профессиональное", "колледж", "техникум",
              "спо")),
        Term("higher", N_("higher education"), ("hoger onderwijs", "высшее"),
             ("higher", "university", "bachelor", "master", "degree", "hbo", "wo",
              "universiteit", "hoger", "вуз", "университет", "бакалавр", "магистр")),
    ),
    own_words=True,
)  # fmt: skip
DECISIONS = Vocabulary(
    (
        Term("owner", N_("the owner decides"), ("eigenaar", "владелец"),
             ("owner", "founder", "zelf", "собственник", "сам")),
        Term("manager", N_("a manager decides"), ("manager", "менеджер"),
             ("management", "purchaser", "procurement", "inkoper", "inkoop", "leidinggevende",
              "руководитель", "закупщик")),
        Term("board", N_("a board or team decides"), ("bestuur of team", "правление или команда"),
             ("board", "committee", "team", "directie", "bestuur", "commissie",
              "совет директоров", "правление", "коллегиально", "комиссия")),
    ),
    own_words=True,
)  # fmt: skip
SOURCES = Vocabulary(
    (
        Term("referral", N_("referral"), ("aanbeveling", "рекомендация"),
             ("referral", "recommendation", "word of mouth", "via via", "doorverwijzing",
              "aanbevolen", "aanbevolen door", "mond-tot-mond", "via een vriendin",
              "via vrienden", "via kennissen",
              "сарафан", "сарафанное радио", "по рекомендации", "от подруги", "от знакомых",
              "по знакомству", "через знакомых", "через подругу",
              # after «по», «от», «через», `via` (locales/source_words.py): «по сарафану»
              "сарафану", "сарафанному радио", "рекомендации", "подруги", "подругу", "подруга",
              "знакомых", "знакомой", "знакомого", "знакомую", "друзей", "друга", "коллеги",
              "vrienden", "een vriend", "een vriendin", "kennissen", "een kennis", "familie",
              "mond tot mond", "de buurvrouw", "de buurman", "een collega", "een klant",
              "соседки", "соседа", "коллег", "клиентки", "сестры", "мамы")),
        Term("website", N_("website"), ("website", "сайт"),
             ("site", "web", "internet", "интернет", "сайта", "сайте", "интернета",
              "интернете", "onze website", "de website")),
        Term("instagram", N_("Instagram"), ("Instagram", "Instagram"),
             ("insta", "инстаграм", "инста", "инстаграмм", "ig", "инсты", "инсту", "инсте",
              "инстаграма", "инстаграме", "инстаграмма", "инстаграмме")),
        Term("vk", N_("VK"), ("VK", "ВКонтакте"),
             ("вконтакте", "в контакте", "вк", "vkontakte", "контакта", "вк группы"),
             market="ru"),
        Term("telegram", N_("Telegram"), ("Telegram", "Telegram"),
             ("телеграм", "телеграмм", "тг", "tg", "телеграма", "телеграмма", "телеграме",
              "телеграмме", "телеги", "телеге", "телегу", "телега")),
        Term("avito", N_("Avito"), ("Avito", "Авито"), ("авито",), market="ru"),
        Term("2gis", N_("2GIS"), ("2GIS", "2ГИС"), ("2гис", "дубльгис", "2 гис"), market="ru"),
        Term("yandex_maps", N_("Yandex Maps"), ("Yandex Maps", "Яндекс Карты"),
             ("яндекс карты", "яндекс.карты", "яндекс", "yandex", "яндекса", "яндекс карт",
              "яндекс картах"), market="ru"),
        Term("google", N_("Google"), ("Google", "Google"),
             ("google maps", "гугл", "гугл карты", "google карты", "гугла", "гугле")),
        Term("marktplaats", N_("Marktplaats"), ("Marktplaats", "Marktplaats"), (), market="nl"),
        Term("facebook", N_("Facebook"), ("Facebook", "Facebook"), ("fb", "фейсбук", "фейсбука"),
             market="nl"),
        Term("linkedin", N_("LinkedIn"), ("LinkedIn", "LinkedIn"), ("linked in",), market="nl"),
        Term("fair", N_("fair"), ("beurs", "выставка"),
             ("fair", "trade fair", "event", "evenement", "ярмарка", "выставки", "выставке",
              "ярмарки", "ярмарке", "een beurs", "de beurs")),
        Term("advertising", N_("advertising"), ("reclame", "реклама"),
             ("advertising", "ads", "ad", "advertentie", "рекламы", "рекламе", "рекламу",
              "een advertentie", "advertenties")),
        Term("other", N_("other"), ("anders", "другое"), ("other", "overig")),
    ),
    own_words=True,
)  # fmt: skip

# The client fields these vocabularies fill: the one table chat (/add, /edit), imports, exports
# and cards look a field's words up in.
CLIENT_VOCABULARIES: dict[str, Vocabulary] = {
    "kind": KINDS,
    "status": STATUSES,
    "gender": GENDERS,
    "education": EDUCATION,
    "decision": DECISIONS,
    "source": SOURCES,
}

# The columns of a clients or sales file (storage/columns.py reads them) ---------------------

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
    "source": (("Gevonden via", "Hoe gevonden", "Bron", "Herkomst", "Kanaal"),
               ("Источник", "Канал", "Откуда узнали"),
               ("Source", "Channel", "Lead source")),
    "segment": (("Segment", "Doelgroep"), ("Сегмент",), ()),
    "acquired_on": (("Klant sinds", "Sinds", "Startdatum"),
                    ("Начало работы", "Клиент с", "Дата привлечения", "Дата начала"),
                    ("Client since", "Customer since", "Acquired on", "Since")),
    "referred_by": (("Aangebracht door", "Doorverwezen door", "Via", "Aanbrenger"),
                    ("По рекомендации", "Кто порекомендовал", "Рекомендатель", "От кого"),
                    ("Referred by", "Referrer", "Recommended by")),
    "notes": (("Notities", "Notitie", "Opmerkingen", "Opmerking", "Toelichting"),
              ("Заметки", "Примечание", "Примечания", "Комментарий"),
              ("Notes", "Note", "Comments", "Remarks")),
    # A salon's own log says visit («Дата визита;Стоимость»): read as its sales, not dropped.
    "sold_on": (("Datum", "Verkoopdatum", "Factuurdatum", "Bezoekdatum", "Datum bezoek",
                 "Orderdatum", "Aankoopdatum"),
                ("Дата", "Дата продажи", "Дата визита", "Дата заказа", "Дата покупки",
                 "Дата услуги"),
                ("Date", "Sale date", "Invoice date", "Visit date", "Order date",
                 "Purchase date")),
    "amount": (("Bedrag", "Omzet", "Prijs", "Totaal", "Factuurbedrag"),
               ("Сумма", "Выручка", "Цена", "Сумма продажи", "Стоимость", "Стоимость услуги",
                "Сумма заказа"),
               ("Amount", "Revenue", "Price", "Total", "Order total")),
    "cost": (("Kosten", "Kostprijs", "Inkoop"), ("Затраты", "Себестоимость", "Расходы", "Издержки"),
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
    "event": (("Gebeurtenis", "Soort gebeurtenis"), ("Событие", "Тип события"),
              ("Event", "Event type")),
    "criterion": (("Criterium", "Punt"), ("Критерий",), ("Criterion",)),
    "value": (("Cijfer", "Beoordeling", "Waardering", "Score"), ("Оценка", "Балл"),
              ("Rating", "Value")),
    "referred": (("Aanbevolen klant", "Aanbevolen"),
                 ("Рекомендованный клиент", "Кого порекомендовал"),
                 ("Referred client", "Referred")),
    "rated_by": (("Beoordeeld door",), ("Кто оценил",), ("Rated by",)),
}  # fmt: skip

# Words in a header that say the unit of a time column: "Uren" holds hours, "Tijd (min)" minutes.
HOUR_WORDS = frozenset("uren uur u hours hour hrs h часы часов час ч".split())
MINUTE_WORDS = frozenset("minuten minuut min mins minutes minute минуты минут минута мин м".split())
# Trailing words a header may carry that do not change the column: currency, filler.
TRAILING_WORDS = frozenset(
    "eur euro euros rub руб рублей rubles in в per incl excl btw ндс".split()
)

# Words typed after a command: `/portrait particulieren`, `/clients prospecten`, `/digest uit`.
PORTRAIT_KINDS = {
    "persons": "person", "persoon": "person", "personen": "person", "particulieren": "person",
    "люди": "person", "частные": "person", "физлица": "person",
    "organisations": "organisation", "organizations": "organisation",
    "organisaties": "organisation", "bedrijven": "organisation", "организации": "organisation",
    "компании": "organisation", "юрлица": "organisation",
}  # fmt: skip
CLIENT_LISTS = {
    "prospects": "prospect", "prospect": "prospect", "prospecten": "prospect",
    "mogelijk": "prospect", "mogelijke": "prospect",  # "/klanten mogelijke klanten"
    "потенциальные": "prospect",
    "declined": "declined", "afscheid": "declined", "afgewezen": "declined", "отказ": "declined",
    "отказанные": "declined",
    "all": "all", "alle": "all", "все": "all",
}  # fmt: skip
# A range as people type it: 25-45, 25 tot 45, от 25 до 45, from 30, up to 50 (regex parts).
RANGE_FROM = ("from", "vanaf", "van", "от", "с")
RANGE_UPTO = ("up to", "tot", "to", "t/m", "до")
# Between grades typed in one answer: "4, 5 en 5", "5 и 4".
SWITCHED_ON = frozenset({"on", "aan", "вкл", "включить"})
SWITCHED_OFF = frozenset({"off", "uit", "выкл", "выключить"})


# A history file's kinds of row, and the points /rate asks, in the order it asks them: the one
# list of criteria, for chat, import, export and the demo (storage.ratings.CRITERIA).
EVENT_KINDS = Vocabulary(
    (
        Term("complaint", N_("Complaint"), ("klacht", "проблема"),
             ("complaint", "klachten", "проблемы", "жалоба", "жалобы", "замечание")),
        Term("compliment", N_("Compliment"), ("compliment", "благодарность"),
             ("complimenten", "благодарности", "комплимент", "комплименты", "praise")),
        Term("referral", N_("Referral"), ("aanbeveling", "рекомендация"),
             ("referral", "recommendation", "aanbevelingen", "doorverwijzing", "рекомендации")),
        Term("rating", N_("Rating"), ("beoordeling", "отзыв"),
             ("rating", "cijfer", "score", "оценка", "оценки", "отзывы", "балл")),
    ),
    unknown=N_(
        "“{text}” is not something I note about a client. Write complaint, compliment, referral "
        "or rating."
    ),
)  # fmt: skip
CRITERION_WORDS = Vocabulary(
    (
        Term("pleasant", N_("Pleasant to work with"),
             ("prettig om mee te werken", "приятно работать"),
             ("pleasant", "pleasant to work with", "prettig", "приятный")),
        Term("reasonable", N_("Asks reasonable things"),
             ("stelt redelijke eisen", "адекватные запросы"),
             ("reasonable", "asks reasonable things", "redelijk", "redelijke eisen", "разумный",
              "разумные", "запросы", "адекватные", "адекватный", "адекватные запросы")),
        Term("pays_on_time", N_("Pays on time"), ("betaalt op tijd", "платит вовремя"),
             ("pays on time", "op tijd", "вовремя")),
    ),
    unknown=N_(
        "“{text}” is not a point I rate. Write pleasant to work with, asks reasonable things or "
        "pays on time."
    ),
)  # fmt: skip

# The columns of a history file that hold a vocabulary's words.
HISTORY_VOCABULARIES: dict[str, Vocabulary] = {"event": EVENT_KINDS, "criterion": CRITERION_WORDS}
