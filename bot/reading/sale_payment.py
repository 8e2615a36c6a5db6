"""What a one-line /sale says of its payment besides how it was paid: that it is still owed
(`op rekening`, «в долг», `450 betaalt`), the day it will be paid (`betaalt vrijdag`, «оплатит
в пятницу»: when it is due, never when it was sold), or that part of it is paid already
(refused: that part is recorded with /paid, never read as the sale's cost)."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass

from bot.reading.words import Reader, Token, same_field
from locales import N_, InputError, dates
from locales.line_words import DAY_WORDS
from locales.numbers import shown_text
from locales.sale_words import (
    END_OF_MONTH,
    IN_TWO_WEEKS,
    NEXT_WEEK,
    NUMBER_SIGNS,
    OWING_WORDS,
    PAID_METHODS,
    PAID_WORDS,
    PART_LEAD_INS,
    PART_PAID_WORDS,
    PAY_DAY_LEAD_INS,
    PAY_DAY_WORDS,
    PAYMENT_LEAD_INS,
    THIS_MONTH,
    UNPAID_PHRASES,
)
from locales.scripts import fold_yo

PART_PAID = N_(
    "A part paid is recorded apart: first record the whole sale as not paid yet (on account), "
    "then the part paid with /paid."
)

_UNPAID = sorted(
    (tuple(map(fold_yo, phrase)) for phrase in UNPAID_PHRASES),
    key=lambda phrase: -len(phrase),  # «ещё не оплачено» before «не оплачено»
)
_WEEK = 7
_END_OF_MONTH = sorted(END_OF_MONTH, key=len, reverse=True)  # "eind van" before "eind"
_AHEAD = 183  # days: how far ahead a due day without its year may be
_YEAR = re.compile(r"[0-9]{4}")
PAY_DAY_PASSED = N_(
    "“{text}” has passed: type the day the client will pay, or leave it out for your usual "
    "payment term."
)


@dataclass(frozen=True)
class PaymentSaid:
    """The line's words without what they said of its payment, and what that was."""

    words: list[Token]
    unpaid: bool = False
    due_on: dt.date | None = None
    due_said: str = ""  # the words that said the due day, for a refusal to name them

    def due_from(self, sold_on: dt.date) -> dt.date | None:
        """The due day, which may have passed for a sale typed with an earlier date («в долг,
        оплатит 1 декабря, 25.11»: overdue now), never before the sale itself."""
        if self.due_on is not None and self.due_on < sold_on:
            raise InputError(PAY_DAY_PASSED, text=shown_text(self.due_said))
        return self.due_on


def payment_said(reader: Reader, words: list[Token], *, first: int) -> PaymentSaid:
    """Reads, from word `first` on, what the line says of its payment: a phrase saying it is
    not paid yet, or a word saying the client will pay (with the day they will); the words
    come back without it. A part paid or owed is refused."""
    folded = [_folded(word) for word in words[first:]]
    lead = next((i for i, text in enumerate(folded) if text in PART_LEAD_INS), None)
    paid_after = lead is not None and any(text in PAID_METHODS for text in folded[lead:])
    if paid_after or any(text in PART_PAID_WORDS for text in folded):
        raise InputError(PART_PAID)
    words, unpaid, phrase_at = _unpaid_phrase(words, first)
    folded = [_folded(word) for word in words]
    for i in range(first, len(words)):
        if folded[i] not in PAY_DAY_WORDS:
            continue
        end = _field_end(words, i)
        due_on = _pay_day(reader, words[:end], folded, i)
        if due_on is not None:  # the rest of the line, after a comma, read as ever
            said = " ".join(word.text for word in words[i + 1 : end])
            rest = words[:i] + words[end:]
            return PaymentSaid(rest, unpaid=True, due_on=due_on, due_said=said)
    # "betaalt contant", «оплата наличными»: how it was paid, read with the fields
    paying = {i for i in range(first, len(words)) if _before_method(folded, i)}
    owing = {i for i in range(first, len(words)) if folded[i] in OWING_WORDS} - paying
    numbers = {i for i in range(first, len(words)) if _counted(reader, words[i].text)}
    numbers -= {i for i in numbers if _starts_a_date(reader, words, i)}  # «в долг 10 ноября»
    amount = min(numbers, default=None)  # the first number is the sale's
    paid = {i for i in range(first, len(words)) if folded[i] in PAID_WORDS}
    parts = (
        {j for i in owing for j in (i - 1, i + 1)}  # «4500 должна 2000», "moet nog 100 betalen"
        | {j for i in paid for j in (i - 1, i + 1)}  # "150 50 betaald", «оплатила 1000»
        | {i - 2 for i in paid if folded[i - 1] in PAYMENT_LEAD_INS}  # «1000 уже отдала»
        | ({phrase_at} if phrase_at is not None else set())  # «2500 долг 1000»
    )
    if len(numbers) > 1 and (parts & numbers) - {amount}:
        raise InputError(PART_PAID)
    kept = [word for i, word in enumerate(words) if i not in owing | paying]
    return PaymentSaid(kept, unpaid=unpaid or bool(owing))


