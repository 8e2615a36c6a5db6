"""The digest's Pareto chart: clients by revenue, the cumulative share, the 20 % and threshold
lines, over-reliant clients highlighted. Matplotlib's Agg backend, sized for a phone.

A Monday morning means a chart for every team, so the painter keeps one figure per layout and
language, draws its fixed parts (axes, ticks, titles) once, and per chart redraws only the bars,
the line and the figures over that background (matplotlib's blitting).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np

# The object-oriented API draws with Agg and never touches a display (no pyplot, no state).
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

MAX_BARS = 30
SLOTS = (10, 20, 30)  # layouts: the smallest that holds the team's clients
NORMAL, HIGHLIGHT, LINE, MUTED = "#7a9cc6", "#d1495b", "#2e4057", "#777777"


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
    percent_ticks: tuple[str, ...] = ("0%", "25%", "50%", "75%", "100%")


class _Layout:
    """One figure with its fixed parts drawn, and the artists that change per chart."""

    def __init__(self, slots: int, labels: ChartLabels) -> None:
        self.slots = slots
        self.figure = Figure(figsize=(8, 5), dpi=90)
        self.canvas = FigureCanvasAgg(self.figure)
        self.figure.subplots_adjust(left=0.09, right=0.97, top=0.9, bottom=0.1)
        axes = self.axes = self.figure.add_subplot()
        positions = np.arange(1, slots + 1)
        self.bars = axes.bar(positions, np.zeros(slots), width=0.8, color=NORMAL, animated=True)
        (self.line,) = axes.plot(
            positions,
            np.zeros(slots),
            color=LINE,
            linewidth=2,
            animated=True,
            label=labels.cumulative,
        )
        self.threshold = axes.axhline(
            0.25, color=HIGHLIGHT, linestyle="--", linewidth=1, animated=True
        )
        self.threshold_text = axes.text(
            slots * 0.7,
            0.26,
            "",
            color=HIGHLIGHT,
            fontsize=9,
            ha="center",
            va="bottom",
            animated=True,
        )
        self.top20 = axes.axvline(1.5, color=MUTED, linestyle=":", linewidth=1.5, animated=True)
        self.top20_text = axes.text(
            0.98,
            0.06,
            "",
            color="#555555",
            fontsize=10,
            ha="right",
            transform=axes.transAxes,
            animated=True,
        )
        self.others = axes.text(
            slots,
            0.0,
            labels.others,
            color=MUTED,
            fontsize=8,
            ha="right",
            va="bottom",
            animated=True,
        )
        axes.set_ylim(0, 1.02)
        axes.set_yticks([0, 0.25, 0.5, 0.75, 1.0], labels.percent_ticks)
        axes.set_ylabel(labels.share_axis)
        axes.set_xlim(0.4, slots + 0.6)
        axes.set_xticks([1])
        axes.set_xlabel(labels.clients_axis)
        axes.set_title(labels.title, fontsize=13, y=1.01)
        axes.legend(handles=[self.line], loc="center right", fontsize=9, frameon=False)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)

    def paint(
        self,
        shares: np.ndarray,
        over: np.ndarray,
        cumulative: np.ndarray,
        threshold: float,
        top20_count: int,
        aggregated: bool,
        labels: ChartLabels,
    ) -> bytes:
        count = len(shares)
        self.canvas.restore_region(self.background)
        draw = self.axes.draw_artist
        for i, bar in enumerate(self.bars):
            if i < count:
                bar.set_height(float(shares[i]))
                bar.set_color(HIGHLIGHT if over[i] else NORMAL)
                draw(bar)
        self.line.set_data(np.arange(1, count + 1), cumulative)
        draw(self.line)
        self.threshold.set_ydata([threshold, threshold])
        draw(self.threshold)
        self.threshold_text.set_text(labels.threshold)
        self.threshold_text.set_y(threshold + 0.01)
        draw(self.threshold_text)
        if 0 < top20_count < count:
            self.top20.set_xdata([top20_count + 0.5, top20_count + 0.5])
            draw(self.top20)
        self.top20_text.set_text(labels.top20)
        draw(self.top20_text)
        if aggregated:
            self.others.set_y(float(shares[-1]) + 0.01)
            draw(self.others)
        width, height = self.canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba()).convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


# One painter per process: chart workers keep their figures between charts.
_layouts: dict[tuple[object, ...], _Layout] = {}


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
    slots = next(s for s in SLOTS if s >= len(shares))
    key = (
        slots,
        labels.title,
        labels.share_axis,
        labels.cumulative,
        labels.others,
        labels.clients_axis,
    )
    layout = _layouts.get(key)
    if layout is None:
        layout = _layouts[key] = _Layout(slots, labels)
    return layout.paint(
        shares, over_reliant, cumulative, threshold, top20_count, aggregated, labels
    )
