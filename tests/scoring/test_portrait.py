"""The portrait: top clients by profit who refer others, and what they share versus the rest."""

from __future__ import annotations

import pytest

from scoring import analyse
from scoring.portrait import MIN_LIFT, MIN_SUPPORT, MIN_SUPPORT_SHARE
from tests.scoring.factories import ago, client, monthly, settings, team


def test_portrait_is_the_referring_top_clients(agency_analysis) -> None:
    [portrait] = agency_analysis.portraits
    assert portrait.kind == "organisation"
    assert portrait.client_ids == (3, 4, 5)
    assert portrait.based_on_referrers
    assert agency_analysis.clients.loc[[3, 4, 5], "ideal"].all()


def test_traits_compare_with_the_rest_not_with_everyone(agency_analysis) -> None:
    traits = {t.name: t for t in agency_analysis.portraits[0].traits}
    zorg = traits["industry"]
    assert zorg.value == "zorg" and zorg.share == 1.0
    # The rest holds the two other healthcare clients among its seventeen.
    assert zorg.rest_share == pytest.approx(2 / 17)
    assert zorg.lift == pytest.approx(8.5)


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
    clients = [client(i, kind="person") for i in range(1, 5)]
    sales = [s for i in range(1, 5) for s in monthly(i, 1_000 * i)]
    portrait = analyse(team(clients, sales), settings()).portraits[0]
    assert portrait.kind == "person"
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
