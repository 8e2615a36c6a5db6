"""The /settings buttons: the menu, each setting's choices (the current one ticked), the
confirmation of a change, and the time-zone pickers (country, first letter, zone)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from bot.kit.callbacks import pack
from bot.render import settings, time_zones
from bot.render.buttons import Buttons, Options
from locales import LANGUAGE_NAMES, SUPPORTED_LOCALES, Markup, Translator
from storage.callers import TeamView

MARGINS = (20, 30, 40, 50)  # percent
# VAT rates in force (2026), by the team's language: the Netherlands 21 % and 9 %; Russia 22 %
# (from 1 January 2026), 10 %, and 5 % for payers on the simplified system (7 % is typed).
VAT_RATES = {"nl": (21, 9, 0), "ru": (22, 10, 5, 0)}
PAYMENT_DAYS = (7, 14, 30)  # invoice terms on offer; 0 = on the spot
BY_KIND = "auto"  # payment habit by client kind (the default)
THRESHOLDS = (20, 25, 30)  # percent of revenue
PERIODS = (6, 12, 24)  # months
TIMES = tuple(hour * 60 for hour in (7, 8, 9, 10, 12, 17))
RETENTIONS = (6, 12, 24)  # months
TYPED = frozenset(settings.TYPED_PROMPTS)  # also take a typed value
OFF = "off"


def rows(options: Options, per_row: int) -> Buttons:
    return [options[i : i + per_row] for i in range(0, len(options), per_row)]


# A menu made for a member who may only look: its groups open without a button per setting.
LOOK = "look"


def menu_buttons(t: Translator, team: TeamView, *, look: bool = False) -> Buttons:
    """One button per group of settings, two to a row (everyone may look inside)."""
    extra = (LOOK,) if look else ()
    options = [
        (settings.group_name(t, group), pack("setm", team.id, group, *extra))
        for group in settings.GROUPS
    ]
    return rows(options, 2)


def group_buttons(t: Translator, team: TeamView, group: str) -> Buttons:
    """A group's settings, two to a row, then ← Settings. A group message is shared: whoever
    opened it, an admin can change from it (a member's press is refused with a word)."""
    options = [
        (settings.setting_name(t, s.code), pack("set", team.id, s.code))
        for s in settings.group_settings(team, group)
    ]
    return [*rows(options, 2), back_row(t, team.id)]


def back_row(
    t: Translator, team_id: int, code: str | None = None, *, look: bool = False
) -> list[tuple[str, str]]:
    """← Settings, or from a setting's choices back to its group: ← Money."""
    if code is None:
        return [
            (t._("← Settings"), pack("setm", team_id, "", LOOK) if look else pack("setm", team_id))
        ]
    group = settings.GROUP_OF[code]
    return [("← " + settings.group_name(t, group), pack("setm", team_id, group))]


def choices(t: Translator, team: TeamView, code: str, *, now: dt.datetime) -> tuple[Options, int]:
    """A setting's choices as (label, value code), and how many go on a row."""
    if code == "lang":
        return [(LANGUAGE_NAMES[c], c) for c in SUPPORTED_LOCALES], 2
    if code == "cur":
        return [
            (settings.value_text(t, "cur", c, now=now), c)
            for c in settings.currencies_for(team.locale)
        ], 3
    if code == "vat":
        rates = VAT_RATES.get(team.locale, VAT_RATES["nl"])
        with_vat = [
            (settings.value_text(t, "vat", (True, r / 100), now=now), str(r)) for r in rates
        ]
        return [(settings.vat_word(t, False), OFF), *with_vat], 1
    if code == "pay":
        options = [(t._("Clients pay on the spot"), "0")] + [
            (t.n_("We invoice: {n} day", "We invoice: {n} days", d), str(d)) for d in PAYMENT_DAYS
        ]
        if not team.is_personal:
            options.append((t._("Persons on the spot, organisations 14 days"), BY_KIND))
        return options, 1
    if code == "margin":
        return [(t._("None"), OFF)] + [(t.percent(p / 100), str(p)) for p in MARGINS], 3
    if code == "hour":
        return [(t._("Don't count it"), OFF)], 1  # "✓ Niet meerekenen" when unset, not "✓ Wissen"
    if code == "scale":
        return [(label, scale) for scale, label in settings.SCALES.items()], 3
    if code == "conc":
        return [(t.percent(p / 100), str(p)) for p in THRESHOLDS], 3
    if code == "window":
        return [(t.n_("{n} month", "{n} months", m), str(m)) for m in PERIODS], 3
    if code == "dday":
        return [(settings.capitalised(t.weekday(d)), str(d)) for d in range(7)], 2
    if code == "dtime":
        return [(t.time(minute), str(minute)) for minute in TIMES], 3
    if code in ("digest", "approval", "private"):
        labels = {
            "digest": (t._("Switch on"), t._("Switch off")),
            "approval": (t._("After an admin's OK"), t._("At once")),
            "private": (t._("Privately to admins"), t._("In the group")),
        }[code]
        return [(labels[0], "1"), (labels[1], "0")], 1 if code != "digest" else 2
    if code == "retention":
        keep = [(t._("Keep them"), OFF)]
        return keep + [
            (t.n_("After {n} month", "After {n} months", m), str(m)) for m in RETENTIONS
        ], 2
    return [], 1  # the time zone: countries first (`likely_countries`)


def submenu(
    t: Translator,
    team_id: int,
    code: str,
    options: Options,
    per_row: int,
    ticked: Collection[str],
) -> tuple[Markup, Buttons]:
    """A setting's question, its choices (✓ on the current one), "type another value" where
    one may be typed, and ← Settings."""
    chosen = [(("✓ " if value in ticked else "") + label, value) for label, value in options]
    buttons = rows(
        [(label, pack("setv", team_id, code, value)) for label, value in chosen], per_row
    )
    if code in TYPED:
        typed = t._("Type the amount") if code == "hour" else t._("Type another value")
        buttons.append([(typed, pack("sett", team_id, code))])
    buttons.append(back_row(t, team_id, code))
    return settings.question(t, code), buttons


def changed(t: Translator, team: TeamView, code: str, value: object, *, now: dt.datetime) -> Markup:
    text = t._(
        "{setting} is now {value}.",
        setting=settings.setting_name(t, code),
        value=settings.value_text(t, code, value, now=now, currency=team.currency),
    )
    if code == "scale":
        text += Markup("\n") + t._("Scores stay as they are; only how grades are shown changes.")
    return text


def unchanged(
    t: Translator, team: TeamView, code: str, value: object, *, now: dt.datetime
) -> Markup:
    """A setting set to what it already was: said so, with nothing to undo (Truth)."""
    return t._(
        "{setting} was {value} already: nothing changed.",
        setting=settings.setting_name(t, code),
        value=settings.value_text(t, code, value, now=now, currency=team.currency),
    )


def whole_money(t: Translator, amount: int, currency: str) -> str:
    return t.money(amount, currency, whole=True)


def _city_buttons(team_id: int, cities: Sequence[tuple[str, str]], current: str) -> Buttons:
    """Cities two to a row, the team's zone ticked once (St Petersburg keeps Moscow time)."""
    options, ticked = [], False
    for label, zone in cities:
        tick = zone == current and not ticked
        ticked = ticked or tick
        options.append((("✓ " if tick else "") + label, pack("setv", team_id, "tz", zone)))
    return rows(options, 2)


def home_cities(
    t: Translator, team_id: int, team: TeamView, *, now: dt.datetime
) -> tuple[Markup, Buttons]:
    """The time zone, step one: the common cities of the team's country, more of its cities,
    or another country."""
    country = time_zones.home_country(team)
    common = time_zones.common_cities(t, country, now=now)
    buttons = _city_buttons(team_id, common, team.timezone)
    more = len(time_zones.country_cities(t, country, now=now)) > len({z for _l, z in common})
    if more:
        buttons.append([(t._("More cities…"), pack("settz", team_id, "c", country))])
    buttons.append([(t._("Another country…"), pack("settz", team_id, "ctry"))])
    buttons.append(back_row(t, team_id, "tz"))
    current = time_zones.zone_label(t, team.timezone, now=now)
    text = settings.question(t, "tz") + Markup("\n") + t._("Now: {zone}.", zone=current)
    return text, buttons


def likely_countries(
    t: Translator, team_id: int, team: TeamView, *, now: dt.datetime
) -> tuple[Markup, Buttons]:
    """Another country: the ones the team's language suggests, or any other by its letter."""
    countries = time_zones.likely_countries(team.locale)
    options = [(time_zones.country_name(t, c), pack("settz", team_id, "c", c)) for c in countries]
    buttons = rows(options, 3)
    buttons.append([(t._("Other countries…"), pack("settz", team_id, "abc"))])
    buttons.append([(t._("← Back"), pack("settz", team_id, "top"))])
    return t._("Which country?"), buttons


def letters(t: Translator, team_id: int, first_letters: Sequence[str]) -> tuple[Markup, Buttons]:
    options = [(letter, pack("settz", team_id, "l", i)) for i, letter in enumerate(first_letters)]
    buttons = rows(options, 6)
    buttons.append([(t._("← Back"), pack("settz", team_id, "ctry"))])
    return t._("The country's first letter?"), buttons


def countries(t: Translator, team_id: int, codes: Sequence[str]) -> tuple[Markup, Buttons]:
    options = [(time_zones.country_name(t, c), pack("settz", team_id, "c", c)) for c in codes]
    buttons = rows(options, 2)
    buttons.append([(t._("← Back"), pack("settz", team_id, "abc"))])
    return t._("Which country?"), buttons


def zones(
    t: Translator, team_id: int, country: str, current: str, *, now: dt.datetime
) -> tuple[Markup, Buttons]:
    """A country's cities: the common ones first, then the rest from west to east."""
    buttons = _city_buttons(team_id, time_zones.country_cities(t, country, now=now), current)
    buttons.append([(t._("← Back"), pack("settz", team_id, "top"))])
    text = t._("Which time zone in {country}?", country=time_zones.country_name(t, country))
    return text, buttons
