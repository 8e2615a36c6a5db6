"""A declined client who still owes money is named in /risk (found by the attacker reader:
"• ?: € 338 · 1 factuur, 27 dagen over tijd")."""

from __future__ import annotations

from bot.render.risk import risk_text
from locales import translator
from scoring import analyse
from tests.bot.test_digest_order import TEAM
from tests.scoring.factories import ago, client, sale, settings, team


def test_a_declined_client_who_owes_is_named() -> None:
    clients = [client(i, name=f"Klant {i}") for i in range(1, 9)]
    clients.append(client(9, name="Installatiebedrijf De Graaf", status="declined"))
    sales = [sale(i, 10_000, paid_on=ago(30)) for i in range(1, 9)]
    sales.append(sale(9, 33_800, days_ago=41, due_on=ago(27)))
    analysis = analyse(team(clients, sales), settings())

    text = str(risk_text(translator("nl"), TEAM, analysis))

    assert "• Installatiebedrijf De Graaf: " in text, text
    assert "• ?" not in text
