"""Market reality: potential ideal clients per competitor, and when that is too narrow."""

from __future__ import annotations

from scoring import IdealProfile, analyse
from tests.scoring.factories import equal_team, settings


def test_market_per_competitor_and_too_narrow_warning() -> None:
    profiles = [
        IdealProfile(name="wide", market_size=5_000, competitors=20),
        IdealProfile(name="narrow", market_size=300, competitors=30),
        IdealProfile(name="unknown", market_size=300),
    ]
    analysis = analyse(equal_team(10), settings(), profiles=profiles)
    market = {m.profile_name: m for m in analysis.market}
    assert (market["wide"].per_competitor, market["wide"].too_narrow) == (250, False)
    assert (market["narrow"].per_competitor, market["narrow"].too_narrow) == (10, True)
    assert market["unknown"].too_narrow is None
    assert market["narrow"].minimum == 20  # twice ten clients
    [warning] = [w for w in analysis.warnings if w.code == "market_too_narrow"]
    assert warning.params["profile"] == "narrow"


def test_team_sets_its_own_minimum() -> None:
    profiles = [IdealProfile(name="p", market_size=5_000, competitors=20)]
    [market] = analyse(equal_team(3), settings(market_too_narrow=300), profiles=profiles).market
    assert market.too_narrow
