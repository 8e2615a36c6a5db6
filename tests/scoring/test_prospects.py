"""Prospects: a fit-only verdict from the ideal profile and what similar clients bring."""

from __future__ import annotations

from scoring import IdealProfile, analyse
from scoring.prospects import assess_prospect, assess_prospects
from tests.scoring.factories import agency, client, settings, team

ZORG = IdealProfile(
    name="zorg", kind="organisation", industries={"zorg"}, cities={"Utrecht"}, max_employees=20
)


def with_prospects():
    frames = agency()
    extra = team(
        [
            client(30, status="prospect", industry="zorg", city="Utrecht", employees=10),
            client(31, status="prospect", industry="schoonmaak", city="Rotterdam", employees=30),
            client(32, status="prospect"),
        ]
    )
    import pandas as pd

    clients = pd.concat([frames.clients, extra.clients])
    return frames.__class__(clients, frames.sales, frames.events, frames.ratings)


def test_prospects_in_the_team_get_verdicts_with_reasons_per_area() -> None:
    frames = with_prospects()
    analysis = analyse(frames, settings(), profiles=[ZORG])
    verdicts = {v.client_id: v for v in assess_prospects(frames, analysis)}
    assert set(verdicts) == {30, 31, 32}
    ideal = verdicts[30]
    assert ideal.verdict == "ideal" and ideal.profile == "zorg"
    assert {c.code for c in ideal.demographics} == {"industry", "city", "employees"}
    assert set(ideal.similar_clients) >= {3, 4, 5}
    assert ideal.expected_profit == 1_440_000
    assert verdicts[31].verdict == "not_a_fit"
    assert 18 in verdicts[31].similar_clients  # like the loss-making cleaners


def test_prospect_with_no_data_is_not_judged() -> None:
    """Nothing the profile asks is known and no client is like them: 'acceptable' (👍) would
    be a guess too (a Russian reader: «вполне подходящий клиент» above three «неизвестно»)."""
    frames = with_prospects()
    analysis = analyse(frames, settings(), profiles=[ZORG])
    unknown = next(v for v in assess_prospects(frames, analysis) if v.client_id == 32)
    assert unknown.verdict == "unknown"
    assert all(c.match is None for c in unknown.demographics)
    assert unknown.similar_clients == () and unknown.expected_profit is None


def test_unsaved_prospect_from_its_traits() -> None:
    frames = agency()
    analysis = analyse(frames, settings(), profiles=[ZORG])
    verdict = assess_prospect(
        {"kind": "organisation", "industry": "Zorg", "city": "utrecht", "employees": 8},
        frames,
        analysis,
    )
    assert verdict.client_id is None and verdict.verdict == "ideal"
    miss = assess_prospect(
        {"industry": "bouw", "city": "Utrecht", "employees": 80}, frames, analysis
    )
    assert miss.verdict == "not_a_fit"
    assert {c.code: c.match for c in miss.demographics}["industry"] == 0.0


def test_partial_credit_is_a_miss_and_keeps_the_verdict_from_ideal() -> None:
    frames = agency()
    profile = IdealProfile(
        name="zorg", kind="organisation", industries={"zorg"}, cities={"Utrecht"},
        min_employees=10, max_employees=100,
    )  # fmt: skip
    analysis = analyse(frames, settings(), profiles=[profile])
    verdict = assess_prospect(
        {"kind": "organisation", "industry": "zorg", "city": "Utrecht", "employees": 8},
        frames,
        analysis,
    )
    employees = next(c for c in verdict.demographics if c.code == "employees")
    assert 0 < employees.match < 1 and employees.reference == [10, 100]
    assert verdict.verdict == "acceptable"  # two of three lines met: not "ideal"
    most_missed = assess_prospect(
        {"kind": "organisation", "industry": "bouw", "city": "Utrecht", "employees": 8},
        frames,
        analysis,
    )
    assert most_missed.verdict == "not_a_fit"


def test_similar_clients_who_are_not_ideal_keep_a_prospect_from_ideal() -> None:
    frames = agency()
    sport = IdealProfile(name="sport", kind="organisation", industries={"sport"})
    analysis = analyse(frames, settings(), profiles=[sport])
    verdict = assess_prospect(
        {"kind": "organisation", "industry": "sport", "city": "Houten", "employees": 15},
        frames,
        analysis,
    )
    assert set(verdict.similar_clients) >= {10, 13, 16}  # the sporty regulars in Houten
    similar = next(c for c in verdict.fit if c.code == "similar_ideal")
    ideal = int(analysis.clients.loc[list(verdict.similar_clients), "ideal"].sum())
    assert (similar.value, similar.reference) == (ideal, len(verdict.similar_clients))
    assert similar.match < 0.4 and verdict.verdict == "acceptable"


def test_a_team_that_set_no_aim_is_compared_with_its_typical_client_not_an_aim() -> None:
    """Without a written profile a team is judged by its own medians; /check said that median
    as "jouw doel: € 158" / «ваша цель — 1 600 ₽» to teams that had set no aim (the Dutch and
    the Russian second readers). With a profile that sets one, it is the aim."""
    frames = agency()
    unwritten = analyse(frames, settings())
    assert not unwritten.profile_written
    traits = {"kind": "organisation", "industry": "zorg", "city": "Utrecht", "employees": 8}
    per_hour = {c.code for c in assess_prospect(traits, frames, unwritten).fit}
    assert "profit_per_hour_vs_typical" in per_hour
    assert "expected_profit_per_hour" not in per_hour
    aiming = IdealProfile(name="zorg", kind="organisation", min_profit_per_hour=50_00)
    written = analyse(frames, settings(), profiles=[aiming])
    checks = {c.code: c.reference for c in assess_prospect(traits, frames, written).fit}
    assert checks.get("expected_profit_per_hour") == 50_00
