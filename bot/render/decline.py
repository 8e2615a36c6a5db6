"""/decline: clients to consider letting go, why, and what declining would risk."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from bot.kit.callbacks import pack
from bot.render.buttons import Buttons, yes_or_no
from bot.render.explain import (
    about_money,
    amounts_note,
    late_invoices_of,
    money,
    number_or_none,
    owed_money,
)
from bot.render.money_figure import revenue_share
from locales import Markup, Translator, escape
from scoring import DeclineCandidate, NearCandidate, References, TeamAnalysis
from scoring.decline import MIN_TO_RANK
from storage.callers import TeamView

MAX_REASONS = 3  # in a digest line


def candidate_text(
    t: Translator,
    team: TeamView,
    candidate: DeclineCandidate,
    row: Any,
    names: Mapping[int, str],
    position: int,
    total: int,
    references: References,
    *,
    decides: bool,
) -> Markup:
    """One candidate; `decides`: the reader may decide (an admin, or a solo specialist), else
    an admin decides and the card says so."""
    cur = team.currency
    lines = [
        t._("<b>Consider letting go</b> · {position} of {total}", position=position, total=total),
        Markup("<b>") + escape(names.get(candidate.client_id, "?")) + Markup("</b>"),
    ]
    # A single purchase is no year: "about € 1.075 a year less" would scale it to one.
    if candidate.cost_to_team and not bool(row["so_far"]):
        lines.append(
            t._(
                "They bring about {amount} a year less than a typical client.",
                amount=about_money(t, cur, candidate.cost_to_team),
            )
        )
    why = reasons_text(t, cur, candidate.reasons, row, references)
    lines.append(t._("Why: {reasons}.", reasons=why))
    if candidate.risks:
        risks = [_risk(t, team, risk.code, risk.client_id, row, names) for risk in candidate.risks]
        lines.append(t._("Think of: {risks}.", risks=Markup(" · ").join(risks)))
    if decides:
        lines.append(t._("Kompas only proposes: you decide."))
    else:
        lines.append(t._("Kompas only proposes: an admin decides."))
    # A loss without VAT beside what they owe with it: the note says which is which.
    owes = any(risk.code == "owes_money" for risk in candidate.risks)
    note = amounts_note(t, team, owed=owes)
    if note is not None:
        lines.append(note)
    return Markup("\n").join(lines)


YEARLY_REASONS = frozenset({"unprofitable", "low_profit", "low_revenue"})


def reasons_text(
    t: Translator, cur: str, codes: Sequence[str], row: Any, references: References
) -> Markup:
    """The reasons as true, concrete figures: amounts against the team, counts, not rates."""
    return Markup(" · ").join(_reason(t, cur, code, row, references) for code in codes)


def nearest_text(t: Translator, team: TeamView, analysis: TeamAnalysis) -> Markup:
    """Nobody is proposed: who came closest and what keeps each off the list."""
    lines = [t._("Nobody to consider letting go right now. Closest to the list:")]
    for near in analysis.decline_nearest:
        line = _near_line(t, team, analysis, near)
        if line is not None:
            lines.append(line)
    if len(lines) > 1:
        return Markup("\n").join(lines)
    if any(near.why_not == "few_clients" for near in analysis.decline_nearest):
        # Not "nobody to let go 👍": with too few clients nobody was weighed (Russian reader).
        return t._("With so few clients there is nothing to compare yet.")
    return t._("Nobody to consider letting go right now. 👍")


def _near_line(
    t: Translator, team: TeamView, analysis: TeamAnalysis, near: NearCandidate
) -> Markup | None:
    """ "Client: what is against them, but what keeps them off"; None with nothing against them
    (a new client, one of a team of equals: naming them as close to the list would say what is
    not so, issue 20, the Russian reader)."""
    names = analysis.names
    row = analysis.clients.loc[near.client_id]
    reasons = _shown_reasons(near, row)
    if not reasons and near.why_not != "kept":
        return None
    why_not = _why_not(t, team.currency, near, row)
    client = names.get(near.client_id, "?")
    if not reasons:
        return t._("{client}: {why_not}", client=client, why_not=why_not)
    return t._(
        "{client}: {reasons}, but {why_not}",
        client=client,
        reasons=reasons_text(t, team.currency, reasons, row, analysis.references),
        why_not=why_not,
    )


def _shown_reasons(near: NearCandidate, row: Any) -> tuple[str, ...]:
    if bool(row["short_history"]):  # under 90 days of history: no year's money to cite
        return tuple(r for r in near.reasons if r not in YEARLY_REASONS)
    return near.reasons


def not_a_candidate(
    t: Translator, team: TeamView, analysis: TeamAnalysis, client_id: int, client: str
) -> Markup | None:
    """`/decline <client>` for a scored client it does not propose: which rule keeps them off,
    with what is against them (None for a client the analysis does not score)."""
    near = analysis.decline_off.get(client_id) if analysis.decline_off is not None else None
    if near is None:
        return None
    row = analysis.clients.loc[client_id]
    reasons = _shown_reasons(near, row)
    why_not = _why_not(t, team.currency, near, row)
    if not reasons:
        return t._(
            "{client} isn't among the clients to consider letting go: {why_not}.",
            client=client,
            why_not=why_not,
        )
    return t._(
        "{client} isn't among the clients to consider letting go. Against them: {reasons}; "
        "but {why_not}.",
        client=client,
        reasons=reasons_text(t, team.currency, reasons, row, analysis.references),
        why_not=why_not,
    )


def digest_line(
    t: Translator, team: TeamView, analysis: TeamAnalysis, candidate: DeclineCandidate
) -> Markup:
    """One candidate in the weekly digest: the name and the first reasons."""
    row = analysis.clients.loc[candidate.client_id]
    codes = candidate.reasons[:MAX_REASONS]
    return t._(
        "{client}: {reasons}.",
        client=str(row["name"]),
        reasons=reasons_text(t, team.currency, codes, row, analysis.references),
    )


# The reasons said as a sum of money (a year's profit or revenue, per hour worked).
_MONEY_CODES = YEARLY_REASONS | {"low_profit_per_hour"}


def digest_line_in_money(candidate: DeclineCandidate) -> bool:
    """Whether the candidate's digest line names a sum of money (the amounts note covers it)."""
    return any(code in _MONEY_CODES for code in candidate.reasons[:MAX_REASONS])