def _before_method(folded: list[str], i: int) -> bool:
    """Word `i` says paying and how follows: "betaalt contant", "betaling per pin"."""
    after = folded[i + 1 : i + 3]
    if after and after[0] in PAYMENT_LEAD_INS:
        after = after[1:]
    return folded[i] in PAY_DAY_WORDS and bool(after) and after[0] in PAID_METHODS


def _unpaid_phrase(words: list[Token], first: int) -> tuple[list[Token], bool, int | None]:
    """The words without a phrase saying the sale is not paid yet (`op rekening`, «в долг»,
    «потом заплатит»), from word `first` on, whether there was one, and where it stood."""
    folded = [_folded(word) for word in words]
    for i in range(first, len(words)):
        for phrase in _UNPAID:
            if tuple(folded[i : i + len(phrase)]) == phrase and same_field(words, i, len(phrase)):
                return words[:i] + words[i + len(phrase) :], True, i
    return words, False, None


def _field_end(words: list[Token], i: int) -> int:
    """Where the field of word `i` ends: at the next comma or semicolon, else the line's end."""
    return next((j for j in range(i, len(words)) if words[j].field != words[i].field), len(words))


def _pay_day(reader: Reader, words: list[Token], folded: list[str], i: int) -> dt.date | None:
    """The day the words after word `i` (to the end of `words`) name, still to come: "betaalt
    vrijdag", «оплатит до пятницы»; None when they are no such day ("betaalt contant")."""
    start = i + 1 + (i + 1 < len(words) and folded[i + 1] in PAY_DAY_LEAD_INS)
    if start >= len(words) or same_field(words, i, len(words) - i) is None:
        return None
    return _coming_day(reader, " ".join(word.text for word in words[start:]))


def _coming_day(reader: Reader, text: str) -> dt.date | None:
    """The day `text` names, as one still to come: a weekday is the next one ("vrijdag" on a
    Monday is this Friday, "maandag" the next Monday), a day without its year in the coming
    months ("betaalt 10 jan" in December is next January). None for no day; a day that has
    passed ("betaalt gisteren", "betaalt 1 dec" on 8 December) is refused by
    `PaymentSaid.due_from` when it comes before the sale's own day."""
    said = text.strip().casefold()
    if said in NEXT_WEEK or said in IN_TWO_WEEKS:  # "betaalt volgende week": a week on
        return reader.today + dt.timedelta(days=_WEEK * (1 + (said in IN_TWO_WEEKS)))
    if month_end := _end_of_month(reader, said):
        return month_end
    try:
        day = dates.parse_date(text, reader.locale, today=reader.today)
    except InputError:
        return None
    if day < reader.today and not _has_digit(text) and said not in DAY_WORDS:
        day += dt.timedelta(days=_WEEK)  # a weekday: the next one, never today
        if day == reader.today:
            day += dt.timedelta(days=_WEEK)
    elif day < reader.today and not _YEAR.search(text):
        with contextlib.suppress(ValueError):  # 29 February
            later = day.replace(year=day.year + 1)
            day = later if (later - reader.today).days <= _AHEAD else day
    return day


def _end_of_month(reader: Reader, said: str) -> dt.date | None:
    """The last day of the month "eind januari", «конце января» names (of this month for "eind
    van de maand", «конца месяца»): the coming one, as `_coming_day` reads a day; None for
    other words."""
    lead = next((p for p in _END_OF_MONTH if said.startswith(f"{p} ")), None)
    rest = said[len(lead) + 1 :] if lead else ""
    if not rest:
        return None
    if rest in THIS_MONTH:
        start = reader.today.replace(day=1)
    else:
        try:
            start = dates.parse_date(f"1 {rest}", reader.locale, today=reader.today)
        except InputError:
            return None
    end = _last_day(start)
    if end < reader.today and not _YEAR.search(rest) and (end - reader.today).days < -_AHEAD:
        end = _last_day(start.replace(year=start.year + 1))
    return end


def _last_day(first: dt.date) -> dt.date:
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def _starts_a_date(reader: Reader, words: list[Token], i: int) -> bool:
    """Word `i` and the next are a day ("10 nov", «10 ноября») or word `i` is one written with
    its month ("10.11", «01.12»): the sale's date, never a part paid or owed."""
    said = [" ".join(w.text for w in words[i : i + 2])] if i + 1 < len(words) else []
    if not words[i].text.isdigit():  # a bare number alone is no day
        said.append(words[i].text)
    for text in said:
        with contextlib.suppress(InputError):
            dates.parse_date(text, reader.locale, today=reader.today)
            return True
    return False


def _counted(reader: Reader, text: str) -> bool:
    """A number that may be the amount, the cost or a part of it: not a time (`2u`), nor a
    number of something ("№15", "#15": an invoice's)."""
    if text[:1] in NUMBER_SIGNS:
        return False
    return _has_digit(text) and reader.time(text) is None


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _folded(word: Token) -> str:
    return fold_yo(word.text.casefold()).strip(".,;:!")
