"""The weekly digest: what changed, who to call, who to let go — one phone screen, ≤ 3 actions.

Rendered from the same pieces the chat commands use (bot/render/explain.py, risk, decline,
portrait), so a figure reads the same in the digest as in /risk or on a card.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from bot.kit.callbacks import DIGEST_VIEW, pack
from bot.render.data_warnings import warning
from bot.render.decline import digest_line
from bot.render.explain import amounts_note, money, owed_money, reason
from bot.render.portrait import portrait_summary, run_rate_text
from bot.render.risk import time_eaters_by_hours
from locales import N_, Markup, Translator
from scoring import DeclineCandidate, TeamAnalysis
from scoring.owed import oldest_first
from scoring.snapshots import WeekChanges
from storage.callers import TeamView

MAX_LINES = 3  # per section: a digest fits one phone screen
PHONE_LINES = 15  # about one phone screen, blank lines included


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
    head = [t._("📊 <b>Kompas · {week}</b>", week=week_label)]
    if late:
        head.append(t._("A bit late this week: I was offline when it was due."))
    no_revenue = next((w for w in analysis.warnings if w.code == "no_revenue"), None)
    if no_revenue is not None:
        text = Markup("\n").join([*head, warning(t, team.currency, no_revenue) or Markup("")])
        return Digest(text, None, [], quiet=True)
    names = analysis.names
    money_goes_private = team.sensitive_to_admins
    new_candidates = _new_candidates(analysis, changes)
    sections = [  # (title, lines, money: goes to admins privately when the team wants that)
        (t._("<b>Grades</b>"), _grade_lines(t, team, analysis, changes, names), False),
        # A client's share of revenue is a money figure: members' cards and /risk don't show it.
        (t._("⚠️ <b>Leaning on one client</b>"), _reliant_lines(t, analysis, changes, names), True),
        (t._("📞 <b>Reach out this week</b>"), _overdue_lines(t, analysis, names), False),
        (
            t._("🚪 <b>Consider letting go</b>"),
            [digest_line(t, team, analysis, c) for c in new_candidates],
            True,
        ),
        (
            t._("💰 <b>Open invoices of big spenders</b>"),
            _open_lines(t, team, analysis, names),
            True,
        ),
        (t._("⏱ <b>Take a lot of your time</b>"), _time_lines(t, analysis, names), True),
    ]
    public: list[Markup] = []
    private: list[Markup] = []
    for title, lines, is_money in sections:
        if lines:
            target = private if is_money and money_goes_private else public
            target.append(Markup("\n").join([title, *lines]))
    if not public:  # the group hears of a big client even when the news went to the admins
        public += _leaning_lines(t, team, analysis, names, shares=not money_goes_private)
    # What was recorded this week, first, in every digest (read_ru A19: the solo digest had
    # it, the group's, with its sections, did not).
    activity = _activity_line(t, changes, None if money_goes_private else team.currency)
    if activity is not None:
        public.insert(0, activity)
    quiet = not public and not private
    if quiet:
        public.append(t._("A quiet week: no grade changes and no new risks."))
    money_target = private if money_goes_private else public
    trend = _trend_line(t, team, analysis)  # direction, not news: a quiet week stays quiet
    run_rate = run_rate_text(t, team, analysis)
    # The footnote under the revenue trend (short: it always fits one screen), else under the
    # ideal clients' monthly figure: where the money figures go, it goes.
    note = amounts_note(t, team)  # None for amounts typed without VAT: nothing to say
    if note is not None and trend is not None:
        trend += Markup("\n") + note
    elif note is not None and run_rate is not None:
        run_rate += Markup("\n") + note
    if trend is not None:
        money_target.append(trend)
    summary = portrait_summary(t, analysis)
    if summary is not None:
        public.append(summary)
    if run_rate is not None:
        money_target.append(run_rate)
    group_text = _one_screen([Markup("\n").join(head), *public])
    admin_text = None
    if private:
        admin_text = _one_screen(
            [t._("📊 <b>Kompas · {week}</b> — for admins only", week=week_label), *private]
        )
    return Digest(group_text, admin_text, _actions(t, team, bool(new_candidates), quiet), quiet)


def _one_screen(blocks: list[Markup]) -> Markup:
    """The blocks, blank-line apart, that fit one phone screen (PHONE_LINES, the blank lines
    counted): a block that would not fit is left out, the ones after it still may."""
    kept: list[Markup] = []
    used = -1  # no blank line before the first block
    for block in blocks:
        lines = str(block).count("\n") + 1
        if not kept or used + 1 + lines <= PHONE_LINES:
            kept.append(block)
            used += 1 + lines
    return Markup("\n\n").join(kept)


def _open_lines(
    t: Translator, team: TeamView, analysis: TeamAnalysis, names: Mapping[int, str]
) -> list[Markup]:
    """Big spenders' unpaid invoices, to the cent, the longest overdue first (as /risk); what
    is late said apart from what is not due yet ("te laat" / "nog niet vervallen")."""
    lines = []
    for o in oldest_first([o for o in analysis.owed if o.big_spender and o.unpaid])[:MAX_LINES]:
        client, not_due = names.get(o.client_id, "?"), o.unpaid - o.overdue
        late, due = owed_money(t, team.currency, o.overdue), owed_money(t, team.currency, not_due)
        if o.overdue and not_due:
            said = N_("{client}: {late} overdue, {due} not yet due")
        else:
            said = (
                N_("{client}: {late} overdue") if o.overdue else N_("{client}: {due} not yet due")
            )
        lines.append(t._(said, client=client, late=late, due=due))
    return lines


def _time_lines(t: Translator, analysis: TeamAnalysis, names: Mapping[int, str]) -> list[Markup]:
    """Time-eaters: a share of the recorded hours well above their share of the revenue of the
    same sales (what the flag compares), the largest share of the hours first, as /risk."""
    return [
        t._(
            "{client}: {time} of the recorded hours, {revenue} of the revenue of those sales",
            client=names.get(e.client_id, "?"),
            time=t.percent(e.time_share),
            revenue=t.percent(e.revenue_share),
        )
        for e in time_eaters_by_hours(analysis)[:MAX_LINES]
    ]


def _trend_line(t: Translator, team: TeamView, analysis: TeamAnalysis) -> Markup | None:
    """Revenue of the last 4 weeks against the 4 before, whole units (VAT off, as everywhere),
    of the clients the shares are of: declined clients' sales said to be left out."""
    line = _trend_figures(t, team, analysis)
    if line is not None and analysis.revenue_trend and analysis.revenue_trend.left_out:
        line += Markup(" ") + t._("(without the clients you declined)")
    return line


