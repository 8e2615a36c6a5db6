"""Reading one imported cell into the value Kompas stores, by the column it stands in.

Text is read the way the team types it in chat (``locales`` parses money, numbers, durations and
dates); spreadsheet cells that already are numbers, dates or times are taken as they are.
Results are remembered per column and text: a 100 000-row file repeats its names, dates and amounts.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from locales import InputError
from locales.dates import DATE_IN_FUTURE, parse_date, within_years
from locales.name_words import city_as_written
from locales.numbers import (
    LIMIT,
    MAX_MINUTES,
    NEGATIVE,
    TOO_LARGE,
    ZERO,
    AmountOutOfRange,
    parse_duration,
    parse_money,
    parse_number,
    shown_text,
    time_too_long,
)
from locales.vocabulary import CLIENT_VOCABULARIES, HISTORY_VOCABULARIES, Vocabulary
from storage.columns import source_code, value_index, value_key
from storage.names import clean_name, name_key, valid_name
from storage.refusals import Refused
from storage.table_cells import Cell

_REQUIRED = {
    "name": Refused.NAME_MISSING,
    "sold_on": Refused.DATE_MISSING,
    "amount": Refused.AMOUNT_MISSING,
    "event": Refused.EVENT_MISSING,
}
# An event's note as chat keeps it (storage.events): typed text, at most this long.
MAX_EVENT_NOTE = 1000
_RATER = re.compile(r"(?:^|\()\s*(\d{1,15})\s*\)?$")

_MAX_TEXT = {
    "city": 100,
    "industry": 100,
    "segment": 64,
    "notes": 4000,
    "education": 32,
    "decision": 32,
    "source": 64,
}
_MAX_TAG = 64
_TAG_SEPARATORS = re.compile(r"[,;|\n]")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial day numbers count from here (1900 leap-year bug)


class CellReader:
    """Turns cells into stored values for one team's locale, currency and today."""

    def __init__(self, *, locale: str, currency: str, today: dt.date) -> None:
        self.locale, self.currency, self.today = locale, currency, today
        self._readers: dict[str, Callable[[Cell, str | None], Any]] = {
            **{
                field: self._word(field, vocabulary)
                for field, vocabulary in (CLIENT_VOCABULARIES | HISTORY_VOCABULARIES).items()
            },
            "name": self._name,
            "referred_by": self._name,
            "city": self._city,
            "industry": self._text("industry"),
            "segment": self._text("segment"),
            "notes": self._text("notes"),
            "event_note": self._event_note,
            "value": self._rating,
            "referred": self._name,
            "rated_by": self._rater,
            "birth_year": self._birth_year,
            "age": self._age,
            "income": self._money,
            "employees": self._employees,
            "interests": self._interests,
            # A sale and a start have happened: no later than today, as in chat. A payment date
            # ahead is the team's own note of when it will be paid, kept as written.
            "acquired_on": self._past_date,
            "sold_on": self._past_date,
            "due_on": self._date,
            "paid_on": self._date,
            "paid_amount": self._money,
            "amount": self._amount,
            "cost": self._money,
            "minutes": self._minutes,
        }

    def column(self, field: str, unit: str | None = None) -> Callable[[Cell], Any]:
        """A reader for one column: each cell's stored value (None when an optional cell is
        empty), or an InputError; text already seen in the column is not parsed again."""
        read = self._readers[field]
        missing = _REQUIRED.get(field)
        seen: dict[str, Any] = {}

        def value(cell: Cell) -> Any:
            if cell is None:
                if missing is not None:
                    raise InputError(missing)
                return None
            if not isinstance(cell, str):
                return read(cell, unit)
            if cell not in seen:
                seen[cell] = read(cell, unit)
            return seen[cell]

        return value

    # Text and names ----------------------------------------------------------------------
    def _name(self, cell: Cell, _unit: str | None) -> tuple[str, str]:
        shown = valid_name(_as_text(cell))
        return shown, name_key(shown)

    def _text(self, field: str) -> Callable[[Cell, str | None], str]:
        def read(cell: Cell, _unit: str | None) -> str:
            return _limited(_as_text(cell), _MAX_TEXT[field])

        return read

    def _city(self, cell: Cell, _unit: str | None) -> str:
        """A city as chat stores it: «Екб» is Екатеринбург, `den haag` Den Haag."""
        return city_as_written(_limited(_as_text(cell), _MAX_TEXT["city"]))

    def _word(self, field: str, vocabulary: Vocabulary) -> Callable[[Cell, str | None], str]:
        """A known word becomes its code; any other is the team's own word, kept as typed, where
        the vocabulary takes own words, and refused where it doesn't."""
        index = value_index(vocabulary)

        def read(cell: Cell, _unit: str | None) -> str:
            text = _as_text(cell)
            # «из ВКонтакте», `via Marktplaats`: a source as chat reads it
            code = source_code(text) if field == "source" else index.get(value_key(text))
            if code is not None:
                return code
            if vocabulary.own_words:
                return _limited(text, _MAX_TEXT[field])
            raise InputError(vocabulary.unknown, text=_shown(text))

        return read

    def _event_note(self, cell: Cell, _unit: str | None) -> str:
        """A note kept as typed, line breaks too: the same note again is the same event."""
        text = _as_text(cell).strip()
        if len(text) > MAX_EVENT_NOTE:
            raise InputError(Refused.TOO_LONG, max=MAX_EVENT_NOTE)
        return text

    def _rater(self, cell: Cell, _unit: str | None) -> int:
        """Who rated: the Telegram id an export writes after their name, "Anna (123456789)"."""
        text = _as_text(cell)
        found = _RATER.search(text.strip())
        if found is None:
            raise InputError(Refused.BAD_RATER, text=_shown(text))
        return int(found.group(1))

    def _interests(self, cell: Cell, _unit: str | None) -> tuple[str, ...]:
        tags: dict[str, str] = {}
        for part in _TAG_SEPARATORS.split(_as_text(cell)):
            tag = _limited(part, _MAX_TAG)
            if tag:
                tags.setdefault(name_key(tag), tag)
        return tuple(tags.values())

    # Numbers -----------------------------------------------------------------------------
    def _money(self, cell: Cell, _unit: str | None) -> int:
        if isinstance(cell, int | float) and _beyond_any_number(cell):  # chat's bound, said so
            raise AmountOutOfRange(_shown_number(cell), self.currency, self.locale)
        return parse_money(_as_number_text(cell), self.currency, self.locale)

    def _amount(self, cell: Cell, unit: str | None) -> int:
        """A sale's amount: above zero, as `/sale` wants it (a cost may be zero)."""
        amount = self._money(cell, unit)
        if amount == 0:
            raise InputError(ZERO)
        return amount

    def _whole(self, cell: Cell, error: str, low: int, high: int) -> int:
        text = _as_number_text(cell)
        try:
            value = parse_number(text, self.locale, max_decimals=0)
        except InputError:
            raise InputError(error, text=_shown(text)) from None
        if not low <= value <= high:
            raise InputError(error, text=_shown(text))
        return int(value)

    def _rating(self, cell: Cell, _unit: str | None) -> int:
        return self._whole(cell, Refused.BAD_RATING, 1, 5)

    def _birth_year(self, cell: Cell, _unit: str | None) -> int:
        return self._whole(cell, Refused.BAD_BIRTH_YEAR, 1900, self.today.year)

    def _age(self, cell: Cell, _unit: str | None) -> int:
        """An age becomes a birth year: the year they were born if they had their birthday."""
        return self.today.year - self._whole(cell, Refused.BAD_AGE, 0, self.today.year - 1900)

    def _employees(self, cell: Cell, _unit: str | None) -> int:
        return self._whole(cell, Refused.BAD_EMPLOYEES, 0, 10_000_000)

    def _minutes(self, cell: Cell, unit: str | None) -> int:
        if isinstance(cell, dt.time):
            return cell.hour * 60 + cell.minute + round(cell.second / 60)
        if isinstance(cell, dt.timedelta):
            return _bounded_minutes(round(cell.total_seconds() / 60), _as_text(cell), self.locale)
        text = _as_number_text(cell)
        if unit is not None:
            # The header says the unit, so a bare number needs none: "Uren" 1,5 is 90 minutes.
            try:
                number = parse_number(text, self.locale)
            except InputError:
                return parse_duration(text, self.locale)
            per_unit = 60 if unit == "hours" else 1
            minutes = int((number * per_unit).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            return _bounded_minutes(minutes, text, self.locale)
        return parse_duration(text, self.locale)

    # Dates -------------------------------------------------------------------------------
    def _date(self, cell: Cell, _unit: str | None) -> dt.date:
        """Spreadsheet dates get the bounds typed dates get (locales.dates.YEARS)."""
        if isinstance(cell, dt.datetime):
            return within_years(cell.date(), _as_text(cell.date()))
        if isinstance(cell, dt.date):
            return within_years(cell, _as_text(cell))
        if isinstance(cell, int | float) and 1 <= cell < 100_000:
            # A date cell Excel did not format as a date holds its serial day number.
            day = _EXCEL_EPOCH + dt.timedelta(days=int(cell))
            return within_years(day, day.isoformat())
        return parse_date(_as_text(cell), self.locale, today=self.today)

    def _past_date(self, cell: Cell, unit: str | None) -> dt.date:
        day = self._date(cell, unit)
        if day > self.today:
            raise InputError(DATE_IN_FUTURE, text=_shown(_as_text(cell)))
        return day


def _as_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime | dt.date | dt.time):
        return cell.isoformat()
    return str(cell)


