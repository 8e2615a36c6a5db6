"""The /settings menu in words: each setting's name, its current value, and time-zone choices.

Nobody types a time-zone name (Product rules): a country is picked first, from a short list
of the countries Dutch and Russian teams work in, or by its first letter, then one of its
zones, shown as a city with its UTC offset. Countries, cities and their names come from CLDR
(Babel), the zones from tzdata, so both follow the locale and stay current.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import zoneinfo
from dataclasses import dataclass
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

from bot import labels
from bot.render.explain import rate_text, vat_word
from locales import LANGUAGE_NAMES, Markup, Translator
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
DAYS_PER_MONTH = 30.4375
CURRENCIES = ("EUR", "RUB", "USD", "GBP", "CHF", "KZT", "BYN", "UAH", "TRY")
SYMBOLS = {
    "EUR": "€",
    "RUB": "₽",
    "USD": "$",
    "GBP": "£",
    "CHF": "",  # the Swiss write "CHF" itself; ₣ is the French franc
    "KZT": "₸",
    "BYN": "Br",
    "UAH": "₴",
    "TRY": "₺",
}


def currencies_for(locale: str) -> tuple[str, ...]:
    """The currencies in the order a team speaking `locale` looks for them: its own first
    (₽ for a Russian team, € for a Dutch one), then the rest as listed."""
    home = "RUB" if locale == "ru" else "EUR"
    return (home, *(c for c in CURRENCIES if c != home))


SCALES = {"A-D": "A–D", "1-5": "1–5", "1-10": "1–10"}


@dataclass(frozen=True)
class Setting:
    code: str  # in callback data
    field: str  # the Team column
    reschedules: bool = False  # the digest's day, time, zone or on/off depends on it


SETTINGS: tuple[Setting, ...] = (
    Setting("lang", "locale"),
    Setting("cur", "currency"),
    Setting("vat", "amounts_include_vat"),  # with `vat_rate`: see `current`
    Setting("pay", "payment_days"),
    Setting("margin", "default_margin"),
    Setting("hour", "hour_cost"),
    Setting("tz", "timezone", reschedules=True),
    Setting("scale", "grade_scale"),
    Setting("conc", "concentration_threshold"),
    Setting("window", "scoring_window_days"),
    Setting("dday", "digest_weekday", reschedules=True),
    Setting("dtime", "digest_minute", reschedules=True),
    Setting("digest", "digest_enabled", reschedules=True),
    Setting("approval", "members_need_approval"),
    Setting("private", "sensitive_to_admins"),
    Setting("retention", "declined_retention_days"),
)
BY_CODE = {s.code: s for s in SETTINGS}
GROUP_ONLY = ("approval", "private")  # who joins, who sees money: a personal team has no others
# The first screen names four groups so it fits a phone; each group is a screen of its own.
GROUPS: dict[str, tuple[str, ...]] = {
    "money": ("cur", "vat", "pay", "margin", "hour"),
    "grades": ("scale", "conc", "window"),
    "digest": ("digest", "dday", "dtime", "tz"),
    "team": ("lang", "approval", "private", "retention"),
}
GROUP_OF = {code: group for group, codes in GROUPS.items() for code in codes}


def settings_of(team: TeamView) -> tuple[Setting, ...]:
    """The settings that mean something for this team."""
    if team.is_personal:
        return tuple(s for s in SETTINGS if s.code not in GROUP_ONLY)
    return SETTINGS


def group_settings(team: TeamView, group: str) -> tuple[Setting, ...]:
    """A group's settings that mean something for this team, in the group's order."""
    codes = {s.code for s in settings_of(team)}
    return tuple(BY_CODE[code] for code in GROUPS[group] if code in codes)


def group_name(t: Translator, group: str) -> str:
    names = {
        "money": t._("Money"),
        "grades": t._("Grades"),
        "digest": t._("Digest"),
        "team": t._("Team and language"),
    }
    return names[group]


def _names(t: Translator) -> dict[str, str]:
    # Spelled out so the catalog extractor sees every name.
    return {
        "lang": t._("Language"),
        "cur": t._("Currency"),
        "vat": t._("Amounts"),
        "pay": t._("Payment"),
        "margin": t._("Default margin"),
        "hour": t._("An hour of work"),
        "tz": t._("Time zone"),
        "scale": t._("Grade scale"),
        "conc": t._("Big-client alarm"),
        "window": t._("Scoring period"),
        "dday": t._("Digest day"),
        "dtime": t._("Digest time"),
        "digest": t._("Weekly digest"),
        "approval": t._("New members"),
        "private": t._("Money figures"),
        "retention": t._("Declined clients"),
    }


def setting_name(t: Translator, code: str) -> str:
    return _names(t)[code]


def current(team: TeamView, code: str) -> Any:
    """A setting's value as the menu shows it and its choices compare with it.

    VAT is two columns, one value: (amounts include VAT, the rate taken off). A personal team
    without a payment habit is paid on the spot (storage.sales.payment_days).
    """
    if code == "vat":
        return (team.amounts_include_vat, team.vat_rate if team.amounts_include_vat else None)
    if code == "pay" and team.payment_days is None and team.is_personal:
        return 0
    return getattr(team, BY_CODE[code].field)


def months(days: int) -> int:
    return round(days / DAYS_PER_MONTH)


def days(month_count: int) -> int:
    return round(month_count * DAYS_PER_MONTH)


def capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def percent(t: Translator, fraction: float) -> str:
    """`25%`, or `35,5%` when a typed value has a fraction of a percent."""
    whole = abs(fraction * 100 - round(fraction * 100)) < 1e-6
    return t.percent(fraction, decimals=0 if whole else 1)


def value_text(
    t: Translator, code: str, value: Any, *, now: dt.datetime, currency: str = "EUR"
) -> str:
    """A setting's value as the menu and the confirmation show it."""
    if code == "lang":
        return LANGUAGE_NAMES.get(str(value), str(value))
    if code == "cur":
        return f"{SYMBOLS.get(str(value), '')} {value}".strip()
    if code == "vat":
        included, rate = value
        if included and rate is not None:
            return t._("including {rate} VAT", rate=rate_text(t, rate))
        return vat_word(t, included)
    if code == "pay":
        if value is None:
            return t._("persons on the spot, organisations by invoice in 14 days")
        if value == 0:
            return t._("on the spot")
        return t.n_("by invoice in {n} day", "by invoice in {n} days", int(value))
    if code == "margin":
        return percent(t, float(value)) if value is not None else t._("not set")
    if code == "hour":
        if value is None:
            return t._("not set")
        return t._("{amount} an hour", amount=t.money(int(value), currency))
    if code == "tz":
        return zone_label(t, str(value), now=now)
    if code == "scale":
        return SCALES.get(str(value), str(value))
    if code == "conc":
        return t._("at {share} of revenue", share=percent(t, float(value)))
    if code == "window":
        return t.n_("{n} month", "{n} months", months(int(value)))
    if code == "dday":
        return t.weekday(int(value))
    if code == "dtime":
        return t.time(int(value))
    if code == "digest":
        return t._("on") if value else t._("off")
    if code == "approval":
        return t._("need approval") if value else t._("join at once")
    if code == "private":
        return t._("to admins privately") if value else t._("in the group")
    if code == "retention":
        if value is None:
            return t._("kept")
        return t.n_(
            "anonymised after {n} month",
            "anonymised after {n} months",
            months(int(value)),
        )
    raise ValueError(f"unknown setting {code!r}")


