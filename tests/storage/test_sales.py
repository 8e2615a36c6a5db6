"""A new sale follows the team's payment habit: paid on the spot, or an invoice due in N days."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from storage import team_settings
from storage.engine import new_session
from storage.models import Sale
from storage.sales import SaleInput, payment_days, record_sale
from tests.factories import NOW, make_client, make_team, rows

TODAY = NOW.date()


@pytest.mark.parametrize(
    ("team_days", "personal", "kind", "days"),
    [
        (None, True, "organisation", 0),  # a personal team is paid on the spot
        (None, False, "person", 0),  # so is a person
        (None, False, "organisation", 14),  # an organisation gets an invoice
        (0, False, "organisation", 0),  # the team's own habit wins
        (30, True, "person", 30),
    ],
)
def test_payment_days_by_habit_then_by_kind(
    team_days: int | None, personal: bool, kind: str, days: int
) -> None:
    assert payment_days(team_days=team_days, personal=personal, client_kind=kind) == days


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
