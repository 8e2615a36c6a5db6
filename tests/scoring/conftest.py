"""Fixtures shared by the scoring tests."""

from __future__ import annotations

import pytest

from scoring import TeamAnalysis, TeamFrames, analyse
from tests.scoring.factories import agency, settings


@pytest.fixture(scope="session")
def agency_frames() -> TeamFrames:
    return agency()


@pytest.fixture(scope="session")
def agency_analysis(agency_frames: TeamFrames) -> TeamAnalysis:
    return analyse(agency_frames, settings())
