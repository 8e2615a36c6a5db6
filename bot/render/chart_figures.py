"""The figures on the digest's chart, in the reader's language: a row per big client, the
rest together, and the captions. A named client's share is rounded as on every other screen;
the cumulative column ends at 100 % (see chart_rows)."""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np

from bot.render.chart import TOP, ChartLabels, ChartRow, pareto_png
from bot.render.money_figure import revenue_share
from locales import Markup, Translator
from locales.number_format import round_half_up
from scoring import TeamAnalysis
from storage.callers import TeamView

ALMOST_ALL, ALMOST_NOTHING = 0.999, 0.001  # read as ">99%" and "<1%" (format_percent)


def _whole(share: float) -> int:
    """A share as the whole percent `Translator.percent` shows (half up, as people round)."""
    return int(round_half_up(share, 2).scaleb(2))


def _drawn(text: Markup) -> str:
    """A text as the chart draws it: plain, never an HTML entity ("&gt;99%" drew on the PNG)."""
    return str(html.unescape(text))


def chart_labels(
    t: Translator, analysis: TeamAnalysis, threshold: float, rows: Sequence[ChartRow] = ()
) -> ChartLabels:
    """The titles and captions; the top 20 % said as its own row's cumulative share, when the
    chart draws the line under it, so the caption and the column agree."""
    c = analysis.concentration
    top20 = (
        rows[c.top20_count - 1].cumulative_text
        if 0 < c.top20_count < len(rows)
        else t.percent(c.top20_share)
    )
    return ChartLabels(
        title=_drawn(t._("Revenue by client")),
        share_axis=_drawn(t._("share of revenue")),
        cumulative=_drawn(t._("cumulative share")),
        # One client is all of the revenue: "the largest 1 client: 100 %" says nothing (the
        # Russian reader), so the footer stays empty.
        top20=""
        if c.paying_clients < 2
        else _drawn(
            t._("top client: {share}", share=top20)  # not "grootste 1 klant" (Dutch reader)
            if c.top20_count == 1
            else t._(
                "top 20% ({clients}): {share}",
                clients=t.n_("{n} client", "{n} clients", c.top20_count),
                share=top20,
            )
        ),
        threshold=_drawn(
            t._("alarm at {share}", share=t.percent(threshold))
            if c.alarms_enabled
            # A team too small for alarms (DESIGN.md "Few clients"): the line, no alarm.
            else t._(
                "limit {share}\n(alarms from {minimum} clients)",
                share=t.percent(threshold),
                minimum=analysis.settings.min_clients_for_alarms,
            )
        ),
    )


def chart_rows(t: Translator, analysis: TeamAnalysis) -> list[ChartRow]:
    """Current clients with revenue, largest first: the top ones by name, the rest in one row."""
    table = analysis.clients
    shares = table["revenue_share"].to_numpy(dtype=float, na_value=np.nan)
    keep = np.flatnonzero(~np.isnan(shares) & (shares > 0))
    keep = keep[np.argsort(-shares[keep], kind="stable")]
    names = table["name"].to_numpy(dtype=object)
    named = keep if len(keep) <= TOP + 1 else keep[:TOP]
    # (name, share, whether it is one client): the named clients, then the rest together
    bars = [(str(names[i]), float(shares[i]), True) for i in named]
    if len(named) < len(keep):
        rest = keep[len(named) :]
        label = str(t.n_("{n} other client", "{n} other clients", len(rest)))
        bars.append((label, float(shares[rest].sum()), False))
    if not bars:
        return []
    # A client's share reads as on every other screen (read_ru A9: the chart said 38 % of a
    # client the digest's text called 39 %), each share and each cumulative figure rounded on
    # its own from the amounts, as /clients and /risk round them ("<1%" and ">99%" too).
    rows, so_far = [], 0.0
    for k, (name, share, client) in enumerate(bars):
        so_far += share
        last = k == len(bars) - 1
        running = _running(t, _whole(so_far), last)
        shown = revenue_share(t, share, analysis.settings.concentration_threshold)
        rows.append(ChartRow(name, share, shown, running, client=client))
    return rows


def _running(t: Translator, whole: int, last: bool) -> str:
    """The cumulative column: 100 % only on the last row, which holds all of the revenue; a
    row before it that rounds to 100 (99,75 %, a client of 0,25 % still to come) reads ">99%",
    and a first row under half a percent "<1%", never "0%" of something."""
    if whole >= 100 and not last:
        return t.percent(ALMOST_ALL)
    if whole <= 0:
        return t.percent(ALMOST_NOTHING)
    return t.percent(whole / 100)


def digest_chart(t: Translator, team: TeamView, analysis: TeamAnalysis) -> bytes | None:
    """The revenue shares for the group; none when money goes to admins only (it is money)."""
    rows = chart_rows(t, analysis)
    if not rows or team.sensitive_to_admins:
        return None
    return pareto_png(
        rows,
        team.concentration_threshold,
        analysis.concentration.top20_count,
        chart_labels(t, analysis, team.concentration_threshold, rows),
        alarms=analysis.concentration.alarms_enabled,
    )
