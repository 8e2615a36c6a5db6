"""The one grammar of one-line commands (README: Typing commands; issue 17).

`/command NAME [FIELDS]`: the client's name comes first and ends at the first separator (`;`
or a comma that is not a decimal comma) or at the first amount- or time-like word; then the
fields, separated by commas or spaces; an optional date at the very end (the last 1–3 words,
never the name's first word, never the only amount). Every word is read by the one parser of
its kind (locales.numbers, locales.dates); emoji, `!` and `?` at the end are decoration. The
fields of /sale are read in bot/reading/sale_grammar.py; /paid, /rate, /add, /complaint and
/compliment here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace

from bot.kit.turn import Turn
from locales import N_, InputError, dates, is_currency_token, numbers

FUTURE_DATE = N_("“{text}” is in the future. Type the day it happened, for example yesterday.")

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SEPARATOR = re.compile(r";|,(?=\s|$)|(?<=\D),|,(?=[^\d\-])")
_NUMBERISH = re.compile(r"[-+−–]?[0-9.,]*[0-9][0-9.,]*(?:[.,]-{1,2})?")
DAY_WORDS = frozenset(
    {"vandaag", "gisteren", "gister", "eergisteren", "eergister", "morgen", "overmorgen"}
    | {"vanochtend", "vanmorgen", "vanmiddag", "vanavond"}
    | {"сегодня", "вчера", "позавчера", "завтра", "послезавтра"}
)
# "/paid De Roos alles", "/paid De Roos rest", "/paid Ромашка остаток": all that is open
EVERYTHING_WORDS = frozenset(
    {"alles", "all", "allemaal", "rest", "restant", "всё", "все", "остаток"}
)
_ALL_INVOICES = ("alle facturen", "alle rekeningen", "все счета")  # … as two words
_SHORT_NUMBER = re.compile(r"[0-9]{1,2}")
_EXPLICIT_YEAR = re.compile(r"[0-9]{4}|^[0-9]{1,2}([-./])[0-9]{1,2}\1[0-9]{2}$")
_STRAY = frozenset({".", "..", "…", "(", ")"})  # a lone dot or bracket between fields
_DECORATION = ("So", "Sk", "Mn", "Cf")  # emoji, their modifiers and joiners
MOST_FIELD_WORDS = 5  # "2 uur en 15 min": the longest time or amount in separate words


@dataclass(frozen=True)
class Token:
    text: str
    field: int  # which separator-delimited field of the line it stands in


@dataclass(frozen=True)
class Reader:
    """What reading needs: the caller's language, the team's currency and today's date."""

    locale: str
    currency: str
    today: dt.date

    def money(self, text: str, *, allow_zero: bool = True) -> int:
        return numbers.parse_money(text, self.currency, self.locale, allow_zero=allow_zero)

    def is_money(self, text: str) -> bool:
        """Whether `text` is written as an amount: one too large to take is one too, so it
        ends the name and is refused, never read as part of a client's name."""
        try:
            numbers.parse_money(text, self.currency, self.locale, allow_negative=True)
        except numbers.AmountOutOfRange:
            return True
        except InputError:
            return False
        return True

    def time(self, text: str) -> int | None:
        """Minutes of a time written with its unit; None for anything else (a bare number too)."""
        first = text.split()[0]
        if not (any(c.isdigit() for c in first) or numbers.starts_spoken_duration(text)):
            return None  # "u" or "ч" alone would read as one hour
        try:
            return numbers.parse_duration(text, self.locale, bare=numbers.BARE_ASK)
        except InputError:
            return None

    def date(self, text: str, *, short_weekdays: bool = False) -> dt.date:
        """A date in the past or today: a day without a year more than dates.SOON_DAYS ahead is
        last year's, a nearer one is refused as still to come (`15.12` on 5 December);
        `short_weekdays`: `do`, `di` alone are weekdays (after an amount or a time)."""
        day = dates.parse_date(text, self.locale, today=self.today, short_weekdays=short_weekdays)
        relative = text.strip().casefold().rstrip(".!") in DAY_WORDS or dates.counts_days(text)
        far = (day - self.today).days > dates.SOON_DAYS
        if far and not (_EXPLICIT_YEAR.search(text.strip()) or relative):
            with contextlib.suppress(ValueError):  # 29 February stays ahead: refused
                day = day.replace(year=day.year - 1)
        if day > self.today:
            raise InputError(FUTURE_DATE, text=numbers.shown_text(text))
        return day


