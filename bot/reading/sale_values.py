"""The numbers of a one-line /sale, before bot/reading/sale_grammar.py places them.

Each run of field words becomes a value: a space-grouped run of thousands is one number
(`12 500 000`, `1 250 ₽`), `500 200` has two readings (one amount, or the amount and the cost),
a number with a time unit is a time, and a cost word ("kosten", «затраты») marks its neighbour.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.reading.words import (
    MOST_FIELD_WORDS,
    TIMES,
    Reader,
    Token,
    joined,
    same_field,
)
from locales import N_, InputError, is_currency_token, is_multiplier_token
from locales.numbers import shown_text
from locales.sale_words import (
    AT_WORDS,
    CLOCK_WORDS,
    COST_WORDS,
    DISCOUNT_LEAD_INS,
    DISCOUNT_WORDS,
    FILLER_WORDS,
    HOUR_UNITS,
    MINUS_WORDS,
    PERCENT_WORDS,
    PLUS_WORDS,
    RANGE_WORDS,
    RATE_LEAD_INS,
    RATE_NOUNS,
    RATE_WORDS,
    TIME_LABELS,
    TIP_WORDS,
    VAT_EXCLUDING,
    VAT_INCLUDING,
)

_THREE = re.compile(r"[0-9]{3}(?:[.,][0-9]+)?")


@dataclass(frozen=True)
class Value:
    text: str
    minutes: int | None = None  # a time with its unit
    cost_word: bool = False  # "kosten", "затраты": the number next to it is the cost
    field: int = -1  # the comma-separated field it was typed in (a cost word's, here)


def labels_first(words: list[Token]) -> list[Token]:
    """The field words with a time's unit typed before its number read after it: `kosten 80
    uren 2` as `kosten 80 2 h`, `450, uren 2` as `450, 2 h`, «расходы 500 часы 2». Only where
    the unit cannot belong to the number before it: it starts its field, or that number is the
    cost a cost word labels (`kosten 80`, `80 kosten`)."""
    words = list(words)
    for j in range(len(words) - 1):
        unit = TIME_LABELS.get(words[j].text.casefold().rstrip(":"))
        number = words[j + 1]
        if unit is None or number.field != words[j].field or not number.text.isdigit():
            continue
        starts = j == 0 or words[j - 1].field != words[j].field
        after_cost = j > 0 and (
            is_cost_word(words[j - 1].text)
            or (j > 1 and words[j - 1].text.isdigit() and is_cost_word(words[j - 2].text))
        )
        if starts or after_cost or _labels_the_next(words[j - 1].text, unit, number.text):
            words[j], words[j + 1] = number, Token(unit, number.field)
    return words


_A_DAY = {"h": 24, "min": 24 * 60}


def _labels_the_next(before: str, unit: str, after: str) -> bool:
    """`450 uren 2`: a number too large for a day's work before the unit, one that fits after
    it: the unit labels the next number (2 h) and the first is the amount, not € 2 in 450 h."""
    if not (before.isdigit() and after.isdigit()):
        return False
    return int(before) > _A_DAY[unit] >= int(after)


def value_readings(
    reader: Reader, words: list[Token], *, bare_minutes: bool = True
) -> list[list[Value]]:
    """The field words as values; two readings when a space-grouped pair is ambiguous;
    `bare_minutes`: a number may belong to the time next to it (`1 ч 30`, `5 kwartier`); when
    that reading fails, the line is read again without (`2 uur 45`, `210 kwartier`)."""
    readings: list[list[Value]] = [[]]
    i = 0
    while i < len(words):
        if words[i].text.casefold().rstrip(":") in FILLER_WORDS:  # "in 2 uur", not "2 en een half"
            i += 1
            continue
        if is_cost_word(words[i].text):
            word = Value(words[i].text, cost_word=True, field=words[i].field)
            readings = [[*r, word] for r in readings]
            i += 1
            continue
        taken, split = number_group(reader, words, i)
        if taken:
            text = joined(words[i : i + taken])
            if split is not None:  # "500 200": one amount, or the amount and the cost
                readings = [[*r, Value(text)] for r in readings] + [
                    r + [Value(part) for part in split] for r in readings
                ]
            else:
                readings = [[*r, Value(text, field=words[i].field)] for r in readings]
            i += taken
            continue
        taken, minutes = _time(reader, words, i, bare_minutes=bare_minutes)
        if taken:
            readings = [[*r, Value(joined(words[i : i + taken]), minutes)] for r in readings]
            i += taken
            continue
        taken = money_span(reader, words, i)
        value = Value(joined(words[i : i + taken]), field=words[i].field)
        readings = [[*r, value] for r in readings]
        i += taken
    return readings


def number_group(reader: Reader, words: list[Token], i: int) -> tuple[int, list[str] | None]:
    """A run of space-grouped thousands from word `i` (`1 250`, `12 500 000`, `€ 1 250 ₽`):
    how many words it takes, and the two values it may also be (`500 200`)."""
    start = i + 1 if is_currency_token(words[i].text, sign_only=True) else i
    if start >= len(words) or not _LEADING_GROUP.fullmatch(words[start].text):
        return 0, None
    end = start + 1
    while (
        end < len(words)
        and words[end].field == words[start].field
        and _THREE.fullmatch(words[end].text)
        and "," not in words[end - 1].text
        and "." not in words[end - 1].text
        and not _timed(reader, words, end)
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
    # "500 200 тыс." is one amount; "€ 500 200" and "500 200 р" are asked about as the bare
    # numbers are: a currency sign says money, not where the amount ends (the attacker's
    # € 500.200 stored for € 500 and a cost of € 200)
    multiplied = any(is_multiplier_token(w.text.rstrip(".")) for w in words[start + run : end])
    last = words[start + run - 1].text
    if run >= 3:  # "1 500 300": one amount, or 1 500 and a cost of 300; "12 500 000" is one
        if multiplied or last.startswith("0"):
            return end - i, None
        return end - i, [joined(words[start : start + run - 1]), last]
    first, second = words[start].text, words[start + 1].text
    whole_first = int(_LEADING_GROUP.fullmatch(first)[1])  # type: ignore[index]
    whole_second = int(re.match(r"[0-9]+", second)[0])  # type: ignore[index]
    if multiplied or second.startswith("0") or whole_first < whole_second:
        return end - i, None
    if end < len(words) and is_cost_word(words[end].text):
        return 1, None  # "500 150 затраты": the amount, then the cost
    return end - i, [first, second]


# The first group of a space-grouped number, a currency sign glued to it or not (`€500 200`).
_LEADING_GROUP = re.compile(r"[^\w\s]?([0-9]{1,3})")


def _timed(reader: Reader, words: list[Token], j: int) -> bool:
    """Whether the number at word `j` is a time with the unit after it (`120 uur`), so no
    group of the number before it (`50 120 uur`: 50, then 120 hours)."""
    unit = same_field(words, j, 2)
    return (
        unit is not None
        and not unit[1].text[:1].isdigit()
        and reader.time(joined(unit)) is not None
    )


def is_cost_word(text: str) -> bool:
    return text.casefold().strip(".,:") in COST_WORDS


def is_label(text: str) -> bool:
    """A word that labels the number after it: a cost word, or a time's unit typed first."""
    return is_cost_word(text) or text.casefold().rstrip(":") in TIME_LABELS


def _time(
    reader: Reader, words: list[Token], i: int, *, bare_minutes: bool = True
) -> tuple[int, int | None]:
    for count in range(MOST_FIELD_WORDS, 0, -1):
        span = same_field(words, i, count)
        if span is None or (count > 1 and _not_minutes(span[-1].text, bare_minutes)):
            continue
        if count > 1 and span[0].text.isdigit() and span[1].text.isdigit():
            continue  # "50 120 uur": 50, then 120 hours, never 50 120 hours
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


def money_span(reader: Reader, words: list[Token], i: int) -> int:
    """How many words the amount at word `i` takes (`1250 euro`, `30 тыс. руб.`, `€ 30`,
    `две тысячи пятьсот рублей`)."""
    # "50 120 uur": the amount ends before a number its time unit follows (looked for once)
    timed = next((j for j in range(i + 1, i + 4) if _timed(reader, words, j)), i + 4)
    for count in (4, 3, 2):
        span = same_field(words, i, count)
        if span is not None and i + count <= timed and reader.is_money(joined(span)):
            return count
    # "300 EUR" in a rouble team: kept together, so the error quotes what was typed
    after = same_field(words, i, 2)
    return 2 if after is not None and is_currency_token(after[1].text) else 1


TIPS_NOT_KEPT = N_("I don't keep tips apart: add the tip to the amount, or leave it out.")
DISCOUNTS_NOT_KEPT = N_("I don't keep discounts apart: type the amount after the discount.")
PERCENT_IN_A_SALE = N_("A percentage is no amount, cost or time: type the amount itself.")
SUM_IN_A_SALE = N_(
    "Type the sale's total as one amount: I don't work out sums or prices per person, piece "
    "or hour."
)
RANGE_IN_A_SALE = N_(
    "“{text}” is a range: type one figure, the amount the sale came to or the time it took."
)
TIME_OF_DAY = N_("“{text}” is a time of day: type how long it took, for example 1,5 h or 90 min.")
NOT_KEPT_APART = (
    TIPS_NOT_KEPT,
    DISCOUNTS_NOT_KEPT,
    PERCENT_IN_A_SALE,
    SUM_IN_A_SALE,
    RANGE_IN_A_SALE,
    TIME_OF_DAY,
)
# `14:00`, `09:30`, `9:30`: a clock's hours; `1:30`, `2:45` is a time taken
_TIME_OF_DAY = re.compile(r"(?:[0-9]{2}|9):[0-5][0-9]")
# Two numbers joined by a dash that no date is made of (a day-month's first part is 1–31)
_RANGE = re.compile(r"(?:[0-9]{3,}|3[2-9]|[4-9][0-9])[-–][0-9]+")
# `14.00`, `9.30`: a time of working hours when the part after the dot is no month (a date's
# `10.12` is); `2.50` is no time of day
_DOTTED_CLOCK = re.compile(r"(?:0?[7-9]|1[0-9]|2[0-3])\.(?P<minutes>[0-5][0-9])")
_WHOLE_HOURS = re.compile(
    rf"(?P<hours>[0-9]{{1,2}})\s*(?:{'|'.join(HOUR_UNITS)})\.?", re.IGNORECASE
)
FIRST_CLOCK_HOUR = 10  # whole hours right after a day from here on: a time of day
_TIMES_SIGNS = frozenset({"x", "×", "*"})


def refuse_sums(reader: Reader, words: list[Token]) -> None:
    """Refuses field words that are a sum or a rate, not the total: "2x 45", "45 x 2", "100 +
    20" (with a cost word "+" is a filler: "300 + 50 kosten"), "50 per persoon", «3000 с
    человека». Each would else be booked at one of its numbers (the attacker's € 45 for two
    times € 45)."""
    folded = [word.text.casefold() for word in words]
    costed = any(is_cost_word(text) for text in folded)
    for i, text in enumerate(folded):
        beside = folded[i - 1 : i] + folded[i + 1 : i + 2]
        times = TIMES.fullmatch(text) or (
            text in _TIMES_SIGNS and any(w[:1].isdigit() for w in beside)
        )
        follows = folded[i + 1].strip(".,") if i + 1 < len(folded) else ""
        rate = text in RATE_WORDS or (text in RATE_LEAD_INS and follows in RATE_NOUNS)
        added = (
            text in PLUS_WORDS
            and not costed
            and len(beside) == 2
            and all(w[:1].isdigit() for w in beside)
            and not _timed(reader, words, i + 1)
            and reader.time(words[i + 1].text) is None
        )
        taken = text in MINUS_WORDS and all(w[:1].isdigit() for w in beside) and len(beside) == 2
        if times or rate or added or taken:
            raise InputError(SUM_IN_A_SALE)


def refuse_ranges_and_times_of_day(words: list[Token]) -> None:
    """Refuses a range ("400 tot 500", «от 4000 до 5000») and a time of day ("14:00", "om 14
    uur", «в 14:00») among the field words: the sale has one amount, and its time is how long
    the work took (`14:00` was stored as 14 hours)."""
    folded = [word.text.casefold() for word in words]
    for i, text in enumerate(folded):
        after = folded[i + 1] if i + 1 < len(folded) else ""
        before = folded[i - 1] if i else ""
        if text in RANGE_WORDS and before[:1].isdigit() and after[:1].isdigit():
            raise InputError(RANGE_IN_A_SALE, text=shown_text(f"{before} {text} {after}"))
        if _TIME_OF_DAY.fullmatch(text):
            raise InputError(TIME_OF_DAY, text=shown_text(text))
        if text in AT_WORDS and (after[:1].isdigit() or after in CLOCK_WORDS):  # "om half drie"
            raise InputError(TIME_OF_DAY, text=shown_text(f"{text} {after}"))


MOST_BARE_HOURS = 24


def hours_not_cost(value: Value, amount: int | None, cost: int | None) -> bool:
    """Whether a bare number after the amount (whole, or with one decimal), with no cost word,
    is the hours, not the cost: a "cost" under 1 % of the amount, of a day's hours or fewer
    («2500 2»: a Russian reader's 2 hours were stored as a cost of 2 ₽). It is asked in minutes
    or hours."""
    whole = value.text.replace(",", ".").split(".")
    return (
        whole[0].isdigit()
        and (len(whole) == 1 or (len(whole) == 2 and len(whole[1]) == 1 and whole[1].isdigit()))
        and 0 < float(".".join(whole)) <= MOST_BARE_HOURS  # «2520 1,5»: 1½ hours, never 1,50 ₽
        and cost is not None
        and amount is not None
        and cost * 100 < amount
    )


def refuse_ranges_and_clock_times(words: list[Token], day_said: Callable[[str], bool]) -> None:
    """Refuses, anywhere after the line's first word, what no date, amount or name is made of:
    "300-400", «4000–5000» (a range was offered as part of a new client's name), a clock time
    with a dot after the amount that is no date (`65 knippen 14.00` was refused as "no real
    date"), and whole hours right after a day (`gisteren 14u`, «вчера 15 ч»: a Dutch reader's
    haircut took 14 hours)."""
    for i, word in enumerate(words[1:], start=1):
        text = word.text.strip(",;:!?")
        if _RANGE.fullmatch(text.strip(".")):
            raise InputError(RANGE_IN_A_SALE, text=shown_text(word.text))
        clock = _DOTTED_CLOCK.fullmatch(text)
        after_amount = any(w.text[:1].isdigit() for w in words[1:i])  # «12.50» first: 12,50 ₽
        if clock and after_amount and not 1 <= int(clock["minutes"]) <= 12:
            raise InputError(TIME_OF_DAY, text=shown_text(word.text))
        said = joined(words[i : i + 2]) if i + 1 < len(words) and text.isdigit() else text
        hour = _WHOLE_HOURS.fullmatch(said)
        if hour and int(hour["hours"]) >= FIRST_CLOCK_HOUR and day_said(words[i - 1].text):
            raise InputError(TIME_OF_DAY, text=shown_text(f"{words[i - 1].text} {said}"))


def without_tip_or_discount(words: list[Token]) -> list[Token]:
    """The field words without a tip the amount holds or leaves out ("incl. fooi", «без
    чаевых») or a discount said without a figure ("met korting"). A tip or a discount with a
    number of its own ("95 fooi 10", «3000 скидка 500») is refused: the number is neither the
    sale's amount nor its cost (the attacker's discount booked as a cost of 500 ₽). So is a
    percentage: no field of a sale is one."""
    folded = [word.text.casefold().strip(".,;:!()") for word in words]
    if any(text in PERCENT_WORDS or text.endswith("%") for text in folded):
        raise InputError(PERCENT_IN_A_SALE)  # "109 inclusief 9 procent btw", «скидка 10 %»
    said = [i for i, text in enumerate(folded) if text in TIP_WORDS | DISCOUNT_WORDS]
    if not said:
        return words
    if sum(any(c.isdigit() for c in word.text) for word in words) > 1:
        tip = any(folded[i] in TIP_WORDS for i in said)
        raise InputError(TIPS_NOT_KEPT if tip else DISCOUNTS_NOT_KEPT)
    lead_ins = VAT_INCLUDING | VAT_EXCLUDING | DISCOUNT_LEAD_INS
    before = {i - 1 for i in said if i and folded[i - 1] in lead_ins}
    return [word for i, word in enumerate(words) if i not in before and i not in said]
