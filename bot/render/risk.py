"""/risk: how much the team leans on a few clients, who eats its time, who owes it money."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from bot.render.explain import (
    amounts_note,
    hours,
    hours_worked,
    money,
    owed_money,
    profit_per_hour,
    warning,
)
from locales import Markup, Translator, escape
from scoring import TeamAnalysis
from scoring.owed import Owed, oldest_first
from scoring.settings import ScoringSettings
from scoring.time_eaters import TimeEater
from storage.callers import TeamView

MAX_LISTED = 8


def risk_text(
    t: Translator, team: TeamView, analysis: TeamAnalysis, names: Mapping[int, str]
) -> Markup:
    cur = team.currency
    c = analysis.concentration
    if any(w.code == "no_revenue" for w in analysis.warnings):
        return warning(
            t, cur, next(w for w in analysis.warnings if w.code == "no_revenue")
        ) or Markup("")
    lines = [t._("<b>Concentration risk</b>")]
    earning = analysis.clients.index[analysis.clients["revenue_share"].fillna(0) > 0]
    if len(earning) == 1:
        # One client with revenue: 100 % and an index of 10 000 say nothing a sentence can't.
        lines.append(
            t._(
                "All your revenue comes from one client: {client}.",
                client=names.get(int(earning[0]), "?"),
            )
        )
        return _rest(t, team, analysis, names, lines)
    lines.append(
        t._(
            "Top client {top1} · top 3 {top3} · top 20% ({count}) {top20}",
            top1=t.percent(c.top1_share),
            top3=t.percent(c.top3_share),
            count=t.n_("{n} client", "{n} clients", c.top20_count),
            top20=t.percent(c.top20_share),
        )
    )
    if c.hhi_floor is not None and c.equivalent_clients is not None:
        equivalent = round(c.equivalent_clients, 1)
        # A fraction takes the plural ("2,4 klanten", «2,4 клиента»), a whole number its own.
        count = int(equivalent) if float(equivalent).is_integer() else 2
        lines.append(
            t.n_(
                "HHI {hhi} of 10 000 (lowest possible for you: {floor}): like leaning "
                "on {equivalent} client.",
                "HHI {hhi} of 10 000 (lowest possible for you: {floor}): like leaning "
                "on {equivalent} equal clients.",
                count,
                hhi=t.number(round(c.hhi)),
                floor=t.number(round(c.hhi_floor)),
                equivalent=t.number(equivalent),
            )
        )
    if not c.alarms_enabled:
        lines.append(
            t.n_(
                "With {n} current client someone always has a big share, so no "
                "alarms yet (from 8 clients).",
                "With {n} current clients someone always has a big share, so no "
                "alarms yet (from 8 clients).",
                c.active_clients,
            )
        )
    if c.over_reliant:
        lines.append("")
        lines.append(
            t._(
                "⚠️ <b>Too dependent</b> (from {threshold} of revenue)",
                threshold=t.percent(team.concentration_threshold),
            )
        )
        for flag in c.over_reliant[:MAX_LISTED]:
            line = t._(
                "• {client}: {share}. If they leave, revenue falls {drop}",
                client=names.get(flag.client_id, "?"),
                share=t.percent(flag.share),
                drop=t.percent(flag.revenue_drop),
            )
            if flag.ideal_clients_to_replace is not None:
                line += Markup(" — ") + t._(
                    "about {count} ideal clients to replace them",
                    count=t.number(round(flag.ideal_clients_to_replace, 1)),
                )
            if flag.owed:
                line += Markup(". ") + t._("Owes {amount}", amount=owed_money(t, cur, flag.owed))
            lines.append(line + Markup("."))
    if c.watch:
        lines.append("")
        lines.append(
            t._(
                "👀 <b>Watch</b> (from {threshold} of revenue)",
                threshold=t.percent(ScoringSettings.watch_threshold),
            )
        )
        shown = [
            t._("{client} {share}", client=names.get(f.client_id, "?"), share=t.percent(f.share))
            for f in c.watch[:MAX_LISTED]
        ]
        lines.append(Markup(", ").join(shown) + _more(t, len(c.watch)))
    return _rest(t, team, analysis, names, lines)


def _rest(
    t: Translator,
    team: TeamView,
    analysis: TeamAnalysis,
    names: Mapping[int, str],
    lines: list[Markup | str],
) -> Markup:
    """Time-eaters, money owed, lapsed clients and the VAT note below the concentration."""
    cur, c = team.currency, analysis.concentration
    if analysis.time_eaters:
        lines.append("")
        lines.append(t._("⏱ <b>Time-eaters</b>"))
        for eater in time_eaters_by_hours(analysis)[:5]:
            lines.append(_time_eater(t, cur, analysis, eater.client_id, names))
    if analysis.owed:
        lines.append("")
        lines.append(t._("💶 <b>Money owed</b>"))
        owed = oldest_first(analysis.owed)
        lines += [_owed(t, cur, o, names) for o in owed[:MAX_LISTED]]
        if len(owed) > MAX_LISTED:
            lines.append(_more(t, len(owed)).strip())  # its own line: no debt of the last one
    if c.lapsed:
        lines.append("")
        lapsed = Markup(", ").join(escape(names.get(i, "?")) for i in c.lapsed[:MAX_LISTED])
        lines.append(
            t._(
                "Not counted, no purchase for a long while: {clients}",
                clients=lapsed + _more(t, len(c.lapsed)),
            )
        )
    lines += ["", amounts_note(t, team)]
    return Markup("\n").join(lines)


def _owed(t: Translator, cur: str, owed: Owed, names: Mapping[int, str]) -> Markup:
    """Who owes how much, on how many invoices, and how long the oldest is overdue."""
    client, amount = names.get(owed.client_id, "?"), owed_money(t, cur, owed.unpaid)
    if owed.days_overdue < 1:
        return t.n_(
            "• {client}: {amount} · {n} invoice, not due yet",
            "• {client}: {amount} · {n} invoices, none due yet",
            owed.invoices,
            client=client,
            amount=amount,
        )
    return t.n_(
        "• {client}: {amount} · {n} invoice, {days} overdue",
        "• {client}: {amount} · {n} invoices, the oldest {days} overdue",
        owed.invoices,
        client=client,
        amount=amount,
        days=t.n_("{n} day", "{n} days", owed.days_overdue),
    )


def _time_eater(
    t: Translator, cur: str, analysis: TeamAnalysis, client_id: int, names: Mapping[int, str]
) -> Markup:
    """Their shares, then their hours and profit per hour exactly as their card says them."""
    row = analysis.clients.loc[client_id]
    worked, per_hour = hours_worked(row), profit_per_hour(row)
    shares = {
        "client": names.get(client_id, "?"),
        "time_share": t.percent(float(row["time_share"])),
        # The share of all current revenue, as everywhere else on this screen; the flag itself
        # compares like with like (scoring.time_eaters).
        "revenue_share": t.percent(_revenue_share(analysis, client_id)),
    }
    if worked is None:
        return t._(
            "• {client}: {time_share} of your time for {revenue_share} of revenue "
            "(no hours recorded)",
            **shares,
        )
    if per_hour is None:
        return t._(
            "• {client}: {time_share} of your time for {revenue_share} of revenue "
            "({hours}; profit per hour unknown: not every sale has its cost)",
            hours=hours(t, worked),
            **shares,
        )
    return t._(
        "• {client}: {time_share} of your time for {revenue_share} of "
        "revenue ({hours}, {per_hour} per hour)",
        hours=hours(t, worked),
        per_hour=money(t, cur, per_hour),
        **shares,
    )


def _more(t: Translator, count: int) -> Markup:
    return t._(" and {n} more", n=count - MAX_LISTED) if count > MAX_LISTED else Markup("")


def _revenue_share(analysis: TeamAnalysis, client_id: int) -> float:
    share = analysis.clients.loc[client_id, "revenue_share"]
    return 0.0 if pd.isna(share) else float(share)


def time_eaters_by_hours(analysis: TeamAnalysis) -> list[TimeEater]:
    """Time-eaters in the order of the figure read first: the largest share of the hours."""
    return sorted(analysis.time_eaters, key=lambda e: -e.time_share)
