"""/clients: ten per page, name · grade · share, sortable, paging in the same message."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from bot.render.explain import money
from bot.render.grade_words import grade_shown, no_grade_yet
from bot.render.money_figure import revenue_share
from locales import Markup, Translator, escape
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
    for number, row in enumerate(rows[page * PAGE : (page + 1) * PAGE], start=page * PAGE + 1):
        # "1. 5 кофейня зерно" left the reader guessing what 5 was: the grade says its word.
        parts = [
            Markup(f"{number}. ") + escape(row.name),
            _grade_or_status(t, row, which, team.grade_scale),
        ]
        if with_money and row.share is not None and row.grade:  # no sale in the window: no 0 %
            # "· 92 %" alone left the reader asking 92 % of what (the Kazan reader, rucopy).
            share = revenue_share(t, row.share, team.concentration_threshold)
            parts.append(t._("{share} of revenue", share=share))
        # Said as the window's, not a year's estimate as on the card ("≈ € 229" here beside
        # "€ 261 per jaar" there read as two profits of one client to a checker).
        if with_money and sort == "revenue" and row.revenue is not None:
            amount = money(t, team.currency, row.revenue)
            parts.append(t._("revenue over 12 months: {amount}", amount=amount))
        if with_money and sort == "profit" and row.profit is not None:
            # "≈": the profit rests on an assumed margin for sales without costs.
            approx = Markup("≈ ") if row.assumed else Markup("")
            amount = approx + escape(money(t, team.currency, abs(row.profit)))
            if row.profit < 0:  # a loss said as one, as the card says it ("€ -850" read oddly)
                parts.append(t._("loss over 12 months: {amount}", amount=amount))
            else:
                parts.append(t._("profit over 12 months: {amount}", amount=amount))
        lines.append(Markup(" · ").join(parts))
    if pages > 1:
        lines.append(t._("Page {page} of {pages}", page=page + 1, pages=pages))
    return Markup("\n").join(lines)
