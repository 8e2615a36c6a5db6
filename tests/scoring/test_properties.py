"""Invariants of the score, as hypothesis properties on small random teams.

More profit never lowers a score, an extra complaint never raises it, an extra referral never
lowers it (other things equal, with the week's references frozen); results do not depend on
the order rows come in; shares sum to one.
"""

from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from scoring import TeamFrames, analyse
from scoring.report import analysis_to_json
from tests.scoring.factories import ago, settings, team

PROPERTY = hypothesis_settings(
    max_examples=int(os.environ.get("KOMPAS_PROPERTY_EXAMPLES", "15")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

sales_strategy = st.fixed_dictionaries(
    {
        "amount": st.integers(0, 500_000),
        "days_ago": st.integers(0, 420),
        "cost_share": st.one_of(st.none(), st.floats(0, 1.5)),
        "minutes": st.one_of(st.none(), st.integers(1, 600)),
        "late": st.one_of(st.none(), st.integers(-10, 40)),
    }
)
client_strategy = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["organisation", "person"]),
        "status": st.sampled_from(["active", "active", "active", "declined", "prospect"]),
        "city": st.sampled_from([None, "Utrecht", "Zeist"]),
        "age_days": st.integers(10, 2000),
        "sales": st.lists(sales_strategy, max_size=6),
        "complaints": st.integers(0, 2),
        "referrals": st.integers(0, 2),
        "rating": st.one_of(st.none(), st.integers(1, 5)),
    }
)
team_strategy = st.lists(client_strategy, min_size=1, max_size=9)


def build(spec: list[dict]) -> TeamFrames:
    clients, sales, events, ratings = [], [], [], []
    for i, c in enumerate(spec, start=1):
        clients.append(
            {
                "id": i,
                "kind": c["kind"],
                "status": c["status"],
                "city": c["city"],
                "acquired_on": ago(c["age_days"]),
            }
        )
        for s in c["sales"]:
            sold = ago(s["days_ago"])
            sales.append(
                {
                    "client_id": i,
                    "sold_on": sold,
                    "amount": s["amount"],
                    "cost": None
                    if s["cost_share"] is None
                    else round(s["amount"] * s["cost_share"]),
                    "minutes": s["minutes"],
                    "due_on": None if s["late"] is None else ago(s["days_ago"] - 14),
                    "paid_on": None if s["late"] is None else ago(s["days_ago"] - 14 - s["late"]),
                }
            )
        events += [{"client_id": i, "kind": "complaint", "happened_on": ago(9)}] * c["complaints"]
        events += [{"client_id": i, "kind": "referral", "happened_on": ago(8)}] * c["referrals"]
        if c["rating"] is not None:
            ratings.append(
                {
                    "client_id": i,
                    "user_id": 1,
                    "rated_on": ago(5),
                    "criterion": "pleasant",
                    "value": c["rating"],
                }
            )
    return team(clients, sales, events, ratings)


def scored(spec: list[dict]) -> list[int]:
    return [i for i, c in enumerate(spec, start=1) if c["status"] == "active"]


def with_event(frames: TeamFrames, client_id: int, kind: str) -> TeamFrames:
    extra = pd.DataFrame(
        {
            "client_id": [client_id],
            "kind": [kind],
            "happened_on": [pd.Timestamp(ago(1))],
            "referred_client_id": pd.array([None], dtype="Int64"),
        }
    )
    events = pd.concat(
        [frames.events, extra.astype(frames.events.dtypes.to_dict())], ignore_index=True
    )
    return TeamFrames(frames.clients, frames.sales, events, frames.ratings)


@PROPERTY
@given(team_strategy)
def test_every_lift_asks_for_something(spec) -> None:
    analysis = analyse(build(spec), settings())
    for explanation in analysis.explanations.many().values():
        lift = explanation.lift
        assert lift is None or lift.amount >= (100 if lift.unit == "money" else 0.1)


