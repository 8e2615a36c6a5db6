"""One-line sales an attacker typed that were recorded wrong and unasked: a word between two
numbers ("60 parkeren 5" stored € 5), "inclusief" without "btw" taken as VAT (€ 95 stored as
€ 78,51), and a tip booked as the sale's cost or dropped."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.transports.updates import Person
from storage.models import Sale, Team
from tests.chat import Chat
from tests.factories import NL_OWNER, RU_OWNER, make_client, make_team, rows


def owner_with_client(chat: Chat, engine: Engine, team: Team, client: str) -> Person:
    """The team's owner, in the team's language, with `client` (a person) on the list."""
    make_client(engine, team, client, kind="person")
    return chat.person(NL_OWNER if team.locale == "nl" else RU_OWNER, "Anna", team.locale)


@pytest.mark.parametrize(
    ("line", "amount", "cost"),
    [
        ("/verkoop Jan Smit 60 parkeren 5", 6_000, 500),
        ("/verkoop Jan Smit 45 fietsband 2", 4_500, 200),
    ],
)
async def test_a_first_number_above_the_next_is_asked_not_taken_for_a_count(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, line: str, amount: int, cost: int
) -> None:
    make_client(sqlite_engine, nl_team, "Jan Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, line)
    assert not rows(sqlite_engine, Sale), seen.text
    whole, small = f"€\xa0{amount // 100}", f"€\xa0{cost // 100}"
    assert small in seen.buttons and f"{whole}, kosten {small}" in seen.buttons, seen.buttons
    await chat.press(anna, f"{whole}, kosten {small}")
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.cost) == (amount, cost)


async def test_a_count_below_the_amount_is_still_a_count(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Jan Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Jan Smit 2 banden vervangen 70")
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.cost) == (7_000, None)


@pytest.mark.parametrize(
    "line", ["/verkoop Jan Smit 95 inclusief fooi", "/verkoop Jan Smit 95 incl. voorrijkosten"]
)
async def test_inclusief_without_btw_takes_no_vat_off(
    chat: Chat, nl_team: Team, sqlite_engine: Engine, line: str
) -> None:
    make_client(sqlite_engine, nl_team, "Jan Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, line)
    assert "Verkoop vastgelegd: € 95 — Jan Smit" in seen.text, seen.text
    [sale] = rows(sqlite_engine, Sale)
    assert sale.amount == 9_500


async def test_incl_btw_still_takes_vat_off(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    make_client(sqlite_engine, nl_team, "Jan Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop Jan Smit 121 incl. btw")
    [sale] = rows(sqlite_engine, Sale)
    assert sale.amount == 10_000  # 121 / 1,21


@pytest.mark.parametrize(
    ("person", "line", "said"),
    [
        ("nl", "/verkoop Jan Smit 95 fooi 10", "Fooi houd ik niet apart bij"),
        ("nl", "/verkoop Jan Smit 95 en 10 fooi", "Fooi houd ik niet apart bij"),
        ("nl", "/verkoop Jan Smit 95 (10 fooi)", "Fooi houd ik niet apart bij"),
        ("ru", "/sale Jan Smit 3000 чаевые 200", "Чаевые я отдельно не записываю"),
        ("ru", "/sale Jan Smit 3000 + чаевые 200", "Чаевые я отдельно не записываю"),
    ],
)
async def test_a_tip_with_its_own_number_is_refused_and_nothing_recorded(
    chat: Chat,
    sqlite_engine: Engine,
    nl_team: Team,
    ru_team: Team,
    person: str,
    line: str,
    said: str,
) -> None:
    owner = owner_with_client(
        chat, sqlite_engine, nl_team if person == "nl" else ru_team, "Jan Smit"
    )
    seen = await chat.send(owner, line)
    assert said in seen.text, seen.text
    assert not rows(sqlite_engine, Sale)


@pytest.mark.parametrize(
    ("line", "paid"),
    [
        ("/verkoop Jan Smit 70 betaald", True),
        ("/verkoop Jan Smit 75 al betaald", True),
        ("/verkoop Jan Smit 100 op factuur", False),
        ("/verkoop Jan Smit 80 nog niet betaald", False),
    ],
)
async def test_paid_or_on_invoice_said_in_words_is_what_is_stored(
    chat: Chat, sqlite_engine: Engine, line: str, paid: bool
) -> None:
    """A Dutch reader in a team that invoices: "70 betaald" was stored as an open invoice, and
    "100 op factuur" refused («„op” kan ik niet als bedrag lezen»)."""
    team = make_team(
        sqlite_engine, chat_id=NL_OWNER, owner_id=NL_OWNER, personal=True, payment_days=14
    )
    make_client(sqlite_engine, team, "Jan Smit", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, line)
    assert "Verkoop vastgelegd" in seen.text, seen.text
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.paid_on is not None, sale.due_on is None) == (paid, paid)


async def test_what_was_done_between_the_amount_and_the_time_is_skipped(
    chat: Chat, nl_team: Team, sqlite_engine: Engine
) -> None:
    """A Dutch reader: "/verkoop de Boer 45 reparatie 1u" was "Begin met het bedrag"."""
    make_client(sqlite_engine, nl_team, "de Boer", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    await chat.send(anna, "/verkoop de Boer 45 reparatie 1u")
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.minutes) == (4_500, 60)


async def test_an_amount_with_the_letter_o_for_zeros_is_refused_not_a_new_name(
    chat: Chat, ru_team: Team, sqlite_engine: Engine
) -> None:
    """A Russian reader: «/sale Иванова 18ооо» (Cyrillic о) offered to add «Иванова 18ооо»."""
    make_client(sqlite_engine, ru_team, "Иванова", kind="person")
    olga = chat.person(RU_OWNER, "Ольга", "ru")
    seen = await chat.send(olga, "/sale Иванова 18ооо")
    assert "«18ооо» не похоже на сумму" in seen.text, seen.text
    assert not rows(sqlite_engine, Sale)


SUM_REFUSED = {
    "nl": "Typ het totaalbedrag van de verkoop als één bedrag",
    "ru": "Напишите итоговую сумму продажи одним числом",
}


@pytest.mark.parametrize(
    ("person", "line"),
    [
        ("nl", "/verkoop Jansen 2x 45"),  # booked € 45 on "Jansen?" – yes
        ("nl", "/verkoop Jansen 3x45"),
        ("nl", "/verkoop Jansen 2X 45"),
        ("nl", "/verkoop Jansen 45 x 2"),
        ("nl", "/verkoop Jansen 100 - 20"),  # booked € 20 on "Jansen?" – yes
        ("nl", "/verkoop Jansen 100 + 20"),  # booked € 100 with a cost of € 20
        ("nl", "/verkoop Jansen 50 euro per persoon 4 personen"),  # booked € 50
        ("nl", "/verkoop Jansen 45 p.p."),
        ("ru", "/sale Jansen 3000 с человека"),
        ("ru", "/sale Jansen 1500 × 2"),
    ],
)
async def test_a_sum_or_a_price_per_person_is_refused_not_booked_at_one_of_its_numbers(
    chat: Chat,
    sqlite_engine: Engine,
    nl_team: Team,
    ru_team: Team,
    person: str,
    line: str,
) -> None:
    owner = owner_with_client(chat, sqlite_engine, nl_team if person == "nl" else ru_team, "Jansen")
    seen = await chat.send(owner, line)
    assert SUM_REFUSED[person] in seen.text, seen.text
    assert not seen.buttons  # nothing to say yes to
    assert not rows(sqlite_engine, Sale)


@pytest.mark.parametrize(
    ("line", "amount", "cost", "minutes"),
    [
        ("/verkoop Jansen 300 + 50 kosten", 30_000, 5_000, None),  # "+" with a cost word
        ("/verkoop Jansen 300 plus 2 uur", 30_000, None, 120),
        ("/verkoop Jansen 450 per pin", 45_000, None, None),  # how it was paid
        ("/verkoop Studio 21 - 450", 45_000, None, None),  # a new client, "Studio 21"
        ("/verkoop Garage BMW X5 450", 45_000, None, None),  # a model's name, no "times 5"
    ],
)
async def test_a_plus_with_a_cost_or_a_time_and_per_pin_still_read(
    chat: Chat,
    sqlite_engine: Engine,
    nl_team: Team,
    line: str,
    amount: int,
    cost: int | None,
    minutes: int | None,
) -> None:
    make_client(sqlite_engine, nl_team, "Jansen", kind="person")
    anna = chat.person(NL_OWNER, "Anna", "nl")
    seen = await chat.send(anna, line)
    assert "Verkoop vastgelegd" in seen.text, seen.text
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.amount, sale.cost, sale.minutes) == (amount, cost, minutes)


@pytest.mark.parametrize(
    ("line", "paid", "note"),
    [
        ("/sale Козлов 18000 баннеры счет", False, "баннеры"),  # was paid, «Баннеры счет»
        ("/sale Козлов 18000 по счёту", False, None),
        ("/sale Козлов 2700 перевод", True, None),  # how it was paid, no note
    ],
)
async def test_an_invoice_or_a_transfer_said_in_russian_is_what_is_stored(
    chat: Chat, sqlite_engine: Engine, ru_team: Team, line: str, paid: bool, note: str | None
) -> None:
    """The solo designer's «счет» was booked as paid on the spot and kept as what was done."""
    owner = owner_with_client(chat, sqlite_engine, ru_team, "Козлов")
    seen = await chat.send(owner, line)
    assert "Продажа записана" in seen.text, seen.text
    [sale] = rows(sqlite_engine, Sale)
    assert (sale.paid_on is not None, sale.note) == (paid, note)


@pytest.mark.parametrize(
    ("person", "line"),
    [
        ("nl", "/verkoop Jansen 2 mille"),  # stored € 2
        ("nl", "/verkoop Jansen 50 cent"),  # stored € 50
        ("nl", "/verkoop Jansen 303 retour"),  # a refund booked as a sale
        ("ru", "/sale Jansen 2 ляма"),  # stored 2 ₽
        ("ru", "/sale Jansen 50 копеек"),
    ],
)
async def test_a_word_that_changes_what_the_number_is_worth_is_refused_not_dropped(
    chat: Chat, sqlite_engine: Engine, nl_team: Team, ru_team: Team, person: str, line: str
) -> None:
    owner = owner_with_client(chat, sqlite_engine, nl_team if person == "nl" else ru_team, "Jansen")
    seen = await chat.send(owner, line)
    assert not rows(sqlite_engine, Sale), seen.text
    assert not any("Jansen " in label for label in seen.buttons), seen.buttons
