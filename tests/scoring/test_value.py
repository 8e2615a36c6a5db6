"""Grades mean something on amounts alone: a purchase log without costs, times or invoices."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from bot.render.data_warnings import warning
from locales import translator
from scoring import TeamFrames, analyse
from scoring.settings import ScoringSettings
from tests.scoring.purchase_log import purchase_log

TODAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def log_clients() -> pd.DataFrame:
    frames = purchase_log(3_000, 9_000, today=TODAY)
    return analyse(frames, ScoringSettings(today=TODAY)).clients


def test_grades_on_a_purchase_log_use_at_least_three_bands(log_clients: pd.DataFrame) -> None:
    assert log_clients["grade"].nunique() >= 3


def test_score_follows_revenue_among_current_clients(log_clients: pd.DataFrame) -> None:
    current = log_clients[~log_clients["lapsed"]]
    spearman = current["score"].rank().corr(current["revenue"].rank())
    assert spearman >= 0.8


def test_the_top_percent_of_spenders_all_get_the_best_grade(log_clients: pd.DataFrame) -> None:
    current = log_clients[~log_clients["lapsed"]]
    top = current.nlargest(max(1, len(current) // 100), "revenue")
    assert set(top["grade"]) == {"A"}


def test_lapsed_clients_score_at_least_20_points_below_the_top_spenders(
    log_clients: pd.DataFrame,
) -> None:
    current = log_clients[~log_clients["lapsed"]]
    top = current.nlargest(max(1, len(current) // 100), "revenue")
    lapsed = log_clients[log_clients["lapsed"]]
    assert len(lapsed) > 100
    assert lapsed["score"].max() <= top["score"].min() - 20


def test_every_card_on_amounts_alone_says_it_weighs_revenue(log_clients: pd.DataFrame) -> None:
    sold = log_clients[log_clients["revenue"] > 0]
    assert sold["value_from_revenue"].all()
    assert sold["annual_profit"].isna().all()  # no profit is made up


def test_more_revenue_never_lowers_the_score_on_amounts_alone() -> None:
    clients = [{"id": i, "name": f"K{i}", "kind": "person"} for i in (1, 2, 3, 5, 8)]
    sales = [
        {"client_id": c, "sold_on": TODAY - dt.timedelta(days=30 * m + 3), "amount": c * 10_000}
        for c in (1, 2, 3, 5, 8)
        for m in range(6)
    ]
    base = analyse(TeamFrames.from_records(clients, sales), ScoringSettings(today=TODAY))
    more = [{**s, "amount": s["amount"] * 3} if s["client_id"] == 2 else s for s in sales]
    # With the same references a bigger spender scores no lower.
    after = analyse(
        TeamFrames.from_records(clients, more),
        ScoringSettings(today=TODAY),
        references=base.references,
    )
    assert after.clients.loc[2, "score"] > base.clients.loc[2, "score"]
    assert np.all(np.diff(base.clients["score"].to_numpy()) > 0)


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("nl", "met kosten hadden toen de beoordelingen van deze week werden bepaald (88%)"),
        ("ru", "как у продаж с затратами на момент расчёта оценок этой недели: 88 %"),
    ],
)
def test_the_margin_line_names_the_margin_the_figures_used(locale: str, said: str) -> None:
    clients = [{"id": i, "name": f"K{i}"} for i in range(1, 4)]
    sales = [
        {"client_id": 1, "sold_on": TODAY, "amount": 100_000, "cost": 12_000},
        {"client_id": 2, "sold_on": TODAY, "amount": 50_000},
        {"client_id": 3, "sold_on": TODAY, "amount": 40_000},
    ]
    analysis = analyse(TeamFrames.from_records(clients, sales), ScoringSettings(today=TODAY))
    t = translator(locale)
    lines = [str(w) for w in (warning(t, "EUR", x) for x in analysis.warnings) if w]
    text = " ".join(lines).replace("\u00a0", " ").replace("\u202f", " ")
    assert said in text, text
    assert "0%" not in text and "0 %" not in text
    assert "/settings" not in text  # the observed margin stands in: nothing to fix there