@PROPERTY
@given(team_strategy, st.data())
def test_more_profit_never_lowers_a_score(spec, data) -> None:
    frames = build(spec)
    before = analyse(frames, settings())
    window = frames.sales["sold_on"] > pd.Timestamp(ago(365))
    costed = frames.sales.index[window & frames.sales["cost"].notna()]
    costed = [i for i in costed if frames.sales.loc[i, "client_id"] in before.clients.index]
    if not costed:
        return
    row = data.draw(st.sampled_from(costed))
    extra = data.draw(st.integers(1, 1_000_000))
    sales = frames.sales.copy()
    if data.draw(st.booleans()):
        sales.loc[row, "amount"] += extra
    else:
        sales.loc[row, "cost"] = max(sales.loc[row, "cost"] - extra, 0)
    client_id = sales.loc[row, "client_id"]
    after = analyse(
        TeamFrames(frames.clients, sales, frames.events, frames.ratings),
        settings(),
        references=before.references,
    )
    assert after.clients.loc[client_id, "score"] >= before.clients.loc[client_id, "score"]


@PROPERTY
@given(team_strategy, st.data())
def test_an_extra_complaint_never_raises_a_score(spec, data) -> None:
    ids = scored(spec)
    if not ids:
        return
    client_id = data.draw(st.sampled_from(ids))
    frames = build(spec)
    before = analyse(frames, settings())
    after = analyse(
        with_event(frames, client_id, "complaint"), settings(), references=before.references
    )
    assert after.clients.loc[client_id, "score"] <= before.clients.loc[client_id, "score"]


@PROPERTY
@given(team_strategy, st.data())
def test_an_extra_referral_never_lowers_a_score(spec, data) -> None:
    ids = scored(spec)
    if not ids:
        return
    client_id = data.draw(st.sampled_from(ids))
    frames = build(spec)
    before = analyse(frames, settings())
    after = analyse(
        with_event(frames, client_id, "referral"), settings(), references=before.references
    )
    assert after.clients.loc[client_id, "score"] >= before.clients.loc[client_id, "score"]


@PROPERTY
@given(team_strategy, st.randoms(use_true_random=False))
def test_results_do_not_depend_on_row_order(spec, random) -> None:
    frames = build(spec)

    def shuffled(frame: pd.DataFrame) -> pd.DataFrame:
        order = list(range(len(frame)))
        random.shuffle(order)
        return frame.iloc[order]

    mixed = TeamFrames(
        *(shuffled(f) for f in (frames.clients, frames.sales, frames.events, frames.ratings))
    )
    one, two = analyse(frames, settings()), analyse(mixed, settings())
    pd.testing.assert_frame_equal(one.clients, two.clients)
    assert json.dumps(analysis_to_json(one)) == json.dumps(analysis_to_json(two))
    assert {i: one.explanations[i] for i in one.explanations} == {
        i: two.explanations[i] for i in two.explanations
    }


@PROPERTY
@given(team_strategy)
def test_analysis_is_deterministic(spec) -> None:
    frames = build(spec)
    assert analysis_to_json(analyse(frames, settings())) == analysis_to_json(
        analyse(frames, settings())
    )


@PROPERTY
@given(team_strategy)
def test_shares_sum_to_one_and_scores_stay_in_range(spec) -> None:
    analysis = analyse(build(spec), settings())
    table = analysis.clients
    assert table["score"].between(0, 100).all()
    shares = table["revenue_share"].dropna()
    if (table.loc[~table["lapsed"], "revenue"] > 0).any():
        assert shares.sum() == pytest.approx(1.0)
    times = table["time_share"].dropna()
    if len(times):
        assert times.sum() == pytest.approx(1.0)
    graded = table["grade_index"].dropna()  # a client without a sale in the window has none
    assert np.all(graded.to_numpy() >= 0)
    assert table["grade"].isna().equals(table["purchases"] == 0)
