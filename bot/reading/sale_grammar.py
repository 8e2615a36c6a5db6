"""The one-line /sale: `NAME AMOUNT [COST] [TIME] [DATE]` (README: Typing commands).

After the name (bot/reading/grammar.py), the words are read left to right: a run of space-grouped
thousands is one number (`12 500 000`, `1 250 ₽`, `1 250`), but `500 200` is one amount or the
amount and the cost, asked; a time with its unit goes to the time slot wherever it stands;
other amounts fill the amount, the cost, then the time (a bare number there is asked about).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field, replace

from bot.reading.grammar import (
    DAY_WORDS,
    MOST_FIELD_WORDS,
    Dated,
    Reader,
    Token,
    joined,
    name_end,
    same_field,
    split_date,
    tokens,
    without_lead_ins,
)
from locales import N_, InputError, is_currency_token, is_multiplier_token, numbers

TOO_MANY = N_("That's more than amount, cost and time. Try: /sale Bakkerij de Vries, 1250, 300, 2h")
AMOUNT_FIRST = N_("Start with the amount, then the cost and the time: /sale Bakkerij 1250 300 2h")
TWO_TIMES = N_("That's two times. Type one, for example 1,5 h or 90 min.")
_THREE = re.compile(r"[0-9]{3}(?:[.,][0-9]+)?")
# A word that marks the number next to it as the cost: "150 kosten", "затраты 150".
COST_WORDS = frozenset(
    {"kosten", "kost", "onkosten", "cost", "costs", "materiaal", "materiaalkosten", "inkoop"}
    | {"затраты", "затрат", "расходы", "расход", "расходов", "себестоимость"}
)


# Words between the fields that say nothing the numbers don't: "300 euro in 2 uur", "1,5 uur
# gewerkt", "300 waarvan 50 kosten", «3000 за 2 часа работы».
FILLER_WORDS = frozenset(
    {"in", "en", "plus", "+", "waarvan", "gewerkt", "werk", "bedrag", "tijd", "totaal"}
    | {"за", "и", "плюс", "из", "них", "работы", "сумма", "время"}
)


# How the client paid: the sale is paid now, even where clients are invoiced ("250 contant",
# "per pin", «наличными», «по карте»); `per`, `via`, `met`, «по», «на» before it go with it.
PAID_METHODS = frozenset(
    {"contant", "cash", "pin", "gepind", "tikkie", "ideal", "наличными", "наличные", "нал"}
    | {"картой", "карте", "карту", "переводом", "сбп"}
)
_METHOD_LEAD = frozenset({"per", "via", "met", "по", "на"})


# A cost typed as a word: "geen" (no costs), «нет», «без затрат» is 0.
NO_COST = frozenset({"geen", "niks", "nul", "none", "нет", "ноль"})


def says_no_cost(text: str | None) -> bool:
    """A cost of nothing ("geen", «нет») typed alone at the cost question, as in a one-line sale."""
    return (text or "").casefold().strip(" .,!") in NO_COST


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
    paid_now: bool | None = None  # "contant", "per pin": paid when sold, not invoiced

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
    lead_in: str = ""  # the word dropped before the name («для Смирновой»), see grammar.LeadIns
    # Read only by taking a number of 3+ digits into the name ("de boer 1250"): such a name
    # may be an existing client's, never a new one; then this is the answer.
    refusal: InputError | None = field(default=None, compare=False)


DASHES = frozenset({"-", "–", "—"})


def read_sale(reader: Reader, text: str) -> SaleLine:
    """The one-line /sale, read by the grammar above: a dash after the name ends it
    (`Студия 21 — 7 900 р`), an amount typed before the name is read after it, and lead-ins
    (`для Смирновой`, `за 2000`) are no part of the name."""
    dated = split_date(reader, tokens(text))
    lead = without_lead_ins(reader, _amount_after_name(reader, dated.words))
    line = _read_sale(reader, replace(dated, words=lead.words))
    return replace(line, lead_in=lead.before_name)


def _read_sale(reader: Reader, dated: Dated) -> SaleLine:
    words = dated.words
    dash = next((i for i, word in enumerate(words) if i and word.text in DASHES), None)
    if dash is not None:
        words = words[:dash] + words[dash + 1 :]
        return _sale_line(reader, words, dash, replace(dated, words=words))
    end = name_end(reader, words)
    if 1 < end < len(words) and _is_cost_word(words[end - 1].text):
        end -= 1  # "Волкова затраты 300, 2900": the cost word labels the number, ends the name
    longer = None
    if end < len(words) - 1 and words[end].field == words[0].field and words[end].text.isdigit():
        with contextlib.suppress(InputError):
            longer = _sale_line(reader, words, end + 1, dated)
    try:
        return replace(_sale_line(reader, words, end, dated), longer=longer)
    except InputError as refusal:
        if longer is None:
            raise
        if len(words[end].text) > 2:  # "Bakkerij 2000 350 2u 0", if that is a client
            return replace(longer, refusal=refusal)
        return longer  # "Studio 54 100 2u 0": only the name with its number reads


def read_fields(reader: Reader, text: str) -> tuple[SaleFields, ...]:
    """A sale's fields typed without the name, as at the dialog's amount step: `250 2u`,
    `€ 95, 20 kosten, 1 uur`, `120 gisteren`; two readings for `500 200`."""
    dated = split_date(reader, tokens(text))
    line = _sale_line(reader, [Token("", -1), *dated.words], 1, dated)
    return line.readings


def _amount_after_name(reader: Reader, words: list[Token]) -> list[Token]:
    """`2500 Алёна вчера` as `Алёна 2500 вчера`: an amount first, then a name, is moved."""
    if not words or not (_group(reader, words, 0)[0] or reader.is_money(words[0].text)):
        return words
    taken = _group(reader, words, 0)[0] or _money_span(reader, words, 0)
    rest = words[taken:]
    if not rest or reader.time(rest[0].text) is not None or reader.is_money(rest[0].text):
        return words
    end = name_end(reader, rest)
    name = [replace(word, field=words[0].field) for word in rest[:end]]
    return name + words[:taken] + rest[end:]


def _field_words(words: list[Token]) -> list[Token]:
    """The words after the name without brackets (`(50 kosten)`) and a sentence's dot after a
    word (`200 euro. 2 uur.`)."""
    kept = [replace(word, text=_undotted(word.text.strip("()[]"))) for word in words]
    return [word for word in kept if word.text]


def _undotted(text: str) -> str:
    return text[:-1] if text.endswith(".") and text[:-1].isalpha() else text


def _paid_how(words: list[Token]) -> tuple[list[Token], bool]:
    """The field words without how it was paid, and whether that was said."""
    kept: list[Token] = []
    said = False
    for word in words:
        if word.text.casefold().strip(".,!") in PAID_METHODS:
            said = True
            if kept and kept[-1].text.casefold() in _METHOD_LEAD:
                kept.pop()  # "per pin", "по карте"
        else:
            kept.append(word)
    return kept, said


def _sale_line(reader: Reader, words: list[Token], end: int, dated: Dated) -> SaleLine:
    fields, paid_now = _paid_how(_field_words(words[end:]))
    try:
        readings = [
            _assign(reader, values, dated.date) for values in _value_readings(reader, fields)
        ]
    except InputError as error:
        # "knipperij 2 uur 45", "3000 час с половиной": the number by the time is the amount
        try:
            readings = [
                _assign(reader, values, dated.date)
                for values in _value_readings(reader, fields, bare_minutes=False)
            ]
        except InputError:
            raise error from None
    if paid_now:
        readings = [replace(reading, paid_now=True) for reading in readings]
    name = joined(words[:end]).strip(" ,;:")
    words_only = bool(dated.date_text) and not (
        any(c.isdigit() for c in dated.date_text) or dated.date_text.casefold() in DAY_WORDS
    )
    return SaleLine(name, tuple(readings), date_words=words_only)


@dataclass(frozen=True)
class _Value:
    text: str
    minutes: int | None = None  # a time with its unit
    cost_word: bool = False  # "kosten", "затраты": the number next to it is the cost
    field: int = -1  # the comma-separated field it was typed in (a cost word's, here)


def _value_readings(
    reader: Reader, words: list[Token], *, bare_minutes: bool = True
) -> list[list[_Value]]:
    """The field words as values; two readings when a space-grouped pair is ambiguous;
    `bare_minutes`: a number may belong to the time next to it (`1 ч 30`, `5 kwartier`); when
    that reading fails, the line is read again without (`2 uur 45`, `210 kwartier`)."""
    readings: list[list[_Value]] = [[]]
    i = 0
    while i < len(words):
        if words[i].text.casefold().rstrip(":") in FILLER_WORDS:  # "in 2 uur", not "2 en een half"
            i += 1
            continue
        if _is_cost_word(words[i].text):
            word = _Value(words[i].text, cost_word=True, field=words[i].field)
            readings = [[*r, word] for r in readings]
            i += 1
            continue
        taken, split = _group(reader, words, i)
        if taken:
            text = joined(words[i : i + taken])
            if split is not None:  # "500 200": one amount, or the amount and the cost
                readings = [[*r, _Value(text)] for r in readings] + [
                    r + [_Value(part) for part in split] for r in readings
                ]
            else:
                readings = [[*r, _Value(text, field=words[i].field)] for r in readings]
            i += taken
            continue
        taken, minutes = _time(reader, words, i, bare_minutes=bare_minutes)
        if taken:
            readings = [[*r, _Value(joined(words[i : i + taken]), minutes)] for r in readings]
            i += taken
            continue
        taken = _money_span(reader, words, i)
        value = _Value(joined(words[i : i + taken]), field=words[i].field)
        readings = [[*r, value] for r in readings]
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
    suffixed = end > start + run or start > i
    last = words[start + run - 1].text
    if run >= 3:  # "1 500 300": one amount, or 1 500 and a cost of 300; "12 500 000" is one
        if suffixed or last.startswith("0"):
            return end - i, None
        return end - i, [joined(words[start : start + run - 1]), last]
    first, second = words[start].text, words[start + 1].text
    whole_second = int(re.match(r"[0-9]+", second)[0])  # type: ignore[index]
    if suffixed or second.startswith("0") or int(first) < whole_second:
        return end - i, None
    if end < len(words) and _is_cost_word(words[end].text):
        return 1, None  # "500 150 затраты": the amount, then the cost
    return end - i, [first, second]


def _is_cost_word(text: str) -> bool:
    return text.casefold().strip(".,:") in COST_WORDS


def _time(
    reader: Reader, words: list[Token], i: int, *, bare_minutes: bool = True
) -> tuple[int, int | None]:
    for count in range(MOST_FIELD_WORDS, 0, -1):
        span = same_field(words, i, count)
        if span is None or (count > 1 and _not_minutes(span[-1].text, bare_minutes)):
            continue
        if count > 1 and _one_digit(span[-1].text) and _thousands_follow(words, i + count):
            continue  # "2ч 2 700": two hours and 2 700, not 2 h 2 min and 700
        if (
            count > 1
            and not bare_minutes
            and span[0].text.isdigit()
            and _time(reader, words, i + 1)[0]
        ):
            continue  # "210 kwartier": the amount, then a quarter of an hour
        if (minutes := reader.time(joined(span))) is not None:
            return count, minutes
    return 0, None


def _one_digit(text: str) -> bool:
    return len(text) == 1 and text.isdigit()


def _thousands_follow(words: list[Token], j: int) -> bool:
    """Whether word `j` is a group of three digits in the field of the word before it, so
    that word and it are one space-grouped number."""
    return (
        0 < j < len(words)
        and words[j].field == words[j - 1].field
        and bool(_THREE.fullmatch(words[j].text))
    )


def _not_minutes(last: str, bare_minutes: bool) -> bool:
    """Whether a bare number ending a time (`2 uur 95`) is not its minutes but the next field:
    60 or more never is; below that it is unless the line needs it as its amount."""
    return last.isdigit() and (not bare_minutes or int(last) >= 60)


def _money_span(reader: Reader, words: list[Token], i: int) -> int:
    """How many words the amount at word `i` takes (`1250 euro`, `30 тыс. руб.`, `€ 30`,
    `две тысячи пятьсот рублей`)."""
    for count in (4, 3, 2):
        span = same_field(words, i, count)
        if span is not None and reader.is_money(joined(span)):
            return count
    # "300 EUR" in a rouble team: kept together, so the error quotes what was typed
    after = same_field(words, i, 2)
    return 2 if after is not None and is_currency_token(after[1].text) else 1


def _marked_cost(values: list[_Value]) -> list[_Value]:
    """The values with a cost word's number moved to the cost's place (second): the number
    before the word (`150 kosten`) unless that is the amount, else the one after it."""
    marks = [k for k, v in enumerate(values) if v.cost_word]
    if not marks:
        return values
    if len(marks) > 1:
        raise InputError(TOO_MANY)
    k = marks[0]
    plain = [j for j, v in enumerate(values) if v.minutes is None and not v.cost_word]
    before = k - 1 if k - 1 in plain and plain.index(k - 1) > 0 else None
    after = k + 1 if k + 1 in plain and plain.index(k + 1) > 0 else None
    # "300 затраты, 2800", "затраты 300, 2900": a comma says which number the word labels
    own_before = k - 1 in plain and _own_field(values, k, k - 1)
    own_after = k + 1 in plain and _own_field(values, k, k + 1)
    if own_before != own_after:
        before, after = (k - 1, None) if own_before else (None, k + 1)
    cost = before if before is not None else after
    if cost is None:
        raise InputError(AMOUNT_FIRST)
    others = [values[j] for j in plain if j != cost]
    times = [v for v in values if v.minutes is not None]
    return [*others[:1], values[cost], *others[1:], *times]


def _own_field(values: list[_Value], k: int, j: int) -> bool:
    """Whether value `j` was typed in the same field as the cost word `k` (fields known)."""
    return 0 <= j < len(values) and values[j].field == values[k].field >= 0


def _assign(reader: Reader, values: list[_Value], sold_on: dt.date | None) -> SaleFields:
    """Values into the amount, cost and time slots: a time goes to its slot wherever it is,
    and a number marked by a cost word to the cost."""
    values = _marked_cost(values)
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
        none = plain[1].text.casefold().strip(".,!") in NO_COST
        sale = replace(sale, cost=0 if none else reader.money(plain[1].text))
    if times:
        return replace(sale, minutes=times[0].minutes)
    if len(plain) > 2:
        try:
            minutes = numbers.parse_duration(plain[2].text, reader.locale, bare=numbers.BARE_ASK)
        except numbers.DurationUnitMissing as bare:
            return replace(sale, bare_time=str(bare.number), bare_text=bare.params["text"])
        return replace(sale, minutes=minutes)
    return sale