def reader(turn: Turn) -> Reader:
    return Reader(turn.t.locale, turn.team.currency, turn.today)


def tokens(text: str) -> list[Token]:
    """The line's words, each with its field; emoji and `!` or `?` at the end are dropped."""
    cleaned = _ZERO_WIDTH.sub("", text)
    cleaned = cleaned[: len(cleaned) - len(_trailing(cleaned))]
    result: list[Token] = []
    for number, part in enumerate(_SEPARATOR.split(cleaned)):
        result += [
            Token(word, number)
            for word in part.split()
            if not _decoration(word) and word not in _STRAY  # "Smit 230 . 1u": a slip
        ]
    if result and result[-1].text.endswith("."):
        last = result[-1].text[:-1]  # "2500.", "вчера.", "вектор." end a sentence
        if last and "." not in last:  # "B.V." and "г.р." keep their dots
            result[-1] = Token(last, result[-1].field)
    return result


def _trailing(text: str) -> list[str]:
    """The characters at the end of the line that are decoration, not data."""
    junk = []
    for char in reversed(text):
        if char.isspace() or char in "!?…" or _decoration(char):
            junk.append(char)
        else:
            break
    return junk


def _decoration(word: str) -> bool:
    """Emoji (with their modifiers and joiners) standing alone: `Смирнова 💇 2500`."""
    return all(unicodedata.category(char) in _DECORATION for char in word)


def joined(words: list[Token]) -> str:
    return " ".join(w.text for w in words)


def same_field(words: list[Token], start: int, count: int) -> list[Token] | None:
    span = words[start : start + count]
    if len(span) < count or any(w.field != span[0].field for w in span):
        return None
    return span


def _starts_field(reader: Reader, words: list[Token], i: int) -> bool:
    """Whether word `i` begins an amount or a time (and so ends the name before it)."""
    text = words[i].text
    if words[i].field != words[0].field:
        return True
    if numbers.starts_spoken_amount(text):  # "тысяча", "две тысячи", "полторы тысячи"
        if any((span := same_field(words, i, n)) and reader.is_money(joined(span)) for n in (2, 3)):
            return True
        # "тысяча" alone ends the name only where no word of the name follows it: «Магазин
        # Тысяча мелочей 500» keeps its name
        if reader.is_money(text):
            return same_field(words, i, 2) is None or _starts_field(reader, words, i + 1)
        # "twee" is no amount alone, but may begin a time: "twee uur", read below
    if _NUMBERISH.fullmatch(text.rstrip(".")) or reader.is_money(text):
        return True
    if is_currency_token(text) and i + 1 < len(words):  # "€ 1.250", "EUR 1250", not "Top 100"
        after = words[i + 1].text
        signed = is_currency_token(text, sign_only=True) and _NUMBERISH.fullmatch(after)
        return bool(signed or reader.is_money(f"{text} {after}"))
    return any(
        (span := same_field(words, i, n)) and reader.time(joined(span)) is not None
        for n in range(1, MOST_FIELD_WORDS + 1)
    )


# Words Russians put before a client's name or before an amount, never part of either
# (README: Typing commands): «/sale для Смирновой 2000», «/complaint от Козлова спасибо»,
# «у Петровой», «на Жукову: хамила»; «/sale Смирнова за 2000», «на 2 500». The one list:
# the one-line grammar below and the notes' reader (bot/handlers/events.py) read it.
BEFORE_NAME, BEFORE_AMOUNT = "name", "amount"
LEAD_INS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("от", "у", "для", "про"), frozenset({BEFORE_NAME})),
    "на": frozenset({BEFORE_NAME, BEFORE_AMOUNT}),
    "за": frozenset({BEFORE_AMOUNT}),
    **dict.fromkeys(
        ("клиент", "клиента", "клиенту", "клиентка", "клиентки", "клиентке", "клиентку"),
        frozenset({BEFORE_NAME}),
    ),
}
# «у нас Петровой не понравилось»: these stay in a note, the client's name goes on after them.
_OURS = ("у нас", "у меня")
NAME_LEAD_IN = re.compile(
    r"(?:(?P<ours>{})|{})\s+(?=\w)".format(
        "|".join(_OURS), "|".join(w for w, led in LEAD_INS.items() if BEFORE_NAME in led)
    ),
    re.IGNORECASE,
)