def _setting_line(
    t: Translator, team: TeamView, code: str, *, currency_locked: bool, now: dt.datetime
) -> Markup:
    value = value_text(t, code, current(team, code), now=now, currency=team.currency)
    lock = " 🔒" if code == "cur" and currency_locked else ""
    return Markup("• ") + _names(t)[code] + Markup(": <b>") + value + lock + Markup("</b>")


def _summary(t: Translator, team: TeamView, group: str, *, now: dt.datetime) -> str:
    """A group's main values on one line: '€ EUR · zonder btw · direct betaald'."""

    def value(code: str) -> str:
        return str(value_text(t, code, current(team, code), now=now, currency=team.currency))

    if group == "money":
        parts = [value("cur"), value("vat")]
    elif group == "grades":
        parts = [value("scale"), value("window")]
    elif group == "digest":
        when = t._(
            "{day} at {time}", day=t.weekday(team.digest_weekday), time=t.time(team.digest_minute)
        )
        parts = [str(when) if team.digest_enabled else value("digest"), value("tz")]
    else:
        parts = [value("lang")]
    return " · ".join(parts)


def menu_text(
    t: Translator, team: TeamView, *, currency_locked: bool, admin: bool, now: dt.datetime
) -> Markup:
    """The first screen: each group of settings with its main values, one line each."""
    if team.is_personal:  # one person: no team's name to give
        lines = [t._("<b>Settings</b>")]
    else:
        lines = [t._("<b>Settings of {team}</b>", team=labels.team_name(t, team))]
    for group in GROUPS:
        summary = _summary(t, team, group, now=now)
        lines.append(
            Markup("• ") + group_name(t, group) + Markup(": <b>") + summary + Markup("</b>")
        )
    if not admin:
        lines.append(t._("Only the team's admins can change these."))
    else:
        lines.append(t._("Tap what you want to change."))
    return Markup("\n").join(lines)