def _as_number_text(cell: Cell) -> str:
    """A spreadsheet number as text the locale parsers read in every locale: a decimal comma.

    A number beyond any bound (chat's too, locales.numbers.LIMIT) is refused here: formatted
    in full it would be hundreds of digits, and infinity has no digits at all."""
    if isinstance(cell, bool) or not isinstance(cell, int | float):
        return _as_text(cell)
    if _beyond_any_number(cell):
        raise InputError(TOO_LARGE, text=_shown_number(cell))
    if isinstance(cell, float) and math.isnan(cell):
        return "NaN"  # not a number: unreadable wherever it stands
    if isinstance(cell, int):
        return str(cell)
    # Floats carry binary noise (0.1 + 0.2); nine decimals is more than any currency or count.
    exact = Decimal(repr(cell)).quantize(Decimal("1e-9"), rounding=ROUND_HALF_UP).normalize()
    return format(exact, "f").replace(".", ",")


def _beyond_any_number(cell: Cell) -> bool:
    if isinstance(cell, bool) or not isinstance(cell, int | float):
        return False
    return (isinstance(cell, float) and math.isinf(cell)) or abs(cell) >= LIMIT


def _shown_number(number: int | float) -> str:
    try:
        return f"{number:g}"
    except OverflowError:  # an integer beyond any float
        return "∞"


def _bounded_minutes(minutes: int, text: str, locale: str) -> int:
    if minutes < 0:
        raise InputError(NEGATIVE, text=shown_text(text))
    if minutes >= MAX_MINUTES:
        raise time_too_long(text, locale)
    return minutes


def _limited(text: str, maximum: int) -> str:
    shown = clean_name(text)
    if len(shown) > maximum:
        raise InputError(Refused.TOO_LONG, max=maximum)
    return shown


def _shown(text: str) -> str:
    shown = clean_name(text)
    return shown if len(shown) <= 24 else shown[:23] + "…"