def leads(word: str, what: str) -> bool:
    """Whether `word` is a lead-in before a name (BEFORE_NAME) or an amount (BEFORE_AMOUNT)."""
    return what in LEAD_INS.get(word.casefold(), frozenset())


@dataclass(frozen=True)
class LeadIns:
    """A line's words without their lead-ins; `before_name`: the word dropped before the
    name, so a client whose name begins with it («У Ашота») is still found."""

    words: list[Token]
    before_name: str = ""


def without_lead_ins(reader: Reader, words: list[Token]) -> LeadIns:
    """`для Смирновой 2000` → `Смирновой 2000`, `Смирнова за 2000` → `Смирнова 2000`: a lead-in
    first with a name after it, and `за`/`на` right before an amount or a time, are dropped."""
    before_name = ""
    if (
        len(words) > 1
        and leads(words[0].text, BEFORE_NAME)
        and words[1].field == words[0].field
        and not _starts_field(reader, words, 1)
    ):
        before_name, words = words[0].text, words[1:]
    kept = [
        word
        for i, word in enumerate(words)
        if not (
            0 < i < len(words) - 1
            and leads(word.text, BEFORE_AMOUNT)
            and _starts_field(reader, words, i + 1)
        )
    ]
    return LeadIns(kept, before_name)


def name_end(reader: Reader, words: list[Token]) -> int:
    """Where the name ends: the first word (after the first) that begins a field."""
    return next((i for i in range(1, len(words)) if _starts_field(reader, words, i)), len(words))


@dataclass(frozen=True)
class Dated:
    """A line's words with its date (the last 1–3 words, if they are one) taken off."""

    words: list[Token]
    date: dt.date | None = None
    date_text: str = ""


def split_date(
    reader: Reader, words: list[Token], *, first: int = 1, amount_needed: bool = True
) -> Dated:
    """The date at the end of the line (up to five words: `на прошлой неделе в пятницу`), never
    the name's first word, and never the amount of a line that needs one (`/sale Hotel 23.11`
    is € 23,11; `/paid Ромашка 01.12` is a day)."""
    for count in (5, 4, 3, 2, 1):
        start = len(words) - count
        span = same_field(words, start, count) if start >= first else None
        if span is None:
            continue
        text = joined(span)
        rest = words[:start]
        # "/verkoop kees 80 di": after an amount or a time only a date can stand
        short = count == 1 and name_end(reader, rest) < len(rest)
        try:
            dates.parse_date(text, reader.locale, today=reader.today, short_weekdays=short)
        except InputError:
            continue
        if amount_needed and reader.is_money(text) and name_end(reader, rest) == len(rest):
            continue  # "/sale Hotel 23.11": the only number is the amount
        return Dated(rest, reader.date(text, short_weekdays=short), text)
    return Dated(words)


@dataclass(frozen=True)
class PaidLine:
    """`/paid NAME [AMOUNT] [DATE]` read; `longer` reads the number after the name as part of
    it (`Kapsalon 1`, `Studio 54 50`), for the handler to weigh against the clients."""

    name: str
    amount: int | None = None
    paid_on: dt.date | None = None
    longer: PaidLine | None = None
    everything: bool = False  # "alles", "всё": all that is open
    lead_in: str = ""  # the word dropped before the name («у Звездочки»), see LeadIns

    def data(self) -> dict[str, object]:
        said: dict[str, object] = {} if self.amount is None else {"amount": self.amount}
        if self.everything:
            said["everything"] = True
        if self.paid_on is not None:
            said["paid_on"] = self.paid_on.isoformat()
        return said


# How it was paid, said after the amount: "250 contant", "€ 250,- per pin", «наличными».
PAID_HOW = frozenset(
    {"contant", "cash", "pin", "gepind", "per", "via", "tikkie", "bank", "overgemaakt"}
    | {"overboeking", "ideal", "betaalverzoek", "пин", "наличными", "наличные", "картой"}
    | {"переводом", "по", "карте", "на", "карту", "сбп"}
)


