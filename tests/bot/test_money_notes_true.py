"""The figures a checker recomputed by hand (round 4): the VAT note says what the amounts beside
it are (money owed is the invoice's, VAT in it), the digest never drops that note, hours are
exact wherever they are shown and multiply to the money beside them, the chart's running share
reads 100 % only when it is, and the digest's first line says which week its counts are of.

Every figure is worked out by hand from the amounts typed here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import Engine

from bot.kit.telegram_html import html_to_text
from bot.render.chart_figures import chart_rows
from bot.render.digest import render_digest
from bot.render.digest_screen import PHONE_LINES
from locales import translator
from scoring import analyse
from scoring.analysis import TeamAnalysis
from scoring.snapshots import WeekChanges
from storage import demo
from storage.analysis import changes_so_far, team_analysis
from storage.callers import team_view
from storage.engine import new_session
from storage.models import Client, Sale, Team
from tests.bot.test_digest_order import TEAM
from tests.chat import Chat
from tests.factories import NOW, make_client, make_sale, make_team, rows
from tests.scoring import factories as frames

GROUP = -4400
TODAY = dt.date(2026, 11, 23)  # the chat's today (tests/conftest.py clock)

NOTES = {
    "nl": {
        "net": "Bedragen zonder btw (21% eraf gehaald).",
        "owed": "Openstaande bedragen zoals gefactureerd, inclusief 21% btw.",
        "both": "Bedragen zonder btw (21% eraf gehaald); openstaande bedragen zoals "
        "gefactureerd, met btw.",
    },
    "ru": {
        "net": "Суммы без НДС (вычтено 21 %).",
        "owed": "Долги — как в счетах, с НДС 21 %.",
        "both": "Суммы без НДС (вычтено 21 %); долги — как в счетах, с НДС.",
    },
}


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _vat_group(engine: Engine, locale: str = "nl") -> Team:
    """A group that types amounts with 21 % VAT and invoices with 14 days to pay."""
    return make_team(
        engine,
        chat_id=GROUP,
        owner_id=21,
        locale=locale,
        currency="EUR",
        amounts_include_vat=True,
        vat_rate=0.21,
        payment_days=14,
    )


# Open invoices as typed, VAT in them: € 968 is € 800 + 21 %, € 2.420 is € 2.000 + 21 %.
INVOICES = {"Bakkerij": 968_00, "Hotel": 2_420_00, "Kapper": 726_00, "Garage": 1_420_00}


@pytest.mark.parametrize(
    ("locale", "command", "heading", "amounts"),
    [
        ("nl", "/risico", "💰 Openstaand", ("€ 968", "€ 2.420", "€ 726", "€ 1.420")),
        ("ru", "/risk", "💰 Вам должны", ("968 €", "2 420 €", "726 €", "1 420 €")),
    ],
)
async def test_risk_says_money_owed_is_as_invoiced_with_vat(
    chat: Chat, sqlite_engine: Engine, locale: str, command: str, heading: str, amounts: tuple
) -> None:  # type: ignore[type-arg]
    """Finding 1: the page of open invoices showed € 968 (with VAT, as owed) under "Bedragen
    zonder btw (21% eraf gehaald)"."""
    owner = chat.person(21, "Sanne", locale)
    chat.group(GROUP, "Studio", creator=owner)
    team = _vat_group(sqlite_engine, locale)
    for name, amount in INVOICES.items():
        client = make_client(sqlite_engine, team, name)
        make_sale(
            sqlite_engine, team, client, amount, sold_on=dt.date(2026, 11, 1),
            due_on=dt.date(2026, 11, 15),
        )  # fmt: skip
    first = await chat.send(owner, command, chat=GROUP)
    pages = await chat.all_pages(owner, first, chat=GROUP)
    shown = next(page for m in pages.messages if heading in (page := _plain(html_to_text(m.text))))
    for amount in amounts:  # the invoices as typed, VAT in them: what the client has to pay
        assert amount in shown, shown
    lines = shown.splitlines()
    # No time-eaters, so the invoices are the only amounts: the note says what they are.
    assert NOTES[locale]["owed"] in lines, shown
    assert NOTES[locale]["net"] not in lines, shown


