"""The ideal client profile in words: its criteria per area, a phone-sized summary, and the
market-reality figure (potential ideal clients per competitor) with its "too narrow" warning."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot import labels
from bot.render.buttons import Options
from bot.render.settings import percent
from locales import Markup, Translator, escape
from scoring.market import MarketReality
from scoring.profile import IdealProfile
from storage.profiles import StoredProfile

AREAS = ("demo", "fit", "market")


@dataclass(frozen=True)
class Criterion:
    """One thing a profile can ask of a client, and how the user gives it."""

    code: str  # in callback data
    area: str  # demo | fit | market
    fields: tuple[str, ...]  # IdealProfile fields: (low, high) for a range, else one
    how: str  # number_range | money_range | choices | words | money | percent | hours | count
    kinds: tuple[str, ...] = ("person", "organisation")
    vocabulary: dict[str, str] | None = None


CRITERIA: tuple[Criterion, ...] = (
    Criterion("age", "demo", ("min_age", "max_age"), "number_range", ("person",)),
    Criterion("income", "demo", ("min_income", "max_income"), "money_range", ("person",)),
    Criterion("education", "demo", ("educations",), "choices", ("person",), labels.EDUCATION),
    Criterion("gender", "demo", ("genders",), "choices", ("person",), labels.GENDERS),
    Criterion("interests", "demo", ("interests",), "words", ("person",)),
    Criterion("industries", "demo", ("industries",), "words", ("organisation",)),
    Criterion(
        "employees", "demo", ("min_employees", "max_employees"), "number_range", ("organisation",)
    ),
    Criterion("decision", "demo", ("decisions",), "choices", ("organisation",), labels.DECISIONS),
    Criterion("cities", "demo", ("cities",), "words"),
    Criterion("pph", "fit", ("min_profit_per_hour",), "money"),
    Criterion("margin", "fit", ("min_margin",), "percent"),
    Criterion("hours", "fit", ("max_hours_per_order",), "hours"),
    Criterion("size", "market", ("market_size",), "count"),
    Criterion("rivals", "market", ("competitors",), "count"),
)
BY_CODE = {c.code: c for c in CRITERIA}


def criteria_of(area: str, kind: str | None) -> list[Criterion]:
    """The criteria of an area that apply to a profile of this kind (None: everyone)."""
    return [c for c in CRITERIA if c.area == area and (kind is None or kind in c.kinds)]


def area_name(t: Translator, area: str) -> str:
    return {
        "demo": t._("Who they are"),
        "fit": t._("Fit with the team"),
        "market": t._("Market reality"),
    }[area]


def criterion_name(t: Translator, code: str) -> str:
    return {
        "age": t._("Age"),
        "income": t._("Income per year"),
        "education": t._("Education"),
        "gender": t._("Gender"),
        "interests": t._("Interests"),
        "industries": t._("Lines of business"),
        "employees": t._("Employees"),
        "decision": t._("Who decides"),
        "cities": t._("Cities"),
        "pph": t._("Profit per hour, at least"),
        "margin": t._("Margin, at least"),
        "hours": t._("Hours per order, at most"),
        "size": t._("Market size"),
        "rivals": t._("Competitors"),
    }[code]


def criterion_question(t: Translator, code: str) -> Markup:
    """What the step asks, with a word on what the number means."""
    return {
        "age": t._("Age of your ideal client, for example 25-45 (or “from 30”, “up to 50”)."),
        "income": t._("Yearly income of your ideal client, for example 30 000 - 60 000."),
        "education": t._("Which education fits? Tap all that apply, then Save."),
        "gender": t._("Which gender fits? Tap all that apply, then Save."),
        "interests": t._("Interests, separated by commas, for example yoga, travel."),
        "industries": t._("Lines of business, separated by commas, for example catering, retail."),
        "employees": t._("Number of employees, for example 10-50 (or “from 5”)."),
        "decision": t._("Who decides there? Tap all that apply, then Save."),
        "cities": t._("Cities, separated by commas, for example Utrecht, Amersfoort."),
        "pph": t._(
            "The least profit per hour worked that an ideal client brings, for example 60. "
            "Profit is the amount minus the cost."
        ),
        "margin": t._("The least margin on a sale, in percent, for example 35."),
        "hours": t._(
            "The most hours one order may take, for example 3 or 2,5: beyond that the client "
            "needs more service than you deliver well."
        ),
        "size": t._(
            "How many potential ideal clients are there in your market (your region, your "
            "niche)? A rough number will do, for example 400."
        ),
        "rivals": t._(
            "How many competitors go after the same clients? For example 12. Together with the "
            "market size this shows whether there is room enough."
        ),
    }[code]


def profile_title(t: Translator, kind: str | None) -> str:
    """The name a new profile gets, in the team's language."""
    if kind == "person":
        return t._("Private persons")
    if kind == "organisation":
        return t._("Organisations")
    return t._("All clients")