def read_paid(reader: Reader, text: str) -> PaidLine:
    """`/paid NAME [AMOUNT] [DATE]`, lead-ins dropped (`у Звездочки`, `на 500`); how it was
    paid, after the amount, says nothing more."""
    dated = split_date(reader, tokens(text), amount_needed=False)
    lead = without_lead_ins(reader, dated.words)
    return replace(_read_paid(reader, replace(dated, words=lead.words)), lead_in=lead.before_name)


def _read_paid(reader: Reader, dated: Dated) -> PaidLine:
    words = dated.words
    while len(words) > 1 and words[-1].text.casefold().strip(".,") in PAID_HOW:
        words = words[:-1]  # "/betaald De Linde 1500 contant", "… 250,- per pin", "… contant"
    if len(words) > 2 and joined(words[-2:]).casefold().rstrip(".") in _ALL_INVOICES:
        words = [*words[:-2], replace(words[-1], text="alles")]  # "alle facturen": all open
    if len(words) > 1 and words[-1].text.casefold().rstrip(".") in EVERYTHING_WORDS:
        name = joined(words[:-1]).strip(" ,;:")
        whole = PaidLine(joined(words).strip(" ,;:"), paid_on=dated.date)  # "Hotel Rest"
        return PaidLine(name, paid_on=dated.date, longer=whole, everything=True)
    end = name_end(reader, words)
    longer = None
    if end < len(words) and words[end].text.isdigit() and words[end].field == words[0].field:
        with contextlib.suppress(InputError):
            longer = _paid_line(reader, words, end + 1, dated.date)
    try:
        return replace(_paid_line(reader, words, end, dated.date), longer=longer)
    except numbers.AmountOutOfRange:
        raise  # "/paid Bakkerij 1000000000000000" never pays everything that is open
    except InputError:
        if longer is None or _reads_as_zero(reader, words[end:]):
            raise  # "/paid Hotel 0" pays nothing, and never everything open
        return longer  # "Studio 54 50": only the name with its number reads


def _reads_as_zero(reader: Reader, words: list[Token]) -> bool:
    text = joined(words)
    return reader.is_money(text) and reader.money(text) == 0


_PLUS = re.compile(r"(?<=[0-9,\-€ ])\+(?=[ €0-9])")  # "400 + 250", never "1E+15"


def _paid_line(reader: Reader, words: list[Token], end: int, paid_on: dt.date | None) -> PaidLine:
    rest = joined(words[end:])
    # "400 + 250": the two invoices paid together, their sum
    parts = [part.strip() for part in _PLUS.split(rest)] if _PLUS.search(rest) else [rest]
    amount = sum(reader.money(part, allow_zero=False) for part in parts) if rest else None
    return PaidLine(joined(words[:end]).strip(" ,;:"), amount, paid_on)


# "5 5 4", "5, 5, 4", "5/5/4", "4-3-5", "5, 4 en 5", «5, 4 и 5»
_GRADE_GLUE = r"(?:[\s,;]+(?:(?:en|и)\s+)?|\s*[/\-–]\s*)"
_GRADES = re.compile(rf"(?:(?<=[\s,;:])|^)([0-9]+(?:{_GRADE_GLUE}[0-9]+)*)[\s,;.!]*$")


# Three grades, then words without a digit: "Daan Kok 5 5 5 top klant", "4/4/5, prima".
_GRADES_THEN_WORDS = re.compile(
    rf"(?:(?<=[\s,;:])|^)[1-5](?:{_GRADE_GLUE}[1-5]){{2}}[\s,;.!:\-–]+(?P<words>[^\W\d][^\d]*)$"
)


def read_grades(text: str) -> tuple[str, list[str]]:
    """`/rate Smit 5, 5, 4` (or `5 5 4`, `5,5,4`, `5/5/4`, `4-3-5`) → ("Smit", ["5", "5", "4"]);
    the grades are the last three numbers, so a name may end in a number of its own
    (`Studio 54 5 4 3`). `5/5` is two grades, never part of the name: the caller asks for three."""
    text = text[: len(text) - len(_trailing(text))]  # "5 5 5 👍"
    if said := _GRADES_THEN_WORDS.search(text.strip()):
        text = text.strip()[: said.start("words")]  # "5 5 5 top klant": the words add nothing
    match = _GRADES.search(text.strip())
    if match is None or not text.strip()[: match.start()].strip(" ,;:"):
        return text.strip(), []
    numbers_typed = re.split(r"(?:[\s,;/\-–]|en|и)+", match[1])
    name = text.strip()[: match.start()].strip(" ,;:")
    if len(numbers_typed) > 3:
        name = " ".join([name, *numbers_typed[:-3]])
        numbers_typed = numbers_typed[-3:]
    return name, numbers_typed


