"""Per-client figures: money, time, payments, tenure — units as the contract says."""

from __future__ import annotations

import datetime as dt

import pytest

from scoring import analyse
from tests.scoring.factories import ago, client, monthly, sale, settings, team


def test_money_and_time_per_client() -> None:
    frames = team(
        [client(1)],
        [sale(1, 10_000, cost=4_000, minutes=90), sale(1, 5_000, cost=1_000, minutes=30)],
    )
    row = analyse(frames, settings()).clients.loc[1]
    assert (row["revenue"], row["cost"], row["profit"]) == (15_000, 5_000, 10_000)
    assert row["margin"] == pytest.approx(2 / 3)
    assert (row["minutes"], row["hours"]) == (120, 2)
    assert row["profit_per_hour"] == 5_000
    assert (row["purchases"], row["average_order"]) == (2, 7_500)


def test_hour_cost_is_subtracted_per_client_in_whole_cents() -> None:
    # 90 + 30 minutes at € 35,55 an hour: 2 h → 7.110; 50 minutes → 2.962,5 → 2.962 (even).
    frames = team(
        [client(1), client(2)],
        [
            sale(1, 10_000, cost=4_000, minutes=90),
            sale(1, 5_000, cost=1_000, minutes=30),
            sale(1, 3_000, cost=1_000),  # no time recorded: not in profit per hour
            sale(2, 8_000, cost=2_000, minutes=50),
        ],
    )
    table = analyse(frames, settings(hour_cost=3_555)).clients
    one, two = table.loc[1], table.loc[2]
    assert (one["revenue"], one["cost"], one["profit"]) == (18_000, 6_000 + 7_110, 4_890)
    assert one["margin"] == pytest.approx(4_890 / 18_000)
    assert one["profit_per_hour"] == (15_000 - 5_000 - 7_110) / 2  # 1.445
    assert (two["cost"], two["profit"]) == (2_000 + 2_962, 3_038)
    assert two["profit_per_hour"] == round(3_038 / (50 / 60))  # 3.645,6 → 3.646
    plain = analyse(frames, settings()).clients.loc[1]
    assert (plain["profit"], plain["profit_per_hour"]) == (12_000, 5_000)


def test_sales_outside_the_window_do_not_count() -> None:
    frames = team([client(1)], [sale(1, 1_000, days_ago=10), sale(1, 99_000, days_ago=400)])
    row = analyse(frames, settings()).clients.loc[1]
    assert row["revenue"] == 1_000 and row["purchases"] == 1


def test_missing_cost_uses_the_default_margin_and_says_so() -> None:
    frames = team([client(1)], [sale(1, 10_000), sale(1, 10_000, cost=2_000)])
    analysis = analyse(frames, settings(default_margin=0.4))
    row = analysis.clients.loc[1]
    assert row["profit"] == 4_000 + 8_000
    assert row["uses_default_margin"]
    assert "default_margin_used" in {w.code for w in analysis.warnings}


def test_mostly_uncosted_sales_without_default_margin_leave_profit_unknown() -> None:
    frames = team([client(1), client(2)], [sale(1, 10_000), sale(2, 1_000, cost=400)])
    analysis = analyse(frames, settings())
    assert analysis.clients["profit"].isna().tolist() == [True, False]
    warning = next(w for w in analysis.warnings if w.code == "missing_costs")
    assert warning.params["sales"] == 1 and warning.params["assumed_margin"] is None


def test_mostly_costed_team_assumes_its_own_margin_for_the_rest() -> None:
    sales = [sale(1, 10_000, cost=7_000)] * 4 + [sale(1, 10_000)]
    analysis = analyse(team([client(1)], sales), settings())
    assert analysis.clients.loc[1, "profit"] == 4 * 3_000 + 3_000
    assert analysis.references.assumed_margin == pytest.approx(0.3)


def test_missing_time_leaves_profit_per_hour_unknown() -> None:
    analysis = analyse(team([client(1)], [sale(1, 10_000, cost=1_000)]), settings())
    assert analysis.clients["profit_per_hour"].isna().all()
    assert "missing_time" in {w.code for w in analysis.warnings}


def test_late_payment_rate_of_one_in_one_is_shrunk_toward_the_team() -> None:
    on_time = [sale(i, 1_000, due_on=ago(20), paid_on=ago(25)) for i in range(2, 9)]
    late = sale(1, 1_000, due_on=ago(20), paid_on=ago(5))
    analysis = analyse(team([client(i) for i in range(1, 9)], [late, *on_time]), settings())
    rate = analysis.clients.loc[1, "late_payment_rate"]
    assert analysis.clients.loc[1, "late_payments"] == 1
    assert analysis.references.late_payment_rate == pytest.approx(1 / 8)
    assert rate == pytest.approx((1 + 3 / 8) / 4)
    assert rate < 0.5


