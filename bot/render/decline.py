"""/decline: clients to consider letting go, why, and what declining would risk."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.render.explain import money, owed_money
from locales import Markup, Translator, escape
from scoring import DeclineCandidate
from storage.callers import TeamView


def candidate_text(
    t: Translator,
    team: TeamView,
    candidate: DeclineCandidate,
    row: Any,
    names: Mapping[int, str],
    position: int,
    total: int,
) -> Markup:
    cur = team.currency
    lines = [
        t._("<b>Consider letting go</b> · {position} of {total}", position=position, total=total),
        Markup("<b>") + escape(names.get(candidate.client_id, "?")) + Markup("</b>"),
    ]
    if candidate.cost_to_team:
        lines.append(
            t._(
                "They cost you about {amount} a year compared with a typical client.",
                amount=money(t, cur, candidate.cost_to_team),
            )
        )
    why = [_reason(t, cur, code, candidate, row) for code in candidate.reasons]
    lines.append(t._("Why: {reasons}.", reasons=Markup(" · ").join(why)))
    if candidate.risks:
        risks = [_risk(t, cur, risk.code, risk.client_id, row, names) for risk in candidate.risks]
        lines.append(t._("Think of: {risks}.", risks=Markup(" · ").join(risks)))
    lines.append(t._("Kompas only proposes: you decide."))
    return Markup("\n").join(lines)


def _reason(t: Translator, cur: str, code: str, candidate: DeclineCandidate, row: Any) -> Markup:
    if code == "unprofitable":
        return t._("they lose you {amount} a year", amount=money(t, cur, -candidate.annual_profit))
    if code == "low_profit":
        return t._(
            "among your least profitable ({amount} a year)",
            amount=money(t, cur, candidate.annual_profit),
        )
    if code == "complaints":
        return t.n_("{n} complaint", "{n} complaints", int(row["complaints"]))
    if code == "late_payments":
        return t._(
            "{share} of invoices paid late", share=t.percent(float(row["late_payment_rate"]))
        )
    if code == "poor_fit":
        return t._("a poor fit with your ideal client")
    if code == "time_eater":
        return t._("they take far more of your time than they bring in")
    return escape(code)


def _risk(
    t: Translator, cur: str, code: str, client_id: int | None, row: Any, names: Mapping[int, str]
) -> Markup:
    other = names.get(client_id or 0, "?")
    if code == "referred_ideal_client":
        return t._("they brought you {client}, an ideal client who may hear of it", client=other)
    if code == "referred_by_ideal_client":
        return t._("{client}, an ideal client, sent them to you", client=other)
    if code == "big_revenue_share":
        return t._(
            "{share} of your revenue goes with them", share=t.percent(float(row["revenue_share"]))
        )
    if code == "owes_money":
        return t._("they still owe you {amount}", amount=owed_money(t, cur, int(row["owed"])))
    if code == "team_likes_them":
        return t._("the team likes working with them")
    return escape(code)


def decline_letter(t: Translator, client: str, last_day: str) -> Markup:
    """A polite message in the team's language, to copy and send."""
    return t._(
        "Dear {client},\n\nThank you for working with us. We have looked at our "
        "planning and see that we can no longer give you the attention you deserve, so "
        "from {date} we will not take on new work for you. Everything we agreed will of "
        "course be finished properly, and we are happy to suggest someone who suits you "
        "better.\n\nKind regards,",
        client=client,
        date=last_day,
    )
