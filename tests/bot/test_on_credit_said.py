"""A solo specialist whose clients pay on the spot is told how to record a sale on credit
where they look for it: /paid of a client who owes nothing, and /help's sale lines."""

from __future__ import annotations

from sqlalchemy import Engine

from storage.models import Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_team


async def test_paid_with_nothing_open_says_how_to_record_a_sale_on_credit(
    chat: Chat, nl_team: Team, ru_team: Team
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/toevoegen Eva Smit, particulier")
    await chat.send(anna, "/verkoop Eva Smit 50")  # paid on the spot
    seen = await chat.send(anna, "/betaald Eva Smit")
    assert seen.text.splitlines() == [
        "Eva Smit: geen openstaande facturen; ik heb niets vastgelegd.",
        "Op rekening verkocht? Zet „op rekening” achter het bedrag: "
        "/verkoop Eva Smit 1250 op rekening",
    ]
    # What it says works: typed so, the sale is open and /betaald closes it
    await chat.send(anna, "/verkoop Eva Smit 1250 op rekening")
    seen = await chat.send(anna, "/betaald Eva Smit")
    assert "€ 1.250" in seen.text

    olga = chat.person(RU_OWNER, "Ольга", "ru")
    await chat.send(olga, "/add Иванова Ольга, частное лицо")
    await chat.send(olga, "/sale Иванова 2500")
    seen = await chat.send(olga, "/paid Иванова")
    assert seen.text.splitlines() == [
        "Иванова Ольга: долгов нет, записывать нечего.",
        "Продали в долг? Допишите «в долг» после суммы: /sale Иванова Ольга 2500 в долг",
    ]


async def test_an_invoicing_team_with_nothing_open_is_told_only_that(
    chat: Chat, sqlite_engine: Engine
) -> None:
    make_team(sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True, payment_days=14)
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/toevoegen Eva Smit, particulier")
    seen = await chat.send(anna, "/betaald Eva Smit")
    assert seen.text.splitlines() == [
        "Eva Smit: geen openstaande facturen; ik heb niets vastgelegd."
    ]


async def test_help_says_how_to_record_a_sale_on_credit(
    chat: Chat, nl_team: Team, ru_team: Team
) -> None:
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, "/hulp")
    assert "/verkoop — Verkoop vastleggen, betaald of op rekening" in seen.text.splitlines()
    seen = await chat.send(anna, "/hulp verkoop")
    assert "Nog niet betaald: /verkoop Bakkerij de Vries 1250 op rekening" in seen.text.splitlines()
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/help")
    assert "/sale — Записать продажу: оплаченную или в долг" in seen.text.splitlines()
    seen = await chat.send(olga, "/help sale")
    assert "Ещё не оплачено: /sale Иванова 2500 в долг" in seen.text.splitlines()
