"""Decline candidates: low or negative annual profit and a negative signal, never the young."""

from __future__ import annotations

from scoring import IdealProfile, analyse
from scoring.decline import REASONS, NearCandidate
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
    sales = [s for s in sales if s["client_id"] not in (1, 2)]
    # Small jobs that take little time: the bottom fifth by profit, but no time-eaters.
    sales += monthly(1, 4_000, minutes=20) + monthly(2, 4_000, minutes=20)
    events = [
        {"client_id": client_id, "kind": "complaint", "happened_on": ago(5)} for client_id in (1, 3)
    ]
    analysis = analyse(team(clients, sales, events), settings())
    candidates = {c.client_id: c for c in analysis.decline_candidates}
    assert list(candidates) == [1]  # 1 and 2 are the bottom fifth; 1 and 3 complained
    assert candidates[1].reasons == ("low_profit", "complaints")


def test_a_client_graded_above_the_middle_is_not_told_to_go() -> None:
    clients, sales = regulars()
    events = [{"client_id": 1, "kind": "complaint", "happened_on": ago(5)}]
    analysis = analyse(team(clients, sales, events), settings())
    assert analysis.clients.loc[1, "grade"] == "B"  # 18 % under the median, one complaint
    assert analysis.decline_candidates == ()
    assert [(n.client_id, n.why_not) for n in analysis.decline_nearest][:1] == [(1, "good_grade")]


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


def _with_a_slow_big_client():
    """Ten regulars (client i: € 200 + 10 i a month, half cost, 2 h: € 50 + 2,50 i an hour,
    € 1.200 + 60 i profit a year) and client 11: € 400 a month, half cost, 4 h — the highest
    profit (€ 2.400 a year) but € 50 an hour."""
    clients, sales = regulars()
    clients.append(client(11))
    sales += monthly(11, 40_000, minutes=240)
    events = [{"client_id": 11, "kind": "complaint", "happened_on": ago(5)}]
    return team(clients, sales, events)


def test_bottom_fifth_by_profit_per_hour_with_a_complaint_is_a_candidate() -> None:
    # Per hour, sorted: 50 (11), 52,50, 55, 57,50, … 75: the bottom fifth is ceil(2,2) = 3
    # clients (≤ € 55) and the median € 62,50 (90 %: € 56,25). By annual profit 11 is the top.
    analysis = analyse(_with_a_slow_big_client(), settings())
    assert analysis.references.median_profit_per_hour == 6_250
    # The most profitable client is graded B: slow and one complaint, yet not told to go.
    assert analysis.clients.loc[11, "grade"] == "B"
    assert analysis.decline_candidates == ()
    near = analysis.decline_nearest[0]
    assert (near.client_id, near.why_not) == (11, "good_grade")
    assert near.reasons == ("low_profit_per_hour", "complaints")


def test_with_an_hour_cost_the_slow_client_loses_money() -> None:
    # € 55 an hour: 11 makes 240.000 − 48 × 5.500 = −24.000; regular i: 6.000 i − 12.000.
    analysis = analyse(_with_a_slow_big_client(), settings(hour_cost=5_500))
    assert analysis.clients.loc[11, "annual_profit"] == -24_000
    assert analysis.clients.loc[1, "annual_profit"] == -6_000  # loses money, but no signal
    [candidate] = analysis.decline_candidates
    assert candidate.client_id == 11
    assert candidate.reasons == ("unprofitable", "complaints")
    # Profit a year now 6.000 i − 12.000 and −24.000 for 11: the median of the eleven is
    # 18.000 (i = 5), so 11 brings 18.000 + 24.000 less than a typical client.
    assert candidate.cost_to_team == 18_000 + 24_000


def test_a_low_team_rating_is_a_negative_signal() -> None:
    clients, sales = regulars()
    ratings = [
        {"client_id": 1, "user_id": u, "rated_on": ago(10), "criterion": "pleasant", "value": v}
        for u, v in ((7, 2), (8, 2))
    ]
    analysis = analyse(team(clients, sales, (), ratings), settings())
    near = analysis.decline_nearest[0]
    assert (near.client_id, near.why_not) == (1, "good_grade")  # a B, so only named
    assert near.reasons == ("low_profit", "low_profit_per_hour", "low_rating")


def test_without_costs_clients_are_ranked_by_revenue() -> None:
    clients, sales = regulars()
    for row in sales:
        del row["cost"]
    events = [{"client_id": 2, "kind": "complaint", "happened_on": ago(5)}]
    analysis = analyse(team(clients, sales, events), settings())
    assert analysis.clients["annual_profit"].isna().all()
    # Revenue 12 × (20.000 + 1.000 i): bottom fifth 1 and 2; median 306.000, 2 has 264.000.
    assert analysis.decline_nearest[:2] == (
        NearCandidate(2, "good_grade", ("low_revenue", "complaints"), "revenue"),
        NearCandidate(1, "no_signal", ("low_revenue",), "revenue"),
    )


def test_a_complaint_within_ten_percent_of_the_median_is_not_low_enough() -> None:
    # Five regulars: profit 126.000 … 150.000 a year, median 138.000 (90 %: 124.200).
    clients, sales = regulars(5)
    events = [{"client_id": 1, "kind": "complaint", "happened_on": ago(5)}]
    analysis = analyse(team(clients, sales, events), settings())
    assert analysis.decline_candidates == ()
    assert analysis.decline_nearest == (NearCandidate(1, "not_low", ("complaints",), "profit"),)


def test_nearest_names_the_low_without_a_signal() -> None:
    clients, sales = regulars()
    events = [{"client_id": 1, "kind": "complaint", "happened_on": ago(5)}]
    analysis = analyse(team(clients, sales, events), settings())
    assert analysis.decline_candidates == ()
    assert analysis.decline_nearest[1:] == (
        NearCandidate(2, "no_signal", ("low_profit", "low_profit_per_hour"), "profit"),
    )


def test_nearest_puts_the_too_new_first() -> None:
    clients, sales = regulars()
    clients.append(client(99, acquired_on=ago(40)))
    sales.append(sale(99, 10_000, days_ago=20, cost=30_000))
    events = [{"client_id": 99, "kind": "complaint", "happened_on": ago(5)}]
    analysis = analyse(team(clients, sales, events), settings())
    assert analysis.decline_candidates == ()
    young = NearCandidate(99, "young", ("unprofitable", "complaints"), "profit")
    low = ("low_profit", "low_profit_per_hour")
    assert analysis.decline_nearest == (
        young,
        NearCandidate(1, "no_signal", low, "profit"),
        NearCandidate(2, "no_signal", low, "profit"),
    )


def test_too_few_clients_to_rank_is_said() -> None:
    clients, sales = regulars(4)
    events = [{"client_id": 1, "kind": "complaint", "happened_on": ago(5)}]
    analysis = analyse(team(clients, sales, events), settings())
    assert analysis.decline_nearest == (NearCandidate(1, "few_clients", ("complaints",), "profit"),)


def test_a_new_client_low_in_value_is_named_too_new() -> None:
    # Client 99 started 10 days ago with one small sale and no complaint: what keeps them off
    # the list is that they are new, not the absence of a complaint.
    clients, sales = regulars()
    clients.append(client(99, acquired_on=ago(10)))
    sales.append(sale(99, 10_000, days_ago=5, cost=30_000))
    analysis = analyse(team(clients, sales), settings())

    assert analysis.decline_candidates == ()
    near = {n.client_id: n.why_not for n in analysis.decline_nearest}
    assert near[99] == "young"
