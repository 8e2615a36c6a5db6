"""Amounts entered with VAT count without it: per sale, whole minor units, half to even."""

from __future__ import annotations

import numpy as np
import pytest

from scoring import analyse
from scoring.arrays import net_of_vat
from tests.scoring.factories import ago, client, sale, settings, team


def test_vat_comes_off_each_sale_in_whole_minor_units_half_to_even() -> None:
    # 20 %: 3 / 1,2 = 2,5 → 2; 9 / 1,2 = 7,5 → 8; 15 / 1,2 = 12,5 → 12; 121 000 / 1,21 …
    amounts = np.array([3.0, 9.0, 15.0, 1_200.0, np.nan])
    assert net_of_vat(amounts, 0.2)[:4].tolist() == [2.0, 8.0, 12.0, 1_000.0]
    assert np.isnan(net_of_vat(amounts, 0.2)[4])  # an unknown cost stays unknown
    assert net_of_vat(np.array([121_000.0]), 0.21).tolist() == [100_000.0]
    assert net_of_vat(amounts, None) is amounts


def test_revenue_cost_profit_and_shares_are_net_of_vat() -> None:
    frames = team(
        [client(1), client(2)],
        [
            sale(1, 121_000, cost=24_200),  # € 1.210 incl. 21 %: € 1.000, cost € 200
            sale(1, 60_500),  # € 605 incl.: € 500 (no cost)
            sale(2, 48_400, cost=12_100),  # € 484 incl.: € 400, cost € 100
        ],
    )
    rows = analyse(frames, settings(vat_rate=0.21)).clients
    assert rows.loc[1, "revenue"] == 150_000 and rows.loc[2, "revenue"] == 40_000
    assert (rows.loc[2, "cost"], rows.loc[2, "profit"]) == (10_000, 30_000)
    assert rows.loc[1, "revenue_share"] == pytest.approx(150_000 / 190_000, abs=1e-9)
    gross = analyse(frames, settings()).clients
    assert gross.loc[1, "revenue"] == 181_500


def test_money_owed_stays_the_gross_invoice() -> None:
    frames = team(
        [client(1)],
        [
            sale(1, 125_050, due_on=ago(10)),  # overdue invoice of € 1.250,50 incl. 21 %
            sale(1, 12_100, days_ago=2, due_on=ago(-12)),  # open, not yet due
        ],
    )
    analysis = analyse(frames, settings(vat_rate=0.21))
    assert analysis.clients.loc[1, ["owed", "overdue"]].tolist() == [137_150, 125_050]
    # The revenue is net: 125 050 / 1,21 = 103 347,1 → 103 347; 12 100 / 1,21 = 10 000.
    assert analysis.clients.loc[1, "revenue"] == 113_347
