"""Concentration: shares, top-k, HHI and who the team leans on too much."""

from __future__ import annotations

import math

import pytest

from scoring import analyse
from tests.scoring.factories import client, equal_team, sale, settings, team


def shares_team(revenues: list[int]):
    clients = [client(i) for i in range(1, len(revenues) + 1)]
    sales = [sale(i, amount) for i, amount in enumerate(revenues, start=1) if amount]
    return team(clients, sales)


def test_client_at_quarter_of_revenue_is_over_reliant() -> None:
    analysis = analyse(shares_team([25_000] + [75_000 // 9] * 9), settings())
    flagged = analysis.concentration.over_reliant
    assert [f.client_id for f in flagged] == [1]
    assert flagged[0].share >= 0.25 - 1e-12
    assert analysis.clients.loc[1, "over_reliant"]


def test_client_just_below_threshold_is_watched_not_over_reliant() -> None:
    analysis = analyse(shares_team([24_000, 12_000] + [8_000] * 8), settings())
    assert analysis.concentration.over_reliant == ()
    assert [f.client_id for f in analysis.concentration.watch] == [1, 2]


def test_team_threshold_is_respected() -> None:
    analysis = analyse(shares_team([20_000] + [10_000] * 8), settings(concentration_threshold=0.2))
    assert [f.client_id for f in analysis.concentration.over_reliant] == [1]


@pytest.mark.parametrize("n", [1, 4, 8, 13])
def test_hhi_of_equal_clients_is_its_floor(n: int) -> None:
    figures = analyse(equal_team(n), settings()).concentration
    assert figures.hhi == pytest.approx(10_000 / n)
    assert figures.hhi_floor == pytest.approx(10_000 / n)
    assert figures.equivalent_clients == pytest.approx(n)


@pytest.mark.parametrize("n", [1, 4, 5, 6, 10, 11])
def test_top_twenty_percent_is_ceil_of_a_fifth(n: int) -> None:
    figures = analyse(equal_team(n), settings()).concentration
    assert figures.top20_count == math.ceil(0.2 * n)
    assert figures.top20_share == pytest.approx(math.ceil(0.2 * n) / n)


def test_shares_sum_to_one_and_top_figures_follow_the_order() -> None:
    analysis = analyse(shares_team([50, 30, 10, 5, 5]), settings())
    assert analysis.clients["revenue_share"].sum() == pytest.approx(1.0)
    figures = analysis.concentration
    assert figures.top1_share == pytest.approx(0.5)
    assert figures.top3_share == pytest.approx(0.9)


def test_four_clients_get_shares_but_no_alarms() -> None:
    analysis = analyse(shares_team([70, 10, 10, 10]), settings())
    figures = analysis.concentration
    assert figures.top1_share == pytest.approx(0.7)
    assert not figures.alarms_enabled
    assert figures.over_reliant == () and figures.watch == ()
    assert not analysis.clients["over_reliant"].any()
    assert "few_clients" in {w.code for w in analysis.warnings}


def test_declined_and_prospect_clients_leave_concentration() -> None:
    clients = [client(1, status="declined"), client(2, status="prospect")]
    clients += [client(i) for i in range(3, 11)]
    sales = [sale(1, 1_000_000)] + [sale(i, 10_000) for i in range(3, 11)]
    analysis = analyse(team(clients, sales), settings())
    assert set(analysis.clients.index) == set(range(3, 11))
    assert analysis.concentration.top1_share == pytest.approx(1 / 8)
    assert analysis.concentration.over_reliant == ()


def test_lapsed_client_is_shown_apart() -> None:
    clients = [client(i) for i in range(1, 10)]
    sales = [sale(1, 500_000, days_ago=d) for d in (360, 330, 300)]  # monthly, then gone
    sales += [sale(i, 10_000, days_ago=d) for i in range(2, 10) for d in (10, 40)]
    analysis = analyse(team(clients, sales), settings())
    assert analysis.concentration.lapsed == (1,)
    assert analysis.clients.loc[1, "lapsed"]
    assert analysis.concentration.over_reliant == ()
    assert analysis.concentration.active_clients == 8
    assert analysis.concentration.top1_share == pytest.approx(1 / 8)


def test_if_they_leave_says_how_many_ideal_clients_replace_them(agency_analysis) -> None:
    flag = agency_analysis.concentration.over_reliant[0]
    assert flag.client_id == 1
    assert flag.revenue_drop == pytest.approx(flag.share)
    # The ideal clients each bring 2.4M a year; the anchor 10.8M.
    assert flag.ideal_clients_to_replace == pytest.approx(4.5)


def test_all_zero_revenue_has_no_shares_and_says_nothing_to_rate() -> None:
    analysis = analyse(team([client(i) for i in range(1, 10)]), settings())
    figures = analysis.concentration
    assert figures.hhi == 0 and figures.equivalent_clients is None
    assert figures.over_reliant == ()
    assert "no_revenue" in {w.code for w in analysis.warnings}
