"""Dates and weekdays: formatted with Babel/CLDR and parsed as people type them."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as _babel_date
from babel.dates import get_day_names

from locales.errors import N_, InputError


def format_date(day: dt.date, locale: str, *, style: str = "medium") -> str:
    return _babel_date(day, format=style, locale=locale)


def format_weekday(iso_weekday: int, locale: str) -> str:
    return get_day_names("wide", locale=locale)[iso_weekday]


def parse_date(text: str, locale: str, *, today: dt.date) -> dt.date:
    for fmt in ("%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise InputError(N_("“{text}” is not a date I can read. Try 23-11-2026."), text=text)
