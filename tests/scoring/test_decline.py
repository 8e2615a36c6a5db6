"""Decline candidates: low or negative annual profit and a negative signal, never the young."""

from __future__ import annotations

from scoring import IdealProfile, analyse
from scoring.decline import REASONS
from tests.scoring.factories import ago, client, monthly, sale, settings, team


def regulars(n: int = 10, start: int = 1):
    clients = [client(i) for i in range(start, start + n)]
    sales = [s for i in range(start, start + n) for s in monthly(i, 20_000 + 1_000 * i)]
    return clients, sales


def test_loss_making_complaining_client_is_a_candidate_with_reasons(agency_analysis) -> None:
    candidate = next(c for c in agency_analysis.decline_candidates if c.client_id == 19)
    assert candidate.annual_profit < 0
    assert {"unprofitable", "complaints", "late_payments"} <= set(candidate.reasons)
    assert set(candidate.reasons) <= set(REASONS)
    assert agency_analysis.clients.loc[19, "decline_candidate"]


def test_candidates_are_ordered_by_what_they_cost_the_team(agency_analysis) -> None:
    costs = [c.cost_to_team for c in agency_analysis.decline_candidates]
    assert costs == sorted(costs, reverse=True)


def test_unprofitable_without_any_negative_signal_is_not_a_candidate() -> None:
    clients, sales = regulars()
    clients.append(client(99, industry="zorg"))
    sales += monthly(99, 10_000, cost_share=1.2, minutes=30)
    profile = IdealProfile(name="zorg", industries={"zorg"})
    analysis = analyse(team(clients, sales), settings(), profiles=[profile])
    assert analysis.clients.loc[99, "annual_profit"] < 0
    assert 99 not in {c.client_id for c in analysis.decline_candidates}


def test_client_younger_than_ninety_days_is_never_a_candidate() -> None:
    clients, sales = regulars()
    clients.append(client(99, acquired_on=ago(40)))
    sales.append(sale(99, 10_000, days_ago=20, cost=30_000))
    events = [{"client_id": 99, "kind": "complaint", "happened_on": ago(5)}]
    analysis = analyse(team(clients, sales, events), settings())
    assert analysis.clients.loc[99, "young"]
    assert analysis.decline_candidates == ()


def test_bottom_fifth_by_annual_profit_needs_a_signal() -> None:
    clients, sales = regulars()
    events = [{"client_id": 1, "kind": "complaint", "happened_on": ago(5)}]
    analysis = analyse(team(clients, sales, events), settings())
    candidates = {c.client_id: c for c in analysis.decline_candidates}
    assert list(candidates) == [1]  # 1 and 2 are the bottom fifth; only 1 complained
    assert candidates[1].reasons == ("low_profit", "low_profit_per_hour", "complaints")


def test_a_tiny_team_has_no_bottom_fifth() -> None:
    clients, sales = regulars(4)
    events = [{"client_id": 1, "kind": "complaint", "happened_on": ago(5)}]
    assert analyse(team(clients, sales, events), settings()).decline_candidates == ()


def test_declining_someone_who_brought_an_ideal_client_is_a_risk(agency_frames) -> None:
    clients = agency_frames.clients.copy()
    clients.loc[3, "referred_by_id"] = 19  # a poor client brought in an ideal one
    frames = agency_frames.__class__(
        clients, agency_frames.sales, agency_frames.events, agency_frames.ratings
    )
    analysis = analyse(frames, settings())
    candidate = next(c for c in analysis.decline_candidates if c.client_id == 19)
    assert ("referred_ideal_client", 3) in {(r.code, r.client_id) for r in candidate.risks}


def test_owing_and_liked_candidates_carry_those_risks(agency_analysis) -> None:
    candidate = next(c for c in agency_analysis.decline_candidates if c.client_id == 18)
    assert {r.code for r in candidate.risks} >= {"owes_money", "team_likes_them"}


def test_a_client_the_team_chose_to_keep_is_not_proposed_until_then() -> None:
    import datetime as _dt

    from scoring import ScoringSettings, TeamFrames, analyse

    today = _dt.date(2026, 11, 23)
    clients, sales, events = [], [], []
    for i in range(1, 11):
        clients.append(
            {
                "id": i,
                "name": f"C{i}",
                "kind": "organisation",
                "status": "active",
                "acquired_on": _dt.date(2024, 1, 1),
            }
        )
        for month in range(1, 11):
            sales.append(
                {
                    "client_id": i,
                    "sold_on": _dt.date(2026, month, 15),
                    "amount": 100_000,
                    "cost": 150_000 if i == 1 else 20_000,
                }
            )
    events.append({"client_id": 1, "kind": "complaint", "happened_on": _dt.date(2026, 7, 1)})
    settings = ScoringSettings(today=today)
    proposed = analyse(
        TeamFrames.from_records(clients=clients, sales=sales, events=events), settings
    )
    assert [c.client_id for c in proposed.decline_candidates] == [1]
    clients[0]["kept_until"] = _dt.date(2027, 2, 21)
    kept = analyse(TeamFrames.from_records(clients=clients, sales=sales, events=events), settings)
    assert list(kept.decline_candidates) == []
    clients[0]["kept_until"] = _dt.date(2026, 11, 22)  # that was yesterday
    expired = analyse(
        TeamFrames.from_records(clients=clients, sales=sales, events=events), settings
    )
    assert [c.client_id for c in expired.decline_candidates] == [1]
