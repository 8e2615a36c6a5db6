"""The digest's Pareto chart, sized for a phone: one row per big client, largest first — the
client's name, a bar of its revenue share with the figure, and the cumulative share — the rest
of the clients together in one last row, the team's alarm line across, over-threshold clients
in red, and the top 20 % under a dotted line. Matplotlib's Agg backend.

Telegram shows a photo as wide as the phone: the figure is 1080 px wide with 10–15 pt text, so a
name reads at about 11 pt on the screen. Its background is a light neutral grey and every text
is near black, so it reads the same in a light and a dark chat (no white sheet in a dark one).
Names are drawn as plain text (no $…$ maths) in DejaVu Sans, which matplotlib ships and which
has the Cyrillic letters.

A Monday morning means a chart for every team, so the painter keeps one figure per row count and
language, draws its fixed parts (title, headers) once, and per chart draws only the rows over
that background (matplotlib's blitting).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

# The object-oriented API draws with Agg and never touches a display (no pyplot, no state).
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from PIL import Image

TOP = 10  # named rows; more clients share one last row
NAME_CHARS = 24  # a longer name is cut with "…"
BACKGROUND, INK, MUTED = "#e9ecf0", "#1d2630", "#4f5b68"
NORMAL, HIGHLIGHT, REST = "#4173ad", "#c42f45", "#8c97a4"
WIDTH, DPI = 6.0, 180  # 1080 px: a phone's width
HEADER, ROW, FOOTER = 0.9, 0.42, 0.8  # inches
NAMES_RIGHT, BARS_LEFT, BARS_RIGHT, CUMULATIVE_RIGHT = 0.405, 0.42, 0.85, 0.975  # of the width
SHARE_TOLERANCE = 1e-12  # as scoring.concentration: exactly 25 % is at a 25 % alarm


@dataclass(frozen=True)
class ChartLabels:
    """Localised words for the chart (the bot fills them from the catalogs)."""

    title: str
    share_axis: str
    cumulative: str
    top20: str
    threshold: str


@dataclass(frozen=True)
class ChartRow:
    """One bar: a client (or the rest together), its share, and the texts beside it."""

    name: str
    share: float
    share_text: str
    cumulative_text: str
    client: bool = True  # False for the row of all other clients: it is never "over"


_QUOTED_TAIL = re.compile(r"\s*([«„“\"'][^«„“\"']+[»”“\"'])$")


def short_name(name: str, limit: int = NAME_CHARS) -> str:
    """One line, at most `limit` characters: 'Schoonmaakbedrijf Glans Ut…'. A name ending in a
    quoted brand keeps the brand, which tells clients apart: 'Строительная… «Фундамент»'."""
    flat = " ".join(name.split())
    if len(flat) <= limit:
        return flat
    quoted = _QUOTED_TAIL.search(flat)
    if quoted and quoted.start() > 0:
        tail = quoted.group(1)
        room = limit - len(tail) - 2
        prefix = flat[:room]
        if flat[room : room + 1] not in ("", " ") and " " in prefix[4:]:
            prefix = prefix.rsplit(" ", 1)[0]  # a whole word: 'Строительная… «Кирпич»'
        if room >= 4:
            return prefix.rstrip() + "… " + tail
    return flat[: limit - 1].rstrip() + "…"


def is_over(row: ChartRow, threshold: float) -> bool:
    """A client whose bar crosses the alarm line is drawn red."""
    return row.client and row.share >= threshold - SHARE_TOLERANCE


def _to_axes_x(figure_x: float) -> float:
    """A place across the figure (0–1) in the bar area's units (0–1 between its edges)."""
    return (figure_x - BARS_LEFT) / (BARS_RIGHT - BARS_LEFT)


