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
from bot.render.decline import digest_line, digest_line_in_money
from bot.render.digest_screen import ALWAYS, Part, one_screen
from bot.render.digest_trend import trend_line, trend_said_already
from bot.render.explain import money_reason, owed_money, reason
from bot.render.money_figure import revenue_share
from bot.render.portrait import portrait_summary, run_rate_text
from bot.render.risk import time_eaters_by_hours
from locales import N_, Markup, Translator
from scoring import DeclineCandidate, TeamAnalysis
from scoring.owed import oldest_first
from scoring.snapshots import WEEK_DAYS, WeekChanges
from storage.callers import TeamView

MAX_LINES = 3  # per section: a digest fits one phone screen


@dataclass(frozen=True)
class Digest:
    """What goes out: to the group, and (when the team wants) money figures to admins."""

    group_text: Markup
    admin_text: Markup | None
    buttons: list[list[tuple[str, str]]]
    quiet: bool


NO_MONEY = (False, False)


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
    grades, grades_in_money = _grade_lines(t, team, analysis, changes, names)
    # (title, lines, money: goes to admins privately when the team wants that, how long it
    # stays when the screen is full, the kinds of money in its lines: net, owed). What stays
    # longest is what the digest is for: the risk, who to let go, who to call, what changed.
    sections = [
        (t._("<b>Grades</b>"), grades, False, 65, (grades_in_money, False)),
        # A client's share of revenue is a money figure: members' cards and /risk don't show it.
        (
            t._("⚠️ <b>Leaning on one client</b>"),
            _reliant_lines(t, analysis, changes, names),
            True,
            80,
            NO_MONEY,
        ),
        (
            t._("📞 <b>Reach out this week</b>"),
            _overdue_lines(t, analysis, names),
            False,
            70,
            NO_MONEY,
        ),
        (
            t._("🚪 <b>Consider letting go</b>"),
            [digest_line(t, team, analysis, c) for c in new_candidates],
            True,
            75,
            (any(digest_line_in_money(c) for c in new_candidates), False),
        ),
        (
            # With too few clients for alarms every client is "big" (the Russian reader's
            # smallest client, 14 %, under «Долги самых крупных клиентов»): all who owe, said so
            t._("💰 <b>Open invoices of big spenders</b>")
            if analysis.concentration.alarms_enabled
            else t._("💰 <b>Open invoices</b>"),
            _open_lines(t, team, analysis, names),
            True,
            45,
            (False, True),
        ),
        (
            t._("⏱ <b>Take a lot of your time</b>"),
            _time_lines(t, analysis, names),
            True,
            40,
            NO_MONEY,
        ),
    ]
    public: list[Part] = []
    private: list[Part] = []
    for title, lines, is_money, keep, kinds in sections:
        if lines:
            target = private if is_money and money_goes_private else public
            target.append(Part(Markup("\n").join([title, *lines]), keep, *kinds))
    if not public:  # the group hears of a big client even when the news went to the admins
        leaning = _leaning_lines(t, team, analysis, names, shares=not money_goes_private)
        public += [Part(line, 80) for line in leaning]
    # What was recorded this week, first, in every digest (read_ru A19: the solo digest had
    # it, the group's, with its sections, did not): under the heading, as its subtitle, so
    # one more section fits the screen.
    activity = _activity_line(t, team, changes, amount=not money_goes_private)
    if activity is not None:
        head.append(activity)
    quiet = not public and not private and activity is None
    if quiet:
        public.append(Part(t._("A quiet week: no grade changes and no new risks."), ALWAYS))
    money_target = private if money_goes_private else public
    trend = trend_line(t, team, analysis)  # direction, not news: a quiet week stays quiet
    if trend is not None and not trend_said_already(analysis, changes, activity):
        money_target.append(Part(trend, 30, net=True))
    summary = portrait_summary(t, analysis)
    if summary is not None:
        public.append(Part(summary, 20))
    run_rate = run_rate_text(t, team, analysis)
    if run_rate is not None:
        money_target.append(Part(run_rate, 10, net=True))
    # The week's sum is a figure without VAT, as every sum: said so under it where VAT is in
    # what the team types (the Dutch salon's "samen € 4.329" was its € 4.718,50 without btw)
    summed = not money_goes_private and changes.sales_amount > 0
    group_text = one_screen(t, team, [Part(Markup("\n").join(head), ALWAYS, net=summed), *public])
    admin_text = None
    # What the week's sales came to, which the group's line leaves out: the admins hear it
    # (the Dutch reader's admin digest had every money figure but that one)
    with_amount = _activity_line(t, team, changes, amount=True) if money_goes_private else None
    revenue = [with_amount] if with_amount is not None and with_amount != activity else []
    if private or revenue:
        admin_head = [t._("📊 <b>Kompas · {week}</b> — for admins only", week=week_label)]
        admin_head = Markup("\n").join([*admin_head, *revenue])
        admin_text = one_screen(t, team, [Part(admin_head, ALWAYS, net=bool(revenue)), *private])
    return Digest(group_text, admin_text, _actions(t, team, bool(new_candidates), quiet), quiet)


