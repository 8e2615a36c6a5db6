"""An undo of a sale that a teammate has paid since is refused: the attacker's Eva recorded a
sale, Piet recorded its payment, Eva's /ongedaan took the sale away and Piet's payment with it,
unsaid, and Piet's own Undo then pointed at nothing."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Sale
from tests.chat import Chat
from tests.factories import add_member, make_client, make_team, rows

GROUP = -4242


async def test_a_sale_paid_since_by_a_teammate_is_not_undone_with_its_payment(
    chat: Chat, sqlite_engine: Engine
) -> None:
    eva, piet = chat.person(31, "Eva", "nl"), chat.person(32, "Piet", "nl")
    chat.group(GROUP, "Salon", creator=eva, members=(piet,))
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=31, onboarded=True, payment_days=14)
    add_member(sqlite_engine, team, 32, role="admin")
    make_client(sqlite_engine, team, "Van Dijk")
    await chat.send(eva, "/verkoop Van Dijk 2222", chat=GROUP)
    seen = await chat.send(piet, "/betaald Van Dijk 2.222", chat=GROUP)
    assert "betaald" in seen.text, seen.text
    seen = await chat.send(eva, "/ongedaan", chat=GROUP)
    assert seen.text.startswith("Dit kun je niet meer ongedaan maken: wat het"), seen.text
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.paid_on is not None) == (222_200, True)
    seen = await chat.send(piet, "/ongedaan", chat=GROUP)  # the later change first: it goes
    seen = await chat.send(eva, "/ongedaan", chat=GROUP)  # then the sale can go too
    assert rows(sqlite_engine, Sale) == [], seen.text
