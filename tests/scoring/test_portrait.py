"""The portrait: top clients by profit who refer others, and what they share versus the rest."""

from __future__ import annotations

import numpy as np
import pytest

from scoring import TeamFrames, analyse
from scoring.arrays import prepare
from scoring.grades import labels
from scoring.portrait import (
    DEMOGRAPHIC_NUMBERS,
    MIN_LIFT,
    MIN_SUPPORT,
    MIN_SUPPORT_SHARE,
    MONEY_NUMBERS,
    PortraitInputs,
    portraits,
)
from tests.scoring.factories import ago, client, monthly, sale, settings, team


def test_portrait_is_the_referring_top_clients(agency_analysis) -> None:
    [portrait] = agency_analysis.portraits
    assert portrait.kind == "organisation"
    # Five equal healthcare clients share the top fifth's last place: all five are in.
    assert portrait.client_ids == (3, 4, 5, 6, 7)
    assert portrait.based_on_referrers
    assert agency_analysis.clients.loc[[3, 4, 5, 6, 7], "ideal"].all()


def test_traits_compare_with_the_rest_not_with_everyone(agency_analysis) -> None:
    traits = {t.name: t for t in agency_analysis.portraits[0].traits}
    zorg = traits["industry"]
    assert zorg.value == "zorg" and zorg.share == 1.0
    # No healthcare client among the rest's fifteen: for the lift, half a client of fifteen.
    assert zorg.rest_share == 0
    assert zorg.lift == pytest.approx(1 / (0.5 / 15))


def test_traits_need_support_share_and_lift(agency_analysis) -> None:
    portrait = agency_analysis.portraits[0]
    assert 0 < len(portrait.traits) <= 5
    for trait in portrait.traits:
        assert trait.share * len(portrait.client_ids) >= MIN_SUPPORT
        assert trait.share >= MIN_SUPPORT_SHARE and trait.lift >= MIN_LIFT


def test_a_trait_common_everywhere_is_not_a_trait() -> None:
    clients = [
        client(i, city="Utrecht", industry="zorg" if i <= 3 else "bouw") for i in range(1, 16)
    ]
    sales = [s for i in range(1, 16) for s in monthly(i, 50_000 if i <= 3 else 5_000)]
    events = [{"client_id": i, "kind": "referral", "happened_on": ago(30)} for i in (1, 2, 3)]
    portrait = analyse(team(clients, sales, events), settings()).portraits[0]
    assert portrait.client_ids == (1, 2, 3)
    assert [t.name for t in portrait.traits] == ["industry"]  # everybody is in Utrecht


def test_without_referrers_the_portrait_falls_back_to_the_top_fifth() -> None:
    clients = [client(i) for i in range(1, 16)]
    sales = [s for i in range(1, 16) for s in monthly(i, 1_000 * i)]
    portrait = analyse(team(clients, sales), settings()).portraits[0]
    assert not portrait.based_on_referrers
    assert portrait.client_ids == (15, 14, 13)
    assert "few_referrers" in {w.code for w in portrait.warnings}
    assert "referrals" in portrait.missing


def test_too_few_clients_say_what_is_missing_instead_of_guessing() -> None:
    clients = [client(i, kind="person") for i in range(1, 8)]
    sales = [s for i in range(1, 8) for s in monthly(i, 1_000 * i)]
    portrait = analyse(team(clients, sales), settings()).portraits[0]
    assert portrait.kind == "person"
    assert portrait.client_ids == (7, 6)  # ceil(20 % of 7) = 2, no floor of three
    assert portrait.traits == () and portrait.numeric == ()
    assert portrait.missing[0] == "clients"
    assert {"gender", "age"} <= set(portrait.missing)
    assert "portrait_few_clients" in {w.code for w in portrait.warnings}


def test_one_portrait_per_kind_and_per_segment() -> None:
    clients = [
        client(i, kind="person" if i % 2 else "organisation", segment="retainer")
        for i in range(1, 13)
    ]
    sales = [s for i in range(1, 13) for s in monthly(i, 1_000 * i)]
    portraits = analyse(team(clients, sales), settings()).portraits
    assert [(p.kind, p.segment) for p in portraits] == [
        ("organisation", None),
        ("person", None),
        (None, "retainer"),
    ]


def test_sources_say_where_ideal_clients_came_from(agency_analysis) -> None:
    assert agency_analysis.portraits[0].sources == (("referral", 1.0),)


def test_numeric_traits_have_median_and_quartiles(agency_analysis) -> None:
    numeric = {n.name: n for n in agency_analysis.portraits[0].numeric}
    assert numeric["employees"].median == 12
    assert (
        numeric["annual_profit"].q1
        <= numeric["annual_profit"].median
        <= numeric["annual_profit"].q3
    )