def _open_lines(
    t: Translator, team: TeamView, analysis: TeamAnalysis, names: Mapping[int, str]
) -> list[Markup]:
    """Big spenders' unpaid invoices (everyone's in a team too small for alarms), to the cent,
    the longest overdue first (as /risk); what is late said apart from what is not due yet
    ("te laat" / "nog niet vervallen")."""
    lines = []
    every = not analysis.concentration.alarms_enabled
    owing = oldest_first([o for o in analysis.owed if (o.big_spender or every) and o.unpaid])
    for o in owing[:MAX_LINES]:
        client, not_due = names.get(o.client_id, "?"), o.unpaid - o.overdue
        late, due = owed_money(t, team.currency, o.overdue), owed_money(t, team.currency, not_due)
        if o.overdue and not_due:
            said = N_("{client}: {late} overdue, {due} not yet due")
        else:
            said = (
                N_("{client}: {late} overdue") if o.overdue else N_("{client}: {due} not yet due")
            )
        lines.append(t._(said, client=client, late=late, due=due))
    if len(owing) > MAX_LINES:  # never a debt left out unsaid (the Russian designer's 4th)
        more = len(owing) - MAX_LINES
        lines.append(
            t.n_("and {n} more client owes you: /risk", "and {n} more owe you: /risk", more)
        )
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


def _activity_line(
    t: Translator, team: TeamView, changes: WeekChanges, *, amount: bool
) -> Markup | None:
    """What the team recorded this week, the sales with what they came to (`amount`: where the
    money figures go to the group); None when nothing was (a quiet week stays quiet)."""
    if not changes.happened:
        return None
    sales = (
        t.n_(
            "{n} sale of {amount}",
            "{n} sales, {amount} in all",
            changes.sales,
            amount=t.money(changes.sales_amount, team.currency, whole=True),
        )
        if amount and changes.sales_amount > 0
        else t.n_("{n} sale", "{n} sales", changes.sales)
    )
    done = [
        t.n_("{n} new client", "{n} new clients", changes.new_clients),
        sales,
        t.n_("{n} complaint", "{n} complaints", changes.complaints),
    ]
    counts = (changes.new_clients, changes.sales, changes.complaints)
    return t._(
        "In the last 7 days, by date: {what}.",
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
                    share=t.percent(share[top]),
                )
            )
    return [Markup("\n").join(lines)] if lines else []


def _grade_lines(
    t: Translator,
    team: TeamView,
    analysis: TeamAnalysis,
    changes: WeekChanges,
    names: Mapping[int, str],
) -> tuple[list[Markup], bool]:
    """Grade changes since last week, each with the reason that weighs most now; and whether a
    reason is a sum of money (the digest's amounts note then covers it)."""
    lines, in_money = [], False
    for client_id, old, new in (*changes.grade_up, *changes.grade_down)[:MAX_LINES]:
        arrow = "▲" if (client_id, old, new) in changes.grade_up else "▼"
        line = Markup(f"{arrow} ") + t._(
            "{client}: {old} → {new}", client=names.get(client_id, "?"), old=old, new=new
        )
        explanation = analysis.explanations.get(client_id)
        if explanation is not None and explanation.reasons:
            unpaid = int(analysis.clients.at[client_id, "late_unpaid"])
            said = reason(t, team.currency, explanation.reasons[0], late_unpaid=unpaid)
            in_money = in_money or money_reason(explanation.reasons[0])
            line += Markup(" (") + said[2:] + Markup(")")
        lines.append(line)
    more = len(changes.grade_up) + len(changes.grade_down) - MAX_LINES
    if more > 0:
        lines.append(
            t.n_(
                "and {n} more grade change: /clients", "and {n} more grade changes: /clients", more
            )
        )
    return lines, in_money


def _reliant_lines(
    t: Translator, analysis: TeamAnalysis, changes: WeekChanges, names: Mapping[int, str]
) -> list[Markup]:
    flags = {f.client_id: f for f in analysis.concentration.over_reliant}
    reliant = [flags[i] for i in changes.new_over_reliant if i in flags]
    reliant = sorted(reliant, key=lambda f: -f.share)[:MAX_LINES]  # the largest first, as /risk
    shares = analysis.clients["revenue_share"].dropna().to_dict()  # as /clients says each
    return [
        t._(
            "{client}: {share} of your revenue.",
            client=names.get(f.client_id, "?"),
            share=revenue_share(
                t, shares.get(f.client_id, f.share), analysis.settings.concentration_threshold
            ),
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
    """'1–7 dec': the days this digest counts, as readers name a week (a week number made
    Dutch and Russian readers look up a calendar)."""
    return t.days(today - dt.timedelta(days=WEEK_DAYS - 1), today)


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