class _Layout:
    """One figure with its fixed parts drawn, and the artists that change per chart."""

    def __init__(self, count: int, labels: ChartLabels) -> None:
        self.count = count
        height = HEADER + count * ROW + FOOTER
        self.figure = Figure(figsize=(WIDTH, height), dpi=DPI, facecolor=BACKGROUND)
        self.canvas = FigureCanvasAgg(self.figure)
        top, bottom = 1 - HEADER / height, FOOTER / height
        # Bars in axes units: x 0–1 is the bar area, row i is centred on y = i (top down).
        axes = self.axes = self.figure.add_axes(
            (BARS_LEFT, bottom, BARS_RIGHT - BARS_LEFT, top - bottom)
        )
        axes.set_xlim(0, 1)
        axes.set_ylim(count - 0.5, -0.5)
        axes.set_axis_off()
        self.figure.text(
            0.5, 1 - 0.32 / height, labels.title, fontsize=15, color=INK, ha="center", va="center"
        )
        header_y = 1 - 0.72 / height
        self.figure.text(
            BARS_LEFT, header_y, labels.share_axis, fontsize=9.5, color=MUTED, va="center"
        )
        self.figure.text(
            CUMULATIVE_RIGHT,
            header_y,
            labels.cumulative,
            fontsize=9.5,
            color=MUTED,
            ha="right",
            va="center",
        )
        self.bars = [
            axes.add_patch(Rectangle((0, i - 0.34), 0, 0.68, color=NORMAL, animated=True))
            for i in range(count)
        ]
        self.names = [
            self._text(_to_axes_x(NAMES_RIGHT), i, ha="right", fontsize=11) for i in range(count)
        ]
        self.shares = [self._text(0, i, ha="left", fontsize=10.5) for i in range(count)]
        for share in self.shares:
            # A figure that reaches the alarm line is drawn over it on the background's colour:
            # the dashes through "24 %" made it hard to read.
            share.set_bbox({"facecolor": BACKGROUND, "edgecolor": "none", "pad": 1.5})
        self.cumulative = [
            self._text(_to_axes_x(CUMULATIVE_RIGHT), i, ha="right", fontsize=10, color=MUTED)
            for i in range(count)
        ]
        self.threshold = axes.add_line(
            Line2D(
                [0, 0],
                [-0.5, count - 0.5],
                color=HIGHLIGHT,
                linestyle="--",
                linewidth=1.3,
                animated=True,
            )
        )
        self.threshold_text = self._text(0, count - 0.4, ha="center", fontsize=9.5, color=HIGHLIGHT)
        self.threshold_text.set_va("top")
        self.top20 = axes.add_line(
            Line2D(
                [_to_axes_x(0.03), _to_axes_x(CUMULATIVE_RIGHT)],
                [0, 0],
                color=MUTED,
                linestyle=":",
                linewidth=1.3,
                clip_on=False,
                animated=True,
            )
        )
        self.footer = self.figure.text(
            0.5,
            0.3 / height,
            "",
            fontsize=10.5,
            color=INK,
            ha="center",
            va="center",
            animated=True,
            parse_math=False,
        )
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)

    def _text(self, x: float, y: float, *, ha: str, fontsize: float, color: str = INK) -> Text:
        return self.axes.text(
            x,
            y,
            "",
            ha=ha,
            va="center",
            fontsize=fontsize,
            color=color,
            clip_on=False,
            animated=True,
            parse_math=False,  # a name with "$" is a name, not a formula
        )

    def paint(
        self,
        rows: Sequence[ChartRow],
        threshold: float,
        top20_count: int,
        labels: ChartLabels,
        alarms: bool,
    ) -> bytes:
        self.canvas.restore_region(self.background)
        draw = self.axes.draw_artist
        # The longest bar leaves room for its figure; the alarm line always fits.
        scale = max(max(row.share for row in rows), threshold) * 1.22
        alarm = threshold / scale
        self.threshold.set_xdata([alarm, alarm])
        draw(self.threshold)
        self.threshold_text.set_text(labels.threshold)
        self.threshold_text.set_x(alarm)
        draw(self.threshold_text)
        for i, row in enumerate(rows):
            width = row.share / scale
            bar = self.bars[i]
            bar.set_width(width)
            over = alarms and is_over(row, threshold)
            bar.set_color(HIGHLIGHT if over else NORMAL if row.client else REST)
            draw(bar)
            name = self.names[i]
            name.set_text(short_name(row.name))
            name.set_fontstyle("normal" if row.client else "italic")
            name.set_color(INK if row.client else MUTED)
            draw(name)
            share = self.shares[i]
            share.set_text(row.share_text)
            share.set_position((width + 0.015, i))
            share.set_color(HIGHLIGHT if over else INK)
            share.set_fontweight("bold" if over else "normal")
            draw(share)
            cumulative = self.cumulative[i]
            cumulative.set_text(row.cumulative_text)
            draw(cumulative)
        if 0 < top20_count < len(rows):
            self.top20.set_ydata([top20_count - 0.5, top20_count - 0.5])
            draw(self.top20)
        self.footer.set_text(labels.top20)
        self.figure.draw_artist(self.footer)
        width, height = self.canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba()).convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


# One painter per process: chart workers keep their figures between charts.
_layouts: dict[tuple[object, ...], _Layout] = {}


def layout_for(count: int, labels: ChartLabels) -> _Layout:
    key = (count, labels.title, labels.share_axis, labels.cumulative)
    layout = _layouts.get(key)
    if layout is None:
        layout = _layouts[key] = _Layout(count, labels)
    return layout


def pareto_png(
    rows: Sequence[ChartRow],
    threshold: float,
    top20_count: int,
    labels: ChartLabels,
    *,
    alarms: bool = True,
) -> bytes:
    """PNG bytes: the rows as given (largest first, the rest last), at most TOP + 1; with
    `alarms` off (a team too small for them) no bar is drawn red."""
    if not rows or len(rows) > TOP + 1:
        raise ValueError(f"a chart has 1 to {TOP + 1} rows, not {len(rows)}")
    return layout_for(len(rows), labels).paint(rows, threshold, top20_count, labels, alarms)
