"""What was done, said in a one-line /sale beside the figures (`85 knippen`, «2500 стрижка»,
`70 2 banden vervangen`): words and counts that are no amount, cost, time or date."""

from __future__ import annotations

from bot.reading.sale_values import is_cost_word
from bot.reading.words import DAY_WORDS, Reader, Token, joined
from locales import InputError, dates, is_currency_token, is_multiplier_token, numbers
from locales.sale_words import (
    DATE_HINTS,
    FILLER_WORDS,
    NO_COST,
    NOT_WORK_WORDS,
    PAID_METHODS,
    PERCENT_WORDS,
    YEAR_LEAD_INS,
    YEAR_WORDS,
)

# Words that are never what was done: no cost, fillers, how it was paid, days, percentages, and
# words that change what a number is worth ("2 mille", «2 ляма», "50 cent", "303 retour").
_NEVER_WORK = (
    NO_COST | FILLER_WORDS | PAID_METHODS | DAY_WORDS | DATE_HINTS | PERCENT_WORDS | NOT_WORK_WORDS
)


def is_what_was_done(reader: Reader, text: str) -> bool:
    """A word after the amount that says what was done (`knippen`, «стрижка»): letters only,
    at least three, and nothing an amount, cost, time or date is made of; a sale keeps no
    note, so such words are skipped when the line reads no other way."""
    word = text.strip(".,;:!?()")
    folded = word.casefold()
    if len(word) < 3 or not all(c.isalpha() or c in "-'’+" for c in word):
        return False
    if not (word[0].isalpha() and word[-1].isalpha()):  # "knippen+föhnen", never "+5"
        return False
    if folded in _NEVER_WORK:
        return False
    if is_cost_word(word) or reader.is_money(word) or numbers.starts_spoken_amount(word):
        return False
    if is_multiplier_token(word) or is_multiplier_token(text) or is_currency_token(word):
        return False  # "тыс.", "k", "euro"
    if numbers.starts_spoken_duration(word) or numbers.is_spelled_number(word):
        return False  # "85 twaalf": refused as no amount read, never dropped
    if reader.time(f"2 {word}") is not None:  # «мин», "min": a time's unit, never what was
        return False  # done («1200 маникюр 40 мин» booked 40 ₽ of cost, the Russian reader)
    try:
        dates.parse_date(word, reader.locale, today=reader.today)
    except InputError:
        return True
    return False  # "vrijdag" between the fields: refused as before, never dropped


# A count of things done in one sale ("2 banden", «3 стрижки», "250 flyers") stays below this:
# a number from it on before a word is an amount («2400 чаевые 200» was read as 2400 things).
MOST_THINGS = 1000
FIRST_YEAR = 1990  # a year a sale's work may be for: from it to next year


def without_counted_things(reader: Reader, fields: list[Token]) -> list[Token]:
    """The fields without a count of things in what was done (`70 2 banden vervangen`,
    `3 fietsen nagekeken 210 euro`, «1500 за 2 стрижки»): a whole number followed by a word
    that says what was done is no amount, cost or time when another number is in the line."""
    counted = {
        i
        for i in range(len(fields) - 1)
        if (
            (
                fields[i].text.isdigit()
                and int(fields[i].text) < MOST_THINGS
                and not _thousands_go_on(fields, i)  # «4 500 стрижка» is 4 500 ₽, not 4 ₽
            )
            or numbers.is_spelled_number(fields[i].text)  # "twee banden", «две стрижки»
        )  # «2400 чаевые 200»: 2400 is no count
        and is_what_was_done(reader, fields[i + 1].text)
        and not (i and is_cost_word(fields[i - 1].text))  # "kosten 20 kleuren": the cost
        # "90 мин", "1 ч 30 мин", "100 tien minuten": a time, not things
        and reader.time(joined(fields[i : i + 2])) is None
        and reader.time(joined(fields[i + 1 : i + 3])) is None
    }
    years = years_of_work(reader, fields)
    if not counted:
        return [word for i, word in enumerate(fields) if i not in years]
    # a time ("45 knippen 1u"), its minutes too ("1 uur 15"), is no other amount beside the count
    figures = [
        i
        for i, word in enumerate(fields)
        if any(c.isdigit() for c in word.text)
        and i not in years
        and reader.time(word.text) is None
        and reader.time(joined(fields[i : i + 2])) is None  # "85 knippen 40 min"
        and not (i > 1 and reader.time(joined(fields[i - 2 : i + 1])) is not None)  # "1 uur 15"
        and not (i and is_cost_word(fields[i - 1].text))  # "kosten 25": the cost's number
    ]
    in_digits = [i for i in counted if fields[i].text.isdigit()]  # "twee" is never the amount
    if figures and len(figures) <= len(in_digits):
        counted.discard(figures[0])  # «2500 стрижка»: the first number is the amount
    return [
        word
        for i, word in enumerate(fields)
        if i not in counted and i - 1 not in counted and i not in years
    ]


def years_of_work(reader: Reader, fields: list[Token]) -> set[int]:
    """The words that are a year the work was for (`jaarrekening 2025`, «отчёт за 2025», `2025
    jaar`), when another number is in the line: part of what was done, never the amount (a
    bookkeeper's "450 jaarrekening 2025" was booked at € 2.025)."""
    folded = [word.text.casefold().strip(".,;:!?()") for word in fields]
    years = {
        i
        for i, text in enumerate(folded)
        if len(text) == 4
        and text.isdigit()
        and FIRST_YEAR <= int(text) <= reader.today.year + 1
        and (
            (i > 0 and (folded[i - 1] in YEAR_LEAD_INS or is_what_was_done(reader, folded[i - 1])))
            or (i + 1 < len(folded) and folded[i + 1] in YEAR_WORDS)
        )
    }
    others = [i for i, word in enumerate(fields) if word.text[:1].isdigit() and i not in years]
    return years if others else set()


def _thousands_go_on(fields: list[Token], i: int) -> bool:
    """Whether word `i` is the last three digits of a space-grouped number (`4 500`)."""
    before = fields[i - 1] if i else None
    return (
        before is not None
        and before.field == fields[i].field
        and len(fields[i].text) == 3
        and before.text.isdigit()
        and len(before.text) <= 3
    )


def work_said(
    reader: Reader, fields: list[Token], counted: list[Token], *, with_counts: bool = True
) -> str | None:
    """What was done, as typed among the fields ("2 banden vervangen" of `70 2 banden
    vervangen`, «маникюр» of «4 500 маникюр», "knippen en föhnen"): from its first word to its
    last, with the count `without_counted_things` took out before it (`with_counts`: not when
    that count may be the amount, "60 parkeren 5"); None when the line says no such thing."""
    kept = {id(word) for word in counted}
    years = years_of_work(reader, fields)
    said = [
        i
        for i, word in enumerate(fields)
        if is_what_was_done(reader, word.text)
        or i in years
        or (
            with_counts
            and id(word) not in kept
            and i + 1 < len(fields)
            and is_what_was_done(reader, fields[i + 1].text)
        )
    ]
    if not said:
        return None
    span = fields[said[0] : said[-1] + 1]
    if any(word.text[:1].isdigit() for word in span[1:]):  # "knippen 40 min föhnen"
        span = [fields[i] for i in said]
    return " ".join(word.text.strip(",;:!?()") for word in span)