def _trend_figures(t: Translator, team: TeamView, analysis: TeamAnalysis) -> Markup | None:
    trend = analysis.revenue_trend
    if trend is None:
        return None
    recent = t.money(trend.recent, team.currency, whole=True)
    if trend.change is None:
        return t._("📈 Revenue in the last 4 weeks: {recent}", recent=recent)
    before = t.money(trend.before, team.currency, whole=True)
    change = t.percent(abs(trend.change))
    if change == t.percent(0.0):  # "+0 %" says nothing a word would not say better
        return t._(
            "📈 Revenue in the last 4 weeks: {recent} (the 4 before: {before}, unchanged)",
            recent=recent,
            before=before,
        )
    sign = "+" if trend.change >= 0 else "−"
    return t._(
        "📈 Revenue in the last 4 weeks: {recent} (the 4 before: {before}, {change})",
        recent=recent,
        before=before,
        change=sign + change,
    )


def _activity_line(t: Translator, changes: WeekChanges, currency: str | None) -> Markup | None:
    """What the team recorded this week; None when nothing was (a quiet week stays quiet).
    With a `currency` (money is not for admins only) the sales say what they came to."""
    if not changes.happened:
        return None
    sales = (
        t.n_(
            "{n} sale for {amount}",
            "{n} sales for {amount}",
            changes.sales,
            amount=money(t, currency, changes.sales_amount),
        )
        if currency is not None and changes.sales_amount > 0
        else t.n_("{n} sale", "{n} sales", changes.sales)
    )
    done = [
        t.n_("{n} new client", "{n} new clients", changes.new_clients),
        sales,
        t.n_("{n} complaint", "{n} complaints", changes.complaints),
    ]
    counts = (changes.new_clients, changes.sales, changes.complaints)
    return t._(
        "This week: {what}.",
        what=Markup(", ").join(line for line, n in zip(done, counts, strict=True) if n),
    )


def _leaning_lines(
    t: Translator,
    team: TeamView,
    analysis: TeamAnalysis,
    names: Mapping[int, str],
    *,
    shares: bool,
) -> list[Markup]:
    """Where no section has news (`shares`: and money is the group's): a client the team
    leans on even with too few clients for alarms (over the threshold and twice an even
    split)."""
    lines = []
    share = analysis.clients["revenue_share"].dropna()
    if shares and not analysis.concentration.alarms_enabled and len(share):
        top = share.idxmax()
        # Above the threshold and at least twice an even split: three equal clients are
        # each a third of the revenue, and that is no news.
        if share[top] >= max(team.concentration_threshold, 2 / len(share)):
            lines.append(
                t._(
                    "{client}: {share} of your revenue.",
                    client=names.get(int(top), "?"),
                    share=t.percent(float(share[top])),
                )
            )
    return [Markup("\n").join(lines)] if lines else []


