"""A new sale follows the team's payment habit: paid on the spot, or an invoice due in N days."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from sqlalchemy import Engine

from locales import InputError
from storage import team_settings
from storage.analysis import team_analysis
from storage.callers import team_view
from storage.engine import new_session
from storage.models import Sale
from storage.payments import mark_paid, open_sales, pay_part
from storage.sales import (
    SaleInput,
    UsualSale,
    payment_days,
    record_sale,
    recorded_lately,
    usual_sale,
)
from storage.undo import undo
from tests.factories import NOW, make_client, make_sale, make_team, rows

TODAY = NOW.date()


@pytest.mark.parametrize(
    ("team_days", "kind", "days"),
    [
        (None, "person", 0),  # a person pays on the spot
        (None, "organisation", 14),  # an organisation gets an invoice, in a personal team too
        (0, "organisation", 0),  # the team's own habit wins
        (30, "person", 30),
    ],
)
def test_payment_days_by_habit_then_by_kind(team_days: int | None, kind: str, days: int) -> None:
    assert payment_days(team_days=team_days, client_kind=kind) == days


def _record(engine: Engine, team_id: int, client_id: int) -> Sale:
    with new_session(engine) as session:
        record_sale(
            session=session,
            team_id=team_id,
            client_id=client_id,
            user_id=1,
            sale=SaleInput(amount=125_050, sold_on=TODAY),
            now=NOW,
        )
        session.commit()
    return max(rows(engine, Sale), key=lambda s: s.id or 0)


def test_a_recorded_sale_is_paid_or_invoiced_by_the_habit(engine: Engine) -> None:
    team = make_team(engine, chat_id=-1, owner_id=1)
    shop = make_client(engine, team, "Jan Jansen", kind="person")
    agency = make_client(engine, team, "Bakkerij de Vries")
    sale = _record(engine, team.id or 0, shop)
    assert (sale.due_on, sale.paid_on) == (None, TODAY)
    sale = _record(engine, team.id or 0, agency)
    assert (sale.due_on, sale.paid_on) == (TODAY + dt.timedelta(days=14), None)
    with new_session(engine) as session:
        team_settings.change_settings(
            session=session, team_id=team.id or 0, user_id=1, now=NOW, payment_days=7
        )
        session.commit()
    sale = _record(engine, team.id or 0, shop)
    assert (sale.due_on, sale.paid_on) == (TODAY + dt.timedelta(days=7), None)


def test_the_hour_cost_tip_is_offered_once_per_team(engine: Engine) -> None:
    first = make_team(engine, chat_id=-1, owner_id=1)
    second = make_team(engine, chat_id=-2, owner_id=2)
    offers = []
    for team_id in (first.id, first.id, second.id):
        with new_session(engine) as session:
            offers.append(
                team_settings.offer_hour_cost(
                    session=session, team_id=team_id or 0, user_id=1, now=NOW
                )
            )
            session.commit()
    assert offers == [True, False, True]


@pytest.mark.parametrize(
    ("due_on", "paid_on", "moved_due", "moved_paid"),
    [
        # An invoice moved back three weeks is due three weeks earlier, so it can be overdue.
        (dt.date(2026, 11, 14), None, dt.date(2026, 10, 24), None),
        # Paid on the spot: paid on its new day, not on the day it was corrected.
        (None, dt.date(2026, 10, 31), None, dt.date(2026, 10, 10)),
    ],
)
def test_moving_a_sale_moves_its_payment_terms(
    engine: Engine,
    due_on: dt.date | None,
    paid_on: dt.date | None,
    moved_due: dt.date | None,
    moved_paid: dt.date | None,
) -> None:
    from storage.sales import update_sale

    team = make_team(engine, chat_id=-40, owner_id=4)
    client = make_client(engine, team, "Garage Bakker")
    with new_session(engine) as session:
        sale = Sale(
            team_id=team.id or 0,
            client_id=client,
            sold_on=dt.date(2026, 10, 31),
            amount=121_000,
            due_on=due_on,
            paid_on=paid_on,
        )
        session.add(sale)
        session.flush()
        update_sale(
            session=session,
            team_id=team.id or 0,
            sale_id=sale.id or 0,
            user_id=4,
            changes={"sold_on": dt.date(2026, 10, 10)},
            now=NOW,
        )
        session.commit()
    [stored] = rows(engine, Sale)
    assert (stored.sold_on, stored.due_on, stored.paid_on) == (
        dt.date(2026, 10, 10),
        moved_due,
        moved_paid,
    )


def _invoices(engine: Engine) -> tuple[int, int, list[int]]:
    """An organisation with three open invoices: € 1.000, € 500,50 and € 250,25."""
    team = make_team(engine, chat_id=-1, owner_id=1)
    client = make_client(engine, team, "Schoonmaakbedrijf Glans")
    ids = [
        make_sale(engine, team, client, amount, sold_on=sold_on, due_on=due_on)
        for amount, sold_on, due_on in (
            (100_000, dt.date(2026, 10, 1), dt.date(2026, 10, 15)),
            (50_050, dt.date(2026, 10, 20), dt.date(2026, 11, 3)),
            (25_025, dt.date(2026, 11, 1), dt.date(2026, 12, 15)),
        )
    ]
    return team.id or 0, client, ids


def _owed(engine: Engine, team_id: int, client_id: int) -> tuple[int, int]:
    """What the client's card shows: owed and overdue, from the one team analysis."""
    with new_session(engine) as session:
        view = team_view(session=session, team_id=team_id)
        assert view is not None
        row = team_analysis(session=session, team=view, today=TODAY).analysis.clients
    return int(row.loc[client_id, "owed"]), int(row.loc[client_id, "overdue"])


