"""The one grammar of one-line commands (README: Typing commands; issue 17).

`/command NAME [FIELDS]`: the client's name comes first and ends at the first separator (`;`
or a comma that is not a decimal comma) or at the first amount- or time-like token; then the
amount, the cost and the time, separated by commas or spaces; an optional date at the very
end. A time carries its unit wherever it stands; a bare number in the time slot is asked
about. Space-grouped thousands (`12 500 000`, `1 250 ₽`) are one number; `500 200` is asked.
Every token is read by the one parser of its kind (locales.numbers, locales.dates).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace

from bot.turn import Turn
from locales import N_, InputError, dates, is_currency_token, is_multiplier_token, numbers

FUTURE_DATE = N_("“{text}” is in the future. Type the day it happened, for example yesterday.")
TOO_MANY = N_("That's more than amount, cost and time. Try: /sale Bakkerij de Vries, 1250, 300, 2h")
AMOUNT_FIRST = N_("Start with the amount, then the cost and the time: /sale Bakkerij 1250 300 2h")
TWO_TIMES = N_("That's two times. Type one, for example 1,5 h or 90 min.")

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SEPARATOR = re.compile(r";|,(?=\s|$)|(?<=\D),|,(?=[^\d\-])")
_NUMBERISH = re.compile(r"[-+−–]?[0-9.,]*[0-9][0-9.,]*(?:[.,]-{1,2})?")
_THREE = re.compile(r"[0-9]{3}(?:[.,][0-9]+)?")
_TIME_WORDS = frozenset({"anderhalf", "half", "een", "één", "полтора", "пол", "полчаса"})
_DAY_WORDS = frozenset({"vandaag", "gisteren", "eergisteren", "сегодня", "вчера", "позавчера"})
_EXPLICIT_YEAR = re.compile(r"[0-9]{4}|^[0-9]{1,2}([-./])[0-9]{1,2}\1[0-9]{2}$")
_DECORATION = ("So", "Sk", "Mn", "Cf")  # emoji, their modifiers and joiners
_MOST_FIELD_TOKENS = 4  # "1 ч 30 мин": the longest time or amount written in separate words


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
        try:
            numbers.parse_money(text, self.currency, self.locale, allow_negative=True)
        except InputError:
            return False
        return True

    def time(self, text: str) -> int | None:
        """Minutes of a time written with its unit; None for anything else (a bare number too)."""
        if not (any(c.isdigit() for c in text) or text.split()[0].casefold() in _TIME_WORDS):
            return None  # "u" or "ч" alone would read as one hour
        try:
            return numbers.parse_duration(text, self.locale, bare=numbers.BARE_ASK)
        except InputError:
            return None

    def date(self, text: str) -> dt.date:
        """A date in the past or today: a day without a year that lies ahead is last year's."""
        day = dates.parse_date(text, self.locale, today=self.today)
        if day > self.today and not _EXPLICIT_YEAR.search(text.strip()):
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
        result += [Token(word, number) for word in part.split()]
    if result and result[-1].text.endswith(".") and len(result) > 1:
        last = result[-1].text[:-1]  # "2500." and "вчера." end a sentence; "B.V." keeps its dot
        if last[-1:].isdigit() or last.casefold() in _DAY_WORDS:
            result[-1] = Token(last, result[-1].field)
    return result


def _trailing(text: str) -> list[str]:
    """The characters at the end of the line that are decoration, not data."""
    junk = []
    for char in reversed(text):
        if char.isspace() or char in "!?…" or unicodedata.category(char) in _DECORATION:
            junk.append(char)
        else:
            break
    return junk


def joined(words: list[Token]) -> str:
    return " ".join(w.text for w in words)


def _same_field(words: list[Token], start: int, count: int) -> list[Token] | None:
    span = words[start : start + count]
    if len(span) < count or any(w.field != span[0].field for w in span):
        return None
    return span


def _starts_field(reader: Reader, words: list[Token], i: int) -> bool:
    """Whether word `i` begins an amount or a time (and so ends the name before it)."""
    text = words[i].text
    if words[i].field != words[0].field:
        return True
    if _NUMBERISH.fullmatch(text.rstrip(".")) or reader.is_money(text):
        return True
    if is_currency_token(text, sign_only=True) and i + 1 < len(words):
        return bool(_NUMBERISH.fullmatch(words[i + 1].text))
    return any(
        (span := _same_field(words, i, n)) and reader.time(joined(span)) is not None
        for n in range(1, _MOST_FIELD_TOKENS + 1)
    )


def name_end(reader: Reader, words: list[Token]) -> int:
    """Where the name ends: the first word (after the first) that begins a field."""
    return next((i for i in range(1, len(words)) if _starts_field(reader, words, i)), len(words))


@dataclass(frozen=True)
class Dated:
    """A line's words with its date (the last 1–3 words, if they are one) taken off."""

    words: list[Token]
    date: dt.date | None = None
    date_text: str = ""


