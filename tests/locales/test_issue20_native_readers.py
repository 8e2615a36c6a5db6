"""Issue 20, the native readers' second pass: phrases they found still open, gone from the catalogs.

Like tests/locales/test_issue20_phrases.py: each phrase as the reader quoted it, and the catalog
text that produced it. What only shows in a reply (a loss on the ▼ line, "gisteren", a young
client's "(voorlopig)", the digest's late and not-yet-due invoices, /check with an empty
profile, a corrected sale's new value) is pinned by the chat and render tests in `PINS`.
"""

from __future__ import annotations

import re

import pytest

from tests.locales.test_issue20_phrases import ROOT, _found, _translations

QUOTED = {
    "nl": [
        ("Voor een A: € 2.400 meer winst het komende jaar", "meer winst het komende jaar"),
        ("… meer omzet het komende jaar", "meer omzet het komende jaar"),
        ("mevrouw Jansen beoordelen, 1 van 3: 5 is het hoogst", "beoordelen, {number} van"),
        ("Je ideale organisatie (1)", re.compile(r"^<b>Je ideale organisatie</b> \(\{n\}\)$")),
        ("doorsnee klant", "doorsnee klant"),
        ("Hoe werkt het met deze klant? Zeg het met /beoordeel.", "Zeg het met /beoordeel"),
        ("de klant is weer weg", "de klant is weer weg"),
        ("Verkoop gecorrigeerd.", re.compile(r"^Verkoop gecorrigeerd\.$")),
        ("Meestal 11–15 medewerkers", re.compile(r"^Meestal \{facts\}")),
        ("Hotel De Linde is nu 27% van je omzet (to the whole group)", "{share} van je omzet."),
        ("je verliest € 197 per jaar aan deze klant (to the whole group)", "je verliest"),
        ("⏱ Kosten je veel tijd (to the whole group)", "Kosten je veel tijd"),
        ("Je team heeft me net veel bestanden gestuurd", "Je team heeft me"),
    ],
    "ru": [
        ("Обычно 11–15 сотрудников (how many of how many?)", re.compile(r"^Обычно \{facts\}")),
    ],
}

PINS = {
    "a loss reads as a loss on the ▼ lines (verlies / убыток)": (
        "tests/bot/test_explain.py",
        (
            "test_a_loss_reads_as_a_loss_in_the_reasons",
            "test_a_loss_per_hour_reads_as_a_loss",
            "test_a_young_clients_loss_so_far_and_since_reads_as_a_loss",
            "test_last_purchase_says_today_yesterday_or_days_ago",
        ),
    ),
    "the digest says te laat apart from nog niet vervallen": (
        "tests/bot/test_digest_order.py",
        ("test_open_invoices_say_what_is_late_apart_from_what_is_not_due_yet",),
    ),
    "/check with an empty profile says so and how to fill it": (
        "tests/bot/test_check.py",
        (
            "test_an_empty_profile_is_said_to_be_empty",
            "test_no_profile_for_the_kind_gives_no_verdict_but_says_how_to_write_one",
        ),
    ),
    "no (schatting) beside a real figure": (
        "tests/bot/test_checked_figures.py",
        ("test_a_young_client_whose_rhythm_fills_the_year_shows_the_real_figure_not_an_estimate",),
    ),
}


@pytest.mark.parametrize(
    ("locale", "quoted", "bad"),
    [(locale, quoted, bad) for locale, found in QUOTED.items() for quoted, bad in found],
)
def test_the_readers_phrase_is_gone_from_the_catalog(
    locale: str, quoted: str, bad: str | re.Pattern[str]
) -> None:
    assert _found(_translations(locale), bad) == [], quoted


@pytest.mark.parametrize("pin", sorted(PINS))
def test_the_pin_exists(pin: str) -> None:
    import ast

    path, names = PINS[pin]
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    defined = {
        n.name for n in ast.walk(tree) if isinstance(n, ast.AsyncFunctionDef | ast.FunctionDef)
    }
    assert set(names) <= defined, (pin, set(names) - defined)