def test_unpaid_and_overdue_money_is_owed() -> None:
    sales = [
        sale(1, 5_000, due_on=ago(10)),  # overdue
        sale(1, 3_000, days_ago=2, due_on=ago(-12)),  # unpaid, not yet due
        sale(1, 9_000, due_on=ago(10), paid_on=ago(12)),
        sale(1, 4_000),  # no due date: paid on the spot
    ]
    analysis = analyse(team([client(1)], sales), settings())
    assert analysis.clients.loc[1, ["owed", "overdue"]].tolist() == [8_000, 5_000]
    [owed] = analysis.owed
    assert (owed.client_id, owed.unpaid, owed.overdue) == (1, 8_000, 5_000)


def test_declined_client_still_owes_money() -> None:
    frames = team([client(1, status="declined")], [sale(1, 5_000, due_on=ago(10))])
    assert [o.client_id for o in analyse(frames, settings()).owed] == [1]


def test_a_single_purchase_is_never_extrapolated() -> None:
    frames = team([client(1, acquired_on=ago(30))], [sale(1, 9_000, days_ago=10, cost=0)])
    row = analyse(frames, settings()).clients.loc[1]
    assert row["young"] and row["tenure_days"] == 30
    assert row["annual_profit"] == 9_000


def test_young_client_is_annualised_from_ninety_days() -> None:
    sales = [sale(1, 9_000, days_ago=d, cost=0) for d in (10, 40)]
    frames = team([client(1, acquired_on=ago(45))], sales)
    row = analyse(frames, settings()).clients.loc[1]
    # 45 days a client + a 30-day rhythm cover 75 days: below the 90-day floor.
    assert row["annual_profit"] == round(18_000 * 365 / 90)


def test_young_client_is_annualised_over_what_their_purchases_cover() -> None:
    sales = [sale(1, 3_000, days_ago=d, cost=0) for d in (0, 30, 60, 90)]
    frames = team([client(1, acquired_on=ago(90))], sales)
    row = analyse(frames, settings()).clients.loc[1]
    # Four monthly visits cover 90 + 30 days: 12 a year, not 16.
    assert row["annual_revenue"] == round(12_000 * 365 / 120)


def test_a_young_client_who_stopped_buying_is_not_annualised() -> None:
    # Three fortnightly sales in January, none for 311 days: 21 000 is their year, not 21 714.
    sales = [sale(1, 7_000, days_ago=d, cost=0) for d in (339, 325, 311)]
    frames = team([client(1, acquired_on=ago(339))], sales)
    row = analyse(frames, settings()).clients.loc[1]

    assert row["annual_revenue"] == 21_000
    assert not row["annualised"]


def test_tenure_and_recency_use_history_beyond_the_window() -> None:
    frames = team(
        [client(1, acquired_on=None, first_sold_on=ago(900), last_sold_on=ago(200))],
        [sale(1, 1_000, days_ago=200)],
    )
    row = analyse(frames, settings()).clients.loc[1]
    assert row["tenure_days"] == 900 and row["recency_days"] == 200


def test_monthly_client_has_a_monthly_interval() -> None:
    row = analyse(team([client(1)], monthly(1, 1_000)), settings()).clients.loc[1]
    assert row["usual_interval_days"] == pytest.approx(30)
    assert not row["lapsed"]


def test_referral_counted_once_from_event_and_referred_by() -> None:
    clients = [
        client(1),
        client(2, referred_by_id=1, acquired_on=ago(50)),
        client(3, referred_by_id=1, acquired_on=ago(40)),
    ]
    events = [{"client_id": 1, "kind": "referral", "happened_on": ago(50), "referred_client_id": 2}]
    row = analyse(team(clients, [sale(1, 100)], events), settings()).clients.loc[1]
    assert row["referrals"] == 2


def test_a_referral_is_dated_by_when_the_referred_client_started() -> None:
    """In the window when the referred client became a client in it ("client since"), else —
    their start unknown — when the team recorded them; an event's own date does not move it."""
    recorded_long_ago = dt.datetime.combine(ago(700), dt.time(9))
    clients = [
        client(1),
        # A prospect written down two years ago who became a client this spring: counts.
        client(2, referred_by_id=1, acquired_on=ago(200), created_at=recorded_long_ago),
        # No "client since", added last month: counts, by when the team recorded them.
        client(3, referred_by_id=1, acquired_on=None, created_at=dt.datetime(2026, 10, 20)),
        client(4),
        # A client since 2024, only now told in chat to be client 4's referral: not this year's.
        client(5, referred_by_id=4, acquired_on=ago(600)),
    ]
    events = [{"client_id": 4, "kind": "referral", "happened_on": ago(1), "referred_client_id": 5}]
    table = analyse(team(clients, [sale(1, 100), sale(4, 100)], events), settings()).clients
    assert table.loc[1, "referrals"] == 2
    assert table.loc[4, "referrals"] == 0


def test_sales_before_the_window_still_date_the_last_purchase_and_tenure() -> None:
    # Frames holding the whole history (no first/last-sale columns): the sale 400 days ago is
    # the client's last purchase and the start of their tenure, though outside the window.
    frames = team([client(1, acquired_on=None, created_at=ago(10))], [sale(1, 5_000, days_ago=400)])
    row = analyse(frames, settings()).clients.loc[1]
    assert (row["purchases"], row["recency_days"], row["tenure_days"]) == (0, 400, 400)
    assert not row["young"]
