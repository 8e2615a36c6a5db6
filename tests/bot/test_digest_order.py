"""The digest lists what /risk lists in the order /risk lists it (found by the checker reader)."""

from __future__ import annotations

import datetime as dt

from bot.render.digest import render_digest
from locales import translator
from scoring import analyse
from scoring.snapshots import WeekChanges
from storage.callers import TeamView
from tests.scoring.factories import ago, client, sale, settings, team

TEAM = TeamView(
    id=1, chat_id=-1, is_personal=False, title="Team", locale="nl", currency="EUR",
    timezone="Europe/Amsterdam", grade_scale="ABCD", concentration_threshold=0.25,
    scoring_window_days=365, digest_weekday=0, digest_minute=540, digest_enabled=True,
    amounts_include_vat=False, vat_rate=None, default_margin=None, hour_cost=None,
    payment_days=None, members_need_approval=False, sensitive_to_admins=False,
    declined_retention_days=None, score_weights=None, onboarded=True, active=True,
    data_version=1, created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
)  # fmt: skip


def test_leaning_and_overdue_big_spenders_come_in_the_order_of_risk() -> None:
    # Alfa 26 %, Bravo 35 % of € 1 000; Alfa's invoice 21 days overdue, Bravo's 2 days.
    clients = [client(1, name="Alfa"), client(2, name="Bravo")]
    clients += [client(i, name=f"Klant {i}") for i in range(3, 11)]
    sales = [
        sale(1, 26_000, days_ago=30, due_on=ago(21)),
        sale(2, 35_000, days_ago=10, due_on=ago(2)),
    ]
    sales += [sale(i, 4_875, days_ago=40, paid_on=ago(40)) for i in range(3, 11)]
    analysis = analyse(team(clients, sales), settings())
    changes = WeekChanges(
        (), (), new_over_reliant=(1, 2), new_decline_candidates=(), new_time_eaters=()
    )

    text = str(
        render_digest(
            translator("nl"), TEAM, analysis, changes, week_label="week 49", late=False
        ).group_text
    )

    assert text.index("Bravo: 35% van de omzet") < text.index("Alfa: 26% van de omzet"), text
    assert text.index("Alfa: €\xa0") < text.index("Bravo: €\xa0"), text


def test_open_invoices_say_what_is_late_apart_from_what_is_not_due_yet() -> None:
    # Issue 20: the digest listed an invoice due next week beside a late one as if both were late.
    clients = [client(1, name="Alfa"), client(2, name="Bravo")]
    clients += [client(i, name=f"Klant {i}") for i in range(3, 11)]
    sales = [
        sale(1, 26_000, days_ago=30, due_on=ago(21)),
        sale(2, 35_000, days_ago=10, due_on=ago(-10)),
    ]
    sales += [sale(i, 4_875, days_ago=40, paid_on=ago(40)) for i in range(3, 11)]
    analysis = analyse(team(clients, sales), settings())
    changes = WeekChanges(
        (), (), new_over_reliant=(), new_decline_candidates=(), new_time_eaters=()
    )
    said = {
        locale: str(
            render_digest(
                translator(locale), TEAM, analysis, changes, week_label="week 49", late=False
            ).group_text
        ).replace("\xa0", " ")
        for locale in ("nl", "ru")
    }

    assert "Alfa: € 260 te laat" in said["nl"], said["nl"]
    assert "Bravo: € 350 nog binnen de betaaltermijn" in said["nl"], said["nl"]
    assert "Alfa: просрочено 260 €" in said["ru"], said["ru"]
    assert "Bravo: 350 €, срок оплаты ещё не наступил" in said["ru"], said["ru"]
