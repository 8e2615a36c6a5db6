"""Per-client data is keyed by client id: ids with gaps and rows in any order change nothing.

Every trait and figure stays with its client: the analysis of a team whose frames come in a
shuffled order equals the analysis of the same team in id order, and the fit with a profile
that only asks for an interest is 1 exactly for the clients who have that interest.
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring import IdealProfile, analyse
from scoring.settings import ScoringSettings
from tests.oracle.reference import RawTeam
from tests.oracle.teams import frames, raw_teams

YOGA = IdealProfile(name="yoga", interests=frozenset({"йога"}))


@settings(
    max_examples=100,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(raw_teams(), st.randoms(use_true_random=False))
def test_every_trait_and_figure_stays_with_its_client(team: RawTeam, rng: random.Random) -> None:
    options = ScoringSettings(
        today=team.today, window_days=team.window_days, default_margin=team.default_margin
    )
    in_order = analyse(frames(team), options, profiles=[YOGA])
    shuffled = analyse(frames(team, shuffle=rng), options, profiles=[YOGA])
    pd.testing.assert_frame_equal(shuffled.clients, in_order.clients)
    assert shuffled.concentration == in_order.concentration
    assert list(shuffled.owed) == list(in_order.owed)
    assert shuffled.portraits == in_order.portraits

    # The fit asks one thing, so it is the client's own answer: 1 with yoga, 0 without, unknown
    # without any interests on file.
    interests = {c["id"]: c["interests"] for c in team.clients}
    for client_id, fit in shuffled.clients["fit"].items():
        loves = interests[client_id]
        if not loves:
            assert np.isnan(fit), (client_id, loves, fit)
        else:
            assert fit == (1.0 if "йога" in loves else 0.0), (client_id, loves, fit)
