"""Time zones in words: countries, their cities and UTC offsets, for the /settings pickers.

Nobody types a time-zone name (Product rules): a country is picked first, from a short list
of the countries Dutch and Russian teams work in, or by its first letter, then one of its
zones, shown as a city with its UTC offset. Countries, cities and their names come from CLDR
(Babel), the zones from tzdata, so both follow the locale and stay current.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import zoneinfo
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

from locales import Translator
from locales.scripts import fold_yo
from storage.callers import TeamView

# The countries offered first, by the team's language; the rest are one letter away.
LIKELY_COUNTRIES = {
    "nl": ("NL", "BE", "DE", "SR", "CW", "AW", "ES", "GB", "FR"),
    "ru": ("RU", "BY", "KZ", "UA", "UZ", "AM", "GE", "RS", "TR"),
}
# The time-zone picker opens on the team's country: its common cities first (by how many people
# live and work there), then "more cities" for the rest of its zones. St Petersburg keeps
# Moscow time; CLDR has no name for it, so the catalogs do.
COMMON_CITIES: dict[str, tuple[tuple[str, str | None], ...]] = {
    "NL": (("Europe/Amsterdam", None),),
    "RU": (
        ("Europe/Moscow", None),
        ("Europe/Moscow", "spb"),
        ("Asia/Yekaterinburg", None),
        ("Asia/Novosibirsk", None),
        ("Europe/Kaliningrad", None),
        ("Europe/Samara", None),
        ("Asia/Omsk", None),
        ("Asia/Krasnoyarsk", None),
        ("Asia/Irkutsk", None),
        ("Asia/Vladivostok", None),
    ),
}


@cache
def _available() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@cache
def country_zones() -> dict[str, tuple[str, ...]]:
    """Two-letter country → its tzdata zones (CLDR's territory table, known zones only)."""
    table: dict[str, list[str]] = get_global("territory_zones")
    out = {}
    for country, zones in table.items():
        known = tuple(z for z in zones if z in _available())
        if len(country) == 2 and country.isalpha() and known:
            out[country] = known
    return out


def is_zone(zone: str) -> bool:
    return any(zone in zones for zones in country_zones().values())


def country_name(t: Translator, country: str) -> str:
    return Locale.parse(t.locale).territories.get(country, country)


def likely_countries(locale: str) -> tuple[str, ...]:
    return tuple(c for c in LIKELY_COUNTRIES[locale] if c in country_zones())


def _sort_key(name: str) -> str:
    """Alphabetical as people expect it: Réunion with the R, Åland with the A, ё as е."""
    folded = fold_yo(name.casefold())
    return "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))


@cache
def first_letters(locale: str) -> tuple[str, ...]:
    """The first letters of country names in this language, in alphabetical order."""
    territories = Locale.parse(locale).territories
    letters = {_sort_key(territories.get(c, c))[:1].upper() for c in country_zones()}
    return tuple(sorted(letters, key=_sort_key))


def countries_starting_with(locale: str, letter: str) -> list[str]:
    territories = Locale.parse(locale).territories
    found = [c for c in country_zones() if _sort_key(territories.get(c, c))[:1].upper() == letter]
    return sorted(found, key=lambda c: _sort_key(territories.get(c, c)))


def utc_offset(zone: str, now: dt.datetime) -> str:
    """`UTC+3`, `UTC+5:30`, `UTC` — the offset right now (summer time included)."""
    offset = now.astimezone(ZoneInfo(zone)).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_city(t: Translator, zone: str) -> str:
    return get_timezone_location(zone, locale=t.locale, return_city=True)


def zone_label(t: Translator, zone: str, *, now: dt.datetime) -> str:
    """`Moskou (UTC+3)`: the zone's main city in the reader's language and its offset now."""
    return f"{zone_city(t, zone)} ({utc_offset(zone, now)})"


def zones_of(t: Translator, country: str, *, now: dt.datetime) -> list[str]:
    """A country's zones from west to east, then by city name."""
    zones = country_zones().get(country, ())

    def key(zone: str) -> tuple[float, str]:
        offset = now.astimezone(ZoneInfo(zone)).utcoffset() or dt.timedelta(0)
        return offset.total_seconds(), _sort_key(zone_city(t, zone))

    return sorted(zones, key=key)


def home_country(team: TeamView) -> str:
    """The country of the team's time zone (its language's countries first), else the first
    country its language suggests."""
    zones = country_zones()
    candidates = [*likely_countries(team.locale), *zones]
    return next(
        (c for c in candidates if team.timezone in zones.get(c, ())),
        likely_countries(team.locale)[0],
    )


def _city_name(t: Translator, zone: str, name: str | None) -> str:
    if name == "spb":
        return t._("Saint Petersburg")
    return zone_city(t, zone)


def common_cities(t: Translator, country: str, *, now: dt.datetime) -> list[tuple[str, str]]:
    """A country's common cities as (label with the offset now, zone), the most common first;
    a country without a list gets its zones from west to east."""
    listed = COMMON_CITIES.get(country)
    if listed is None:
        return [(zone_label(t, zone, now=now), zone) for zone in zones_of(t, country, now=now)]
    return [
        (f"{_city_name(t, zone, name)} ({utc_offset(zone, now)})", zone) for zone, name in listed
    ]


def country_cities(t: Translator, country: str, *, now: dt.datetime) -> list[tuple[str, str]]:
    """All of a country's zones as cities: its common cities first, then the rest west to east."""
    common = common_cities(t, country, now=now)
    listed = {zone for _label, zone in common}
    rest = [
        (zone_label(t, zone, now=now), zone)
        for zone in zones_of(t, country, now=now)
        if zone not in listed
    ]
    return common + rest
