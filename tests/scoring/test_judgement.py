"""The team's own judgement: newest rating per member and criterion, recent ones weigh more."""

from __future__ import annotations

import pytest

from scoring import analyse
from tests.scoring.factories import ago, client, monthly, sale, settings, team


def rating(
    client_id: int, value: int, days_ago: int = 10, user: int = 1, criterion: str = "pleasant"
):
    return {
        "client_id": client_id,
        "user_id": user,
        "rated_on": ago(days_ago),
        "criterion": criterion,
        "value": value,
    }


def judged(*ratings):
    return analyse(team([client(1)], monthly(1, 1_000), ratings=ratings), settings()).clients.loc[
        1, "judgement"
    ]


def test_newest_rating_per_member_and_criterion_counts() -> None:
    assert judged(rating(1, 1, days_ago=100), rating(1, 5, days_ago=5)) == pytest.approx(5)


def test_recent_ratings_weigh_more() -> None:
    value = judged(rating(1, 5, days_ago=0, user=1), rating(1, 1, days_ago=360, user=2))
    assert 4 < value < 5


def test_criteria_and_members_are_averaged() -> None:
    value = judged(rating(1, 4, criterion="pleasant"), rating(1, 2, criterion="pays_on_time"))
    assert value == pytest.approx(3)


def test_no_ratings_is_no_judgement() -> None:
    import math

    assert math.isnan(judged())


def test_liked_but_unprofitable_is_a_disagreement(agency_analysis) -> None:
    found = {d.client_id: d for d in agency_analysis.disagreements}
    assert found[18].direction == "liked_but_unprofitable"
    assert found[18].judgement == 5.0
    assert 3 not in found  # liked and profitable: no disagreement


def test_a_new_client_is_too_new_to_disagree_about() -> None:
    clients = [client(i) for i in range(1, 11)] + [client(11, acquired_on=ago(10))]
    sales = [s for i in range(1, 11) for s in monthly(i, 5_000 * i, cost_share=0.3)]
    sales.append(sale(11, 1_000, days_ago=5, cost=900))
    analysis = analyse(team(clients, sales, ratings=[rating(11, 5)]), settings())
    assert analysis.disagreements == ()


def test_disliked_but_profitable_is_a_disagreement() -> None:
    clients = [client(i) for i in range(1, 11)]
    sales = [s for i in range(1, 11) for s in monthly(i, 5_000 * i, cost_share=0.3)]
    analysis = analyse(team(clients, sales, ratings=[rating(10, 1)]), settings())
    [disagreement] = analysis.disagreements
    assert (disagreement.client_id, disagreement.direction) == (10, "disliked_but_profitable")
    assert disagreement.data_grade_index == 0


def test_liked_and_disliked_follow_the_words_the_card_says() -> None:
    """2,3 is said "hard" (moeizaam) and counts as disliked; 2,5 is "so-so" and counts as
    neither; 3,5 is "good" (prettig) and counts as liked (rounded half up, as the card says)."""
    import numpy as np

    from scoring.judgement import experience_rung, find_disagreements

    judgement = np.array([2.3, 2.5, 3.4, 3.5, 1.0])
    assert experience_rung(judgement).tolist() == [1, 2, 2, 3, 0]
    good_figures = find_disagreements(
        np.arange(5), judgement, np.zeros(5, np.int64), np.full(5, 5_000.0), 4, np.zeros(5, bool)
    )
    assert {(d.client_id, d.direction) for d in good_figures} == {
        (0, "disliked_but_profitable"),
        (4, "disliked_but_profitable"),
    }
    poor_figures = find_disagreements(
        np.arange(5), judgement, np.full(5, 3, np.int64), np.full(5, 10.0), 4, np.zeros(5, bool)
    )
    assert {(d.client_id, d.direction) for d in poor_figures} == {(3, "liked_but_unprofitable")}
