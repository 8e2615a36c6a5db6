"""Retention: ideal clients overdue against their own rhythm, and what ideal clients bring."""

from __future__ import annotations

from scoring import analyse
from tests.scoring.factories import ago, client, sale, settings, team


def test_ideal_client_overdue_against_own_rhythm() -> None:
    clients = [client(i) for i in range(1, 16)]  # the top fifth of fifteen: clients 1, 2, 3
    # Client 1 bought every month until 75 days ago: "usually every 30 days, last 75 days ago".
    sales = [sale(1, 100_000, days_ago=75 + 30 * m, cost=20_000) for m in range(10)]
    sales += [
        sale(i, 100_000, days_ago=15 + 30 * m, cost=20_000) for i in (2, 3) for m in range(12)
    ]
    sales += [
        sale(i, 10_000, days_ago=15 + 30 * m, cost=5_000) for i in range(4, 16) for m in range(12)
    ]
    events = [{"client_id": i, "kind": "referral", "happened_on": ago(50)} for i in (1, 2, 3)]
    analysis = analyse(team(clients, sales, events), settings())
    assert analysis.clients.loc[[1, 2, 3], "ideal"].all()
    [overdue] = analysis.overdue_ideal
    assert (overdue.client_id, overdue.usual_interval_days, overdue.days_since_last) == (1, 30, 75)
    assert not analysis.clients.loc[1, "lapsed"]


def run_rate_team():
    """Three ideal clients (the top fifth of fifteen, all referring): a regular one, a young
    regular one and a one-off buyer. Amounts in kopecks."""
    clients = [client(i) for i in range(1, 16)]
    clients[1]["acquired_on"] = ago(90)
    sales = [sale(1, 1_000_000, d, cost=400_000) for d in (20, 150, 300)]  # 30 000 ₽ in the year
    sales += [sale(1, 2_500_000, 400, cost=1_000_000)]  # more than 12 months ago
    sales += [sale(2, 1_000_000, 80, cost=400_000), sale(2, 1_130_000, 10, cost=450_000)]
    sales += [sale(3, 4_000_000, 100, cost=1_600_000)]  # one sale: not a recurring client
    sales += [sale(i, 100_000, d, cost=50_000) for i in range(4, 16) for d in (30, 200)]
    events = [{"client_id": i, "kind": "referral", "happened_on": ago(40)} for i in (1, 2, 3)]
    return team(clients, sales, events)


def test_run_rate_is_what_recurring_ideal_clients_paid_in_twelve_months() -> None:
    analysis = analyse(run_rate_team(), settings())
    assert analysis.clients.index[analysis.clients["ideal"]].tolist() == [1, 2, 3]
    # Client 1: 3 × 10 000 ₽; client 2 (a client for 90 days, not annualised): 10 000 + 11 300 ₽;
    # client 3's one-off 40 000 ₽ does not recur. 51 300 ₽ / 12 = 4 275 ₽ a month.
    assert analysis.ideal_run_rate_monthly == 427_500


def test_run_rate_with_a_half_year_window_is_per_month_of_the_window() -> None:
    analysis = analyse(run_rate_team(), settings(window_days=180))
    # Within 180 days client 1 paid 2 × 10 000 ₽ (days 20 and 150), client 2 21 300 ₽, client 3
    # bought once: 41 300 ₽ over 180 days, or 41 300 ₽ / (12 × 180 / 365) a month.
    ideal = analysis.clients.index[analysis.clients["ideal"]].tolist()
    assert {1, 2} <= set(ideal)
    assert analysis.ideal_run_rate_monthly == round(4_130_000 / (12 * 180 / 365))


def test_client_who_stopped_long_ago_has_lapsed() -> None:
    sales = [sale(1, 1_000, days_ago=d) for d in (300, 270, 240)] + [sale(2, 1_000, days_ago=5)]
    table = analyse(team([client(1), client(2)], sales), settings()).clients
    assert table["lapsed"].tolist() == [True, False]