def _grade_lines(
    t: Translator,
    team: TeamView,
    analysis: TeamAnalysis,
    changes: WeekChanges,
    names: Mapping[int, str],
) -> list[Markup]:
    """Grade changes since last week, each with the reason that weighs most now."""
    lines = []
    for client_id, old, new in (*changes.grade_up, *changes.grade_down)[:MAX_LINES]:
        arrow = "▲" if (client_id, old, new) in changes.grade_up else "▼"
        line = Markup(f"{arrow} ") + t._(
            "{client}: {old} → {new}", client=names.get(client_id, "?"), old=old, new=new
        )
        explanation = analysis.explanations.get(client_id)
        if explanation is not None and explanation.reasons:
            unpaid = int(analysis.clients.at[client_id, "late_unpaid"])
            said = reason(t, team.currency, explanation.reasons[0], late_unpaid=unpaid)
            line += Markup(" (") + said[2:] + Markup(")")
        lines.append(line)
    more = len(changes.grade_up) + len(changes.grade_down) - MAX_LINES
    if more > 0:
        lines.append(
            t.n_(
                "and {n} more grade change: /clients", "and {n} more grade changes: /clients", more
            )
        )
    return lines


def _reliant_lines(
    t: Translator, analysis: TeamAnalysis, changes: WeekChanges, names: Mapping[int, str]
) -> list[Markup]:
    flags = {f.client_id: f for f in analysis.concentration.over_reliant}
    reliant = [flags[i] for i in changes.new_over_reliant if i in flags]
    reliant = sorted(reliant, key=lambda f: -f.share)[:MAX_LINES]  # the largest first, as /risk
    return [
        t._(
            "{client}: {share} of your revenue.",
            client=names.get(f.client_id, "?"),
            share=t.percent(f.share),
        )
        for f in reliant
    ]


def _overdue_lines(t: Translator, analysis: TeamAnalysis, names: Mapping[int, str]) -> list[Markup]:
    return [
        t._(
            "{client}: usually every {usual}, now {days}.",
            client=names.get(o.client_id, "?"),
            usual=t.n_("{n} day", "{n} days", int(round(o.usual_interval_days))),
            days=t.n_("{n} day", "{n} days", int(o.days_since_last)),
        )
        for o in analysis.overdue_ideal[:MAX_LINES]
    ]


def _new_candidates(analysis: TeamAnalysis, changes: WeekChanges) -> list[DeclineCandidate]:
    """Clients newly proposed for declining this week, costliest first."""
    candidates = {c.client_id: c for c in analysis.decline_candidates}
    newly = [candidates[i] for i in changes.new_decline_candidates if i in candidates]
    return sorted(newly, key=lambda c: -c.cost_to_team)[:MAX_LINES]


def _actions(
    t: Translator, team: TeamView, candidates: bool, quiet: bool
) -> list[list[tuple[str, str]]]:
    """At most three: where to look next."""
    row = [(t._("Risks"), pack(DIGEST_VIEW, team.id, "risk"))]
    if candidates and not team.sensitive_to_admins:
        row.append((t._("Let go?"), pack(DIGEST_VIEW, team.id, "decline")))
    if not quiet:
        row.append((t._("All clients"), pack(DIGEST_VIEW, team.id, "clients")))
    return [row[:3]]


def week_label(t: Translator, today: dt.date) -> str:
    """Which digest this is: 'week 48' where people count weeks, else the 7 days it covers
    (today included, as its "this week" line counts them): «1–7 декабря»."""
    if t.counts_weeks:
        return str(t._("week {week}", week=today.isocalendar()[1]))
    return t.days(today - dt.timedelta(days=6), today)


def chart_caption(t: Translator) -> str:
    return str(t._("Revenue by client: who your business rests on."))


def digest_switched(t: Translator, team: TeamView, *, enabled: bool) -> Markup:
    """/digest on or off: when it comes now, or that it stopped (and the snapshot didn't)."""
    if not enabled:
        return t._(
            "The weekly digest is off. The weekly snapshot still runs, "
            "so cards keep showing changes."
        )
    when = t._(
        "{day} at {time}", day=t.weekday(team.digest_weekday), time=t.time(team.digest_minute)
    )
    return t._("The weekly digest is on: {when}.", when=when)
