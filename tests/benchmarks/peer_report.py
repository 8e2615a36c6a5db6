"""The peer of `kompas report --json`: what a data-minded marketer would run instead.

Issue 21: lifetimes' `summary_data_from_transaction_data` (frequency, recency, age and average
basket per customer) plus pandas revenue shares (each customer's share of revenue, sorted, with
the cumulative share that shows over-reliance), on the same purchase-log CSV, written as JSON.
Runs in its own environment (lifetimes and pandas only) that `bench_real_log` creates; it must
not import anything of Kompas.

    python peer_report.py LOG.csv END_DATE > out.json
"""

import json
import sys

import pandas as pd
from lifetimes.utils import summary_data_from_transaction_data


def main(path: str, end: str) -> None:
    log = pd.read_csv(path, sep=";", decimal=",", thousands=".", encoding="utf-8-sig")
    log["Datum"] = pd.to_datetime(log["Datum"], format="%d-%m-%Y")
    summary = summary_data_from_transaction_data(
        log, "Klant", "Datum", monetary_value_col="Bedrag", observation_period_end=end
    )
    revenue = log.groupby("Klant")["Bedrag"].sum().sort_values(ascending=False)
    shares = revenue / revenue.sum()
    summary["revenue"] = revenue
    summary["share"] = shares
    summary["cumulative_share"] = shares.cumsum()
    json.dump(
        {
            "customers": summary.reset_index().to_dict(orient="records"),
            "top_share": float(shares.iloc[0]),
        },
        sys.stdout,
        ensure_ascii=False,
        indent=2,
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
