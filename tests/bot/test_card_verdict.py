"""A card's verdict never contradicts the reasons beside it (DESIGN.md, Truth; found by the
checker reader: the least profitable of twelve clients read "B · Een goede klant." with one
reason, "▼ winst € 160 per jaar (team € 340)")."""

from __future__ import annotations

from bot.render.card import card_text, card_view
from locales import translator
from scoring import analyse
from tests.bot.test_digest_order import TEAM
from tests.scoring.factories import ago, client, sale, settings, team

# Twelve people who each came twice, in March and September, paying on the spot.
AMOUNTS = [(2000, 500), (1800, 400), (1600, 300), (300, 100), (250, 50), (200, 50),
           (220, 60), (260, 80), (180, 40), (150, 30), (170, 40), (100, 20)]  # fmt: skip


def test_the_least_profitable_client_is_not_called_good() -> None:
    clients = [client(i, name=f"Klant {i}", acquired_on=ago(700)) for i in range(1, 13)]
    sales = [
        sale(i, amount * 100, days_ago=days, cost=cost * 100, paid_on=ago(days))
        for i, (amount, cost) in enumerate(AMOUNTS, start=1)
        for days in (280, 96)
    ]
    analysis = analyse(team(clients, sales), settings(grade_scale="A-D"))
    lowest = 12
    view = card_view(analysis, lowest, None)
    text = str(card_text(translator("nl"), TEAM, view))

    assert view.explanation.reasons and all(r.effect < 0 for r in view.explanation.reasons)
    assert "Een goede klant." not in text and "Een modelklant" not in text, text
    # Issue 20, the Russian reader: "Middling" beside a B contradicted the grade itself. The
    # words say the grade and point at the ▼ below, in both languages.
    assert "Een goede klant, maar met minpunten: zie hieronder." in text
    russian = str(card_text(translator("ru"), TEAM, view))
    assert "оценка <b>B</b>" in russian and "Средне" not in russian, russian
    assert "Хороший клиент, но есть минусы — см. ниже." in russian, russian
