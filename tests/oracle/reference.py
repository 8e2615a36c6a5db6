"""A plain, slow reference for the figures Kompas shows, written from the README and the
scoring docstrings — never from the engine's code. Python loops over raw rows, one client at a
time, so a reader can check every rule against its sentence.

Definitions (README "How grades work", scoring.metrics / client_table / concentration /
retention / owed / time_eaters docstrings; VAT and hour cost from issue 15):

- The window is (today - window_days, today]; sales after today do not exist yet.
- Per active client: revenue and purchases over window sales; cost is the recorded costs plus,
  for sales without a cost, the client's uncosted revenue × (1 - margin) rounded to whole minor
  units, where margin is the team's default margin or, when none is set, the margin of the
  active clients' costed window sales if those are at least 20 % of the active clients' window
  revenue and their costs are not above their revenue (no negative margin is assumed);
  otherwise the cost (and profit) of a client with an uncosted sale is unknown.
- With a VAT rate r every sale's amount and cost count net, round(x / (1 + r)) per sale; money
  owed stays the gross invoice amount. With an hour cost h, profit also subtracts
  round(recorded hours × h) per client.
- Time: minutes of window sales (0 = not recorded); profit per hour = profit of the timed sales
  / their hours. Time-eater: at least 3 current clients with time; a share of the recorded time
  ≥ 5 % and ≥ 1.5 × the share of the revenue of the sales with recorded time, and less earned
  per hour (profit, or revenue at the costed sales' margin where a cost is missing) than the
  team earns over all its recorded hours. Annual figures scale the window to a year, or what
  a younger client's purchases cover — tenure plus their usual interval, floored at 90 days,
  never from a single purchase nor for a client lapsed by their own interval — to a year;
  tenure starts at the earliest of client since, first sale and the day the client was added.
- Usual interval: the mean gap between the distinct days with a window purchase (two or more
  days; several sales on one day are one visit);
  lapsed: days since the last purchase > max(3 × usual interval, 60), the team's median
  interval (30 days when the team has none) standing in for a client without one; never
  bought → not lapsed.
- Current clients (active, not lapsed) make up concentration: shares of current window
  revenue, top 1 / 3 / ceil(20 % of n), HHI = Σ (100 · share)², floor 10 000 / n; alarms
  from 8 current clients with revenue in the window.
- Invoices: window sales with a due date that are paid or overdue; late: paid after the due
  date or unpaid past it. Owed: every unpaid sale with a due date, any age; overdue when the
  due date has passed. Referrals made in the window: each referred client once (events and
  "referred by"), when the referred client became a client in the window ("client since", else
  when recorded), plus referral events in the window naming nobody.
- Team medians (the references a score compares with): over active clients with revenue in the
  window whose figures rest on at least 90 days of history — their tenure, or the days since
  the team's first recorded sale when fewer — when at least 3 such clients exist; otherwise
  over every active client with revenue in the window.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import statistics
from dataclasses import dataclass, field
from typing import Any

LAPSE_FACTOR, LAPSE_MIN_DAYS = 3, 60
# With no interval known in the whole team, 30 days stand in (scoring.score.Scales: "positive
# floors"; the retention docstring does not say so).
NO_INTERVAL_DAYS = 30.0
YOUNG_DAYS = 90
MIN_COSTED_SHARE = 0.2
MIN_SETTLED_CLIENTS = 3
TIME_RATIO, TIME_MIN_SHARE, MIN_TIMED = 1.5, 0.05, 3
THRESHOLD, WATCH, MIN_ALARM_CLIENTS = 0.25, 0.10, 8
NAN = float("nan")


@dataclass
class RawTeam:
    """A team as rows: plain dicts with date fields, as a person would write them down."""

    today: dt.date
    window_days: int
    clients: list[dict[str, Any]]
    sales: list[dict[str, Any]]
    events: list[dict[str, Any]]
    default_margin: float | None = None
    vat_rate: float | None = None
    hour_cost: int | None = None


@dataclass
class Expected:
    clients: dict[int, dict[str, Any]] = field(default_factory=dict)
    concentration: dict[str, Any] = field(default_factory=dict)
    owed: list[tuple[int, int, int, bool]] = field(default_factory=list)
    time_eaters: set[int] = field(default_factory=set)
    over_reliant: set[int] = field(default_factory=set)
    watch: set[int] = field(default_factory=set)
    references: dict[str, Any] = field(default_factory=dict)


def expected(team: RawTeam) -> Expected:
    today = team.today
    start = today - dt.timedelta(days=team.window_days)

    def in_window(day: dt.date) -> bool:
        return start < day <= today

    def net(x: int) -> int:
        return x if team.vat_rate is None else round(x / (1 + team.vat_rate))

    known_ids = {c["id"] for c in team.clients}
    sales = [s for s in team.sales if s["client_id"] in known_ids and s["sold_on"] <= today]
    active = sorted(c["id"] for c in team.clients if c["status"] == "active")
    by_id = {c["id"]: c for c in team.clients}

    # The margin for sales without a cost.
    margin = team.default_margin
    if margin is None:
        revenue_all = costed_revenue = costed_cost = 0
        for s in sales:
            if s["client_id"] in active and in_window(s["sold_on"]):
                revenue_all += net(s["amount"])
                if s["cost"] is not None:
                    costed_revenue += net(s["amount"])
                    costed_cost += net(s["cost"])
        # Costed sales that lose money overall give no margin to assume (README "Money").
        if (
            revenue_all > 0
            and costed_revenue >= MIN_COSTED_SHARE * revenue_all
            and costed_cost <= costed_revenue
        ):
            margin = 1 - costed_cost / costed_revenue

    # The margin revenue stands in at for value where profit is unknown: the costed sales'
    # margin, kept within 5–100 %, or all of it without any costed sale.
    costed = [
        s
        for s in sales
        if s["client_id"] in active and in_window(s["sold_on"]) and s["cost"] is not None
    ]
    costed_revenue = sum(net(s["amount"]) for s in costed)
    value_margin = 1.0
    if costed_revenue > 0:
        costed_margin = 1 - sum(net(s["cost"]) for s in costed) / costed_revenue
        value_margin = min(max(costed_margin, 0.05), 1.0)

    rows: dict[int, dict[str, Any]] = {}
    timed_revenue: dict[int, int] = {}  # revenue of the sales with recorded time
    timed_value: dict[int, float] = {}  # their profit, or revenue × value_margin
    for cid in active:
        client = by_id[cid]
        mine = [s for s in sales if s["client_id"] == cid]
        window = [s for s in mine if in_window(s["sold_on"])]
        row: dict[str, Any] = {}
        revenue = sum(net(s["amount"]) for s in window)
        row["revenue"] = revenue
        row["purchases"] = len(window)

        def cost_of(chosen: list[dict[str, Any]]) -> int | None:
            recorded = sum(net(s["cost"]) for s in chosen if s["cost"] is not None)
            open_revenue = sum(net(s["amount"]) for s in chosen if s["cost"] is None)
            if any(s["cost"] is None for s in chosen):
                if margin is None:
                    return None
                return recorded + round(open_revenue * (1 - margin))
            return recorded

        cost = cost_of(window)
        minutes = sum(s["minutes"] for s in window if s["minutes"])
        hours = minutes * 60 / 3600 if minutes else None
        time_cost = round(hours * team.hour_cost) if team.hour_cost and hours else 0
        # README: with an hour cost, the hours are a cost of serving the client.
        cost = None if cost is None else cost + time_cost
        profit = None if cost is None else revenue - cost
        row["cost"] = cost
        row["profit"] = profit
        row["margin"] = profit / revenue if profit is not None and revenue > 0 else NAN
        row["minutes"] = minutes or NAN
        row["hours"] = hours if hours is not None else NAN
        timed = [s for s in window if s["minutes"]]
        timed_cost = cost_of(timed)
        timed_revenue[cid] = sum(net(s["amount"]) for s in timed)
        if hours is None or timed_cost is None:
            row["profit_per_hour"] = None
            # Where profit is unknown, revenue at the costed sales' margin stands in for it.
            timed_value[cid] = timed_revenue[cid] * value_margin
        else:
            timed_profit = timed_revenue[cid] - timed_cost - time_cost
            row["profit_per_hour"] = round(timed_profit / hours)
            timed_value[cid] = timed_profit

        days = [s["sold_on"] for s in mine]
        row["recency_days"] = (today - max(days)).days if days else None
        starts = [d for d in (client.get("acquired_on"), client["created_on"]) if d] + days
        tenure = max((today - min(starts)).days, 0)
        row["tenure_days"] = tenure
        row["young"] = tenure < YOUNG_DAYS
        window_days_sold = sorted({s["sold_on"] for s in window})  # purchase days, not sales
        interval = NAN
        if len(window_days_sold) >= 2:
            gaps = [(b - a).days for a, b in itertools.pairwise(window_days_sold)]
            mean_gap = sum(gaps) / len(gaps)
            interval = mean_gap if mean_gap > 0 else NAN
        # A younger client's purchases cover their tenure plus one usual interval; one purchase
        # is never extrapolated.
        floor = min(YOUNG_DAYS, team.window_days)
        covered = tenure + (0 if math.isnan(interval) else interval)
        active_days = min(max(min(covered, team.window_days), floor), team.window_days)
        if len({s["sold_on"] for s in window}) <= 1:  # one purchase day
            active_days = team.window_days
        if not math.isnan(interval) and row["recency_days"] > max(
            LAPSE_FACTOR * interval, LAPSE_MIN_DAYS
        ):  # lapsed by their own interval: no rest of the year to estimate
            active_days = team.window_days
        factor = 365 / active_days
        row["annual_revenue"] = round(revenue * factor)
        row["annual_profit"] = None if profit is None else round(profit * factor)
        row["usual_interval_days"] = interval

        invoices = late = 0
        for s in window:
            if s["due_on"] is None:
                continue
            if s["paid_on"] is not None:
                invoices += 1
                late += s["paid_on"] > s["due_on"]
            elif s["due_on"] < today:
                invoices += 1
                late += 1
        row["invoices"], row["late_payments"] = invoices, late
        unpaid = [s for s in mine if s["due_on"] is not None and s["paid_on"] is None]
        row["owed"] = sum(s["amount"] for s in unpaid)
        row["overdue"] = sum(s["amount"] for s in unpaid if s["due_on"] < today)

        in_window_events = [
            e for e in team.events if e["client_id"] == cid and in_window(e["happened_on"])
        ]
        row["complaints"] = sum(e["kind"] == "complaint" for e in in_window_events)
        row["compliments"] = sum(e["kind"] == "compliment" for e in in_window_events)
        # README: a referral made counts in the window when the referred client became a client
        # in it ("client since", else when the team recorded them); events naming nobody count
        # by their own date.
        started = {c["id"]: c.get("acquired_on") or c["created_on"] for c in team.clients}
        brought: set[int] = set()
        anonymous = 0
        for e in in_window_events:
            if e["kind"] == "referral" and e["referred_client_id"] not in known_ids:
                anonymous += 1
        for e in in_window_events:  # the team told it in the window ...
            if e["kind"] == "referral" and e["referred_client_id"] in known_ids:
                brought.add(e["referred_client_id"])
        brought |= {other["id"] for other in team.clients if other["referred_by_id"] == cid}
        referred = {other for other in brought if in_window(started[other])}  # ... and dated so
        row["referrals"] = len(referred) + anonymous
        rows[cid] = row

    # Lapsed, with the team's median interval for clients without their own.
    own = [
        rows[c]["usual_interval_days"]
        for c in active
        if rows[c]["revenue"] > 0 and not math.isnan(rows[c]["usual_interval_days"])
    ]
    team_interval = statistics.median(own) if own else NO_INTERVAL_DAYS
    for cid in active:
        row = rows[cid]
        interval = row["usual_interval_days"]
        usual = team_interval if math.isnan(interval) else interval
        row["lapsed"] = (
            row["recency_days"] is not None
            and usual is not None
            and row["recency_days"] > max(LAPSE_FACTOR * usual, LAPSE_MIN_DAYS)
        )

    current = [c for c in active if not rows[c]["lapsed"]]
    total = sum(rows[c]["revenue"] for c in current)
    n = len(current)
    paying = sum(1 for c in current if rows[c]["revenue"] > 0)  # alarms count buying clients
    for cid in active:
        rows[cid]["revenue_share"] = (
            NAN if rows[cid]["lapsed"] else (rows[cid]["revenue"] / total if total else 0.0)
        )
    ranked = sorted(current, key=lambda c: (-rows[c]["revenue"], c))
    shares = [rows[c]["revenue_share"] for c in ranked]
    top20_count = math.ceil(0.2 * n)
    hhi = sum((100 * s) ** 2 for s in shares)
    lapsed_ids = sorted(
        (c for c in active if rows[c]["lapsed"]), key=lambda c: (-rows[c]["revenue"], c)
    )
    out = Expected(clients=rows)
    out.concentration = {
        "top1_share": sum(shares[:1]),
        "top3_share": sum(shares[:3]),
        "top20_share": sum(shares[:top20_count]),
        "top20_count": top20_count,
        "hhi": hhi,
        "hhi_floor": 10_000 / n if n else None,
        "equivalent_clients": 10_000 / hhi if hhi > 0 else None,
        "active_clients": n,
        "alarms_enabled": paying >= MIN_ALARM_CLIENTS,
        "lapsed": tuple(lapsed_ids),
    }
    if paying >= MIN_ALARM_CLIENTS and total > 0:
        for c in current:
            share = rows[c]["revenue_share"]
            if share >= THRESHOLD - 1e-12:
                out.over_reliant.add(c)
            elif share >= WATCH - 1e-12:
                out.watch.add(c)

    # Time shares among current clients with recorded time, against their share of the
    # revenue of the sales with recorded time; never a client earning more per hour than the
    # team does on all its recorded hours.
    timed = [c for c in current if rows[c]["minutes"] > 0]
    time_total = sum(rows[c]["minutes"] for c in timed)
    timed_total = sum(timed_revenue[c] for c in timed)
    team_per_hour = (
        sum(timed_value[c] for c in timed) / sum(rows[c]["hours"] for c in timed) if timed else NAN
    )
    for cid in active:
        rows[cid]["time_share"] = rows[cid]["minutes"] / time_total if cid in timed else NAN
    for c in timed:
        revenue_share = timed_revenue[c] / timed_total if timed_total else 0.0
        time_share = rows[c]["time_share"]
        per_hour = timed_value[c] / rows[c]["hours"]
        if (
            len(timed) >= MIN_TIMED
            and time_share >= TIME_MIN_SHARE
            and time_share >= TIME_RATIO * revenue_share
            and per_hour < team_per_hour - 1e-9
        ):
            out.time_eaters.add(c)

    # Money owed: everyone but prospects; big spenders are current top-fifth or watched.
    top20 = {c for c in ranked[:top20_count] if rows[c]["revenue"] > 0}
    owed = []
    for client in team.clients:
        if client["status"] == "prospect":
            continue
        cid = client["id"]
        unpaid = [
            s
            for s in sales
            if s["client_id"] == cid and s["due_on"] is not None and s["paid_on"] is None
        ]
        amount = sum(s["amount"] for s in unpaid)
        if amount > 0:
            overdue = sum(s["amount"] for s in unpaid if s["due_on"] < today)
            big = cid in current and (cid in top20 or rows[cid]["revenue_share"] >= WATCH - 1e-12)
            owed.append((cid, amount, overdue, big))
    out.owed = sorted(owed, key=lambda o: (-o[2], -o[1], o[0]))
    out.references = team_medians(rows, active, sales, today)
    return out


def team_medians(
    rows: dict[int, dict[str, Any]], active: list[int], sales: list[dict[str, Any]], today: dt.date
) -> dict[str, Any]:
    """The medians scores compare with, over the settled clients when there are enough."""
    team_days = (today - min(s["sold_on"] for s in sales)).days if sales else None
    bought = [c for c in active if rows[c]["revenue"] > 0]
    settled = [
        c
        for c in bought
        if min(rows[c]["tenure_days"], team_days if team_days is not None else math.inf)
        >= YOUNG_DAYS
    ]
    measured = settled if len(settled) >= MIN_SETTLED_CLIENTS else bought

    def median(name: str) -> float | None:
        values = [rows[c][name] for c in measured if rows[c][name] is not None]
        return statistics.median(values) if values else None

    return {
        "clients": len(measured),
        "median_annual_revenue": median("annual_revenue"),
        "median_annual_profit": median("annual_profit"),
    }