def test_under_five_clients_of_a_kind_nobody_is_ideal() -> None:
    # Two private clients (and four organisations): neither kind has five current clients.
    clients = [client(1, kind="person"), client(2, kind="person")]
    clients += [client(i) for i in range(3, 7)]
    sales = [s for i in range(1, 7) for s in monthly(i, 10_000 * i)]
    events = [{"client_id": i, "kind": "referral", "happened_on": ago(20)} for i in range(1, 7)]
    analysis = analyse(team(clients, sales, events), settings())
    assert not analysis.clients["ideal"].any()
    assert analysis.ideal_run_rate_monthly == 0
    by_kind = {p.kind: p for p in analysis.portraits}
    assert by_kind["person"].client_ids == () and by_kind["organisation"].client_ids == ()
    [warning] = by_kind["person"].warnings
    assert (warning.code, warning.params) == ("ideal_too_few", {"clients": 2, "minimum": 5})


def test_five_clients_make_one_ideal_client() -> None:
    clients = [client(i, kind="person") for i in range(1, 6)]
    sales = [s for i in range(1, 6) for s in monthly(i, 10_000 * i)]
    analysis = analyse(team(clients, sales), settings())
    # ceil(20 % of 5) = 1: only the most profitable, client 5.
    assert analysis.clients.index[analysis.clients["ideal"]].tolist() == [5]


def _low_graded_top_client(n: int) -> TeamFrames:
    """Client 1 brings the most profit but complains, pays late, eats time and is rated 1/5."""
    clients = [client(i, industry="bouw") for i in range(1, n + 1)]
    sales = [
        sale(1, 350_000, 10 + 100 * m, cost=100_000, minutes=6000, due_on=ago(5 + 100 * m))
        for m in range(3)
    ]
    sales += [s for i in range(2, n + 1) for s in monthly(i, 10_000 * i)]
    events = [{"client_id": 1, "kind": "complaint", "happened_on": ago(d)} for d in (5, 9, 12)]
    events += [
        {"client_id": i, "kind": "referral", "happened_on": ago(20)} for i in range(2, n + 1)
    ]
    ratings = [
        {"client_id": 1, "user_id": u, "rated_on": ago(3), "criterion": c, "value": 1}
        for u in (1, 2)
        for c in ("pleasant", "pays")
    ]
    return team(clients, sales, events, ratings)


@pytest.mark.parametrize("scale", ["A-D", "1-5", "1-10"])
def test_a_client_graded_below_the_middle_is_never_ideal(scale: str) -> None:
    # The top fifth of ten by profit is clients 1 and 10; client 1 is graded low (C, 2 or 4).
    analysis = analyse(_low_graded_top_client(10), settings(grade_scale=scale))
    table = analysis.clients
    assert table["annual_profit"].idxmax() == 1
    assert table.loc[1, "grade"] == {"A-D": "C", "1-5": "2", "1-10": "4"}[scale]
    assert table.index[table["ideal"]].tolist() == [10]
    assert all(1 not in p.client_ids for p in analysis.portraits)


def test_below_the_middle_means_the_lower_half_of_the_scale() -> None:
    frames = _low_graded_top_client(5)
    prepared = prepare(frames, settings())
    ones = np.ones(prepared.n, bool)

    def ideal_with(graded_well: np.ndarray) -> list[int]:
        profit = np.array([700_000.0, 1.0, 2.0, 3.0, 4.0])
        x = PortraitInputs(
            current=ones,
            graded_well=graded_well,
            annual_profit=profit,
            annual_revenue=profit,
            revenue=profit,
            referrals=np.zeros(prepared.n),
            numbers={name: np.full(prepared.n, np.nan) for name in NUMBERS},
        )
        return prepared.ids[portraits(prepared, x)[1]].tolist()

    assert ideal_with(ones) == [1]
    assert ideal_with(np.array([False, True, True, True, True])) == []
    # Which grades are "graded well": the upper half, the middle grade of 1-5 included.
    well = {
        scale: [g for i, g in enumerate(labels(scale)) if 2 * i < len(labels(scale))]
        for scale in ("A-D", "1-5", "1-10")
    }
    assert well == {"A-D": ["A", "B"], "1-5": ["5", "4", "3"], "1-10": ["10", "9", "8", "7", "6"]}


def test_only_low_graded_top_clients_means_no_ideal_and_says_why() -> None:
    analysis = analyse(_low_graded_top_client(5), settings())
    assert analysis.clients.loc[1, "grade"] == "C"
    [portrait] = analysis.portraits
    assert portrait.client_ids == ()
    assert ("no_ideal", {"reason": "grades"}) in [(w.code, w.params) for w in portrait.warnings]


NUMBERS = (*DEMOGRAPHIC_NUMBERS[None], *MONEY_NUMBERS)


def test_equal_clients_are_never_cut_apart_at_the_top_fifth() -> None:
    """Checker's finding: of eight identical clients two were called ideal, chosen by id."""
    clients = [client(i) for i in range(1, 9)]
    sales = [s for i in range(1, 9) for s in monthly(i, 50_000, cost_share=0.5)]
    result = analyse(team(clients, sales, []), settings())
    assert result.portraits[0].client_ids == tuple(range(1, 9))
    assert result.clients["ideal"].all()