def split_date(reader: Reader, words: list[Token]) -> Dated:
    """The date at the end of the line, never the name's first word and never the amount."""
    for count in (3, 2, 1):
        start = len(words) - count
        span = _same_field(words, start, count) if start >= 1 else None
        if span is None:
            continue
        text = joined(span)
        try:
            dates.parse_date(text, reader.locale, today=reader.today)
        except InputError:
            continue
        rest = words[:start]
        if reader.is_money(text) and name_end(reader, rest) == len(rest):
            continue  # "/sale Hotel 23.11": the only number is the amount
        return Dated(rest, reader.date(text), text)
    return Dated(words)


@dataclass(frozen=True)
class SaleFields:
    """One reading of a sale's fields; the bare time (`2`) is asked about once the client is
    known."""

    amount: int | None = None
    cost: int | None = None
    minutes: int | None = None
    bare_time: str | None = None
    bare_text: str | None = None
    sold_on: dt.date | None = None

    def data(self) -> dict[str, object]:
        """As kept in a dialog's state: what was said, dates as ISO text."""
        said = {k: v for k, v in self.__dict__.items() if v is not None}
        if self.sold_on is not None:
            said["sold_on"] = self.sold_on.isoformat()
        return said


@dataclass(frozen=True)
class SaleLine:
    """`/sale NAME AMOUNT COST TIME DATE` read: `readings` has two entries when `500 200`
    could be one amount or the amount and the cost; `longer` reads a number after the name
    as part of it (`Studio 54 100`), for the handler to weigh against the clients."""

    name: str
    readings: tuple[SaleFields, ...]
    longer: SaleLine | None = None
    date_words: bool = False  # the date was written in words only ("vrijdag")


def read_sale(reader: Reader, text: str) -> SaleLine:
    """The one-line /sale, read by the grammar above."""
    dated = split_date(reader, tokens(text))
    words = dated.words
    end = name_end(reader, words)
    longer = None
    if end < len(words) - 1 and words[end].field == words[0].field and words[end].text.isdigit():
        with contextlib.suppress(InputError):
            longer = _sale_line(reader, words, end + 1, dated)
    try:
        return replace(_sale_line(reader, words, end, dated), longer=longer)
    except InputError:
        if longer is None:
            raise
        return longer  # "Studio 54 100 2u 0": only the name with its number reads


def _sale_line(reader: Reader, words: list[Token], end: int, dated: Dated) -> SaleLine:
    readings = [
        _assign(reader, values, dated.date) for values in _value_readings(reader, words[end:])
    ]
    name = joined(words[:end]).strip(" ,;:")
    words_only = bool(dated.date_text) and not (
        any(c.isdigit() for c in dated.date_text) or dated.date_text.casefold() in _DAY_WORDS
    )
    return SaleLine(name, tuple(readings), date_words=words_only)


@dataclass(frozen=True)
class _Value:
    text: str
    minutes: int | None = None  # a time with its unit


def _value_readings(reader: Reader, words: list[Token]) -> list[list[_Value]]:
    """The field words as values; two readings when a space-grouped pair is ambiguous."""
    readings: list[list[_Value]] = [[]]
    i = 0
    while i < len(words):
        taken, split = _group(reader, words, i)
        if taken:
            text = joined(words[i : i + taken])
            if split is not None:  # "500 200": one amount, or the amount and the cost
                readings = [[*r, _Value(text)] for r in readings] + [
                    r + [_Value(part) for part in split] for r in readings
                ]
            else:
                readings = [[*r, _Value(text)] for r in readings]
            i += taken
            continue
        taken, minutes = _time(reader, words, i)
        if taken:
            readings = [[*r, _Value(joined(words[i : i + taken]), minutes)] for r in readings]
            i += taken
            continue
        taken = _money_span(reader, words, i)
        readings = [[*r, _Value(joined(words[i : i + taken]))] for r in readings]
        i += taken
    return readings


def _group(reader: Reader, words: list[Token], i: int) -> tuple[int, list[str] | None]:
    """A run of space-grouped thousands from word `i` (`1 250`, `12 500 000`, `€ 1 250 ₽`):
    how many words it takes, and the two values it may also be (`500 200`)."""
    start = i + 1 if is_currency_token(words[i].text, sign_only=True) else i
    if start >= len(words) or not re.fullmatch(r"[0-9]{1,3}", words[start].text):
        return 0, None
    end = start + 1
    while (
        end < len(words)
        and words[end].field == words[start].field
        and _THREE.fullmatch(words[end].text)
        and "," not in words[end - 1].text
        and "." not in words[end - 1].text
    ):
        end += 1
    run = end - start
    if run < 2:
        return 0, None
    while end < len(words) and words[end].field == words[start].field:
        if is_multiplier_token(words[end].text.rstrip(".")) or is_currency_token(words[end].text):
            end += 1
        else:
            break
    if not reader.is_money(joined(words[i:end])):
        return 0, None
    first, second = words[start].text, words[start + 1].text
    suffixed = end > start + run or start > i
    whole_second = int(re.match(r"[0-9]+", second)[0])  # type: ignore[index]
    if run >= 3 or suffixed or second.startswith("0") or int(first) < whole_second:
        return end - i, None
    return end - i, [first, second]


