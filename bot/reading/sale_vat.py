"""VAT said in a one-line /sale: "500 excl. btw", «45 000 с НДС», read as the team enters its
amounts; a VAT figure of its own ("btw 78,75", «в т.ч. НДС 7500») is refused, never kept as the
sale's cost."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal

from bot.reading.words import Reader, Token
from locales import N_, InputError
from locales.numbers import shown_text
from locales.sale_words import (
    PERCENT_WORDS,
    VAT_ALONE,
    VAT_EXCLUDING,
    VAT_IN_ONE_WORD,
    VAT_INCLUDING,
    VAT_INCLUDING_LEAD_INS,
    VAT_WORDS,
)

VAT_FIGURE_NOT_KEPT = N_(
    "I don't keep the VAT apart: type only the sale's amount. Whether amounts include VAT is "
    "set in /settings."
)

VAT_RATE_NOT_THE_TEAMS = N_(
    "“{text}” is not the VAT rate your amounts are read at: type the amount alone, or set the "
    "rate in /settings."
)

EXCL, INCL = "excl", "incl"


def vat_said(reader: Reader, words: list[Token]) -> tuple[list[Token], str | None]:
    """The field words without a VAT remark, and which it was (EXCL, INCL or None). A rate
    beside the VAT word ("incl. 21% btw", «в т.ч. НДС 22%») is part of the remark when it is
    the team's; another is refused, never used unsaid."""
    words = _without_the_rate(reader, words)
    folded = [word.text.casefold().strip(".,;:!()") for word in words]
    _refuse_a_vat_figure(words, folded)
    for i in range(len(words)):
        if folded[i] in VAT_IN_ONE_WORD:  # "excl.btw" typed as one word
            return words[:i] + words[i + 1 :], INCL if folded[i] in VAT_INCLUDING else EXCL
        if i + 1 < len(words) and folded[i + 1] in VAT_WORDS:
            said = (
                EXCL if folded[i] in VAT_EXCLUDING else INCL if folded[i] in VAT_INCLUDING else None
            )
            if said is not None:
                start = i
                while start > 0 and said == INCL and folded[start - 1] in VAT_INCLUDING_LEAD_INS:
                    start -= 1
                return words[:start] + words[i + 2 :], said
        # "500 excl." alone; "95 inclusief fooi" includes a tip, not VAT
        if folded[i] in VAT_ALONE and (i + 1 == len(words) or not folded[i + 1][:1].isalpha()):
            return words[:i] + words[i + 1 :], INCL if folded[i] in VAT_INCLUDING else EXCL
    return words, None


def as_the_team_enters(reader: Reader, minor: int | None, vat: str | None) -> int | None:
    """An amount typed with or without VAT, the way the team enters amounts: € 500 excl. btw
    is € 605 for a team that enters them with 21 % inside; € 605 incl. btw is € 500 for one
    that enters them without (its own rate, else the country's standard one)."""
    if minor is None or vat is None:
        return minor
    if vat == EXCL and reader.vat_inside:
        factor = 1 + Decimal(str(reader.vat_inside))
    elif vat == INCL and reader.vat_inside is None and reader.vat_standard:
        factor = 1 / (1 + Decimal(str(reader.vat_standard)))
    else:
        return minor
    return int((Decimal(minor) * factor).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def _refuse_a_vat_figure(words: list[Token], folded: list[str]) -> None:
    """«45200 НДС 7500», «в т.ч. НДС 7500», "605 btw 105": a figure right after the VAT word is
    the VAT (a reader's 7 500 ₽ of НДС was booked as the cost). After a comma it is the next
    field ("500 exclusief btw, 100"), and so it is after "excl.": no VAT is in that figure. A
    rate ("btw 21%", "btw 21 procent") is no figure: `_without_the_rate` or the refusal of
    percentages reads it."""
    for i in range(len(words) - 1):
        vat_word = folded[i] in VAT_WORDS or folded[i] in VAT_IN_ONE_WORD
        excluded = folded[i] in VAT_EXCLUDING or (i and folded[i - 1] in VAT_EXCLUDING)
        separated = words[i].field != words[i + 1].field
        rate = folded[i + 1].endswith("%") or PERCENT_WORDS.intersection(folded[i + 2 : i + 3])
        if vat_word and folded[i + 1][:1].isdigit() and not (excluded or separated or rate):
            raise InputError(VAT_FIGURE_NOT_KEPT)


_RATE = re.compile(r"([0-9]{1,2}(?:[.,][0-9]{1,2})?)\s*%")


def _without_the_rate(reader: Reader, words: list[Token]) -> list[Token]:
    """The words without a rate said right before or after the VAT word: "21% btw", «НДС 22%»,
    «НДС 22 %». One other than the rate the amounts are read at is refused."""
    folded = [word.text.casefold().strip(".,;:!()") for word in words]
    for i, word in enumerate(folded):
        if word not in VAT_WORDS:
            continue
        for start in (i + 1, i - 2, i - 1):
            span = words[start : start + 2] if start >= 0 else []
            for count in (1, 2):
                said = "".join(w.text for w in span[:count]).strip(".,;:!()")
                rate = _RATE.fullmatch(said)
                if rate is None or len(span) < count or (start < i < start + count):
                    continue
                typed = Decimal(rate[1].replace(",", "."))
                used = Decimal(str(reader.vat_inside or reader.vat_standard)) * 100
                if typed != used:
                    raise InputError(VAT_RATE_NOT_THE_TEAMS, text=shown_text(said))
                return words[:start] + words[start + count :]
    return words
