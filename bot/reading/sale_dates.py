"""Where a one-line /sale says when it was sold: a date at the end (also before how it was
paid), or one inside the line that can be nothing else."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.reading.words import (
    SHORT_NUMBER,
    Dated,
    Reader,
    Token,
    joined,
    no_endless_number,
    same_field,
    split_date,
)
from locales import InputError, dates
from locales.line_words import DAY_PREPOSITIONS, DAY_WORDS
from locales.sale_words import PAID_METHODS, PART_OF_DAY_LEAD_INS, PARTS_OF_DAY, PAYMENT_LEAD_INS


def dated_line(reader: Reader, words: list[Token], *, first: int) -> Dated:
    """The date at the end of the line, also before how it was paid: `35 gisteren contant`,
    `60,- eergisteren per pin` read as `35 contant gisteren`; else one inside the line (from
    word `first` on) that can be nothing else (`Лотос 15 декабря 3000`)."""
    no_endless_number(reader, words)  # 5 000 nines: too large, before any reading counts
    paid = len(words)
    if paid > 1 and words[-1].text.casefold().strip(".,!") in PAID_METHODS:
        paid -= 1
        if paid > 1 and words[paid - 1].text.casefold() in PAYMENT_LEAD_INS:
            paid -= 1
    dated = split_date(reader, words[:paid]) if paid < len(words) else None
    if dated is None or dated.date is None:
        dated = split_date(reader, words)
        return dated if dated.date is not None else _date_inside(reader, words, first) or dated
    return replace(dated, words=[*dated.words, *words[paid:]])


# `20.11`, and a day with its full year (`1.1.2026`), which no amount reads as
_DAY_MONTH = re.compile(r"[0-9]{1,2}[./-][0-9]{2}\.?|[0-9]{1,2}([./-])[0-9]{1,2}\1[0-9]{4}")
_YEAR = re.compile(r"[0-9]{4}")


def _date_inside(reader: Reader, words: list[Token], first: int) -> Dated | None:
    """A date before the amount or between the fields, when it can be nothing else: a day with
    its month named (`Лотос 15 декабря 3000`, `Lotus 20 nov 300`, `23 november 2026`), or a
    day and month in digits with an amount after it (`Волкова 20.11 2600`)."""
    for i in range(first, len(words)):
        word = words[i].text
        if not (SHORT_NUMBER.fullmatch(word.rstrip(".")) or _DAY_MONTH.fullmatch(word)):
            continue
        for count in (3, 2, 1):
            span = same_field(words, i, count)
            if span is None or not _may_be_date(reader, words, span, i + count):
                continue
            text = joined(span)
            try:
                dates.parse_date(text, reader.locale, today=reader.today)
            except InputError as error:
                if error.message == dates.DATE_NOT_REAL and count > 1:
                    raise  # "32 nov": a date, but none that exists
                if error.message == dates.DATE_OUT_OF_YEARS and count == 1:
                    raise  # «1.1.1899 1500»: a date, in a year not kept («15 ноября 3000» no)
                continue
            return Dated(words[:i] + words[i + count :], reader.date(text), text)
    return _day_in_words_inside(reader, words, first)


def _day_in_words_inside(reader: Reader, words: list[Token], first: int) -> Dated | None:
    """A day said in words before the amount or between the fields (`Петрова вчера 1500`,
    `тарасова 2200 ₽ вчера 40 мин`, `Jansen 50 vrijdag 1u`): a day word, or a weekday after a
    preposition, anywhere; a bare weekday only after a number, as a name may hold one
    ('Café Zondag'). Something must be left to be the amount."""
    for i in range(first, len(words)):
        lead = _word(words[i])
        said_after_number = any(any(c.isdigit() for c in w.text) for w in words[first:i])
        if not (lead in DAY_WORDS or lead in DAY_PREPOSITIONS or said_after_number):
            continue
        for count in (3, 2, 1):
            span = same_field(words, i, count)
            if span is None or not all(_word(w).isalpha() for w in span):
                continue
            rest = words[:i] + words[i + count :]
            if not any(any(c.isdigit() for c in w.text) for w in rest[first:]):
                continue
            text = joined(span).strip(".,;:")
            try:
                dates.parse_date(text, reader.locale, today=reader.today)
            except InputError:
                continue
            return Dated(rest, reader.date(text), text)
    return None


def _word(token: Token) -> str:
    return token.text.casefold().strip(".,;:!")


def _may_be_date(reader: Reader, words: list[Token], span: list[Token], after: int) -> bool:
    """Whether `span` has a date's shape: a day with a month's name (and a year), `10-11` or
    `10/11` anywhere (a Dutch reader's `600 10-11 4u` was refused as no amount), or `20.11`
    with an amount after it (`Волкова 20.11 2600`; `/sale Hotel 23.11` is € 23,11)."""
    if len(span) > 1:
        month = span[1].text.rstrip(".")
        return month.isalpha() and (len(span) == 2 or bool(_YEAR.fullmatch(span[2].text)))
    if not _DAY_MONTH.fullmatch(span[0].text):
        return False
    if "." not in span[0].text:  # "10-11", "10/11": no amount is written so
        return True
    if after >= len(words):
        return False
    following = words[after].text
    return reader.is_money(following) and reader.time(following) is None


def without_parts_of_day(words: list[Token]) -> list[Token]:
    """The line's words without a part of the day said after its first (`вчера вечером`,
    `gisteren 's avonds`, «вчера в обед», `gisteren in de middag`): the day says when it was
    sold, the part of it nothing a sale keeps (a Russian reader's «2500 вчера вечером» was
    refused with «„вечером“ не похоже на сумму»)."""
    folded = [word.text.casefold() for word in words]
    dropped: set[int] = set()
    for i in range(1, len(words)):
        after_a_figure = any(c.isdigit() for word in folded[1:i] for c in word)
        if folded[i] in PARTS_OF_DAY and after_a_figure:  # never a name's ("Café De Middag")
            dropped.add(i)
            j = i - 1
            while j > 0 and folded[j] in PART_OF_DAY_LEAD_INS and j not in dropped:
                dropped.add(j)
                j -= 1
    return [word for i, word in enumerate(words) if i not in dropped]
