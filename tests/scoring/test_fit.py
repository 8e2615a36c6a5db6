"""Fit to the ideal profile: per criterion 0–1, unknown data left out, best profile wins."""

from __future__ import annotations

import pandas as pd
import pytest

from scoring import IdealProfile, analyse
from tests.scoring.factories import client, sale, settings, team


def fit_of(profiles, *clients):
    frames = team(clients, [sale(c["id"], 1_000, cost=500) for c in clients])
    return analyse(frames, settings(), profiles=profiles).clients["fit"]


def test_sets_match_ignoring_case_and_spaces() -> None:
    profile = IdealProfile(cities={"den haag"})
    assert fit_of([profile], client(1, city="Den  Haag"))[1] == 1.0


def test_ranges_give_partial_credit_just_outside() -> None:
    profile = IdealProfile(min_employees=10, max_employees=20)
    fit = fit_of(
        [profile], client(1, employees=15), client(2, employees=25), client(3, employees=40)
    )
    assert fit[1] == 1.0
    assert fit[2] == pytest.approx(0.5)  # 5 over a bound of 20, falling to 0 at 10 over
    assert fit[3] == 0.0


def test_age_comes_from_the_birth_year() -> None:
    profile = IdealProfile(kind="person", min_age=30, max_age=45)
    fit = fit_of(
        [profile],
        client(1, kind="person", birth_year=1986),
        client(2, kind="person", birth_year=2001),
    )
    assert fit[1] == 1.0 and fit[2] == pytest.approx(0.5)


def test_profile_for_persons_does_not_judge_organisations() -> None:
    profile = IdealProfile(kind="person", genders={"f"})
    fit = fit_of([profile], client(1, kind="person", gender="f"), client(2, gender="f"))
    assert fit[1] == 1.0 and pd.isna(fit[2])


def test_best_of_several_profiles_counts() -> None:
    profiles = [
        IdealProfile(name="a", industries={"zorg"}),
        IdealProfile(name="b", industries={"bouw"}),
    ]
    fit = fit_of(profiles, client(1, industry="bouw"), client(2, industry="retail"))
    assert fit.tolist() == [1.0, 0.0]


def test_interests_match_when_any_is_shared() -> None:
    profile = IdealProfile(interests={"sport"})
    fit = fit_of(
        [profile], client(1, interests=["music", "Sport"]), client(2, interests=["food"]), client(3)
    )
    assert fit[1] == 1.0 and fit[2] == 0.0 and pd.isna(fit[3])


def test_criterion_weights_shift_the_mean() -> None:
    profile = IdealProfile(industries={"zorg"}, cities={"Utrecht"}, weights={"industry": 3})
    assert fit_of([profile], client(1, industry="zorg", city="Zeist"))[1] == pytest.approx(0.75)
