"""The whole analysis on edge-case teams: results follow the Product rules, never exceptions."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from scoring import References, TeamFrames, analyse, compute_references
from scoring.report import analysis_to_json
from tests.scoring.factories import ago, client, equal_team, monthly, sale, settings, team


def codes(analysis) -> set[str]:
    return {w.code for w in analysis.warnings}


def test_empty_team_has_nothing_to_rate() -> None:
    analysis = analyse(TeamFrames.empty(), settings())
    assert analysis.clients.empty
    assert analysis.concentration.active_clients == 0
    assert analysis.concentration.hhi_floor is None
    assert analysis.portraits == () and analysis.decline_candidates == ()
    assert {"no_revenue", "few_clients"} <= codes(analysis)
    json.dumps(analysis_to_json(analysis))


def test_one_client_is_all_of_revenue_but_raises_no_alarm() -> None:
    analysis = analyse(team([client(1)], monthly(1, 10_000)), settings())
    assert analysis.concentration.top1_share == 1.0
    assert analysis.concentration.over_reliant == ()
    assert len(analysis.explanations) == 1
    assert analysis.clients.loc[1, "grade"] in "ABCD"


def test_clients_without_revenue_are_still_graded() -> None:
    analysis = analyse(team([client(i) for i in range(1, 4)]), settings())
    assert analysis.clients["score"].between(0, 100).all()
    assert "no_revenue" in codes(analysis)


def test_negative_profit_scores_below_a_profitable_twin() -> None:
    frames = team(
        [client(1), client(2)],
        monthly(1, 10_000, cost_share=1.3) + monthly(2, 10_000, cost_share=0.5),
    )
    table = analyse(frames, settings()).clients
    assert table.loc[1, "profit"] < 0
    assert table.loc[1, "score"] < table.loc[2, "score"]


def test_missing_demographics_are_unknown_not_a_miss() -> None:
    from scoring import IdealProfile

    profile = IdealProfile(name="zorg", industries={"zorg"}, cities={"Utrecht"})
    frames = team(
        [client(1, industry="zorg"), client(2), client(3, industry="bouw", city="Utrecht")],
        [sale(i, 1_000, cost=500) for i in (1, 2, 3)],
    )
    analysis = analyse(frames, settings(), profiles=[profile])
    fit = analysis.clients["fit"]
    assert fit[1] == 1.0  # city unknown: judged on industry alone
    assert pd.isna(fit[2])
    assert fit[3] == 0.5
    assert "missing_demographics" in codes(analysis)


def test_analysis_only_rates_active_clients() -> None:
    clients = [client(1), client(2, status="prospect"), client(3, status="archived")]
    analysis = analyse(team(clients, [sale(1, 100), sale(3, 100)]), settings())
    assert list(analysis.clients.index) == [1]


def test_quiet_client_keeps_score_when_others_change() -> None:
    base = [client(i) for i in range(1, 11)]
    sales = [s for i in range(1, 11) for s in monthly(i, 10_000 * i)]
    before = analyse(team(base, sales), settings())
    busier = [*sales, sale(7, 500_000, cost=10_000), sale(9, 80_000, cost=90_000)]
    events = [{"client_id": 3, "kind": "complaint", "happened_on": ago(3)}]
    after = analyse(team(base, busier, events), settings(), references=before.references)
    quiet = [1, 2, 4, 5, 6, 8, 10]
    pd.testing.assert_series_equal(
        before.clients.loc[quiet, "score"], after.clients.loc[quiet, "score"]
    )
    assert after.clients.loc[7, "score"] > before.clients.loc[7, "score"]
    assert after.clients.loc[3, "score"] < before.clients.loc[3, "score"]


def test_references_are_those_compute_references_freezes(agency_frames, agency_analysis) -> None:
    frozen = compute_references(agency_frames, settings())
    assert frozen == agency_analysis.references
    assert References.from_dict(json.loads(json.dumps(frozen.to_dict()))) == frozen
    again = analyse(agency_frames, settings(), references=frozen)
    pd.testing.assert_frame_equal(again.clients, agency_analysis.clients)


def test_previous_grades_hold_clients_just_over_a_boundary() -> None:
    from scoring.grades import HYSTERESIS, labels, lower_bound

    names = labels("A-D")
    frames = team(
        [client(i) for i in range(1, 41)],
        [s for i in range(1, 41) for s in monthly(i, 500 * i, cost_share=0.9 - i / 100)],
    )
    table = analyse(frames, settings()).clients
    worse = {int(i): names[min(g + 1, len(names) - 1)] for i, g in table["grade_index"].items()}
    held = analyse(frames, settings(), previous_grades=worse).clients
    for client_id, row in table.iterrows():
        g = row["grade_index"]
        near = g < len(names) - 1 and row["score"] < lower_bound("A-D", g) + HYSTERESIS
        assert held.loc[client_id, "grade"] == (worse[client_id] if near else row["grade"])
    assert (table["score"] < table["grade_index"].map(lambda g: lower_bound("A-D", g)) + 2).any()


def test_team_weights_change_scores_not_units() -> None:
    frames = team([client(1), client(2)], monthly(1, 10_000) + monthly(2, 20_000))
    plain = analyse(frames, settings()).clients
    money_only = analyse(frames, settings(weights={"fit": 0, "judgement": 0, "loyalty": 0})).clients
    assert not plain["score"].equals(money_only["score"])
    assert plain["revenue"].equals(money_only["revenue"])


def test_unknown_weight_key_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown score weight"):
        analyse(equal_team(2), settings(weights={"happiness": 1}))


def test_unknown_clients_in_sales_are_dropped_with_a_warning() -> None:
    analysis = analyse(team([client(1)], [sale(1, 100), sale(99, 100)]), settings())
    assert analysis.clients.loc[1, "revenue"] == 100
    assert "unknown_clients" in codes(analysis)


def test_settings_refuse_a_timestamp_for_today() -> None:
    import datetime as dt

    with pytest.raises(ValueError):
        settings().__class__(today=dt.datetime(2026, 11, 23, 9, 0))
