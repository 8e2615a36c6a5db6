"""/check: a potential client's fit, per area, and what clients like them usually bring."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot import labels
from bot.render.explain import money
from locales import Markup, Translator, escape
from scoring.prospects import Check, ProspectVerdict
from storage.callers import TeamView

TRAIT_WORDS = {
    "gender": labels.GENDERS,
    "education": labels.EDUCATION,
    "decision": labels.DECISIONS,
}


def verdict_text(
    t: Translator, team: TeamView, name: str, verdict: ProspectVerdict, names: Mapping[int, str]
) -> Markup:
    cur = team.currency
    headline = {
        "ideal": t._("✅ {name} looks like an ideal client.", name=name),
        "acceptable": t._("👍 {name} would be an acceptable client.", name=name),
        "not_a_fit": t._("⛔ {name} is not a fit for you.", name=name),
    }[verdict.verdict]
    lines = [headline]
    who = [_demographic(t, check) for check in verdict.demographics]
    if who:
        lines.append(t._("<b>Who they are:</b> {checks}", checks=Markup(" · ").join(who)))
    else:
        lines.append(
            t._("<b>Who they are:</b> your ideal profile sets no demographics yet (/profile).")
        )
    fit = [_fit(t, cur, check) for check in verdict.fit]
    if fit:
        lines.append(t._("<b>Fit with you:</b> {checks}", checks=Markup("; ").join(fit)))
    else:
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
        similar = Markup(", ").join(escape(names.get(i, "?")) for i in verdict.similar_clients[:3])
        lines.append(t._("Most like them: {clients}.", clients=similar))
    return Markup("\n").join(lines)


def _demographic(t: Translator, check: Check) -> Markup:
    mark = "?" if check.match is None else ("✓" if check.match >= 0.5 else "✗")
    value = _value(t, check.code, check.value)
    if check.match is None:
        return Markup(f"{mark} ") + t._(
            "{what} unknown", what=labels.label(t, labels.TRAITS, check.code)
        )
    return Markup(f"{mark} ") + escape(value)


def _value(t: Translator, code: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if code == "age":
        return str(t.n_("{n} year old", "{n} years old", int(value)))
    if code == "employees":
        return str(t.n_("{n} employee", "{n} employees", int(value)))
    vocabulary = TRAIT_WORDS.get(code)
    return labels.label(t, vocabulary, str(value)) if vocabulary else str(value)


def _fit(t: Translator, cur: str, check: Check) -> Markup:
    if check.code == "expected_profit":
        return t._(
            "clients like them bring {amount} profit a year (team {median})",
            amount=money(t, cur, check.value),
            median=money(t, cur, check.reference),
        )
    if check.code == "expected_profit_per_hour":
        return t._(
            "{amount} per hour (you aim for {bar})",
            amount=money(t, cur, check.value),
            bar=money(t, cur, check.reference),
        )
    if check.code == "similar_ideal":
        return t._("{share} of them are ideal clients", share=t.percent(float(check.value)))
    return escape(check.code)