def _number(t: Translator, value: float | int) -> str:
    return t.number(round(value, 1) if isinstance(value, float) else value)


def _range(low: str | None, high: str | None) -> str | None:
    if low is not None and high is not None:
        return f"{low}–{high}"
    if low is not None:
        return f"≥ {low}"
    if high is not None:
        return f"≤ {high}"
    return None


def criterion_value(
    t: Translator,
    currency: str,
    profile: IdealProfile,
    criterion: Criterion,
    *,
    named: bool = False,
) -> str | None:
    """The criterion as set, in a few words; None when not set. `named`: shown after the
    criterion's own name, so the value does not say it again («Возраст: 30–45», not
    «Возраст: возраст 30–45»; "Winst per uur, minstens: € 50", not "… € 50 per uur")."""
    values = [getattr(profile, name) for name in criterion.fields]
    how = criterion.how
    if how == "number_range":
        low, high = (None if v is None else _number(t, v) for v in values)
        text = _range(low, high)
        if text is None or named:
            return text
        if criterion.code == "age":
            return t._("age {range}", range=text)
        return t._("{range} employees", range=text)
    if how == "money_range":
        low, high = (None if v is None else t.money(v, currency, whole=True) for v in values)
        return _range(low, high)
    value = values[0]
    if how in ("choices", "words"):
        if not value:
            return None
        words = sorted(labels.label(t, criterion.vocabulary or {}, v) for v in value)
        return ", ".join(words)
    if value is None:
        return None
    # In the summary each figure says what it is ("Past bij het team: € 70 per uur · 40% · 8 uur"
    # left a Dutch reader asking 40% of what, issue 20); after its own label it stands alone.
    if how == "money":
        if named:
            return t.money(int(value), currency, whole=True)
        return t._("{amount} profit per hour", amount=t.money(int(value), currency, whole=True))
    if how == "percent":
        return (
            percent(t, value)
            if named
            else t._("margin {percent} or more", percent=percent(t, value))
        )
    if how == "hours":
        hours = t.duration(int(round(value * 60)))
        return hours if named else t._("at most {hours} per sale", hours=hours)
    return t.number(int(value))


def area_summary(
    t: Translator, currency: str, profile: IdealProfile, area: str, *, named: bool = False
) -> list[tuple[Criterion, str | None]]:
    return [
        (c, criterion_value(t, currency, profile, c, named=named))
        for c in criteria_of(area, profile.kind)
    ]


def profile_summary(
    t: Translator, currency: str, stored: StoredProfile, market: MarketReality | None
) -> Markup:
    """The profile on a phone: its name, then one line per area with what is set."""
    lines = [t._("<b>Ideal client: {name}</b>", name=stored.name)]
    for area in ("demo", "fit"):
        shown = [value for _c, value in area_summary(t, currency, stored.profile, area) if value]
        words = Markup(" · ").join(escape(v) for v in shown) if shown else t._("nothing set yet")
        lines.append(Markup("<b>") + area_name(t, area) + Markup("</b>: ") + words)
    lines.append(
        Markup("<b>") + area_name(t, "market") + Markup("</b>: ") + market_line(t, stored, market)
    )
    return Markup("\n").join(lines)


def market_line(t: Translator, stored: StoredProfile, market: MarketReality | None) -> Markup:
    """Market size and competitors, and what they mean: room per competitor, or too narrow."""
    profile = stored.profile
    if market is None:
        if profile.competitors is not None:
            return t.n_(
                "{n} competitor; add the market size to see if there is room enough",
                "{n} competitors; add the market size to see if there is room enough",
                profile.competitors,
            )
        return t._("nothing set yet")
    if market.competitors is None:
        return t.n_(
            "{n} potential ideal client; add the competitors to see your share",
            "{n} potential ideal clients; add the competitors to see your share",
            market.market_size,
        )
    per = market.per_competitor
    share = t._("about {n} per competitor", n=t.number(round(per) if per >= 10 else round(per, 1)))
    text = (
        t.n_(
            "{n} potential ideal client",
            "{n} potential ideal clients",
            market.market_size,
        )
        + Markup(", ")
        + t.n_("{n} competitor", "{n} competitors", market.competitors)
        + Markup(" → ")
        + share
    )
    if market.too_narrow:
        text += Markup("\n⚠ ") + t._(
            "That's narrow: below {minimum} per competitor there is little room to replace "
            "a client who leaves.",
            minimum=t.number(market.minimum),
        )
    return text


