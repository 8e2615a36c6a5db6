"""Ideal profiles: JSON for the ideal_profile table, and the default for a team that wrote none."""

from __future__ import annotations

import json

from scoring import IdealProfile, References, default_profile


def test_profile_round_trips_through_json() -> None:
    profile = IdealProfile(
        name="zorg",
        kind="organisation",
        cities={"Utrecht", "Zeist"},
        industries={"zorg"},
        min_employees=5,
        max_employees=50,
        min_profit_per_hour=6_000,
        min_margin=0.4,
        market_size=400,
        competitors=12,
        weights={"industry": 2.0},
    )
    stored = json.loads(json.dumps(profile.to_dict()))
    assert stored["demographics"]["cities"] == ["Utrecht", "Zeist"]
    assert stored["fit"]["min_margin"] == 0.4
    assert stored["market"] == {"market_size": 400, "competitors": 12}
    assert IdealProfile.from_dict(stored) == profile


def test_reading_ignores_unknown_keys_and_missing_areas() -> None:
    profile = IdealProfile.from_dict(
        {"name": "x", "demographics": {"cities": "Utrecht", "colour": "red"}}
    )
    assert profile.cities == frozenset({"Utrecht"})
    assert profile.min_margin is None


def test_default_profile_uses_the_team_medians_and_no_demographics() -> None:
    refs = References(
        median_profit_per_hour=6_100.4, median_margin=0.42, median_hours_per_order=2.0
    )
    profile = default_profile(refs)
    assert (profile.min_profit_per_hour, profile.min_margin) == (6_100, 0.42)
    assert profile.max_hours_per_order == 3.0
    assert not (profile.cities or profile.industries or profile.min_age)


def test_default_profile_of_an_empty_team_has_no_criteria() -> None:
    profile = default_profile(References())
    assert profile.min_profit_per_hour is None and profile.min_margin is None
