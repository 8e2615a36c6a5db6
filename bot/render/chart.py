"""The digest's Pareto chart: clients by revenue, the cumulative share, the 20 % and threshold
lines, over-reliant clients highlighted. Matplotlib's Agg backend, sized for a phone."""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np

# The object-oriented API draws with Agg and never touches a display (no pyplot, no state).
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

MAX_BARS = 30
NORMAL, HIGHLIGHT, LINE = "#7a9cc6", "#d1495b", "#2e4057"


@dataclass(frozen=True)
class ChartLabels:
    """Localised words for the chart (the bot fills them from the catalogs)."""

    title: str
    share_axis: str
    cumulative: str
    top20: str
    threshold: str
    others: str
    clients_axis: str


def pareto_png(
    shares: np.ndarray,
    over_reliant: np.ndarray,
    threshold: float,
    top20_count: int,
    labels: ChartLabels,
) -> bytes:
    """PNG bytes: bars of revenue share per client (largest first), cumulative line on top."""
    order = np.argsort(-shares, kind="stable")
    shares, over_reliant = shares[order], over_reliant[order]
    cumulative = np.cumsum(shares)
    aggregated = len(shares) > MAX_BARS
    if aggregated:
        rest = shares[MAX_BARS - 1 :].sum()
        shares = np.append(shares[: MAX_BARS - 1], rest)
        over_reliant = np.append(over_reliant[: MAX_BARS - 1], False)
        cumulative = np.append(cumulative[: MAX_BARS - 1], cumulative[-1])
    positions = np.arange(1, len(shares) + 1)
    figure = Figure(figsize=(8, 5), dpi=90)
    # Fixed margins and ticks, one axis for bars and line: measuring text (tight_layout,
    # automatic title position, a twin axis) would triple the drawing time, and a weekly
    # digest for a thousand teams draws a thousand charts.
    figure.subplots_adjust(left=0.09, right=0.97, top=0.9, bottom=0.12)
    axes = figure.add_subplot()
    axes.bar(positions, shares, color=np.where(over_reliant, HIGHLIGHT, NORMAL), width=0.8)
    axes.plot(positions, cumulative, color=LINE, linewidth=2, label=labels.cumulative)
    axes.axhline(threshold, color=HIGHLIGHT, linestyle="--", linewidth=1)
    axes.text(
        len(shares) + 0.4,
        threshold + 0.01,
        labels.threshold,
        color=HIGHLIGHT,
        fontsize=9,
        ha="right",
        va="bottom",
    )
    if 0 < top20_count < len(shares):
        axes.axvline(top20_count + 0.5, color="#888888", linestyle=":", linewidth=1.5)
    axes.text(
        0.98, 0.06, labels.top20, color="#555555", fontsize=10, ha="right", transform=axes.transAxes
    )
    axes.set_ylim(0, 1.02)
    axes.set_yticks([0, 0.25, 0.5, 0.75, 1.0])
    axes.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    axes.set_ylabel(labels.share_axis)
    axes.set_xlim(0.4, len(shares) + 0.6)
    ticks = [1, max(len(shares) // 2, 1), len(shares)]
    axes.set_xticks(
        ticks, [str(t) for t in ticks[:-1]] + [labels.others if aggregated else str(len(shares))]
    )
    axes.set_xlabel(labels.clients_axis)
    axes.set_title(labels.title, fontsize=13, y=1.01)
    axes.legend(loc="center right", fontsize=9, frameon=False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 3})
    return buffer.getvalue()
