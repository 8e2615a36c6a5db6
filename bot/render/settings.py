"""The /settings menu in words: each setting's name, its current value and its question
(the time-zone choices: bot/render/time_zones.py; the buttons: bot/render/settings_menu.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bot.render.explain import rate_text, vat_word
from bot.render.members import team_name
from bot.render.time_zones import zone_label
from locales import N_, Markup, Translator
from locales.languages import LANGUAGE_NAMES_IN_TEXT
from storage.callers import TeamView

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
# Each setting's words as message ids, translated only where one is shown.
GROUP_NAMES = {
    "money": N_("Money"),
    "grades": N_("Grades"),
    "digest": N_("Digest"),
    "team": N_("Team and language"),
}
NAMES = {
    "lang": N_("Language"),
    "cur": N_("Currency"),
    "vat": N_("Amounts"),
    "pay": N_("Payment"),
    "margin": N_("Default margin"),
    "hour": N_("An hour of work"),
    "tz": N_("Time zone"),
    "scale": N_("Grade scale"),
    "conc": N_("Big-client alarm"),
    "window": N_("Scoring period"),
    "dday": N_("Digest day"),
    "dtime": N_("Digest time"),
    "digest": N_("Weekly digest"),
    "approval": N_("New members"),
    "private": N_("Money figures"),
    "retention": N_("Declined clients"),
}
QUESTIONS = {
    "lang": N_("Which language does the team speak? The group, the digest and exports use it."),
    "cur": N_("In which currency do you work? It can't change once you've recorded a sale."),
    "vat": N_(
        "Do you type amounts with or without VAT? With VAT: pick the rate, and I'll take it "
        "off every figure; money owed stays as invoiced."
    ),
    "pay": N_(
        "How do your clients pay? Paid on the spot, a sale is settled when you record it; "
        "by invoice, it counts as owed until /paid."
    ),
    "hour": N_(
        "What does an hour of your work cost (wages, overheads)? Profit then subtracts the "
        "hours you record with sales."
    ),
    "margin": N_(
        "Default margin: used for a sale without a cost, and figures that rest on it say "
        "so. Pick one, or tap “Type another value”."
    ),
    "tz": N_("Which time zone does the team work in?"),
    "scale": N_(
        "Which grade scale? Switching changes no score, only how grades are shown: "
        "A is best on A–D, 5 on 1–5, 10 on 1–10."
    ),
    "conc": N_(
        "From which share of your revenue is one client a risk? A quarter is the usual "
        "warning sign."
    ),
    "window": N_("Over how many months of sales shall I score clients?"),
    "dday": N_("On which day shall I post the weekly digest?"),
    "dtime": N_("At what time shall I post the weekly digest?"),
    "digest": N_("Shall I post the weekly digest in the group?"),
    "approval": N_("Can new people in the group use Kompas at once, or after an admin's OK?"),
    "private": N_("Money figures and the decline list: in the group, or privately to the admins?"),
    "retention": N_(
        "Declined clients: keep their details, or anonymise them after a while (AVG/GDPR, 152-FZ)?"
    ),
}
# The settings that also take a typed value, and what they ask.
TYPED_PROMPTS = {
    "margin": N_("Type the default margin in percent, for example 35."),
    "vat": N_("Type the VAT rate in percent, for example 21."),
    "hour": N_("Type what an hour of work costs, for example 45."),
    "conc": N_("Type the share of revenue in percent, for example 15."),
    "dtime": N_("Type the time, for example 8:30."),
}


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
    return t._(GROUP_NAMES[group])


def setting_name(t: Translator, code: str) -> str:
    return t._(NAMES[code])


def current(team: TeamView, code: str) -> Any:
    """A setting's value as the menu shows it and its choices compare with it.

    VAT is two columns, one value: (amounts include VAT, the rate taken off).
    """
    if code == "vat":
        return (team.amounts_include_vat, team.vat_rate if team.amounts_include_vat else None)
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
        return LANGUAGE_NAMES_IN_TEXT.get(str(value), str(value))
    if code == "cur":
        return f"{SYMBOLS.get(str(value), '')} {value}".strip()
    if code == "vat":
        included, rate = value
        if included and rate == 0:  # "inclusief 0% btw" read oddly to a Dutch reader
            return t._("including 0% VAT (exempt)")
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
            return t._("not counted")
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


def setting_back(
    t: Translator, before: dict[str, Any], *, currency: str, now: dt.datetime
) -> Markup | None:
    """What an undone settings change put back, as the menu says it ("Ongedaan. Standaardmarge:
    niet ingesteld."): «прежняя настройка восстановлена» left the Russian reader guessing that
    a second /undo had cleared her margin. None for a change of several settings at once."""
    if "amounts_include_vat" in before:
        included = before["amounts_include_vat"]
        code, value = "vat", (included, before.get("vat_rate") if included else None)
    else:
        codes = [setting.code for setting in SETTINGS if setting.field in before]
        if len(codes) != 1:
            return None
        code, value = codes[0], before[BY_CODE[codes[0]].field]
    shown = value_text(t, code, value, now=now, currency=currency)
    return t._("Undone. {setting}: {value}.", setting=setting_name(t, code), value=shown)


def _setting_line(
    t: Translator, team: TeamView, code: str, *, currency_locked: bool, now: dt.datetime
) -> Markup:
    value = value_text(t, code, current(team, code), now=now, currency=team.currency)
    lock = " 🔒" if code == "cur" and currency_locked else ""
    return Markup("• ") + setting_name(t, code) + Markup(": <b>") + value + lock + Markup("</b>")


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
    lines = [_title(t, team)]
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


def _title(t: Translator, team: TeamView) -> Markup:
    if team.is_personal:  # one person: no team's name to give
        return t._("<b>Settings</b>")
    return t._("<b>Settings of {team}</b>", team=team_name(t, team))


def question(t: Translator, code: str) -> Markup:
    """What the submenu of a setting asks, with a word on what it does."""
    return t._(QUESTIONS[code])


def typed_prompt(t: Translator, code: str) -> Markup:
    """The question for a value typed instead of tapped."""
    return t._(TYPED_PROMPTS[code])
