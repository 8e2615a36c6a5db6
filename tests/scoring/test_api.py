"""The `scoring` package's names (scoring/api.py), loaded on first use and not before."""

from __future__ import annotations

import scoring
from scoring import api
from tests.fresh_process import packages_loaded


def test_every_name_of_the_api_is_the_packages() -> None:
    public = [name for name in vars(api) if not name.startswith("_")]
    assert public
    assert all(getattr(scoring, name) is getattr(api, name) for name in public)
    assert scoring.Warning is scoring.ScoringWarning


def test_settings_and_profile_are_read_without_pandas() -> None:
    """`storage` reads a team's settings and profile on every command; pandas comes only with
    the scoring engine (issue 21: a `kompas import` starts ~0.5 s sooner)."""
    light = "scoring.settings, scoring.profile, storage.teams, storage.profiles"
    assert packages_loaded(light, ["pandas"]) == set()
