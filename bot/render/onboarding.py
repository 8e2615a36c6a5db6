"""A new team in three taps (language, currency, grade scale) and the empty state's three ways
to start."""

from __future__ import annotations

from bot.kit.callbacks import pack
from bot.render.buttons import Buttons
from bot.render.settings import SCALES, SYMBOLS, currencies_for
from locales import LANGUAGE_NAMES, SUPPORTED_LOCALES, Markup, Translator


def language_step(t: Translator, team_id: int, *, personal: bool = False) -> tuple[Markup, Buttons]:
    """Step 1 of 3, right after /start made the team. A personal team speaks the language its
    owner reads this in (they change it in /settings), so it starts at the currency: 2 taps."""
    if personal:
        text, rows = currency_step(t, team_id, step="1/2")
        return t._("Two taps and you can start.") + Markup("\n") + text, rows
    # The presser's own language first: a Russian speaker reads «Русский» before "Nederlands".
    codes = sorted(SUPPORTED_LOCALES, key=lambda code: code != t.locale)
    buttons = [[(LANGUAGE_NAMES[c], pack("ob", team_id, "lang", c)) for c in codes]]
    text = t._(
        "Let's set up your team in three taps.\n<b>1/3</b> Which language does the team speak?"
    )
    return text, buttons


def currency_step(t: Translator, team_id: int, *, step: str = "2/3") -> tuple[Markup, Buttons]:
    shown = currencies_for(t.locale)
    rows = [
        [(f"{SYMBOLS[c]} {c}".strip(), pack("ob", team_id, "cur", c)) for c in shown[i : i + 3]]
        for i in range(0, len(shown), 3)
    ]
    return t._("<b>{step}</b> In which currency do you work?", step=step), rows


def scale_step(
    t: Translator, team_id: int, *, personal: bool = False, kept_currency: str | None = None
) -> tuple[Markup, Buttons]:
    """The last step; `kept_currency`: the currency step was left out, as the team's sales
    already fixed it, and the step says so instead."""
    rows = [[(label, pack("ob", team_id, "scale", code)) for code, label in SCALES.items()]]
    text = t._(
        "<b>{step}</b> How shall I grade clients? A is best on A–D, 5 on 1–5, 10 on 1–10.",
        step="2/2" if personal else "3/3",
    )
    if kept_currency is not None:
        kept = t._(
            "The currency stays {currency}: the team already has sales in it.",
            currency=f"{SYMBOLS.get(kept_currency, '')} {kept_currency}".strip(),
        )
        text = kept + Markup("\n") + text
    return text, rows


def empty_state(t: Translator, team_id: int, zone: str | None = None) -> tuple[Markup, Buttons]:
    """`zone`: the time zone the team got without being asked, said where its country has
    more than one («Часовой пояс: Москва (UTC+3)» to a team in Yekaterinburg)."""
    text = t._("All set! Kompas gets useful from your first client. How do you want to start?")
    if zone:
        text = t._("Time zone: {zone}. Somewhere else? Change it in /settings.", zone=zone) + (
            Markup("\n") + text
        )
    buttons = [
        [(t._("Add a client"), pack("first", team_id, "add"))],
        [(t._("Import a file"), pack("first", team_id, "import"))],
        [(t._("Try the demo data"), pack("first", team_id, "demo"))],
    ]
    return text, buttons


def send_a_file(t: Translator) -> Markup:
    return t._(
        "Send me a CSV or Excel file with your clients or your sales as a "
        "document. I recognise the columns myself."
    )


def demo_added(t: Translator, count: int) -> Markup:
    return t.n_(
        "Added {n} demo client with a year of sales. Try /risk or /portrait.",
        "Added {n} demo clients with a year of sales. Try /risk or /portrait.",
        count,
    )


def hello_to_a_group(t: Translator) -> Markup:
    """The bot added to a group that is no team yet."""
    return t._("Hi! I'm Kompas. An admin of this group can send /start to make it a Kompas team.")