def test_a_part_payment_settles_the_oldest_invoices_and_owed_is_exactly_the_rest(
    engine: Engine,
) -> None:
    team_id, client, _ = _invoices(engine)
    assert _owed(engine, team_id, client) == (175_075, 150_050)
    with new_session(engine) as session:
        payment = pay_part(
            session=session,
            team_id=team_id,
            client_id=client,
            user_id=1,
            amount=120_000,
            paid_on=TODAY,
            now=NOW,
        )
        session.commit()
    # € 1.000 settled, € 200 of € 500,50 paid: € 300,50 + € 250,25 still open.
    assert (payment.sales, payment.amount, payment.still_open) == (1, 120_000, 55_075)
    first, second, third = sorted(rows(engine, Sale), key=lambda s: s.id or 0)
    assert (first.paid_on, first.paid_amount) == (TODAY, None)
    assert (second.paid_on, second.paid_amount) == (None, 20_000)
    assert (third.paid_on, third.paid_amount) == (None, None)
    assert _owed(engine, team_id, client) == (55_075, 30_050)
    with new_session(engine) as session:
        assert [s.open for s in open_sales(session=session, team_id=team_id, client_id=client)] == [
            30_050,
            25_025,
        ]
        undo(session=session, team_id=team_id, undo_id=payment.change.undo_id, user_id=1, now=NOW)
        session.commit()
    assert all((s.paid_on, s.paid_amount) == (None, None) for s in rows(engine, Sale))
    assert _owed(engine, team_id, client) == (175_075, 150_050)


def test_paying_one_invoice_of_several_leaves_the_others_open(engine: Engine) -> None:
    team_id, client, ids = _invoices(engine)
    with new_session(engine) as session:
        pay_part(
            session=session, team_id=team_id, client_id=client, user_id=1,
            amount=40_000, paid_on=TODAY, now=NOW,
        )  # fmt: skip
        payment = mark_paid(
            session=session,
            team_id=team_id,
            client_id=client,
            user_id=1,
            paid_on=TODAY,
            now=NOW,
            sale_ids=[ids[0]],
        )
        session.commit()
    # The part paid before counts: settling the first invoice took the € 600 left on it.
    assert (payment.sales, payment.amount, payment.still_open) == (1, 60_000, 75_075)
    assert _owed(engine, team_id, client) == (75_075, 50_050)
    with new_session(engine) as session:
        with pytest.raises(InputError):  # more than is owed is refused, nothing changes
            pay_part(
                session=session, team_id=team_id, client_id=client, user_id=1,
                amount=75_076, paid_on=TODAY, now=NOW,
            )  # fmt: skip
        undo(session=session, team_id=team_id, undo_id=payment.change.undo_id, user_id=1, now=NOW)
        session.commit()
    assert _owed(engine, team_id, client) == (135_075, 110_050)


def test_usual_sale_is_the_clients_median_else_the_teams(engine: Engine) -> None:
    team = make_team(engine, chat_id=71, owner_id=71)
    other = make_team(engine, chat_id=72, owner_id=72)  # another team's sales never count
    odd, even, new = (make_client(engine, team, name) for name in ("Odd", "Even", "New"))
    for amount in (500, 100, 900):
        make_sale(engine, team, odd, amount)
    for amount in (400, 100, 1000, 700):
        make_sale(engine, team, even, amount)
    make_sale(engine, other, make_client(engine, other, "Elsewhere"), 10**9)
    with new_session(engine) as session:

        def usual(client_id: int):  # type: ignore[no-untyped-def]
            return usual_sale(session=session, team_id=team.id or 0, client_id=client_id)

        assert usual(odd) == UsualSale(Fraction(500), True)
        assert usual(even) == UsualSale(Fraction(550), True)  # (400 + 700) / 2
        assert usual(new) == UsualSale(Fraction(500), False)  # 100 100 400 500 700 900 1000
        assert usual(new).dwarfed_by(50_000, 100) and not usual(new).dwarfed_by(49_999, 100)
        empty = make_team(engine, chat_id=73, owner_id=73)
        lonely = make_client(engine, empty, "Lonely")
        assert usual_sale(session=session, team_id=empty.id or 0, client_id=lonely) is None


def test_recorded_lately_is_the_same_client_amount_and_day_by_anyone_in_the_team(
    engine: Engine,
) -> None:
    """Who recorded it: a teammate's sale counts too (attacker h18: two people booked one sale)."""
    team = make_team(engine, chat_id=74, owner_id=74)
    client = make_client(engine, team, "Bakkerij")
    make_sale(engine, team, client, 25_000, sold_on=TODAY, created_by=74, created_at=NOW)
    with new_session(engine) as session:

        def lately(**changes: object) -> int | None:
            asked = {
                "team_id": team.id or 0,
                "client_id": client,
                "user_id": 74,
                "amount": 25_000,
                "sold_on": TODAY,
                "since": NOW - dt.timedelta(minutes=10),
            } | changes
            return recorded_lately(session=session, **asked)  # type: ignore[arg-type]

        assert lately() == 74
        assert lately(user_id=75) == 74
        assert lately(amount=25_001) is None
        assert lately(sold_on=TODAY - dt.timedelta(days=1)) is None
        assert lately(since=NOW + dt.timedelta(seconds=1)) is None