def _reason(t: Translator, cur: str, code: str, row: Any, refs: References) -> Markup:
    profit = number_or_none(row["annual_profit"])
    if bool(row["so_far"]) and code in YEARLY_REASONS:
        return _so_far(t, cur, code, row, refs)
    if code == "unprofitable":
        return t._("they lose you {amount} a year", amount=money(t, cur, -(profit or 0)))
    if code == "low_profit":
        if refs.median_annual_profit is None:
            return t._(
                "among your least profitable ({amount} a year)", amount=money(t, cur, profit)
            )
        return t._(
            "profit {amount} a year (team {median})",
            amount=money(t, cur, profit),
            median=money(t, cur, refs.median_annual_profit),
        )
    if code == "low_revenue":
        return t._(
            "revenue {amount} a year (team {median})",
            amount=money(t, cur, number_or_none(row["annual_revenue"])),
            median=money(t, cur, refs.median_annual_revenue),
        )
    if code == "low_profit_per_hour":
        return t._(
            "{amount} per hour worked (team {median})",
            amount=money(t, cur, number_or_none(row["profit_per_hour"])),
            median=money(t, cur, refs.median_profit_per_hour),
        )
    if code == "complaints":
        return t.n_("{n} complaint", "{n} complaints", int(row["complaints"]))
    if code == "late_payments":
        return late_invoices_of(t, row)
    if code == "low_rating":
        return t._(
            "team rating {rating} of 5", rating=t.number(float(row["judgement"]), decimals=1)
        )
    if code == "time_eater":
        return t._("{share} of your hours", share=t.percent(float(row["time_share"])))
    if code == "poor_fit":
        return t._("a poor fit with your ideal client")
    return escape(code)


def _so_far(t: Translator, cur: str, code: str, row: Any, refs: References) -> Markup:
    """A young client's single purchase is never scaled to a year (scoring.client_table): said
    as what they brought so far, the words and figure the card uses ("verlies € 115 tot nu
    toe"), beside the team's yearly median."""
    if code == "low_revenue":
        return t._(
            "revenue {amount} so far (team {median} a year)",
            amount=money(t, cur, number_or_none(row["revenue"])),
            median=money(t, cur, refs.median_annual_revenue),
        )
    profit = number_or_none(row["profit"]) or 0
    if code == "unprofitable":
        return t._("they lose you {amount} so far", amount=money(t, cur, -profit))
    if refs.median_annual_profit is None:
        return t._("profit {amount} so far", amount=money(t, cur, profit))
    return t._(
        "profit {amount} so far (team {median} a year)",
        amount=money(t, cur, profit),
        median=money(t, cur, refs.median_annual_profit),
    )