def _time(reader: Reader, words: list[Token], i: int) -> tuple[int, int | None]:
    for count in range(_MOST_FIELD_TOKENS, 0, -1):
        span = _same_field(words, i, count)
        if span is not None and (minutes := reader.time(joined(span))) is not None:
            return count, minutes
    return 0, None


def _money_span(reader: Reader, words: list[Token], i: int) -> int:
    """How many words the amount at word `i` takes (`1250 euro`, `30 тыс. руб.`, `€ 30`)."""
    for count in (3, 2):
        span = _same_field(words, i, count)
        if span is not None and reader.is_money(joined(span)):
            return count
    # "300 EUR" in a rouble team: kept together, so the error quotes what was typed
    after = _same_field(words, i, 2)
    return 2 if after is not None and is_currency_token(after[1].text) else 1


def _assign(reader: Reader, values: list[_Value], sold_on: dt.date | None) -> SaleFields:
    """Values into the amount, cost and time slots: a time goes to its slot wherever it is."""
    times = [v for v in values if v.minutes is not None]
    plain = [v for v in values if v.minutes is None]
    if len(times) > 1:
        raise InputError(TWO_TIMES)
    if len(plain) + len(times) > 3 or (times and len(plain) > 2):
        raise InputError(TOO_MANY)
    if times and not plain:
        raise InputError(AMOUNT_FIRST)
    sale = SaleFields(sold_on=sold_on)
    if plain:
        sale = replace(sale, amount=reader.money(plain[0].text, allow_zero=False))
    if len(plain) > 1:
        sale = replace(sale, cost=reader.money(plain[1].text))
    if times:
        return replace(sale, minutes=times[0].minutes)
    if len(plain) > 2:
        try:
            minutes = numbers.parse_duration(plain[2].text, reader.locale, bare=numbers.BARE_ASK)
        except numbers.DurationUnitMissing as bare:
            return replace(sale, bare_time=str(bare.number), bare_text=bare.params["text"])
        return replace(sale, minutes=minutes)
    return sale


# /paid, /rate, /add, /complaint ---------------------------------------------------------------


@dataclass(frozen=True)
class PaidLine:
    """`/paid NAME [AMOUNT] [DATE]` read; `longer_name` is the name with the amount's number,
    when that number could be the end of the name (`Kapsalon 1`)."""

    name: str
    amount: int | None = None
    paid_on: dt.date | None = None
    longer_name: str = ""

    def data(self) -> dict[str, object]:
        said: dict[str, object] = {} if self.amount is None else {"amount": self.amount}
        if self.paid_on is not None:
            said["paid_on"] = self.paid_on.isoformat()
        return said


def read_paid(reader: Reader, text: str) -> PaidLine:
    """`/paid NAME [AMOUNT] [DATE]`."""
    dated = split_date(reader, tokens(text))
    words = dated.words
    end = name_end(reader, words)
    name = joined(words[:end]).strip(" ,;:")
    rest = joined(words[end:])
    if not rest:
        return PaidLine(name, None, dated.date)
    longer = joined(words[: end + 1]) if end == len(words) - 1 and rest.isdigit() else ""
    return PaidLine(name, reader.money(rest, allow_zero=False), dated.date, longer)


_GRADES = re.compile(r"(?:(?<=[\s,;:])|^)([0-9]+(?:[\s,;]+[0-9]+)*)[\s,;.!]*$")


def read_grades(text: str) -> tuple[str, list[str]]:
    """`/rate Smit 5, 5, 4` (or `5 5 4`, `5,5,4`) → ("Smit", ["5", "5", "4"]); the grades are
    the last three numbers, so a name may end in a number of its own (`Studio 54 5 4 3`)."""
    match = _GRADES.search(text.strip())
    if match is None or not text.strip()[: match.start()].strip(" ,;:"):
        return text.strip(), []
    numbers_typed = re.split(r"[\s,;]+", match[1])
    name = text.strip()[: match.start()].strip(" ,;:")
    if len(numbers_typed) > 3:
        name = " ".join([name, *numbers_typed[:-3]])
        numbers_typed = numbers_typed[-3:]
    return name, numbers_typed


def has_sale_fields(reader: Reader, name: str) -> bool:
    """Whether a name typed to /add carries an amount, a time or a date (`Волкова 2500 вчера`):
    then it is a sale, never a client's name."""
    words = tokens(name)
    if not words:
        return False
    if name_end(reader, words) < len(words):
        return True
    try:
        dated = split_date(reader, words)
    except InputError:
        return True
    return bool(dated.date_text) and (
        any(c.isdigit() for c in dated.date_text) or dated.date_text.casefold() in _DAY_WORDS
    )


def leading_names(text: str, most: int = 6) -> list[tuple[str, str]]:
    """The ways `Жукова скандалила из-за цены` splits into a name and a note, longest name
    first: the caller keeps the first whose name is a client."""
    words = text.split()
    return [(" ".join(words[:n]), " ".join(words[n:])) for n in range(min(len(words), most), 0, -1)]