def group_text(
    t: Translator,
    team: TeamView,
    group: str,
    *,
    currency_locked: bool,
    admin: bool,
    now: dt.datetime,
) -> Markup:
    """One group's screen: every setting in it with its value, one per line."""
    lines = [Markup("<b>") + group_name(t, group) + Markup("</b>")]
    lines += [
        _setting_line(t, team, s.code, currency_locked=currency_locked, now=now)
        for s in group_settings(team, group)
    ]
    if not admin:
        lines.append(t._("Only the team's admins can change these."))
    else:
        lines.append(t._("Tap what you want to change."))
    return Markup("\n").join(lines)


def question(t: Translator, code: str) -> Markup:
    """What the submenu of a setting asks, with a word on what it does."""
    questions = {
        "lang": t._(
            "Which language does the team speak? The group, the digest and exports use it."
        ),
        "cur": t._("In which currency do you work? It can't change once you've recorded a sale."),
        "vat": t._(
            "Do you type amounts with or without VAT? With VAT: pick the rate, and I'll take it "
            "off every figure; money owed stays as invoiced."
        ),
        "pay": t._(
            "How do your clients pay? Paid on the spot, a sale is settled when you record it; "
            "by invoice, it counts as owed until /paid."
        ),
        "hour": t._(
            "What does an hour of your work cost (wages, overheads)? Profit then subtracts the "
            "hours you record with sales."
        ),
        "margin": t._(
            "Default margin: used for a sale without a cost, and figures that rest on it say "
            "so. Pick one, or tap “Type another value”."
        ),
        "tz": t._("Which time zone does the team work in?"),
        "scale": t._(
            "Which grade scale? Switching changes no score, only how grades are shown: "
            "A is best on A–D, 5 on 1–5, 10 on 1–10."
        ),
        "conc": t._(
            "From which share of your revenue is one client a risk? A quarter is the usual "
            "warning sign."
        ),
        "window": t._("Over how many months of sales shall I score clients?"),
        "dday": t._("On which day shall I post the weekly digest?"),
        "dtime": t._("At what time shall I post the weekly digest?"),
        "digest": t._("Shall I post the weekly digest in the group?"),
        "approval": t._("Can new people in the group use Kompas at once, or after an admin's OK?"),
        "private": t._(
            "Money figures and the decline list: in the group, or privately to the admins?"
        ),
        "retention": t._(
            "Declined clients: keep their details, or anonymise them after a while "
            "(AVG/GDPR, 152-FZ)?"
        ),
    }
    return questions[code]


def typed_prompt(t: Translator, code: str) -> Markup:
    """The question for a value typed instead of tapped."""
    prompts = {
        "margin": t._("Type the default margin in percent, for example 35."),
        "vat": t._("Type the VAT rate in percent, for example 21."),
        "hour": t._("Type what an hour of work costs, for example 45."),
        "conc": t._("Type the share of revenue in percent, for example 15."),
        "dtime": t._("Type the time, for example 8:30."),
    }
    return prompts[code]


# Time zones -----------------------------------------------------------------------------------


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
    folded = name.casefold().replace("ё", "е")
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
