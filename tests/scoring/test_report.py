"""The JSON report: stable keys, fractions for shares, nothing numpy-typed."""

from __future__ import annotations

import json

from scoring.report import analysis_to_json

STABLE_KEYS = {
    "concentration",
    "over_reliant",
    "watch",
    "time_eaters",
    "decline_candidates",
    "disagreements",
    "overdue_ideal",
    "owed",
    "portrait",
    "grades",
    "warnings",
}


def test_report_has_the_documented_keys_and_is_plain_json(agency_analysis) -> None:
    report = analysis_to_json(agency_analysis)
    assert report == json.loads(json.dumps(report, allow_nan=False))
    assert set(report) >= STABLE_KEYS
    assert {"top1_share", "top3_share", "top20_share", "hhi", "equivalent_clients"} <= set(
        report["concentration"]
    )


def test_report_shares_are_fractions(agency_analysis) -> None:
    report = analysis_to_json(agency_analysis)
    assert 0 < report["concentration"]["top1_share"] <= 1
    assert report["over_reliant"][0]["client_id"] == 1
    assert 0 < report["over_reliant"][0]["share"] < 1


def test_grades_are_keyed_by_client_id(agency_analysis) -> None:
    grades = analysis_to_json(agency_analysis)["grades"]
    assert grades["3"] == {"score": agency_analysis.clients.loc[3, "score"], "grade": "A"}
    assert len(grades) == len(agency_analysis.clients)


def test_portrait_sources_are_named(agency_analysis) -> None:
    [portrait] = analysis_to_json(agency_analysis)["portrait"]
    assert portrait["sources"] == [{"source": "referral", "share": 1.0}]
