"""A typed line as words (README: Typing commands): where its fields are, the Russian lead-ins
before a name, where the client's name ends, and the date at its very end.

The one grammar (bot/reading/grammar.py) and /sale's fields (bot/reading/sale_grammar.py) read
these words; every word is read by the one parser of its kind (locales.numbers, locales.dates).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from locales import N_, InputError, dates, is_currency_token, numbers
from locales.digits import endless_number
from locales.line_words import (
    BEFORE_AMOUNT,
    BEFORE_NAME,
    BEFORE_NOTED,
    DAY_WORDS,
    LEAD_INS,
    OURS,
)
from locales.sale_words import ZERO_LETTERS

FUTURE_DATE = N_("“{text}” is in the future. Type the day it happened, for example yesterday.")

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# The spaces before ",-" after a whole number ("55 ,-", "€ 450 ,--"): typed as often as "55,-".
_SPACED_DASH = re.compile(r"(?<=[0-9])\s+(?=,-{1,2}(?![\w-]))")
_SEPARATOR = re.compile(r";|,(?=\s|$)|(?<=\D),|,(?=[^\d\-])")
_NUMBERISH = re.compile(r"[-+−–]?[0-9.,]*[0-9][0-9.,]*(?:[.,]-{1,2})?")
# "2x", "2X", "x2", "3×45", "2*": a count times a price, which begins the fields, not the name ("X5"
# in upper case may be a model's name: "Garage BMW X5")
TIMES = re.compile(r"[0-9]+(?:[.,][0-9]+)?[xX×*][0-9.,]*|[x×*][0-9]+(?:[.,][0-9]+)?")
SHORT_NUMBER = re.compile(r"[0-9]{1,2}")
_EXPLICIT_YEAR = re.compile(r"[0-9]{4}|^[0-9]{1,2}([-./])[0-9]{1,2}\1[0-9]{2}$")
_STRAY = frozenset({".", "..", "…", "(", ")"})  # a lone dot or bracket between fields
_DECORATION = ("So", "Sk", "Mn", "Cf")  # emoji, their modifiers and joiners
MOST_FIELD_WORDS = 5  # "2 uur en 15 min": the longest time or amount in separate words


@dataclass(frozen=True)
class Token:
    text: str
    field: int  # which separator-delimited field of the line it stands in


# An amount with the letter o for its zeros: "18ooo", "2OO" (locales.sale_words).
_ZEROS_AS_LETTERS = re.compile(rf"[1-9][0-9]*[{ZERO_LETTERS}]+")


@dataclass(frozen=True)
class Reader:
    """What reading needs: the caller's language, the team's currency and today's date."""

    locale: str
    currency: str
    today: dt.date
    # The VAT rate inside the amounts the team enters; None: it enters them without VAT.
    vat_inside: float | None = None
    # The rate taken off an amount typed "incl. btw" by a team that enters them without VAT.
    vat_standard: float = 0.0

    def money(self, text: str, *, allow_zero: bool = True) -> int:
        return numbers.parse_money(text, self.currency, self.locale, allow_zero=allow_zero)

    def is_money(self, text: str) -> bool:
        """Whether `text` is written as an amount: one too large to take is one too, so it
        ends the name and is refused, never read as part of a client's name; so is one typed
        with the letter o for its zeros («18ооо», a Russian reader's new client "Иванова 18ооо")."""
        if _ZEROS_AS_LETTERS.fullmatch(text):
            return True
        try:
            numbers.parse_money(text, self.currency, self.locale, allow_negative=True)
        except numbers.AmountOutOfRange:
            return True
        except InputError as refused:  # "$40": an amount, refused as in another currency
            return refused.message == numbers.WRONG_CURRENCY and _signed_digits(text)
        return True

    def time(self, text: str) -> int | None:
        """Minutes of a time written with its unit; None for anything else (a bare number too)."""
        first = text.split()[0]
        if not (any(c.isdigit() for c in first) or numbers.starts_spoken_duration(text)):
            return None  # "u" or "ч" alone would read as one hour
        try:
            return numbers.parse_duration(text, self.locale, bare=numbers.BARE_ASK)
        except numbers.TimeTooLong as too_long:
            # `1200 uur` is a time, too long for a sale: refused once the line is read
            # (bot/reading/sale_grammar.py), never taken for an amount
            return too_long.minutes
        except InputError:
            return None

    def is_day(self, text: str) -> bool:
        """A day said in a word: `gisteren`, «вчера», `vrijdag`, «в пятницу»'s weekday."""
        word = text.strip(".,;:!?").casefold()
        if word in DAY_WORDS:
            return True
        if not word.isalpha():
            return False
        try:
            dates.parse_date(word, self.locale, today=self.today)
        except InputError:
            return False
        return True

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


def _signed_digits(text: str) -> bool:
    """Digits with a currency sign (`$40`, `40£`): an amount, not a code that may be part of a
    name (TOP is a currency: "Kapsalon Top 100")."""
    return any(map(str.isdigit, text)) and any(unicodedata.category(c) == "Sc" for c in text)


