"""Explanations: reasons in money and hours against the team, and a lift that really lifts."""

from __future__ import annotations

import random

import pytest

from scoring import analyse
from scoring.explain import REASON_CODES
from scoring.lifts import LIFT_CODES
from tests.scoring.factories import ago, client, monthly, sale, settings, team


def spread_team():
    clients = [client(i) for i in range(1, 31)]
    sales = [s for i in range(1, 31) for s in monthly(i, 600 * i, cost_share=0.9 - i / 100)]
    return team(clients, sales)


def test_reasons_compare_money_with_the_team_median(agency_analysis) -> None:
    reasons = agency_analysis.explain(3).reasons
    profit = next(r for r in reasons if r.code == "profit")
    assert profit.unit == "money" and profit.effect > 0
    assert profit.value == agency_analysis.clients.loc[3, "annual_profit"]
    assert profit.reference == round(agency_analysis.references.median_annual_profit)


def test_at_most_three_reasons_biggest_first(agency_analysis) -> None:
    for client_id, explanation in agency_analysis.explanations.items():
        reasons = list(explanation.reasons)
        if reasons and reasons[0].code == "profit" and reasons[0].value < 0:
            assert reasons[0].effect < 0, client_id  # a loss comes first, always ▼
            reasons = reasons[1:]
        sizes = [abs(r.effect) for r in reasons]
        assert len(explanation.reasons) <= 3 and sizes == sorted(sizes, reverse=True), client_id
        for reason in explanation.reasons:
            assert (reason.code, reason.unit) in REASON_CODES


def test_loss_making_client_is_told_about_its_loss(agency_analysis) -> None:
    codes = {r.code: r for r in agency_analysis.explain(19).reasons}
    assert codes["profit"].value < 0 and codes["profit"].effect < 0
    assert codes["complaints"].effect < 0


def test_best_grade_needs_no_lift(agency_analysis) -> None:
    assert agency_analysis.clients.loc[3, "grade"] == "A"
    assert agency_analysis.explain(3).lift is None


def test_explanations_only_for_scored_clients(agency_analysis) -> None:
    assert len(agency_analysis.explanations) == len(agency_analysis.clients)
    assert list(agency_analysis.explanations) == list(agency_analysis.clients.index)
    assert 999 not in agency_analysis.explanations
    with pytest.raises(KeyError):
        agency_analysis.explain(999)


def test_more_profit_lift_is_enough_for_the_next_grade() -> None:
    frames = spread_team()
    before = analyse(frames, settings())
    lifted = [
        (i, before.explain(i).lift)
        for i in before.clients.index
        if before.explain(i).lift is not None and before.explain(i).lift.code == "more_profit"
    ]
    assert lifted
    for client_id, lift in lifted[:4]:
        sales = frames.sales.copy()
        first = sales.index[sales["client_id"] == client_id][0]
        sales.loc[first, "amount"] += lift.amount
        changed = frames.__class__(frames.clients, sales, frames.events, frames.ratings)
        previous = before.clients["grade"].to_dict()
        after = analyse(changed, settings(), references=before.references, previous_grades=previous)
        assert after.clients.loc[client_id, "grade"] == lift.to_grade, client_id
        assert lift.unit == "money" and isinstance(lift.amount, int)


def test_referral_lift_is_enough_for_the_next_grade() -> None:
    frames = spread_team()
    before = analyse(frames, settings(weights={"referrals": 1.0}))
    client_id = next(
        i
        for i in before.clients.index
        if (lift := before.explain(i).lift) and lift.code == "referral"
    )
    lift = before.explain(client_id).lift
    events = [
        {"client_id": client_id, "kind": "referral", "happened_on": ago(1)}
        for _ in range(lift.amount)
    ]
    changed = team([], [], events)
    frames = frames.__class__(frames.clients, frames.sales, changed.events, frames.ratings)
    after = analyse(frames, settings(weights={"referrals": 1.0}), references=before.references)
    assert after.clients.loc[client_id, "grade"] == lift.to_grade


def test_lift_codes_are_the_documented_ones() -> None:
    analysis = analyse(spread_team(), settings())
    for explanation in analysis.explanations.values():
        if explanation.lift is not None:
            assert (explanation.lift.code, explanation.lift.unit) in LIFT_CODES
            assert explanation.lift.amount > 0


def test_many_explanations_at_once_match_one_at_a_time(agency_analysis) -> None:
    together = agency_analysis.explanations.many()
    assert together == {i: agency_analysis.explain(i) for i in agency_analysis.explanations}
    some = agency_analysis.explanations.many([19, 3])
    assert list(some) == [19, 3]


def _young_and_timed_team(seed: int):
    """Twelve clients, some a few weeks old, sales of mixed size, time recorded on some."""
    r = random.Random(seed)
    clients, sales = [], []
    for i in range(1, 13):
        age = r.randint(20, 80) if r.random() < 0.4 else r.randint(200, 700)
        clients.append(client(i, acquired_on=ago(age)))
        for _ in range(r.randint(1, 6)):
            amount = r.choice([50_000, 120_000, 300_000, 800_000, 1_200_000])
            cost = amount * r.choice([0.1, 0.3, 0.6]) if r.random() < 0.7 else None
            minutes = r.choice([30, 60, 120, 360, 600]) if r.random() < 0.6 else None
            days = r.randint(1, min(age, 360))
            sales.append(sale(i, amount, days_ago=days, cost=cost, minutes=minutes))
    return clients, sales


@pytest.mark.parametrize("seed", range(0, 300, 5))
def test_fewer_hours_never_asks_for_more_than_half_the_hours_recorded(seed: int) -> None:
    # read_ru A6: "10 h less work a year" for a client with 6 h recorded in all.
    clients, sales = _young_and_timed_team(seed)
    analysis = analyse(team(clients, sales), settings(hour_cost=100_000 if seed % 2 else None))
    for cid in analysis.clients.index:
        lift = analysis.explanations[cid].lift
        if lift is not None and lift.code == "fewer_hours":
            recorded = sum(s.get("minutes") or 0 for s in sales if s["client_id"] == cid) / 60
            assert 0 < lift.amount <= recorded / 2, (cid, lift, recorded)
