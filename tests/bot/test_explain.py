"""Reasons on a card, as a person reads them: money, days and counts against the team."""

from __future__ import annotations

import pytest

from bot.render.explain import hours, late_invoices, reason
from locales import translator
from scoring.explain import Reason


@pytest.mark.parametrize(
    ("locale", "days", "said"),
    [
        ("nl", 0, "▲ laatst gekocht vandaag (gemiddeld elke 30 dagen)"),
        ("nl", 1, "▲ laatst gekocht gisteren (gemiddeld elke 30 dagen)"),
        ("nl", 2, "▲ laatst gekocht 2 dagen geleden (gemiddeld elke 30 dagen)"),
        ("ru", 0, "▲ последняя покупка сегодня (обычно раз в 30 дней)"),
        ("ru", 1, "▲ последняя покупка вчера (обычно раз в 30 дней)"),
        ("ru", 22, "▲ последняя покупка 22 дня назад (обычно раз в 30 дней)"),
    ],
)
def test_last_purchase_says_today_yesterday_or_days_ago(locale: str, days: int, said: str) -> None:
    item = Reason("days_since_purchase", 1.5, days, 30, "days")
    assert str(reason(translator(locale), "EUR", item)) == said


@pytest.mark.parametrize(
    ("locale", "code", "value", "reference", "said"),
    [
        ("nl", "profit", -40000, 88600, "▼ verlies € 400 per jaar (doorsneeklant € 886 winst)"),
        # A typical client at a loss too is said to lose, not shown as a bare negative sum.
        ("nl", "profit", -40000, -10000, "▼ verlies € 400 per jaar (doorsneeklant € 100 verlies)"),
        (
            "ru",
            "profit",
            -40000,
            88600,
            "▼ убыток 400 € в год (у типичного клиента — прибыль 886 €)",
        ),
        (
            "nl",
            "profit_per_hour",
            -200,
            2500,
            "▼ verlies € 2 per gewerkt uur (doorsneeklant € 25 winst)",
        ),
        (
            "ru",
            "profit_per_hour",
            -200,
            2500,
            "▼ убыток 2 € за час работы (у типичного клиента — прибыль 25 €)",
        ),
    ],
)
def test_a_loss_reads_as_a_loss_in_the_reasons(
    locale: str, code: str, value: int, reference: int, said: str
) -> None:
    # The card's figures line says "verlies € 400": the ▼ line below it must not say "winst € -400".
    item = Reason(code, -2.0, value, reference, "money")
    assert str(reason(translator(locale), "EUR", item)).replace("\xa0", " ") == said


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_a_young_clients_loss_so_far_and_since_reads_as_a_loss(locale: str) -> None:
    import datetime as dt

    t = translator(locale)
    item = Reason("profit", -2.0, -17700, 88600, "money")
    loss = {"nl": "verlies € 177", "ru": "убыток 177 €"}[locale]
    so_far = str(reason(t, "EUR", item, so_far=True))
    since = str(reason(t, "EUR", item, since=(dt.date(2026, 10, 1), -17700, False)))
    for said in (so_far.replace("\xa0", " "), since.replace("\xa0", " ")):
        assert loss in said.replace("убыток пока", "убыток"), said
        assert "-" not in said, said


@pytest.mark.parametrize(
    ("locale", "met", "known", "said"),
    [
        ("nl", 1, 1, "▲ voldoet aan 1 van 1 punt van je ideale klant"),
        ("nl", 2, 4, "▲ voldoet aan 2 van 4 punten van je ideale klant"),
        ("ru", 1, 1, "▲ соответствует 1 из 1 пункта идеального клиента"),
        ("ru", 3, 21, "▲ соответствует 3 из 21 пункта идеального клиента"),
        ("ru", 2, 4, "▲ соответствует 2 из 4 пунктов идеального клиента"),
        ("ru", 5, 11, "▲ соответствует 5 из 11 пунктов идеального клиента"),
    ],
)
def test_ideal_profile_points_agree_with_their_total(
    locale: str, met: int, known: int, said: str
) -> None:
    item = Reason("ideal_profile", 2.0, met, known, "count")
    assert str(reason(translator(locale), "EUR", item)) == said


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (12.5, "12 uur 30 min"),
        (13.5, "13 uur 30 min"),  # not "14 uur": 14 × € 30 is not the € 405 in the cost
        (2.5 / 60, "3 min"),  # half a minute rounds up, as people round
        (10.25, "10 uur 15 min"),
    ],
)
def test_hours_are_said_to_the_minute_at_any_size(value: float, said: str) -> None:
    assert hours(translator("nl"), value) == said


@pytest.mark.parametrize(
    ("locale", "invoices", "said"),
    [("nl", 1, "1 factuur op tijd betaald"), ("nl", 3, "3 facturen op tijd betaald"),
     ("ru", 1, "1 оплата вовремя"), ("ru", 3, "все 3 оплаты вовремя"),
     ("ru", 5, "все 5 оплат вовремя")],
)  # fmt: skip
def test_invoices_paid_on_time_are_counted_not_called_the_only_one(
    locale: str, invoices: int, said: str
) -> None:
    # "de enige factuur" was false for a client with a second invoice not due yet.
    assert str(late_invoices(translator(locale), 0, invoices)) == said


def test_a_tiny_share_of_timed_revenue_is_not_called_no_time() -> None:
    # Found by the attacker reader: /risk listed a time-eater and ended "Er is nog geen tijd
    # vastgelegd": one huge sale made the timed share round to 0.
    from bot.render.data_warnings import warning
    from scoring import ScoringWarning

    t = translator("nl")
    tiny = warning(
        t, "EUR", ScoringWarning("missing_time", {"revenue_share": 0.0, "any_time": True})
    )
    none = warning(
        t, "EUR", ScoringWarning("missing_time", {"revenue_share": 0.0, "any_time": False})
    )
    assert "nog geen tijd" not in str(tiny)
    assert "nog geen tijd" in str(none)