def _why_not(t: Translator, cur: str, near: NearCandidate, row: Any) -> Markup:
    code = near.why_not
    if code == "no_signal":
        if int(row["late_payments"]) or int(row["late_unpaid"]):  # late, as the team's others
            return t._(
                "no complaints or other warning signs, and no more late payments than your "
                "other clients"
            )
        return t._("no complaints, late payments or other warning signs")
    if code == "not_low":
        if near.ranked_by == "revenue":
            return t._(
                "their revenue ({amount} a year) is not among your lowest",
                amount=money(t, cur, number_or_none(row["annual_revenue"])),
            )
        return t._(
            "their profit ({amount} a year) is not among your lowest",
            amount=money(t, cur, number_or_none(row["annual_profit"])),
        )
    if code == "young":
        history = row["history_days"]
        if int(row["tenure_days"]) >= 90 and not pd.isna(history):
            # An old client in a team that recorded its first sale lately.
            return t._(
                "too early: your sales go back only {days}",
                days=t.n_("{n} day", "{n} days", int(history)),
            )
        days = int(row["tenure_days"])
        if days == 0:  # "pas 0 dagen klant" / «клиент всего 0 дней»: nobody says so
            return t._("too new: a client since today")
        return t._("too new: a client for {days}", days=t.n_("{n} day", "{n} days", days))
    if code == "kept":
        return t._("you chose to keep them for now")
    if code == "good_grade":
        return t._("their grade is still above the middle")
    if code == "few_clients":
        # The rule, with the count it rests on: a fifth of fewer than five says nothing.
        return t.n_(
            "too few clients to compare yet: {n} current client has been with you for 90 days "
            "or more, and ranking needs {needed}",
            "too few clients to compare yet: {n} current clients have been with you for 90 days "
            "or more, and ranking needs {needed}",
            near.compared,
            needed=MIN_TO_RANK,
        )
    if code == "lapsed":
        return t._("they haven't bought in a long while, and the list weighs current clients")
    return escape(code)


def _risk(
    t: Translator,
    team: TeamView,
    code: str,
    client_id: int | None,
    row: Any,
    names: Mapping[int, str],
) -> Markup:
    other = names.get(client_id or 0, "?")
    if code == "referred_ideal_client":
        return t._("they brought you {client}, an ideal client who may hear of it", client=other)
    if code == "referred_by_ideal_client":
        return t._("{client}, an ideal client, sent them to you", client=other)
    if code == "big_revenue_share":
        share = revenue_share(t, float(row["revenue_share"]), team.concentration_threshold)
        return t._("{share} of your revenue goes with them", share=share)
    if code == "owes_money":
        return t._(
            "they still owe you {amount}", amount=owed_money(t, team.currency, int(row["owed"]))
        )
    if code == "team_likes_them":
        return t._("the team likes working with them")
    return escape(code)


def candidate_buttons(
    t: Translator, team_id: int, client_id: int, index: int, count: int
) -> Buttons:
    """Decline…, Keep, Later under a candidate; ‹ › with more than one."""
    buttons = [
        [
            (t._("Decline…"), pack("dec", team_id, client_id)),
            (t._("Keep"), pack("kp", team_id, client_id)),
            (t._("Later"), pack("dl", team_id, index + 1)),
        ]
    ]
    if count > 1:
        buttons.append(
            [("‹", pack("dl", team_id, index - 1)), ("›", pack("dl", team_id, index + 1))]
        )
    return buttons


def decline_question(
    t: Translator, team_id: int, client_id: int, client: str, *, owed: int = 0, currency: str
) -> tuple[Markup, Buttons]:
    """Declining is a real decision: what it does, what the client still owes (as /decline's
    list warns), then Yes or No."""
    text = t._(
        "Decline {client}? They leave the scoring and the alarms; their history "
        "stays, and you can undo this for 24 hours.",
        client=client,
    )
    if owed > 0:
        owing = t._("they still owe you {amount}", amount=owed_money(t, currency, owed))
        text = Markup("\n").join((text, t._("Think of: {risks}.", risks=owing)))
    return text, yes_or_no(
        t, t._("Yes, decline"), pack("decok", team_id, client_id), pack("card", team_id, client_id)
    )


def declined(t: Translator, client: str) -> Markup:
    return t._("{client} is declined.", client=client)


def kept(t: Translator, client: str) -> Markup:
    return t._("Keeping {client}. I won't propose them again for three months.", client=client)


def taken_back(t: Translator, client: str) -> Markup:
    return t._("{client} is a client again.", client=client)
