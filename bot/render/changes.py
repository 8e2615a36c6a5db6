"""Confirmations of changes: what happened, in the user's words. The kit's `Turn.confirm`
sends them with their ↩ Undo button; `undone` says what a press of it did."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd

from bot.render.grade_words import grade_said
from bot.render.sales import spoken_day
from bot.render.settings import setting_back
from locales import N_, Markup, Translator
from scoring import TeamAnalysis
from storage.callers import TeamView

UNDONE_OTHER = N_("Undone.")  # a message id of its own: nested in _(…) it is not extracted
UNDONE = {
    "client_created": N_("Undone: the client is gone again."),
    "sale_created": N_("Undone: the sale is gone again."),
    "sale_and_client_created": N_("Undone: the sale is gone again, and so is the new client."),
    "sale_updated": N_("Undone: the sale is back as it was."),
    "sale_deleted": N_("Undone: the sale is back."),
    "sales_paid": N_("Undone: those sales are open again."),
    "referral_created": N_("Undone: the referral is gone again."),
    "complaint_created": N_("Undone: the complaint is gone again."),
    "compliment_created": N_("Undone: the compliment is gone again."),
    "ratings_created": N_("Undone: your earlier rating counts again."),
    "client_updated": N_("Undone: the client's details are back as they were."),
    "client_status": N_("Undone: the client's status is back as it was."),
    "team_settings": N_("Undone: the setting is back as it was."),
    "profile_created": N_("Undone: the profile is gone again."),
    "profile_changed": N_("Undone: the profile is back as it was."),
    "profile_deleted": N_("Undone: the profile is back."),
}


def undone(
    t: Translator,
    action: str,
    undo: Any = None,
    currency: str = "EUR",
    *,
    by: tuple[str, str] | None = None,
    now: dt.datetime | None = None,
) -> Markup:
    """What an ↩ Undo press did, by the kind of change it reversed; a reversed payment says
    the money it puts back as owed, when its `undo` payload kept the amount. `by`: (whose
    change it was, the admin who took it back) when those are two people."""
    paid = undo.get("amount") if isinstance(undo, dict) else None
    if action == "sales_paid" and isinstance(paid, int):
        text = t._("Undone: {amount} is open again.", amount=t.money(paid, currency))
    elif action == "ratings_created" and isinstance(undo, dict) and not undo.get("earlier", True):
        text = t._("Undone: your rating is gone again.")
    elif action == "team_settings" and isinstance(undo, dict) and now is not None:
        back = setting_back(t, undo.get("before", {}), currency=currency, now=now)
        text = back if back is not None else t._(UNDONE[action])
    else:
        text = t._(UNDONE.get(action, UNDONE_OTHER))
    if by is None:
        return text
    author, admin = by
    whose = t._(
        "{author} made this change; {admin}, an admin, took it back.", author=author, admin=admin
    )
    return Markup("\n").join((text, whose))


def undone_sale(
    t: Translator,
    done: str,
    team: TeamView,
    sale: tuple[int, str, dt.date],
    today: dt.date,
) -> Markup:
    """What /undo did, then which sale (amount, client, day) it took back: in a group the
    caller's last change may lie behind several sales of others (a Dutch reader could only
    tell which from /sales)."""
    amount, client, day = sale
    which = t._(
        "It was {amount} from {client}, {date}.",
        amount=t.money(amount, team.currency),
        client=client,
        date=spoken_day(t, day, today),
    )
    return Markup("\n").join((done, which))


def nothing_to_undo(t: Translator, latest_by: str | None = None) -> Markup:
    """/undo with no change of the caller's left to take back; whose the team's latest change
    is, when someone else's can still be taken back (by them, or an admin with its button)."""
    text = t._("Nothing to undo: you have no change from the last 24 hours to take back here.")
    if latest_by is None:
        return text
    whose = t._(
        "The latest change here is {author}'s: only they or an admin can take it back, with "
        "the ↩ Undo button under it.",
        author=latest_by,
    )
    return Markup("\n").join((text, whose))


def stopped_instead(t: Translator, stopped: Markup) -> Markup:
    """/undo sent while a question was open: that question stopped, no change taken back."""
    again = t._("Your last change stays; to take it back, send /undo once more.")
    return Markup("\n").join((stopped, again))


def grade_news(
    t: Translator,
    before: TeamAnalysis,
    after: TeamAnalysis,
    client_id: int,
    *,
    with_share: bool = True,
) -> list[Markup]:
    """What a sale or rating did to the client, from the team's one analysis: the grade (and
    from what, when it moved), and a revenue share that crossed the watch level or the team's
    threshold. With too few clients for alarms, only the threshold, said without an alarm."""
    if client_id not in after.clients.index:
        return []
    row = after.clients.loc[client_id]
    grade = None if pd.isna(row["grade"]) else str(row["grade"])
    was = _grade_before(before, client_id)
    lines = (
        []  # no sale in the window: no grade to tell
        if grade is None
        else [
            grade_said(
                t,
                after.grade_scale,
                grade,
                was if was and was != grade else None,
                provisional=bool(row["young"]),
            )
        ]
    )
    share = _share(row["revenue_share"])
    old = _share(before.clients.loc[client_id, "revenue_share"]) if was else 0.0
    settings, concentration = after.settings, after.concentration
    # With too few clients for alarms (DESIGN "Few clients") only the team's own threshold is
    # news, and a lone buyer's 100 % is no news at all (clients added without a sale change
    # nothing: the team's first sale is no alarm, the florist's week).
    levels = (
        (settings.watch_threshold, settings.concentration_threshold)
        if concentration.alarms_enabled
        else (settings.concentration_threshold,)
        if concentration.paying_clients > 1
        else ()
    )
    crossed = [level for level in levels if old < level <= share + 1e-12]
    if not with_share:
        crossed = []  # the team keeps money figures for its admins (/settings)
    # The confirmation above names the client already (a Dutch reader read the name twice).
    if crossed and bool(row["over_reliant"]):
        lines.append(
            t._(
                "This client is now {share} of your revenue, above your limit of {limit}.",
                share=t.percent(share),
                limit=t.percent(settings.concentration_threshold),
            )
        )
    elif crossed:
        lines.append(t._("This client is now {share} of your revenue.", share=t.percent(share)))
    return lines


def grade_moved(
    t: Translator, before: TeamAnalysis, after: TeamAnalysis, client_id: int
) -> Markup | None:
    """ "Beoordeling: B (was A)." when a note moved the client's grade, else None: a
    complaint that silently moves a card is news the person who typed it should hear. The
    confirmation above it names the client already (a Russian reader read the name twice)."""
    if client_id not in after.clients.index:
        return None
    was, grade = _grade_before(before, client_id), after.clients.loc[client_id, "grade"]
    if not was or pd.isna(grade) or was == grade:
        return None
    # In the scale's own word, as after a sale: "Cijfer: 5 (was 6)." on a 1–10 team (a
    # Dutch reader read "De beoordeling is nu 5" beside every other screen's "cijfer")
    return grade_said(t, after.grade_scale, str(grade), was)


def _grade_before(before: TeamAnalysis, client_id: int) -> str | None:
    """The grade the client had before, if any: a client without a sale in the window (one just
    added, or created by the very line that records their first sale) had none to speak of."""
    if client_id not in before.clients.index:
        return None
    grade = before.clients.loc[client_id, "grade"]
    return None if pd.isna(grade) else str(grade)


def _share(value: object) -> float:
    share = float(value)  # type: ignore[arg-type]
    return 0.0 if math.isnan(share) else share
