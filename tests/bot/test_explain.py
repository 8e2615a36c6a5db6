"""Reasons on a card, as a person reads them: money, days and counts against the team."""

from __future__ import annotations

import pytest

from bot.render.explain import reason
from locales import translator
from scoring.explain import Reason


@pytest.mark.parametrize(
    ("locale", "days", "said"),
    [
        ("nl", 0, "▲ laatste aankoop vandaag (meestal elke 30 dagen)"),
        ("nl", 1, "▲ laatste aankoop 1 dag geleden (meestal elke 30 dagen)"),
        ("ru", 0, "▲ последняя покупка сегодня (обычно раз в 30 дней)"),
        ("ru", 22, "▲ последняя покупка 22 дня назад (обычно раз в 30 дней)"),
    ],
)
def test_last_purchase_today_says_today(locale: str, days: int, said: str) -> None:
    item = Reason("days_since_purchase", 1.5, days, 30, "days")
    assert str(reason(translator(locale), "EUR", item)) == said
