"""Time-eaters: a share of the team's time well above the share of revenue."""

from __future__ import annotations

import pytest

from scoring import analyse
from tests.scoring.factories import client, sale, settings, team


def timed_team(minutes_of_first: float):
    clients = [client(i) for i in range(1, 11)]
    sales = [sale(1, 10_000, cost=5_000, minutes=minutes_of_first)]
    sales += [sale(i, 10_000, cost=5_000, minutes=60) for i in range(2, 11)]
    return team(clients, sales)


def test_client_with_triple_time_for_average_revenue_eats_time() -> None:
    analysis = analyse(timed_team(180), settings())
    [eater] = analysis.time_eaters
    assert eater.client_id == 1
    assert eater.time_share == pytest.approx(180 / 720)
    assert eater.revenue_share == pytest.approx(0.1)
    assert eater.ratio == pytest.approx(2.5)
    assert eater.hours == 3.0 and eater.revenue == 10_000
    assert analysis.clients.loc[1, "time_eater"]


def test_a_little_extra_time_is_not_eating() -> None:
    assert analyse(timed_team(80), settings()).time_eaters == ()


def test_ratio_and_minimum_share_are_team_settings() -> None:
    assert analyse(timed_team(180), settings(time_eater_ratio=3.0)).time_eaters == ()
    assert analyse(timed_team(180), settings(time_eater_min_share=0.3)).time_eaters == ()


def test_time_shares_sum_to_one_over_timed_clients() -> None:
    table = analyse(timed_team(180), settings()).clients
    assert table["time_share"].sum() == pytest.approx(1.0)


def test_report_gives_both_shares_when_only_some_clients_log_time() -> None:
    from scoring.report import analysis_to_json

    # Ten clients of € 100 each; only clients 1–4 log time (180, 60, 60, 60 minutes).
    clients = [client(i) for i in range(1, 11)]
    sales = [sale(1, 10_000, cost=5_000, minutes=180)]
    sales += [sale(i, 10_000, cost=5_000, minutes=60) for i in range(2, 5)]
    sales += [sale(i, 10_000, cost=5_000) for i in range(5, 11)]
    [eater] = analysis_to_json(analyse(team(clients, sales), settings()))["time_eaters"]

    assert eater["client_id"] == 1
    assert eater["time_share"] == pytest.approx(180 / 360)
    assert eater["revenue_share"] == pytest.approx(100 / 400)  # among the four that log time
    assert eater["revenue_share_of_all"] == pytest.approx(100 / 1000)  # what /risk shows
