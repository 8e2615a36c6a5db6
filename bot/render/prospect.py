"""/check: a potential client's fit, per area, and what clients like them usually bring."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot import labels
from bot.render.clients import client_summary, trait_prompt
from bot.render.explain import money
from bot.render.portrait import TRAITS
from bot.render.refusals import ALREADY_LISTED
from locales import Markup, Translator, escape
from scoring.fit import FULL_MATCH
from scoring.prospects import PER_HOUR_CHECKS, Check, ProspectVerdict
from storage.callers import TeamView
from storage.models import Client

MAX_SET = 4  # values of a profile's set shown next to a miss
SETS = frozenset({"city", "education", "gender", "industry", "decision", "interests"})
MONEY_CHECKS = frozenset({"expected_profit", *PER_HOUR_CHECKS})


def verdict_text(
    t: Translator,
    team: TeamView,
    name: str,
    verdict: ProspectVerdict,
    names: Mapping[int, str],
    *,
    kind: str,
    with_money: bool = True,
    has_profile: bool = False,
) -> Markup:
    """`with_money=False`: without what similar clients bring (bot/kit/sensitive.py);
    `has_profile`: the team wrote an ideal profile (for another kind of client, if it is not
    used here)."""
    cur = team.currency
    if not (verdict.demographics or verdict.fit or verdict.market):
        # No profile criterion and no client like them: any verdict would be made up.
        return cannot_judge(t, name, kind, has_profile=has_profile)
    known = sum(check.match is not None for check in verdict.demographics)
    headline = {
        # Without clients like them there is no track record: the profile alone says so much,
        # and only of what is known of them ("1 of 3 points" is no match of the whole profile)
        "ideal": t._("✅ {name} looks like an ideal client.", name=name)
        if verdict.fit
        else t._("✅ {name} matches your ideal client profile.", name=name)
        if known == len(verdict.demographics)
        else t.n_(
            "✅ {name} fits your ideal profile so far: {n} of {total} points is known, and it "
            "fits.",
            "✅ {name} fits your ideal profile so far: {n} of {total} points are known, and they "
            "fit.",
            known,
            name=name,
            total=len(verdict.demographics),
        ),
        "acceptable": t._("👍 {name} would be an acceptable client.", name=name),
        "not_a_fit": t._("⛔ {name} is not a fit for you.", name=name),
        "unknown": t._("❔ Too little is known of {name} to judge yet.", name=name),
    }[verdict.verdict]
    lines = [headline]
    who = [_demographic(t, cur, check) for check in verdict.demographics]
    if who:
        lines.append(t._("<b>Who they are:</b> {checks}", checks=Markup(" · ").join(who)))
    else:
        lines.append(
            t._("<b>Who they are:</b> your ideal profile sets no demographics yet (/profile).")
        )
    fit = [
        _fit(t, cur, check) for check in verdict.fit if with_money or check.code not in MONEY_CHECKS
    ]
    if fit:
        lines.append(t._("<b>Fit with you:</b> {checks}", checks=Markup("; ").join(fit)))
    elif not verdict.fit:
        lines.append(
            t._(
                "<b>Fit with you:</b> none of your clients is much like them yet, so "
                "there's no track record to go by."
            )
        )
    for check in verdict.market:
        lines.append(
            t._(
                "<b>Market:</b> about {count} such clients per competitor — {verdict}.",
                count=t.number(round(float(check.value))),
                verdict=t._("room enough") if check.match else t._("a narrow market"),
            )
        )
    if verdict.similar_clients:
        # All of them (at most five): the "ideal clients among them" count is about this list.
        similar = Markup(", ").join(escape(names.get(i, "?")) for i in verdict.similar_clients)
        lines.append(t._("Most like them: {clients}.", clients=similar))
    return Markup("\n").join(lines)


def cannot_judge(t: Translator, name: str, kind: str | None, *, has_profile: bool) -> Markup:
    """Nothing to judge `name` by (None: anyone, said before the name is asked), and how to
    write what is missing: for a person no line of business, for an organisation no age."""
    if kind is None:
        said = t._("❔ I can't judge anyone yet: your ideal profile is empty.")
    elif has_profile:
        said = t._(
            "❔ I can't judge {name} yet: no ideal profile of yours covers such a client.",
            name=name,
        )
    else:
        said = t._("❔ I can't judge {name} yet: your ideal profile is empty.", name=name)
    if kind == "person":
        how = t._(
            "Describe your best private clients in /profile (age, city, income …), then check "
            "again."
        )
    elif kind == "organisation":
        how = t._(
            "Describe your best business clients in /profile (line of business, size, city …), "
            "then check again."
        )
    else:
        how = t._(
            "Fill it in with /profile: describe your best clients (age, city, line "
            "of business …), then check again."
        )
    return said + Markup("\n") + how


def _demographic(t: Translator, cur: str, check: Check) -> Markup:
    """✓ only for a criterion met in full; partial credit is a miss. Value against the bar. An
    unknown trait has no mark: a bare "?" before it read as a typo (a Russian reader)."""
    what = labels.label(t, TRAITS, check.code)
    if check.match is None:
        return t._("{what} unknown", what=what)
    met = check.match >= FULL_MATCH
    mark = "✓" if met else "✗"
    value = _value(t, cur, check.code, check.value)
    # A range always shows (8 against 10–100); a set only when missed (it can be long).
    bar = None if met and check.code in SETS else _bar(t, cur, check.code, check.reference)
    if bar is None:
        return Markup(f"{mark} ") + t._("{what}: {value}", what=what, value=value)
    return Markup(f"{mark} ") + t._(
        "{what}: {value} (profile {bar})", what=what, value=value, bar=bar
    )


def _bar(t: Translator, cur: str, code: str, bar: Any) -> str | None:
    """The profile's range (10–100, ≥ 10, ≤ 100) or set (Utrecht, Zeist), as the profile
    view writes it."""
    if not bar:
        return None
    if code in ("age", "income", "employees"):
        low, high = (None if v is None else _number(t, cur, code, v) for v in bar)
        if low is not None and high is not None:
            return f"{low}–{high}"
        if low is not None:
            return f"≥ {low}"
        return f"≤ {high}" if high is not None else None
    words = [_value(t, cur, code, v) for v in bar]
    return ", ".join(words[:MAX_SET]) + (", …" if len(words) > MAX_SET else "")


def _number(t: Translator, cur: str, code: str, value: float) -> str:
    return money(t, cur, value) if code == "income" else t.number(int(value))


def _value(t: Translator, cur: str, code: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if code in ("age", "employees", "income"):
        return _number(t, cur, code, value)
    vocabulary = labels.FIELD_LABELS.get(code)
    return labels.label(t, vocabulary, str(value)) if vocabulary else str(value)


def _fit(t: Translator, cur: str, check: Check) -> Markup:
    if check.code in MONEY_CHECKS:
        amount, bar = money(t, cur, check.value), money(t, cur, check.reference)
        if check.code == "expected_profit":
            return t._(
                "clients like them bring {amount} profit a year (team {median})",
                amount=amount,
                median=bar,
            )
        if check.code == "expected_profit_per_hour":
            return t._("{amount} per hour (you aim for {bar})", amount=amount, bar=bar)
        # profit_per_hour_vs_typical: the profile sets no aim of its own
        return t._("{amount} per hour (typical client {bar})", amount=amount, bar=bar)
    if check.code == "similar_ideal":
        return t._(
            "ideal clients among them: {count} of {total}",
            count=t.number(int(check.value)),
            total=t.number(int(check.reference)),
        )
    return escape(check.code)


def check_prompt(t: Translator, step: str, name: str = "") -> Markup:
    """The question of each /check step before the verdict."""
    if step == "name":
        return t._("Whom shall I measure? Their name, please.")
    if step == "employees":  # "there" would be nowhere in particular
        return t._("How many people work at {name}, roughly?", name=name)
    return trait_prompt(t, step, name)


def already_a_client(t: Translator, client: str) -> Markup:
    """/check of a name on the list: said above their card, which shows how they fit."""
    return t._(ALREADY_LISTED, client=client)


def save_options(t: Translator, as_prospect: str, as_client: str) -> list[tuple[str, str]]:
    """The buttons under a /check verdict."""
    return [(t._("Save as prospect"), as_prospect), (t._("Save as client"), as_client)]


def checked_client_saved(t: Translator, client: Client, *, prospect: bool) -> Markup:
    if prospect:
        return t._(
            "Saved as a prospect: {client}. Their first sale makes them a client.",
            client=client_summary(t, client),
        )
    return t._("Added: {client}.", client=client_summary(t, client))