def has_sale_fields(reader: Reader, text: str) -> bool:
    """Whether an /add line carries an amount, a time or a date (`Волкова 2500 вчера`,
    `Волкова, 2500, вчера`): then it is a sale, never a client's name or city."""
    words = tokens(text)
    fields = [[w for w in words if w.field == f] for f in sorted({w.field for w in words})]
    return any(_said_of_sale(reader, part, first=int(n == 0)) for n, part in enumerate(fields))


def _said_of_sale(reader: Reader, words: list[Token], *, first: int) -> bool:
    """Whether the words from `first` on (the name's first word is always a name) hold an
    amount, a time or a date; one or two digits ending a name are its own (`Studio 54`)."""
    starts = [i for i in range(first, len(words)) if _starts_field(reader, words, i)]
    if starts and not (
        first and starts == [len(words) - 1] and _SHORT_NUMBER.fullmatch(words[-1].text)
    ):
        return True
    try:
        dated = split_date(reader, words, first=first)
    except InputError:
        return True
    return bool(dated.date_text) and (
        any(c.isdigit() for c in dated.date_text) or dated.date_text.casefold() in DAY_WORDS
    )


_NAME_ENDS = re.compile(r"(?:[!?…:;,]|\.\.)$")  # "Жукова!! опять", "Özdemir... weer"
NAME_PUNCTUATION = "!?…:;,. "
ARTICLES = frozenset({"de", "het", "'t", "’t", "‘t"})  # "de Bakkerij de Vries", "'t Hoekje"


def leading_names(text: str, most: int = 6) -> list[tuple[str, str]]:
    """The ways `Жукова скандалила из-за цены` splits into a name and a note, longest name
    first: the caller keeps the first whose name is a client. A word ending in `!!`, `...` or
    `:` ends the name (`Bakkerij de Vries!! weer te laat`)."""
    words = text.split()
    ended = next((i + 1 for i, word in enumerate(words) if _NAME_ENDS.search(word)), len(words))
    splits = range(min(ended, most), 0, -1)
    return [
        (" ".join(words[:n]).rstrip(NAME_PUNCTUATION), " ".join(words[n:]).strip()) for n in splits
    ]


def name_forms(name: str) -> list[str]:
    """The ways a typed name may be a client's: as typed, without a leading Dutch article
    (`de Bakkerij de Vries`), and surname first (`Анна Волкова` for «Волкова Анна»,
    `Мария Петровна Фёдорова` for «Фёдорова Мария Петровна»)."""
    words = name.split()
    forms = [name]
    if len(words) > 1 and words[0].casefold() in ARTICLES:
        forms.append(" ".join(words[1:]))
    if 1 < len(words) <= 3:
        forms.append(" ".join([words[-1], *words[:-1]]))
    return forms


