"""A native Dutch reader's week in the offline chat: the sentences that read broken or
ambiguous, said as a reader expects them (the catalog side is pinned in
tests/locales/test_issue20_phrases.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.render.explain import lift
from bot.render.risk import _equal_clients
from locales import translator
from scoring.explain import Lift
from tests.bot.test_reading import OWNER, demo_team
from tests.chat import Chat


@pytest.mark.parametrize(
    ("code", "amount", "said"),
    [
        ("referral", 3, "Voor een A zijn nog 3 aanbevelingen nodig."),
        ("referral", 1, "Voor een A is nog 1 aanbeveling nodig."),
        ("more_profit", 240000, "Voor een A is ongeveer €\u00a02.400 meer winst per jaar nodig."),
        ("more_purchases", 2, "Voor een A zijn nog 2 verkopen per jaar meer nodig."),
        ("pay_on_time", 3, "Voor een A moeten nog 3 facturen op rij op tijd betaald worden."),
    ],
)
def test_every_dutch_lift_line_is_one_whole_sentence(code: str, amount: int, said: str) -> None:
    # "Voor een A: 3 aanbevelingen." was a fragment; Russian says «Оценка станет A, если …».
    assert str(lift(translator("nl"), "EUR", Lift(code, amount, "", "A"))) == said


def test_russian_lift_of_referrals_counts_the_new_clients_to_bring() -> None:
    # «ещё 1 раз» read as "once again" to a client who had never referred anyone
    said = str(lift(translator("ru"), "EUR", Lift("referral", 3, "", "A")))
    assert said == "Оценка станет A, если клиент приведёт к вам 3 новых клиента.", said


@pytest.mark.parametrize(
    ("locale", "equivalent", "said"),
    [
        ("nl", 2.5, "alsof je 2 à 3 even grote klanten hebt."),
        ("nl", 3.0, "alsof je 3 even grote klanten hebt."),
        ("ru", 3.4, "как если бы у вас было 3–4 равных клиента."),
        ("ru", 4.6, "как если бы у вас было 4–5 равных клиентов."),
    ],
)
def test_equal_clients_are_whole_clients(locale: str, equivalent: float, said: str) -> None:
    # "alsof je 2,5 even grote klanten hebt": nobody has half a client.
    assert str(_equal_clients(translator(locale), equivalent)).endswith(said)


@pytest.mark.parametrize(
    ("locale", "hours", "worked"), [("nl", " uur ", " gewerkt"), ("ru", " ч ", " работы")]
)
async def test_a_cards_hours_say_they_were_worked(
    chat: Chat, sqlite_engine: Engine, locale: str, hours: str, worked: str
) -> None:
    # "4% van de omzet · winst € 5.362 per jaar · 111 uur": 111 hours of what?
    demo_team(sqlite_engine, locale)
    me = chat.person(OWNER, "Sanne", locale)
    name = "Dierenkliniek Poot" if locale == "nl" else "Клиника «Движение»"
    card = (await chat.send(me, f"/client {name}")).text
    figures = card.splitlines()[2]
    assert figures.endswith(worked) and hours in figures, card  # "36 uur 56 min gewerkt"
