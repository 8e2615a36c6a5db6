"""The weekly digest: what changed, who to call, who to let go — one phone screen, ≤ 3 actions.

Rendered from the same pieces the chat commands use (bot/render/explain.py, risk, decline,
portrait), so a figure reads the same in the digest as in /risk or on a card.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.callbacks import pack
from bot.render.chart import ChartLabels, pareto_png
from bot.render.explain import money, reason
from bot.render.portrait import portrait_summary
from locales import Markup, Translator
from scoring import TeamAnalysis
from scoring.snapshots import WeekChanges
from storage.callers import TeamView

CAPTION_LIMIT = 1024  # Telegram's limit for a photo caption
MAX_LINES = 3  # per section: a digest fits one phone screen


@dataclass(frozen=True)
class Digest:
    """What goes out: to the group, and (when the team wants) money figures to admins."""

    group_text: Markup
    admin_text: Markup | None
    buttons: list[list[tuple[str, str]]]
    quiet: bool


def render_digest(
    t: Translator,
    team: TeamView,
    analysis: TeamAnalysis,
    changes: WeekChanges,
    *,
    week_label: str,
    late: bool,
) -> Digest:
    names = analysis.clients["name"].to_dict()
    cur = team.currency
    head = [t._("📊 <b>Kompas · {week}</b>", week=week_label)]
    if late:
        head.append(t._("A bit late this week: I was offline when it was due."))
    public: list[Markup] = []
    private: list[Markup] = []

    if any(w.code == "no_revenue" for w in analysis.warnings):
        text = Markup("\n").join(
            [
                *head,
                t._(
                    "Nothing to rate yet: record a sale or import your sales, and I'll get to work."
                ),
            ]
        )
        return Digest(text, None, [], quiet=True)

    grade_lines = []
    for client_id, old, new in (*changes.grade_up, *changes.grade_down)[:MAX_LINES]:
        arrow = "▲" if (client_id, old, new) in changes.grade_up else "▼"
        line = Markup(f"{arrow} ") + t._(
            "{client}: {old} → {new}", client=names.get(client_id, "?"), old=old, new=new
        )
        explanation = analysis.explanations.get(client_id)
        if explanation is not None and explanation.reasons:
            line += Markup(" (") + reason(t, cur, explanation.reasons[0])[2:] + Markup(")")
        grade_lines.append(line)
    more = len(changes.grade_up) + len(changes.grade_down) - MAX_LINES
    if more > 0:
        grade_lines.append(
            t.n_(
                "and {n} more grade change: /clients", "and {n} more grade changes: /clients", more
            )
        )
    if grade_lines:
        public.append(Markup("\n").join([t._("<b>Grades</b>"), *grade_lines]))

    flags = {f.client_id: f for f in analysis.concentration.over_reliant}
    reliant = [flags[i] for i in changes.new_over_reliant if i in flags][:MAX_LINES]
    if reliant:
        lines = [t._("⚠️ <b>Leaning on one client</b>")]
        lines += [
            t._(
                "{client} is now {share} of your revenue.",
                client=names.get(f.client_id, "?"),
                share=t.percent(f.share),
            )
            for f in reliant
        ]
        public.append(Markup("\n").join(lines))

    overdue = list(analysis.overdue_ideal[:MAX_LINES])
    if overdue:
        lines = [t._("📞 <b>Reach out this week</b>")]
        lines += [
            t._(
                "{client}: usually every {usual}, now {days}.",
                client=names.get(o.client_id, "?"),
                usual=t.n_("{n} day", "{n} days", int(round(o.usual_interval_days))),
                days=t.n_("{n} day", "{n} days", int(o.days_since_last)),
            )
            for o in overdue
        ]
        public.append(Markup("\n").join(lines))

    candidates = {c.client_id: c for c in analysis.decline_candidates}
    newly = [candidates[i] for i in changes.new_decline_candidates if i in candidates]
    new_candidates = sorted(newly, key=lambda c: -c.cost_to_team)[:MAX_LINES]
    if new_candidates:
        lines = [t._("🚪 <b>Consider letting go</b>")]
        lines += [
            t._(
                "{client}: costs you about {amount} a year.",
                client=names.get(c.client_id, "?"),
                amount=money(t, cur, c.cost_to_team),
            )
            for c in new_candidates
        ]
        (private if team.sensitive_to_admins else public).append(Markup("\n").join(lines))

    owed = [o for o in analysis.owed if o.big_spender and o.overdue][:MAX_LINES]
    if owed:
        lines = [t._("💶 <b>Big spenders with overdue invoices</b>")]
        lines += [
            t._(
                "{client}: {amount} overdue.",
                client=names.get(o.client_id, "?"),
                amount=money(t, cur, o.overdue),
            )
            for o in owed
        ]
        (private if team.sensitive_to_admins else public).append(Markup("\n").join(lines))

    quiet = not public and not private
    if quiet:
        public.append(t._("A quiet week: no grade changes and no new risks."))
    summary = portrait_summary(t, analysis)
    if summary is not None:
        public.append(summary)
    run_rate = t._(
        "Your ideal clients bring about {amount} a month you can count on.",
        amount=money(t, cur, analysis.ideal_run_rate_monthly),
    )
    (private if team.sensitive_to_admins else public).append(run_rate)

    buttons = _actions(t, team, bool(new_candidates), quiet)
    group_text = Markup("\n\n").join([Markup("\n").join(head), *public])
    admin_text = (
        Markup("\n\n").join(
            [t._("📊 <b>Kompas · {week}</b> — for admins only", week=week_label), *private]
        )
        if private and team.sensitive_to_admins
        else None
    )
    return Digest(group_text, admin_text, buttons, quiet)


def _actions(
    t: Translator, team: TeamView, candidates: bool, quiet: bool
) -> list[list[tuple[str, str]]]:
    """At most three: where to look next."""
    row = [(t._("Risks"), pack("view", team.id, "risk"))]
    if candidates and not team.sensitive_to_admins:
        row.append((t._("Let go?"), pack("dl", team.id, 0)))
    if not quiet:
        row.append((t._("All clients"), pack("cl", team.id, "a", "grade", 0)))
    return [row[:3]]


def chart_labels(t: Translator, analysis: TeamAnalysis, threshold: float) -> ChartLabels:
    c = analysis.concentration
    return ChartLabels(
        title=str(t._("Revenue by client")),
        share_axis=str(t._("share of revenue")),
        cumulative=str(t._("cumulative share")),
        top20=str(
            t._(
                "top 20% ({clients}): {share}",
                clients=t.n_("{n} client", "{n} clients", c.top20_count),
                share=t.percent(c.top20_share),
            )
        ),
        threshold=str(t._("alarm at {share}", share=t.percent(threshold))),
        others=str(t._("others")),
        clients_axis=str(t._("clients, biggest first")),
        percent_ticks=tuple(t.percent(share) for share in (0, 0.25, 0.5, 0.75, 1.0)),
    )


def chart_inputs(analysis: TeamAnalysis) -> tuple[np.ndarray, np.ndarray]:
    """Revenue shares of current clients and which are over-reliant (for the chart)."""
    table = analysis.clients
    shares = table["revenue_share"].to_numpy(dtype=float, na_value=np.nan)
    keep = ~np.isnan(shares) & (shares > 0)
    return shares[keep], table["over_reliant"].to_numpy(dtype=bool)[keep]


def digest_chart(t: Translator, team: TeamView, analysis: TeamAnalysis) -> bytes | None:
    shares, over = chart_inputs(analysis)
    if len(shares) == 0:
        return None
    return pareto_png(
        shares,
        over,
        team.concentration_threshold,
        analysis.concentration.top20_count,
        chart_labels(t, analysis, team.concentration_threshold),
    )
