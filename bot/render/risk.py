"""/risk: how much the team leans on a few clients, who eats its time, who owes it money."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.render.card import assumed_margin
from bot.render.data_warnings import warning
from bot.render.explain import (
    amounts_note,
    hours,
    hours_worked,
    money,
    owed_money,
    profit_per_hour,
)
from bot.render.money_figure import revenue_share
from locales import Markup, Translator, escape
from scoring import TeamAnalysis
from scoring.owed import Owed, oldest_first
from scoring.settings import ScoringSettings
from scoring.time_eaters import TimeEater
from storage.callers import TeamView

PAGE_LINES = 15  # one phone screen
FOOT_LINES = 3  # a blank line, the amounts note, "page 1 of 2"
MAX_LISTED = 8
MAX_ALARMS = 4  # over-reliant clients named: with the summary, still one screen
MAX_EATERS = 5


@dataclass
class _Block:
    """Lines that stay together on one page, and notes for the foot of that page."""

    lines: list[Markup]
    new_page: bool = False
    notes: list[Markup] = field(default_factory=list)


def risk_text(t: Translator, team: TeamView, analysis: TeamAnalysis) -> Markup:
    """All of /risk on one page, for a terminal (`kompas report`)."""
    return risk_pages(t, team, analysis, page_lines=None)[0]


def risk_pages(
    t: Translator, team: TeamView, analysis: TeamAnalysis, *, page_lines: int | None = PAGE_LINES
) -> list[Markup]:
    """/risk as phone-sized pages: first the dependence and its alarms, then who eats the
    time and who owes money. Each page ends in the amounts note (and the warnings that weaken
    its figures) and, when there are more, which page this is."""
    cur, names = team.currency, analysis.names
    no_revenue = next((w for w in analysis.warnings if w.code == "no_revenue"), None)
    if no_revenue is not None:
        return [warning(t, cur, no_revenue) or Markup("")]
    # Each warning at the foot of the page whose figures it weakens.
    cost_notes, time_notes = (
        [n for w in analysis.warnings if w.code in codes and (n := warning(t, cur, w))]
        for codes in (("costs_above_revenue", "missing_costs"), ("missing_time",))
    )
    blocks = _dependence(t, team, analysis, names)
    blocks[0].notes += cost_notes
    eaters_in_money = False  # a time-eater's profit per hour: an amount without VAT
    if analysis.time_eaters:
        shown = time_eaters_by_hours(analysis)[:MAX_EATERS]
        eaters = [_time_eater(t, cur, analysis, e, names) for e in shown]
        eaters_in_money = any(
            profit_per_hour(analysis.clients.loc[e.client_id]) is not None for e in shown
        )
        lines = [t._("⏱ <b>Time-eaters</b>"), time_eaters_compared(t), *eaters]
        blocks.append(_Block(lines, new_page=True, notes=time_notes))
    else:
        blocks[0].notes += time_notes
    if analysis.owed:
        owed = oldest_first(analysis.owed)
        lines = [t._("💶 <b>Money owed</b>"), *(_owed(t, cur, o, names) for o in owed[:MAX_LISTED])]
        if len(owed) > MAX_LISTED:
            lines.append(_more(t, len(owed)).strip())  # its own line: no debt of the last one
        blocks.append(_Block(lines, new_page=True))
    pages = _packed(blocks, page_lines)
    # Money owed is the invoices' (VAT in it), profit per hour without: the note says which is
    # which; with neither, it speaks of the revenue the shares are of.
    owed = bool(analysis.owed)
    note = amounts_note(t, team, net=eaters_in_money or not owed, owed=owed)
    return [
        Markup("\n").join(
            [
                *body,
                # Under the figures it qualifies, no gap before it; once a reply: the last page.
                *([note] if note is not None and number == len(pages) else []),
                *foot,
                *(
                    [t._("Page {page} of {pages}", page=number, pages=len(pages))]
                    if len(pages) > 1
                    else []
                ),
            ]
        )
        for number, (body, foot) in enumerate(pages, start=1)
    ]


def _packed(
    blocks: list[_Block], page_lines: int | None
) -> list[tuple[list[Markup], list[Markup]]]:
    """Blocks onto pages of at most `page_lines` lines (None: all on one), a blank line
    between blocks; a block that does not fit (or starts a new page) opens the next one."""
    pages: list[tuple[list[Markup], list[Markup]]] = []
    for block in blocks:
        if pages and (page_lines is None or not block.new_page):
            body, foot = pages[-1]
            used = len(body) + 1 + len(block.lines) + FOOT_LINES + len(foot) + len(block.notes)
            if page_lines is None or used <= page_lines:
                body += [Markup(""), *block.lines]
                foot += block.notes
                continue
        pages.append(([*block.lines], [*block.notes]))
    return pages


def _dependence(
    t: Translator, team: TeamView, analysis: TeamAnalysis, names: Mapping[int, str]
) -> list[_Block]:
    """The first page: the shares, and the clients the team leans on too much or should watch."""
    cur = team.currency
    c = analysis.concentration
    # With too few clients for alarms the title is no alarm either: "Afhankelijk van grote
    # klanten" over "waarschuwingen komen vanaf 8 klanten" took itself back (the Dutch reader).
    title = t._("<b>Concentration risk</b>") if c.alarms_enabled else t._("<b>Your revenue</b>")
    lines = [title]
    earning = analysis.clients.index[analysis.clients["revenue_share"].fillna(0) > 0]
    if len(earning) == 1:
        # One client with revenue: 100 % and an index of 10 000 say nothing a sentence can't.
        lines.append(
            t._(
                "All your revenue comes from one client: {client}.",
                client=names.get(int(earning[0]), "?"),
            )
        )
        return [_Block(lines)]
    # The top client's share as /clients, its card and the chart's bar say it
    top1 = revenue_share(
        t,
        max(analysis.clients["revenue_share"].dropna(), default=c.top1_share),
        team.concentration_threshold,
    )
    if len(earning) <= 3:  # "top 3: 100 %" of two or three clients says nothing
        lines.append(t._("Top client {top1} of revenue", top1=top1))
    elif c.top20_count <= 3:
        # The top fifth is the top client, or within the top three: said once, and never
        # "grootste 3 klanten 87% · grootste 2 klanten 80%" out of order (the Dutch reader)
        lines.append(
            t._(
                "Top client {top1} · top 3 {top3}",
                top1=top1,
                top3=t.percent(c.top3_share),
            )
        )
    else:
        lines.append(
            t._(
                "Top client {top1} · top 3 {top3} · top 20% ({count}) {top20}",
                top1=top1,
                top3=t.percent(c.top3_share),
                count=t.n_("{n} client", "{n} clients", c.top20_count),
                top20=t.percent(c.top20_share),
            )
        )
    if c.hhi_floor is not None and c.equivalent_clients is not None:
        # The index itself (HHI) is for the JSON report: a chat says it in plain words, and in
        # whole clients: "2 à 3 even grote klanten", «2–3 одинаковых клиента», never 2,5 clients.
        lines.append(_equal_clients(t, round(c.equivalent_clients, 1)))
    if not c.alarms_enabled:
        lines.append(
            t.n_(
                "With only {n} current client, shares say little yet: alarms come from "
                "{minimum} clients.",
                "With only {n} current clients, shares say little yet: alarms come from "
                "{minimum} clients.",
                c.paying_clients,  # the clients alarms count: those with revenue
                minimum=analysis.settings.min_clients_for_alarms,
            )
        )
    blocks = [_Block(lines)]
    shares = analysis.clients["revenue_share"].dropna().to_dict()  # as /clients says each
    if c.over_reliant:
        alarms = [
            t._(
                "⚠️ <b>Too dependent</b> (from {threshold} of revenue)",
                threshold=t.percent(team.concentration_threshold),
            )
        ]
        for flag in c.over_reliant[:MAX_ALARMS]:
            # What leaves with the client is its share: said once, so the line fits a phone
            # (the reader's Gemeente line wrapped to 5 lines, issue 20)
            share = revenue_share(
                t, shares.get(flag.client_id, flag.revenue_drop), team.concentration_threshold
            )
            client = names.get(flag.client_id, "?")
            if flag.ideal_clients_to_replace is None:
                line = t._(
                    "• {client}: {share} of revenue, gone if they leave", client=client, share=share
                )
            else:
                # A whole number of new clients, at least one: nobody wins 1,7 clients.
                needed = max(1, math.floor(flag.ideal_clients_to_replace + 0.5))
                line = t._("• {client}: {share}", client=client, share=share)
                line += Markup("; ") + t.n_(
                    "if they leave, you'd need about {n} new ideal client to make up for it",
                    "if they leave, you'd need about {n} new ideal clients to make up for it",
                    needed,
                )
            if flag.owed:
                line += Markup(". ") + t._("Owes {amount}", amount=owed_money(t, cur, flag.owed))
            alarms.append(line + Markup("."))
        if len(c.over_reliant) > MAX_ALARMS:
            alarms.append(_more(t, len(c.over_reliant), MAX_ALARMS).strip())
        blocks.append(_Block(alarms))
    if c.watch:
        shown = [
            t._(
                "{client} {share}",
                client=names.get(f.client_id, "?"),
                share=revenue_share(
                    t, shares.get(f.client_id, f.share), team.concentration_threshold
                ),
            )
            for f in c.watch[:MAX_LISTED]
        ]
        watch = t._(
            "👀 <b>Watch</b> (from {threshold} of revenue)",
            threshold=t.percent(ScoringSettings.watch_threshold),
        )
        blocks.append(_Block([watch, Markup(", ").join(shown) + _more(t, len(c.watch))]))
    if c.lapsed:
        lapsed = Markup(", ").join(escape(names.get(i, "?")) for i in c.lapsed[:MAX_LISTED])
        blocks.append(
            _Block(
                [
                    t._(
                        "Not counted, no purchase for a long while: {clients}",
                        clients=lapsed + _more(t, len(c.lapsed)),
                    )
                ]
            )
        )
    return blocks


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
    t: Translator, cur: str, analysis: TeamAnalysis, eater: TimeEater, names: Mapping[int, str]
) -> Markup:
    """Their share of the recorded hours against their share of the revenue of the same sales
    (what the flag compares), then their hours and profit per hour as their card says them."""
    row = analysis.clients.loc[eater.client_id]
    worked, per_hour = hours_worked(row), profit_per_hour(row)
    shares = {
        "client": names.get(eater.client_id, "?"),
        "time_share": t.percent(eater.time_share),
        "revenue_share": t.percent(eater.revenue_share),
        "hours": hours(t, worked or 0.0),
    }
    if per_hour is None:
        return t._(
            "• {client}: {time_share} of the hours for {revenue_share} of that revenue "
            "({hours}; profit per hour unknown: not every sale has its cost)",
            **shares,
        )
    # Profit, not revenue, per hour: said so, with the margin it rests on when one is assumed.
    figure = (
        t._("{amount} loss per hour", amount=money(t, cur, -per_hour))
        if per_hour < 0
        else t._("{amount} profit per hour", amount=money(t, cur, per_hour))
    )
    margin = assumed_margin(analysis, row)
    if margin is not None:
        figure += Markup(" ") + t._("at your usual {margin} margin", margin=t.percent(margin))
    return t._(
        "• {client}: {time_share} of the hours for {revenue_share} of that revenue "
        "({hours}, {per_hour})",
        per_hour=figure,
        **shares,
    )


def _more(t: Translator, count: int, shown: int = MAX_LISTED) -> Markup:
    return t._(" and {n} more: all in /clients", n=count - shown) if count > shown else Markup("")


def time_eaters_compared(t: Translator) -> Markup:
    """What a time-eater's two shares are shares of, said once under the heading."""
    return t._(
        "Share of the hours you recorded against share of the revenue of those same sales; "
        "each earns you less per hour than your average."
    )


def time_eaters_by_hours(analysis: TeamAnalysis) -> list[TimeEater]:
    """Time-eaters in the order of the figure read first: the largest share of the hours."""
    return sorted(analysis.time_eaters, key=lambda e: -e.time_share)


def _equal_clients(t: Translator, equivalent: float) -> Markup:
    low = int(equivalent)
    if float(equivalent).is_integer():
        return t.n_(
            "Your revenue is spread as if you had {equivalent} client.",
            "Your revenue is spread as if you had {equivalent} equal clients.",
            low,
            equivalent=t.number(low),
        )
    return t.n_(  # the noun agrees with the higher number, as in «3–4 одинаковых клиента»
        "Your revenue is spread as if you had {low} to {n} equal client.",
        "Your revenue is spread as if you had {low} to {n} equal clients.",
        low + 1,
        low=t.number(low),
    )
