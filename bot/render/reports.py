"""/client, /clients and /risk on a phone: a card's buttons and its words for a client with
no grade, a page of the list with its number, sort and page buttons, and the risk page."""

from __future__ import annotations

from collections.abc import Sequence

from bot.kit.callbacks import pack
from bot.render.buttons import Buttons
from bot.render.lists import PAGE, Row, list_text
from bot.render.risk import risk_pages
from locales import Markup, Translator
from scoring import TeamAnalysis
from storage.callers import TeamView
from storage.models import ClientStatus


def whose_card(t: Translator) -> Markup:
    return t._("Whose card shall I show? Type (part of) the name.")


def status_text(t: Translator, name: str, status: str) -> Markup:
    """The card of a client without a grade: a prospect, a declined client, or no sales yet."""
    title = Markup("<b>") + name + Markup("</b>")
    if status == ClientStatus.PROSPECT:
        return (
            title
            + Markup("\n")
            + t._("A prospect: no sales yet. /check tells you whether they fit.")
        )
    if status == ClientStatus.DECLINED:
        return title + Markup("\n") + t._("Declined: left out of the scoring, history kept.")
    return title + Markup("\n") + t._("No sales in the scoring window yet, so no grade.")


def card_buttons(t: Translator, team_id: int, client_id: int, status: str) -> Buttons:
    """What can be done from a card: details, the dialogs about this client, decline or take
    back, by the client's status."""

    def act(label: str, dialog: str) -> tuple[str, str]:
        return label, pack("act", team_id, dialog, client_id)

    rows: Buttons = []
    if status == ClientStatus.ACTIVE:
        rows.append(
            [
                (t._("Details"), pack("det", team_id, client_id)),
                act(t._("Rate"), "rate"),
                act(t._("Sale"), "sale"),
            ]
        )
    else:
        rows.append([act(t._("Sale"), "sale"), act(t._("Rate"), "rate")])
    rows.append(
        [
            act(t._("Complaint"), "complaint"),
            act(t._("Referral"), "refer"),
            act(t._("Edit"), "edit"),
        ]
    )
    if status == ClientStatus.DECLINED:
        rows.append([(t._("Take back"), pack("keep", team_id, client_id))])
    elif status == ClientStatus.ACTIVE:
        rows.append([(t._("Decline…"), pack("dec", team_id, client_id))])
    return rows


def back_to_card(t: Translator, team_id: int, client_id: int) -> Buttons:
    return [[(t._("‹ Back"), pack("card", team_id, client_id))]]


def list_page(
    t: Translator,
    team: TeamView,
    rows: list[Row],
    which: str,
    sort: str,
    sorts: Sequence[str],
    page: int,
    *,
    with_money: bool,
) -> tuple[Markup, Buttons]:
    """One page of /clients (`which`: a active, p prospects, d declined): a number button per
    client, the sorts shown (✓ the current one) and ‹ ›; with nobody, what to do instead."""
    if which == "a":
        title = t.n_("<b>{n} client</b>", "<b>{n} clients</b>", len(rows))
    elif which == "p":
        title = t.n_("<b>{n} prospect</b>", "<b>{n} prospects</b>", len(rows))
    else:
        title = t.n_("<b>{n} declined client</b>", "<b>{n} declined clients</b>", len(rows))
    if not rows:
        empty = {
            "a": t._("Nobody here yet. Add someone with /add."),
            "p": t._("No prospects yet. /check tells you whether someone fits."),
            "d": t._("You haven't declined anyone."),
        }[which]
        return empty, []
    pages = -(-len(rows) // PAGE)
    page = min(max(page, 0), pages - 1)
    text = list_text(t, team, rows, page, title, sort, with_money=with_money, which=which)
    team_id = team.id
    shown = rows[page * PAGE : (page + 1) * PAGE]
    numbers = [
        (str(page * PAGE + i + 1), pack("card", team_id, row.client_id))
        for i, row in enumerate(shown)
    ]
    buttons: Buttons = [numbers[:5], numbers[5:]]
    if which == "a" and len(sorts) > 1:
        labels = {
            "grade": t._("By grade"),
            "revenue": t._("By revenue"),
            "profit": t._("By profit"),
        }
        buttons.append(
            [
                (("✓ " if s == sort else "") + labels[s], pack("cl", team_id, which, s, 0))
                for s in sorts
            ]
        )
    nav = []
    if page > 0:
        nav.append(("‹", pack("cl", team_id, which, sort, page - 1)))
    if page + 1 < pages:
        nav.append(("›", pack("cl", team_id, which, sort, page + 1)))
    buttons.append(nav)
    return text, [row for row in buttons if row]


def risk_page(
    t: Translator, team: TeamView, analysis: TeamAnalysis, page: int
) -> tuple[Markup, Buttons]:
    """One page of /risk, with ‹ › to the others (paging edits the same message)."""
    pages = risk_pages(t, team, analysis)
    page = min(max(page, 0), len(pages) - 1)
    nav = []
    if page > 0:
        nav.append(("‹", pack("rk", team.id, page - 1)))
    if page + 1 < len(pages):
        nav.append(("›", pack("rk", team.id, page + 1)))
    return pages[page], [nav] if nav else []
