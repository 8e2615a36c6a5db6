"""The scoring benchmark's code on a small team, so it cannot rot between benchmark runs."""

from __future__ import annotations

import pytest

from scoring import ScoringSettings, analyse
from tests.benchmarks.bench_import import sqlite_engine
from tests.benchmarks.bench_scoring import TODAY, bench_analyse, bench_load
from tests.benchmarks.generate import generate_team

pytestmark = pytest.mark.bench


def test_generated_team_looks_like_a_business() -> None:
    frames = generate_team(500, 5_000, today=TODAY)
    assert len(frames.clients) == 500 and len(frames.sales) == 5_000
    assert set(frames.clients["kind"]) == {"person", "organisation"}
    analysis = analyse(frames, ScoringSettings(today=TODAY))
    assert 300 < len(analysis.clients) < 500
    assert analysis.portraits and analysis.decline_candidates
    assert analysis.clients["grade"].nunique() >= 3


def test_generator_is_seeded() -> None:
    one, two = generate_team(50, 300, today=TODAY), generate_team(50, 300, today=TODAY)
    assert one.sales.equals(two.sales) and one.clients.equals(two.clients)


def test_analyse_bench_reports_its_figures() -> None:
    figures = bench_analyse(500, 5_000, runs=2)
    assert figures["median_s"] < 2.0  # generous: the 10 000-client target is 0.1 s
    assert figures["peak_mb"] < 100
    assert figures["ratio_to_groupby_sum"] > 0


def test_load_bench_round_trips_a_team_through_sqlite() -> None:
    figures = bench_load("sqlite", sqlite_engine, runs=1, size=(200, 2_000))
    assert figures["median_s"] < 5.0
    assert 0 < figures["loaded_sales"] <= 2_000