def tokens(text: str) -> list[Token]:
    """The line's words, each with its field; emoji and `!` or `?` at the end are dropped."""
    cleaned = _SPACED_DASH.sub("", _ZERO_WIDTH.sub("", text))  # "55 ,-" is "55,-"
    cleaned = cleaned[: len(cleaned) - len(trailing(cleaned))]
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


def trailing(text: str) -> list[str]:
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


def starts_field(reader: Reader, words: list[Token], i: int) -> bool:
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
            return same_field(words, i, 2) is None or starts_field(reader, words, i + 1)
        # "twee" is no amount alone, but may begin a time: "twee uur", read below
    if _NUMBERISH.fullmatch(text.rstrip(".")) or TIMES.fullmatch(text) or reader.is_money(text):
        return True
    if is_currency_token(text) and i + 1 < len(words):  # "€ 1.250", "EUR 1250", not "Top 100"
        after = words[i + 1].text
        signed = is_currency_token(text, sign_only=True) and _NUMBERISH.fullmatch(after)
        return bool(signed or reader.is_money(f"{text} {after}"))
    return any(
        (span := same_field(words, i, n)) and reader.time(joined(span)) is not None
        for n in range(1, MOST_FIELD_WORDS + 1)
    )


# A lead-in at the start of a complaint's or compliment's line; `ours`: it stays in the note.
NOTE_LEAD_IN = re.compile(
    r"(?:(?P<ours>{})|{})\s+(?=\w)".format(
        "|".join(OURS),
        "|".join(
            sorted(
                (w for w, led in LEAD_INS.items() if led & {BEFORE_NAME, BEFORE_NOTED}),
                key=lambda w: -len(w),  # «клиентка» before «клиент»
            )
        ),
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
    first with a name after it, and `за`/`на` or a hedge (`около`, `zo'n`) right before an
    amount or a time, are dropped."""
    before_name = ""
    if (
        len(words) > 1
        and leads(words[0].text, BEFORE_NAME)
        and words[1].field == words[0].field
        and not starts_field(reader, words, 1)
    ):
        before_name, words = words[0].text, words[1:]
    kept: list[Token] = []
    i = 0
    while i < len(words):
        # «иванова около 3 тыс», "Jansen zo'n 300": a hedge before an amount is no part of
        # the name; the amount is what was meant, as the CSV import reads it
        hedge = numbers.hedge_length([word.text for word in words[i : i + 2]]) if i else 0
        fits = hedge and same_field(words, i, hedge) and i + hedge < len(words)
        if fits and starts_field(reader, words, i + hedge):
            i += hedge
            continue
        lead = 0 < i < len(words) - 1 and leads(words[i].text, BEFORE_AMOUNT)
        if not (lead and starts_field(reader, words, i + 1)):
            kept.append(words[i])
        i += 1
    return LeadIns(kept, before_name)


def name_end(reader: Reader, words: list[Token]) -> int:
    """Where the name ends: the first word (after the first) that begins a field."""
    return next((i for i in range(1, len(words)) if starts_field(reader, words, i)), len(words))


_DOTTED = re.compile(r"[0-9]{1,2}[.,](?P<month>[0-9]{2})")


def _no_month(text: str) -> bool:
    """Whether `text` is a number with two decimals that no month can be (`12.50`, `3.75`):
    an amount, never a date that does not exist."""
    dotted = _DOTTED.fullmatch(text.strip())
    return dotted is not None and int(dotted["month"]) > 12


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
    amountless: Dated | None = None
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
        except InputError as error:
            if error.message == dates.DATE_NOT_REAL and not _no_month(text):
                raise  # "29-02-2025", "32 nov": a date, but none that exists; never an amount
            if error.message == dates.DATE_OUT_OF_YEARS and (
                count == 1 or name_end(reader, rest) < len(rest)
            ):  # «1.1.1899», «1500 15 января 1899»: a date, in a year not kept; no amount
                raise
            continue  # «12.50»: 12,50, no month 50
        no_amount_left = amount_needed and name_end(reader, rest) == len(rest)
        if no_amount_left and reader.is_money(text):
            continue  # "/sale Hotel 23.11": the only number is the amount
        dated = Dated(rest, reader.date(text, short_weekdays=short), text)
        if no_amount_left and any(c.isdigit() for c in text):
            # «Волкова 2500 неделю назад»: a shorter date may leave the number as the amount
            amountless = amountless or dated
            continue
        return dated
    return amountless or Dated(words)


def no_endless_number(reader: Reader, words: list[Token]) -> None:
    """A number of more digits than anyone types (5 000 nines) among the words is refused as
    the amount too large it is, before any reading counts with it."""
    for word in words:
        if endless_number(word.text):
            raise numbers.AmountOutOfRange(word.text, reader.currency, reader.locale)