async def test_risk_with_net_and_owed_amounts_says_which_is_which(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """A time-eater's profit per hour (without VAT) and open invoices (with it) in one reply:
    its note names both."""
    owner = chat.person(21, "Sanne", "nl")
    chat.group(GROUP, "Studio", creator=owner)
    team = _vat_group(sqlite_engine)
    for name, amount in INVOICES.items():
        client = make_client(sqlite_engine, team, name)
        make_sale(
            sqlite_engine, team, client, amount, sold_on=dt.date(2026, 11, 1),
            due_on=dt.date(2026, 11, 15), minutes=6000 if name == "Bakkerij" else 60,
            cost=amount // 2,
        )  # fmt: skip
    first = await chat.send(owner, "/risico", chat=GROUP)
    pages = await chat.all_pages(owner, first, chat=GROUP)
    text = _plain(pages.text)
    assert "Tijdvreters" in text and "winst per uur" in text, text
    assert "€ 968" in text, text
    assert text.splitlines().count(NOTES["nl"]["both"]) == 1, text


def _demo_with_vat(engine: Engine, locale: str) -> Team:
    """The demo agency (every flag news in its first week: a full digest), typing its
    amounts with 21 % VAT."""
    team = _vat_group(engine, locale)
    with new_session(engine) as session:
        demo.seed_demo(session=session, team=team, today=TODAY, now=NOW)
        session.commit()
    return team


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_a_full_digest_keeps_its_vat_note_and_cuts_the_least_important(
    sqlite_engine: Engine, locale: str
) -> None:
    """Finding 2: a full digest dropped its note (with the trend and the ideal-client line)
    and mixed "verlies € 115 per jaar" (without VAT) with "€ 2.420 te laat" (with) unsaid."""
    team = _demo_with_vat(sqlite_engine, locale)
    with new_session(sqlite_engine) as session:
        view = team_view(session=session, team_id=team.id or 0)
        assert view is not None
        analysis = team_analysis(session=session, team=view, today=TODAY).analysis
        changes = changes_so_far(session=session, team=view, analysis=analysis, today=TODAY)
    t = translator(locale)
    digest = render_digest(t, view, analysis, changes, week_label="week 48", late=False)
    lines = _plain(html_to_text(str(digest.group_text))).splitlines()
    assert len(lines) <= PHONE_LINES, lines
    # The demo's week is fuller than a screen: what is cut is the least important part (the
    # ideal clients' monthly figure), never the note under the money figures.
    assert lines[-1] == NOTES[locale]["net"], lines
    assert any(("verlies €" if locale == "nl" else "теряете") in line for line in lines), lines
    assert not any("(gefactureerd)" in line or "по выставленным" in line for line in lines)


def test_a_digest_with_open_invoices_and_net_figures_says_both() -> None:
    """Gross money owed beside net revenue, on a screen full enough to cut: the note stays and
    names both. Typed with 21 % VAT: Alfa owes € 2.420 (€ 2.000 + 21 %), 21 days late; Bravo
    € 3.630 (€ 3.000 + 21 %), not yet due; eight others paid € 605 (€ 500) each."""
    clients = [frames.client(1, name="Alfa"), frames.client(2, name="Bravo")]
    clients += [frames.client(i, name=f"Klant {i}") for i in range(3, 11)]
    sales = [
        frames.sale(1, 2_420_00, days_ago=30, due_on=frames.ago(21)),
        frames.sale(2, 3_630_00, days_ago=10, due_on=frames.ago(-4)),
    ]
    sales += [frames.sale(i, 605_00, days_ago=40, paid_on=frames.ago(40)) for i in range(3, 11)]
    analysis = analyse(frames.team(clients, sales), frames.settings(vat_rate=0.21))
    team = dataclasses.replace(TEAM, amounts_include_vat=True, vat_rate=0.21)
    changes = WeekChanges(
        (), (), new_over_reliant=(2,), new_decline_candidates=(), new_time_eaters=(),
    )  # fmt: skip
    digest = render_digest(
        translator("nl"), team, analysis, changes, week_label="week 48", late=False
    )
    lines = _plain(html_to_text(str(digest.group_text))).splitlines()
    # Net revenue € 2.000 + € 3.000 + 8 × € 500 = € 9.000; Bravo € 3.000 of it is 33 %.
    assert "Bravo: 33% van de omzet." in lines, lines
    assert "Alfa: € 2.420 te laat" in lines, lines  # as invoiced, VAT in it
    assert "Bravo: € 3.630 nog binnen de betaaltermijn" in lines, lines
    # The last 4 weeks: Bravo's € 3.000; the 4 before: Alfa's € 2.000 and 8 × € 500.
    assert "📈 Omzet van de laatste 4 weken: € 3.000 (de 4 weken daarvoor: € 6.000, −50%)" in (
        lines
    ), lines
    assert lines[-1] == NOTES["nl"]["both"], lines
    assert len(lines) <= PHONE_LINES
    # Money kept for the admins: their copy ends in the note, the group's has no amount to note.
    private = render_digest(
        translator("nl"),
        dataclasses.replace(team, sensitive_to_admins=True),
        analysis,
        changes,
        week_label="week 48",
        late=False,
    )
    assert private.admin_text is not None
    admin = _plain(html_to_text(str(private.admin_text))).splitlines()
    assert "Alfa: € 2.420 te laat" in admin and admin[-1] == NOTES["nl"]["both"], admin
    group = _plain(html_to_text(str(private.group_text)))
    assert "€" not in group and "btw" not in group, group


@pytest.mark.parametrize(
    ("locale", "command", "time", "cost", "other"),
    [
        (
            "nl",
            "/klant",
            "Tijd 13 uur 30 min",
            "kosten € 1.051,22 (waarvan 13 uur 30 min × € 30 = € 405)",
            "2 uur 30 min",
        ),
        (
            "ru",
            "/client",
            "Время: 13 ч 30 мин",
            "затраты: 1 051,22 € (из них 13 ч 30 мин × 30 € = 405 €)",
            "2 ч 30 мин",
        ),
    ],
)
async def test_hours_are_exact_and_multiply_to_the_cost(
    chat: Chat,
    sqlite_engine: Engine,
    locale: str,
    command: str,
    time: str,
    cost: str,
    other: str,
) -> None:
    """Finding 3: 6 + 4,5 + 3 = 13,5 hours read "Tijd 14 uur" and "(waarvan 14 uur × € 30)",
    while 14 × 30 = 420 and the cost held 13,5 × 30 = 405 (€ 646,22 typed + € 405 = € 1.051,22,
    to the cent in Details)."""
    owner = chat.person(21, "Sanne", locale)
    chat.group(GROUP, "Studio", creator=owner)
    team = make_team(
        sqlite_engine, chat_id=GROUP, owner_id=21, locale=locale, currency="EUR",
        hour_cost=30_00,
    )  # fmt: skip
    bakery = make_client(sqlite_engine, team, "Bakkerij")
    for minutes, amount, typed_cost in ((360, 800_00, 300_00), (270, 600_00, 200_00)):
        make_sale(sqlite_engine, team, bakery, amount, minutes=minutes, cost=typed_cost)
    make_sale(sqlite_engine, team, bakery, 300_00, minutes=180, cost=146_22)
    kapper = make_client(sqlite_engine, team, "Kapper")
    make_sale(sqlite_engine, team, kapper, 200_00, minutes=150, cost=50_00)
    await chat.send(owner, f"{command} bakkerij", chat=GROUP)
    details = _plain((await chat.press(owner, _details(locale), chat=GROUP)).text)
    assert time in details, details
    assert cost in details, details
    await chat.send(owner, f"{command} kapper", chat=GROUP)
    details = _plain((await chat.press(owner, _details(locale), chat=GROUP)).text)
    assert other in details, details


def _details(locale: str) -> str:
    return "Details" if locale == "nl" else "Подробнее"


@pytest.mark.parametrize(
    ("locale", "almost_all", "all_", "almost_none"),
    [("nl", ">99%", "100%", "<1%"), ("ru", ">99 %", "100 %", "<1 %")],
)
def test_the_charts_running_share_reads_100_only_at_the_end(
    locale: str, almost_all: str, all_: str, almost_none: str
) -> None:
    """Finding 4: 399 of 400 is 99,75 %, and another client's 0,25 % follows: not "100%"."""
    t = translator(locale)
    clients = [frames.client(1, name="Groot"), frames.client(2, name="Klein")]
    sales = [frames.sale(1, 399_00), frames.sale(2, 1_00)]
    rows = chart_rows(t, analyse(frames.team(clients, sales), frames.settings()))
    assert [_plain(r.cumulative_text) for r in rows] == [almost_all, all_]
    assert [_plain(r.share_text) for r in rows] == [almost_all, almost_none]


@pytest.mark.parametrize(("locale", "almost_none"), [("nl", "<1%"), ("ru", "<1 %")])
def test_the_charts_running_share_never_reads_nothing(locale: str, almost_none: str) -> None:
    """250 equal clients are 0,4 % each: the first row's running share is not "0%"."""
    t = translator(locale)
    clients = [frames.client(i, name=f"Klant {i}") for i in range(1, 251)]
    sales = [frames.sale(i, 100_00) for i in range(1, 251)]
    rows = chart_rows(t, analyse(frames.team(clients, sales), frames.settings()))
    assert _plain(rows[0].cumulative_text) == almost_none
    assert _plain(rows[0].share_text) == almost_none
    assert _plain(rows[-1].cumulative_text) in ("100%", "100 %")


@pytest.mark.parametrize(
    ("locale", "line"),
    [
        ("nl", "Afgelopen 7 dagen: 1 nieuwe klant, 1 verkoop van € 500."),
        ("ru", "За последние 7 дней: 1 новый клиент, 1 продажа на 500 €."),
    ],
)
async def test_the_digest_counts_what_is_dated_this_week_and_says_so(
    chat: Chat, sqlite_engine: Engine, locale: str, line: str
) -> None:
    """Finding 5: "Deze week: 1 nieuwe klant, 2 verkopen" while 12 clients and 22 sales were
    typed this week (the rest dated earlier). The line counts by the dates given (a sale's
    date, "client since") and now says so."""
    owner = chat.person(21, "Sanne", locale)
    chat.group(GROUP, "Studio", creator=owner)
    team = make_team(sqlite_engine, chat_id=GROUP, owner_id=21, locale=locale, currency="EUR")
    new = make_client(sqlite_engine, team, "Nieuw", acquired_on=dt.date(2026, 11, 20))
    make_sale(sqlite_engine, team, new, 500_00, sold_on=dt.date(2026, 11, 21))
    # Typed this week (NOW), dated earlier: a client since 2024, sales of October.
    old = make_client(sqlite_engine, team, "Oud", acquired_on=dt.date(2024, 3, 1))
    for day in (1, 8, 15):
        make_sale(sqlite_engine, team, old, 300_00, sold_on=dt.date(2026, 10, day))
    seen = await chat.send(owner, "/digest", chat=GROUP)
    assert line in _plain(seen.text).splitlines(), seen.text


async def test_the_weeks_sum_says_it_is_without_vat(chat: Chat, sqlite_engine: Engine) -> None:
    """The Dutch salon types prices with VAT: the digest's "20 verkopen (samen € 4.329)" was
    its € 4.718,50 without 9 % btw, unsaid. By hand: € 605 with 21 % is € 500 without."""
    owner = chat.person(21, "Sanne", "nl")
    chat.group(GROUP, "Studio", creator=owner)
    team = make_team(
        sqlite_engine,
        chat_id=GROUP,
        owner_id=21,
        amounts_include_vat=True,
        vat_rate=0.21,
    )
    new = make_client(sqlite_engine, team, "Nieuw", acquired_on=dt.date(2026, 11, 20))
    make_sale(sqlite_engine, team, new, 605_00, sold_on=dt.date(2026, 11, 21), paid_on=NOW.date())
    seen = await chat.send(owner, "/digest", chat=GROUP)
    lines = _plain(seen.text).splitlines()
    assert "Afgelopen 7 dagen: 1 nieuwe klant, 1 verkoop van € 500." in lines, seen.text
    assert "Bedragen zonder btw (21% eraf gehaald)." in lines, seen.text


async def test_decline_says_its_loss_is_without_vat_and_the_debt_as_invoiced(
    chat: Chat, sqlite_engine: Engine
) -> None:
    """/afscheid put "verlies € 163 per jaar" (without VAT) beside "moet je nog € 338 betalen"
    (the invoice, VAT in it) with no word on which was which."""
    owner = chat.person(21, "Sanne", "nl")
    chat.group(GROUP, "Studio", creator=owner)
    team = _demo_with_vat(sqlite_engine, "nl")
    [graaf] = rows(sqlite_engine, Client, name="Installatiebedrijf De Graaf")
    unpaid = [s for s in rows(sqlite_engine, Sale, client_id=graaf.id) if s.paid_on is None]
    owed = sum(s.amount - (s.paid_amount or 0) for s in unpaid)  # as typed: VAT in it
    assert team.id is not None and owed == 338_00
    seen = await chat.send(owner, "/afscheid", chat=GROUP)
    lines = _plain(seen.text).splitlines()
    assert lines[1] == "Installatiebedrijf De Graaf", lines
    assert "Let op: deze klant moet je nog € 338 betalen." in lines, lines
    assert lines[-1] == NOTES["nl"]["both"], lines


def _digest_lines(locale: str, analysis: TeamAnalysis) -> list[str]:
    """The group's digest of `analysis` as plain lines, a week with no news."""
    changes = WeekChanges(
        (), (), new_over_reliant=(), new_decline_candidates=(), new_time_eaters=(),
    )  # fmt: skip
    team = dataclasses.replace(TEAM, locale=locale, currency="EUR" if locale == "nl" else "RUB")
    digest = render_digest(translator(locale), team, analysis, changes, week_label="", late=False)
    return _plain(html_to_text(str(digest.group_text))).splitlines()


@pytest.mark.parametrize(
    ("locale", "title", "small"),
    [
        ("nl", "💰 Openstaande facturen", "Klein: € 300 te laat"),
        ("ru", "💰 Неоплаченные счета", "Клеин: просрочено 300 ₽"),
    ],
)
def test_a_small_team_hears_every_open_invoice_not_its_big_spenders(
    locale: str, title: str, small: str
) -> None:
    """Three clients, too few for alarms, so each is a "big spender" by its share: the Russian
    reader's smallest client (14 %) stood under «Долги самых крупных клиентов». A team that
    small hears who owes what, all of it, under a plain title."""
    names = ("Groot", "Midden", "Klein") if locale == "nl" else ("Гроот", "Мидден", "Клеин")
    clients = [frames.client(i + 1, name=name) for i, name in enumerate(names)]
    sales = [
        frames.sale(1, 5_000_00, days_ago=30, paid_on=frames.ago(30)),
        frames.sale(2, 2_000_00, days_ago=30, paid_on=frames.ago(30)),
        frames.sale(3, 300_00, days_ago=30, due_on=frames.ago(16)),
    ]
    analysis = analyse(frames.team(clients, sales), frames.settings())
    assert not analysis.concentration.alarms_enabled
    lines = _digest_lines(locale, analysis)
    assert title in lines and small in lines, lines


@pytest.mark.parametrize(
    ("locale", "more"),
    [
        ("nl", "en nog 1 klant die je geld schuldig is: /risico"),
        ("ru", "и ещё 1 клиент должен вам: /risk"),
    ],
)
def test_a_debt_past_the_digests_three_lines_is_counted_not_left_out(
    locale: str, more: str
) -> None:
    """The Russian designer's fourth debtor, on /risk, was missing from the digest with no
    word that there was more."""
    clients = [frames.client(i + 1, name=f"Klant {i + 1}") for i in range(4)]
    sales = [
        frames.sale(i + 1, 1_000_00 * (i + 1), days_ago=30, due_on=frames.ago(16)) for i in range(4)
    ]
    analysis = analyse(frames.team(clients, sales), frames.settings())
    lines = _digest_lines(locale, analysis)
    assert more in lines, lines
