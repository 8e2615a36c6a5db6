"""/clients: ten per page, name · grade · share, sortable, paging in the same message."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pandas as pd

from bot.render.explain import money
from bot.render.grade_words import grade_shown, no_grade_yet
from locales import Markup, Translator, escape
from locales.number_format import shown_fractions
from storage.callers import TeamView

PAGE = 10
SORTS = ("grade", "revenue", "profit")


@dataclass(frozen=True)
class Row:
    client_id: int
    name: str
    grade: str | None
    share: float | None
    revenue: int | None
    profit: int | None
    assumed: bool = False  # the profit rests on an assumed margin for sales without costs
    status_since: dt.date | None = None  # a listed prospect or declined client: since when


def active_rows(table: pd.DataFrame, sort: str) -> list[Row]:
    """Scored clients in the chosen order (best grade first, the ungraded last; most revenue or
    profit first)."""
    if sort == "revenue":
        order = np.lexsort((table.index.to_numpy(), -table["revenue"].to_numpy(float, na_value=0)))
    elif sort == "profit":
        order = np.lexsort(
            (table.index.to_numpy(), -table["profit"].to_numpy(float, na_value=-1e18))
        )
    else:
        order = np.lexsort(
            (
                table.index.to_numpy(),
                -table["score"].to_numpy(float),
                # No sale in the window, no grade yet: after every graded client.
                table["grade_index"].to_numpy(float, na_value=np.inf),
            )
        )
    picked = table.iloc[order]
    return [
        Row(
            int(i),
            str(name),
            grade if isinstance(grade, str) else None,
            None if pd.isna(share) else float(share),
            None if pd.isna(revenue) else int(revenue),
            None if pd.isna(profit) else int(profit),
            bool(assumed),
        )
        for i, name, grade, share, revenue, profit, assumed in zip(
            picked.index,
            picked["name"],
            picked["grade"],
            picked["revenue_share"],
            picked["revenue"],
            # The window's profit, as revenue beside it: no client's estimate of a year.
            picked["profit"],
            picked["uses_default_margin"],
            strict=True,
        )
    ]


def shown_shares(shares: Mapping[int, float]) -> dict[int, Decimal]:
    """Clients' revenue shares as /clients shows them, each rounded on its own, for
    `Translator.percent`: the card names a client's share as the list beside it does. A
    client with no sale in the window has no share there, and a share of 0 changes no other."""
    ids = list(shares)
    return dict(zip(ids, shown_fractions([shares[i] for i in ids]), strict=True))


def shown_revenue_shares(table: pd.DataFrame) -> dict[int, Decimal]:
    """Every client's revenue share as /clients shows it (`shown_shares` of the analysis
    table): a screen that names one client's share says what the list says. Worked out once
    per analysis table (an analysis is cached while the team's data stays the same): for
    10 000 clients it took ~35 ms of every card and /risk (bench_reading)."""
    known = _SHOWN.get(id(table))
    if known is not None and known[0]() is table:
        return known[1]
    shown = shown_shares(table["revenue_share"].dropna().to_dict())
    key = id(table)
    _SHOWN[key] = (weakref.ref(table, lambda _gone: _SHOWN.pop(key, None)), shown)
    return shown


# Analysis table (by id, while it lives) → its clients' shares as shown
_SHOWN: dict[int, tuple[weakref.ref[pd.DataFrame], dict[int, Decimal]]] = {}


def _grade_or_status(t: Translator, row: Row, which: str, scale: str) -> Markup:
    """The grade; for a declined client when they were declined (they leave the scoring, so
    "no grade yet" would say what is not so)."""
    if row.grade:
        return grade_shown(t, scale, row.grade)
    if which == "d":
        if row.status_since is None:  # declined before the day was recorded
            return t._("declined")
        return t._("declined on {date}", date=t.date(row.status_since))
    return no_grade_yet(t, scale)  # no sale in the window


def list_text(
    t: Translator,
    team: TeamView,
    rows: list[Row],
    page: int,
    title: Markup,
    sort: str,
    *,
    with_money: bool = True,
    which: str = "a",
) -> Markup:
    """One page; `with_money` False keeps the order but leaves out shares and amounts."""
    pages = max(1, -(-len(rows) // PAGE))
    lines = [title]
    # The shares as every screen says them: each rounded on its own from the amounts.
    shares = shown_shares({r.client_id: r.share for r in rows if r.share is not None and r.grade})
    for number, row in enumerate(rows[page * PAGE : (page + 1) * PAGE], start=page * PAGE + 1):
        # "1. 5 кофейня зерно" left the reader guessing what 5 was: the grade says its word.
        parts = [
            Markup(f"{number}. ") + escape(row.name),
            _grade_or_status(t, row, which, team.grade_scale),
        ]
        if with_money and row.client_id in shares:  # no sale in the window (no grade): no 0 %
            # "· 92 %" alone left the reader asking 92 % of what (the Kazan reader, rucopy).
            parts.append(t._("{share} of revenue", share=t.percent(shares[row.client_id])))
        # Said as the window's, not a year's estimate as on the card ("≈ € 229" here beside
        # "€ 261 per jaar" there read as two profits of one client to a checker).
        if with_money and sort == "revenue" and row.revenue is not None:
            amount = money(t, team.currency, row.revenue)
            parts.append(t._("revenue over 12 months: {amount}", amount=amount))
        if with_money and sort == "profit" and row.profit is not None:
            # "≈": the profit rests on an assumed margin for sales without costs.
            approx = Markup("≈ ") if row.assumed else Markup("")
            amount = approx + escape(money(t, team.currency, row.profit))
            parts.append(t._("profit over 12 months: {amount}", amount=amount))
        lines.append(Markup(" · ").join(parts))
    if pages > 1:
        lines.append(t._("Page {page} of {pages}", page=page + 1, pages=pages))
    return Markup("\n").join(lines)
