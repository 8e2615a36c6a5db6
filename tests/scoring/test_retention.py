"""Retention: ideal clients overdue against their own rhythm, and what ideal clients bring."""

from __future__ import annotations

from scoring import analyse
from tests.scoring.factories import ago, client, sale, settings, team


def test_ideal_client_overdue_against_own_rhythm() -> None:
    clients = [client(i) for i in range(1, 11)]
    # Client 1 bought every month until 75 days ago: "usually every 30 days, last 75 days ago".
    sales = [sale(1, 100_000, days_ago=75 + 30 * m, cost=20_000) for m in range(10)]
    sales += [
        sale(i, 100_000, days_ago=15 + 30 * m, cost=20_000) for i in (2, 3) for m in range(12)
    ]
    sales += [
        sale(i, 10_000, days_ago=15 + 30 * m, cost=5_000) for i in range(4, 11) for m in range(12)
    ]
    events = [{"client_id": i, "kind": "referral", "happened_on": ago(50)} for i in (1, 2, 3)]
    analysis = analyse(team(clients, sales, events), settings())
    assert analysis.clients.loc[[1, 2, 3], "ideal"].all()
    [overdue] = analysis.overdue_ideal
    assert (overdue.client_id, overdue.usual_interval_days, overdue.days_since_last) == (1, 30, 75)
    assert not analysis.clients.loc[1, "lapsed"]


def test_run_rate_is_the_monthly_revenue_of_ideal_clients(agency_analysis) -> None:
    table = agency_analysis.clients
    expected = table.loc[table["ideal"], "annual_revenue"].sum() / 12
    assert agency_analysis.ideal_run_rate_monthly == round(expected)


def test_client_who_stopped_long_ago_has_lapsed() -> None:
    sales = [sale(1, 1_000, days_ago=d) for d in (300, 270, 240)] + [sale(2, 1_000, days_ago=5)]
    table = analyse(team([client(1), client(2)], sales), settings()).clients
    assert table["lapsed"].tolist() == [True, False]