REFERRAL_VERBS = frozenset(
    {"bracht", "brengt", "raadde", "raadt", "beval", "beveelt", "verwees", "stuurde", "stuurt"}
    | {"привела", "привёл", "привел", "привели", "порекомендовал", "порекомендовала"}
    | {"порекомендовали", "посоветовал", "посоветовала", "рекомендовал", "рекомендовала"}
    | {"verwijst", "introduceerde", "tipte"}
)
_ARROWS = frozenset({"->", "→", "=>", ">", "—>", "-->"})  # "Jan Smit -> Sanne de Jong"
# "bracht ons Sanne", "привела нам Жукову", «посоветовала нас Зайцевой», «привела подругу
# Зайцеву Марину»: who they brought it to, or who the new client is to them — never the name.
_AFTER_VERB = frozenset(
    {"ons", "mij", "нам", "мне", "нас", "меня", "к", "нам:", "ко"}
    | {"zijn", "haar", "hun", "vriend", "vriendin", "collega", "buurvrouw", "buurman"}
    | {"zus", "broer", "moeder", "vader", "dochter", "zoon", "kennis", "klant"}
    | {"подругу", "подруга", "друга", "друг", "маму", "мать", "сестру", "брата", "коллегу"}
    | {"знакомую", "знакомого", "соседку", "соседа", "мужа", "жену", "дочь", "сына", "свою"}
    | {"своего", "клиентку", "клиента"}
)
_VERB_PARTICLE = frozenset({"aan", "door"})  # "raadde Bakkerij aan", "stuurde Sanne door"
# "Sanne de Jong via Jan Smit", «Жукова через Волкову»: the referred one first.
_THROUGH = frozenset({"via", "dankzij", "через", "от"})  # «Зайцева Марина от Ковалёвой»
# "Jan Smit heeft Sanne de Jong aangeraden": the referred one between the two verbs.
_HAS = frozenset({"heeft", "hebben", "had"})
_PARTICIPLES = frozenset(
    {"aangeraden", "gebracht", "gestuurd", "doorgestuurd", "verwezen", "doorverwezen"}
    | {"aanbevolen", "geïntroduceerd", "geintroduceerd", "getipt"}
)


def referral_words(text: str) -> tuple[str, str] | None:
    """`Jan Smit bracht Sanne de Jong`, `Волкова привела Жукову`, `Özdemir raadde Bakkerij
    aan`, `Jan Smit heeft ons Sanne aangeraden`, `Jan Smit -> Sanne` → (referrer, referred): a
    verb of bringing (or an arrow) between the two names; None without one."""
    words = text.split()
    folded = [word.casefold().rstrip(".!") for word in words]
    verb = next(
        (i for i in range(1, len(words)) if folded[i] in REFERRAL_VERBS or folded[i] in _ARROWS),
        None,
    )
    through = next((i for i in range(1, len(words) - 1) if folded[i] in _THROUGH), None)
    if verb is None and through is not None:  # "Sanne de Jong via Jan Smit": the other way
        referred, referrer = " ".join(words[:through]), " ".join(words[through + 1 :])
        return referrer.strip(" ,;:.!"), referred.strip(" ,;:")
    if verb is None:
        has = next((i for i in range(1, len(words)) if folded[i] in _HAS), None)
        if has is None or folded[-1] not in _PARTICIPLES or len(words) - has < 3:
            return None
        verb, words = has, words[:-1]
    rest = words[verb + 1 :]
    while len(rest) > 1 and (
        rest[0].casefold() in _AFTER_VERB
        or (rest[0].casefold() == "een" and rest[1].casefold() in _AFTER_VERB)  # een vriendin
    ):
        rest = rest[1:]
    if len(rest) > 1 and rest[-1].casefold().rstrip(".!") in _VERB_PARTICLE:
        rest = rest[:-1]
    referred = " ".join(rest).strip(" ,;:.!")
    return (" ".join(words[:verb]).strip(" ,;:"), referred) if referred else None


_ACCUSATIVE = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])у$|(?<=[а-яё]{2})ю$")


_FEMALE_OBLIQUE = re.compile(r"[А-ЯЁа-яё]{2,}(?:ов|ев|ёв|ин|ын)ой")
_FIRST_NAME_DATIVE = re.compile(r"[А-ЯЁа-яё]{2,}[бвгдзклмнпрстфх]е")


def nominative(name: str) -> str:
    """A Russian name typed as the object of `привела` back in the nominative: «Смирнову
    Ольгу» → «Смирнова Ольга», «Марию» → «Мария», «Наталью» → «Наталья». Only the female
    endings -у after a consonant and -ю change; a male «Петрова» (for Petrov) stays as typed.
    A woman's surname in -ой with her first name in -е («посоветовала нас Зайцевой Марине»)
    is «Зайцева Марина»."""
    words = name.split()
    if (
        words
        and _FEMALE_OBLIQUE.fullmatch(words[0])
        and all(_FIRST_NAME_DATIVE.fullmatch(w) for w in words[1:2])
    ):
        return " ".join([words[0][:-2] + "а", *(w[:-1] + "а" for w in words[1:2]), *words[2:]])
    return " ".join(
        _ACCUSATIVE.sub(lambda m: "а" if m[0] == "у" else "я", word) if len(word) > 3 else word
        for word in name.split()
    )