def chosen_label(t: Translator, vocabulary: dict[str, str], code: str, picked: bool) -> str:
    """A toggle button: ✓ in front when picked."""
    return ("✓ " if picked else "") + labels.button_label(t, vocabulary, code)


def profile_choice(
    t: Translator, stored: Sequence[StoredProfile], new: str
) -> tuple[Markup, Options]:
    """Which profile to edit: each one the team has, and a new one for each kind it lacks
    (answer `new` + person | organisation | all)."""
    options = [(p.name, f"p{p.id}") for p in stored]
    taken = {p.kind for p in stored}
    for kind in ("person", "organisation", None):
        if kind not in taken:
            label = t._("+ New: {name}", name=profile_title(t, kind))
            options.append((label, new + (kind or "all")))
    if stored:
        text = t._("Which ideal client profile? A team can have one per kind of client.")
    else:
        text = t._(
            "You have no ideal client profile yet. Describe the clients you want more of: "
            "for private persons, for organisations, or one for all clients."
        )
    return text, options


def area_question(
    t: Translator,
    currency: str,
    stored: StoredProfile,
    market: MarketReality | None,
    other: str,
    delete: str,
    done: str,
) -> tuple[Markup, Options]:
    """The profile as it stands, then its areas, another profile, delete, done."""
    options = [(area_name(t, area), area) for area in AREAS]
    options += [
        (t._("Other profile"), other),
        (t._("✕ Delete this profile"), delete),
        (t._("✓ Done"), done),
    ]
    return profile_summary(t, currency, stored, market), options


def criterion_menu(
    t: Translator,
    currency: str,
    stored: StoredProfile,
    area: str,
    market: MarketReality | None,
    back: str,
) -> tuple[Markup, Options]:
    """One area's criteria with their values (the market area with its outlook: `market`),
    each a button, and ← Back."""
    summary = area_summary(t, currency, stored.profile, area, named=True)
    lines = [Markup("<b>") + area_name(t, area) + Markup("</b>")]
    for criterion, value in summary:
        shown = value if value is not None else "—"
        lines.append(Markup("• ") + criterion_name(t, criterion.code) + ": " + shown)
    # Under the market's two lines, what they mean; nothing set: their dashes say it already.
    if area == "market" and (market is not None or stored.profile.competitors is not None):
        lines.append(market_line(t, stored, market))
    lines.append(t._("Which one shall I change?"))
    options = [(criterion_name(t, c.code), c.code) for c, _value in summary]
    options.append((t._("← Back"), back))
    return Markup("\n").join(lines), options


def value_question(
    t: Translator, criterion: Criterion, picked: set[str], save: str
) -> tuple[Markup, Options]:
    """A criterion's question: its words to tap (✓ on those picked) and Save, or what to type
    (no options)."""
    text = criterion_question(t, criterion.code)
    if criterion.how != "choices":
        return text + Markup("\n") + t._("Skip clears it."), []
    vocabulary = criterion.vocabulary or {}
    options = [(chosen_label(t, vocabulary, code, code in picked), code) for code in vocabulary]
    options.append((t._("Save"), save))
    return text, options


def criterion_saved(
    t: Translator, currency: str, profile: IdealProfile, criterion: Criterion
) -> Markup:
    value = criterion_value(t, currency, profile, criterion, named=True)
    name = criterion_name(t, criterion.code)
    if value is None:
        return t._("Cleared: {criterion}.", criterion=name)
    return t._("Saved: {criterion}: {value}.", criterion=name, value=value)


def hours(t: Translator, count: int) -> str:
    return t.duration(count * 60)


def profile_named(t: Translator, name: str) -> str:
    """What a stopped dialog says stays: 'the profile “Organisaties”'."""
    return str(t._("the profile “{name}”", name=name))


def profile_added(t: Translator, name: str) -> Markup:
    return t._("Profile added: {name}.", name=name)


def profile_saved(t: Translator, name: str) -> Markup:
    return t._("Saved: the ideal client profile {name}.", name=name)


def profile_deleted(t: Translator, name: str) -> Markup:
    return t._("Profile deleted: {name}.", name=name)


def profiles_read(
    t: Translator,
    currency: str,
    stored: Sequence[StoredProfile],
    markets: Sequence[MarketReality | None],
) -> Markup:
    """/profile for a member: every profile with its market outlook, read only."""
    if not stored:
        return t._("The team has no ideal client profile yet. An admin can write one.")
    return Markup("\n\n").join(
        profile_summary(t, currency, item, market)
        for item, market in zip(stored, markets, strict=True)
    )
