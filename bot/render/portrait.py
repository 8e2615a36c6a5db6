"""/portrait: who the ideal clients are, how they buy, where they came from, who is overdue."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from bot import labels
from bot.render.explain import about_money, money, team_history_short
from locales import N_, Markup, Translator, escape
from scoring import Portrait, TeamAnalysis, Trait
from storage.callers import TeamView

# What a trait of the ideal-client profile is called (the portrait's gaps, /check's checks).
TRAITS = {
    "age": N_("age"), "income": N_("income"), "employees": N_("number of employees"),
    "city": N_("city"), "education": N_("education"), "gender": N_("gender"),
    "industry": N_("line of business"), "decision": N_("who decides"),
    "interests": N_("interests"), "segment": N_("segment"),
}  # fmt: skip


def portrait_text(
    t: Translator,
    team: TeamView,
    analysis: TeamAnalysis,
    portrait: Portrait,
    names: Mapping[int, str],
    *,
    with_money: bool = True,
) -> Markup:
    """One portrait; `with_money` False leaves out what the team earns from these clients."""
    cur = team.currency
    count = len(portrait.client_ids)
    too_few = next((w for w in portrait.warnings if w.code == "ideal_too_few"), None)
    if too_few is not None:
        return _too_few(t, portrait, too_few.params)
    lines = [_title(t, portrait, count)]
    nobody = next((w for w in portrait.warnings if w.code == "no_ideal"), None)
    if nobody is not None:
        lines.append(
            t._(
                "Nobody counts as ideal yet: your most profitable clients here have a grade "
                "below the middle. /clients shows why."
            )
            if nobody.params.get("reason") == "grades"
            else t._("Nobody counts as ideal yet: none of these clients brings a profit.")
        )
        return Markup("\n").join(lines)
    lines.append(
        t._("The most profitable fifth, narrowed to those who refer others.")
        if portrait.based_on_referrers
        else t._("The most profitable fifth (too few of them refer others to narrow it down).")
    )
    lines.append(_who(t, analysis, portrait, names))
    if portrait.traits:
        traits = Markup(" · ").join(_trait(t, trait) for trait in portrait.traits)
        lines.append(t._("Mostly: {traits}.", traits=traits))
    numbers = {n.name: n for n in portrait.numeric}
    buying = []
    if with_money and "annual_revenue" in numbers and not team_history_short(analysis):
        buying.append(
            t._("{amount} a year", amount=money(t, cur, numbers["annual_revenue"].median))
        )
    if "purchases" in numbers:
        purchases = int(round(numbers["purchases"].median))
        buying.append(t.n_("{n} purchase", "{n} purchases", purchases))
    if with_money and "profit_per_hour" in numbers:
        buying.append(
            t._("{amount} profit per hour", amount=money(t, cur, numbers["profit_per_hour"].median))
        )
    if buying:
        lines.append(t._("How they buy (median): {figures}.", figures=Markup(", ").join(buying)))
    demographics = []  # "7 of 10: 11–15 employees", never "typically" without how many
    if "age" in numbers:
        age = numbers["age"]
        fact = t._("aged {low}–{high}", low=t.number(round(age.q1)), high=t.number(round(age.q3)))
        demographics.append((age, fact))
    if "employees" in numbers:
        staff = numbers["employees"]
        low, high = t.number(round(staff.q1)), t.number(round(staff.q3))
        demographics.append((staff, t._("{low}–{high} employees", low=low, high=high)))
    if "income" in numbers:
        income = numbers["income"]
        low, high = money(t, cur, income.q1), money(t, cur, income.q3)
        demographics.append((income, t._("income {low}–{high}", low=low, high=high)))
    if demographics:
        lines.append(
            Markup(" ").join(
                t._("{within} of {known}: {fact}.", within=n.within, known=n.known, fact=fact)
                for n, fact in demographics
            )
        )
    if portrait.sources:
        named = portrait.sources[:4]
        sources = Markup(", ").join(
            Markup(f"{escape(_value(t, 'source', source))} {escape(share)}")
            for (source, _), share in zip(named, t.percents([s for _, s in named]), strict=True)
        )
        lines.append(t._("Where they came from: {sources}.", sources=sources))
    members = set(portrait.client_ids)
    overdue = [o for o in analysis.overdue_ideal if o.client_id in members][:3]
    for item in overdue:
        lines.append(
            t._(
                "📞 Reach out to {client}: usually every {usual}, last purchase {days} ago.",
                client=names.get(item.client_id, "?"),
                usual=t.n_("{n} day", "{n} days", int(round(item.usual_interval_days))),
                days=t.n_("{n} day", "{n} days", int(item.days_since_last)),
            )
        )
    lines += _missing(t, portrait)
    return Markup("\n").join(lines)


NAMED = 5  # ideal clients named by name; the rest counted


def _who(
    t: Translator, analysis: TeamAnalysis, portrait: Portrait, names: Mapping[int, str]
) -> Markup:
    """Which clients the portrait is drawn from, the most profitable first ("Wie: Tandarts-
    praktijk Smit, …"): a reader could not tell whom "your 5 ideal organisations" were."""
    profit = analysis.clients["annual_profit"].fillna(0).to_dict()
    ideal = sorted(portrait.client_ids, key=lambda i: (-profit.get(i, 0), names.get(i, "")))
    named = Markup(", ").join(escape(names.get(i, "?")) for i in ideal[:NAMED])
    rest = len(ideal) - NAMED
    if rest > 0:
        return t.n_("Who: {names} and {n} more.", "Who: {names} and {n} more.", rest, names=named)
    return t._("Who: {names}.", names=named)


def _title(t: Translator, portrait: Portrait, count: int) -> Markup:
    """The portrait's title, with how many clients it is of; nobody ideal: no "(0)", one: said
    as one, no "(1)" (Russian's plural form of 1 is also that of 21: never a singular)."""
    segment = portrait.segment or ""
    if count == 1:
        if portrait.kind == "person":
            return t._("<b>Your ideal private client</b>")
        if portrait.kind == "organisation":
            return t._("<b>Your ideal organisation</b>")
        return t._("<b>Your ideal client in “{segment}”</b>", segment=segment)
    if portrait.kind == "person":
        if not count:
            return t._("<b>Your ideal private clients</b>")
        return t.n_(
            "<b>Your ideal private client</b> ({n})",
            "<b>Your ideal private clients</b> ({n})",
            count,
        )
    if portrait.kind == "organisation":
        if not count:
            return t._("<b>Your ideal organisations</b>")
        return t.n_(
            "<b>Your ideal organisation</b> ({n})", "<b>Your ideal organisations</b> ({n})", count
        )
    if not count:
        return t._("<b>Ideal clients in “{segment}”</b>", segment=segment)
    return t.n_(
        "<b>Ideal clients in “{segment}”</b> ({n})",
        "<b>Ideal clients in “{segment}”</b> ({n})",
        count,
        segment=segment,
    )


def portraits_page(
    t: Translator,
    team: TeamView,
    analysis: TeamAnalysis,
    portraits: Sequence[Portrait],
    *,
    with_money: bool,
) -> Markup:
    """The /portrait answer: each portrait asked for, then what the ideal clients bring in
    (with money shown only)."""
    names = analysis.names
    short = {p.kind: _too_few_params(p) for p in portraits if p.segment is None}
    persons, organisations = short.get("person"), short.get("organisation")
    if len(portraits) == 2 and persons is not None and organisations is not None:
        sections = [_both_too_few(t, persons, organisations)]
    else:
        sections = [
            portrait_text(t, team, analysis, p, names, with_money=with_money) for p in portraits
        ]
    # What all ideal clients bring in: under the whole portrait only, never under one kind's
    # (the Russian reader: "no ideal private clients yet", then the organisations' 779 000 ₽).
    whole = {p.kind for p in analysis.portraits if p.segment is None} <= {
        p.kind for p in portraits if p.segment is None
    }
    run_rate = run_rate_text(t, team, analysis) if with_money and whole else None
    if run_rate is not None:
        sections.append(run_rate)
    return Markup("\n\n").join(sections)


def portrait_summary(t: Translator, analysis: TeamAnalysis) -> Markup | None:
    """The portrait in one line for the digest: the main traits of the largest portrait."""
    portraits = [p for p in analysis.portraits if p.segment is None and p.traits]
    if not portraits:
        return None
    biggest = max(portraits, key=lambda p: len(p.client_ids))
    traits = Markup(", ").join(
        escape(_value(t, trait.name, trait.value)) for trait in biggest.traits[:3]
    )
    return t._("⭐ Your ideal clients are mostly: {traits}. More: /portrait", traits=traits)


def run_rate_text(t: Translator, team: TeamView, analysis: TeamAnalysis) -> Markup | None:
    """What the ideal clients who buy again brought in (invoiced, paid or not) in a year, a
    month; None when nobody did."""
    if analysis.ideal_run_rate_monthly <= 0 or team_history_short(analysis):
        return None  # under 90 days of sales are no "12 months"
    return t._(
        "Your ideal clients who keep coming back brought in about {amount} a month over the "
        "last 12 months (invoiced): money you can count on.",
        amount=about_money(t, team.currency, analysis.ideal_run_rate_monthly),
    )


def _too_few_params(portrait: Portrait) -> Mapping[str, object] | None:
    too_few = next((w for w in portrait.warnings if w.code == "ideal_too_few"), None)
    return None if too_few is None else too_few.params


def _both_too_few(
    t: Translator, persons: Mapping[str, object], organisations: Mapping[str, object]
) -> Markup:
    """Too few of both kinds: one sentence, not the same long one twice."""
    return t._(
        "Too few clients yet to tell who is ideal: I need at least {persons} private clients "
        "or {organisations} organisations (private clients now: {have_persons}, organisations: "
        "{have_organisations}).",
        persons=t.number(int(str(persons.get("minimum", 5)))),
        organisations=t.number(int(str(organisations.get("minimum", 5)))),
        have_persons=t.number(int(str(persons.get("clients", 0)))),
        have_organisations=t.number(int(str(organisations.get("clients", 0)))),
    )


def _too_few(t: Translator, portrait: Portrait, params: Mapping[str, object]) -> Markup:
    """Under five clients of a kind nobody is called ideal: say so, and what would help."""
    have = int(str(params.get("clients", 0)))
    need = int(str(params.get("minimum", 5)))
    if portrait.kind == "person":
        return t.n_(
            "Too few clients yet to tell who is ideal: with {n} private client I can see it "
            "(you have {have}).",
            "Too few clients yet to tell who is ideal: with {n} private clients I can see it "
            "(you have {have}).",
            need,
            have=t.number(have),
        )
    if portrait.kind == "organisation":
        return t.n_(
            "Too few clients yet to tell who is ideal: with {n} organisation I can see it "
            "(you have {have}).",
            "Too few clients yet to tell who is ideal: with {n} organisations I can see it "
            "(you have {have}).",
            need,
            have=t.number(have),
        )
    return t.n_(
        "Too few clients in “{segment}” yet to tell who is ideal: with {n} I can see it "
        "(you have {have}).",
        "Too few clients in “{segment}” yet to tell who is ideal: with {n} I can see it "
        "(you have {have}).",
        need,
        segment=portrait.segment or "",
        have=t.number(have),
    )


def _trait(t: Translator, trait: Trait) -> Markup:
    """«йога (100 %, в 12 раз чаще …)»: a whole lift is a counted message, so the word after it
    agrees with the number (Russian «в 2 раза», «в 5 раз», «в 21 раз»); a fractional one keeps
    the fraction's form («в 1,5 раза»)."""
    # From 2 on a whole number reads plainly ("27 keer zo vaak", «в 28 раз»); below it the
    # fraction says what there is to say («в 1,5 раза»).
    value, share = _value(t, trait.name, trait.value), t.percent(trait.share)
    if trait.rest_share == 0:  # "28× as often" as none of the others would be no ratio at all
        return t._("{value} ({share}, none of your other clients)", value=value, share=share)
    lift = float(math.floor(trait.lift + 0.5)) if trait.lift >= 2 else round(trait.lift, 1)
    if lift == int(lift):
        return t.n_(
            "{value} ({share}, {n}× your other clients)",
            "{value} ({share}, {n}× your other clients)",
            int(lift),
            value=value,
            share=share,
        )
    return t._(
        "{value} ({share}, {lift}× your other clients)",
        value=value,
        share=share,
        lift=t.number(lift),
    )


# A portrait is of a group: «чаще всего: женщины, Москва», not «женщина» (read_ru round 3).
GROUP_GENDERS = {"f": N_("women"), "m": N_("men"), "x": N_("another gender")}


def _value(t: Translator, trait: str, value: str) -> str:
    if trait == "gender" and value in GROUP_GENDERS:
        return t._(GROUP_GENDERS[value])
    vocabulary = labels.FIELD_LABELS.get(trait)
    return labels.label(t, vocabulary, value) if vocabulary else value


def _missing(t: Translator, portrait: Portrait) -> list[Markup]:
    notes = []
    for warning in portrait.warnings:
        if warning.code == "portrait_few_clients":
            notes.append(
                t.n_(
                    "⚠️ Only {n} client of this kind: too few to say what they share. "
                    "I need at least {minimum}.",
                    "⚠️ Only {n} clients of this kind: too few to say what they "
                    "share. I need at least {minimum}.",
                    int(warning.params.get("clients", 0)),
                    minimum=warning.params.get("minimum", 10),
                )
            )
        elif warning.code == "portrait_few_ideal":
            notes.append(
                t.n_(
                    "⚠️ Only {n} ideal client: too few to say what they share. "
                    "I need at least {minimum}.",
                    "⚠️ Only {n} ideal clients: too few to say what they share. "
                    "I need at least {minimum}.",
                    int(warning.params.get("ideal", 0)),
                    minimum=warning.params.get("minimum", 3),
                )
            )
        elif warning.code == "ranked_by_revenue":
            notes.append(t._("⚠️ Costs are missing, so I ranked by revenue instead of profit."))
    gaps = [gap for gap in portrait.missing if gap not in ("clients",)]
    if gaps:
        words = Markup(", ").join(_gap(t, gap) for gap in gaps)
        notes.append(t._("⚠️ Missing data: {what}. With it the portrait gets sharper.", what=words))
    return notes


def _gap(t: Translator, gap: str) -> Markup:
    if gap == "referrals":
        return t._("who referred whom (/refer)")
    if gap == "costs":
        return t._("costs of sales")
    return escape(labels.label(t, TRAITS, gap))
