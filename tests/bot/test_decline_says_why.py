"""/decline names the client with the most against them and, asked about one it does not
propose, says which rule keeps them off (the Dutch florist's week, /tmp/read_nl.md A4: Flits —
4 of 4 invoices late, 3 complaints, nothing bought for 95 days, a client since January — was
left out for three new clients, and `/afscheid Evenementenbureau Flits` gave no reason)."""

from __future__ import annotations

import pytest

from bot.render.decline import nearest_text, not_a_candidate
from locales import translator
from scoring import analyse
from tests.bot.test_card_sentences_true import flits_sales
from tests.bot.test_digest_order import TEAM
from tests.scoring.factories import ago, client, sale, settings, team

FLITS = 16
# (id, name, client for days, amount, late invoice, complaint): the florist's new clients.
NEW = [
    (1, "Hotel Karel V", 85, 125_050, False, True),
    (2, "Gemeente Utrecht", 52, 380_000, True, False),
    (9, "Café De Zaak", 66, 89_000, True, False),
    (6, "Bakkerij de Vries", 33, 45_000, False, False),
    (13, "Uitvaartcentrum Rozenhof", 16, 68_500, False, False),
]


def florist():
    clients = [client(FLITS, name="Evenementenbureau Flits", acquired_on=ago(330))]
    sales = flits_sales(FLITS, first=330)
    events = [
        {"client_id": FLITS, "kind": "complaint", "happened_on": ago(d)} for d in (260, 170, 90)
    ]
    for client_id, name, days, amount, late, complaint in NEW:
        clients.append(client(client_id, name=name, acquired_on=ago(days)))
        sales.append(
            sale(
                client_id,
                amount,
                days_ago=days,
                due_on=ago(days - 14),
                paid_on=None if late else ago(days - 10),
            )
        )
        if complaint:
            events.append({"client_id": client_id, "kind": "complaint", "happened_on": ago(5)})
    return team(clients, sales, events), clients


@pytest.mark.parametrize(
    ("locale", "rule"),
    [
        ("nl", "1 klant is al 90 dagen of langer bij je, en ik heb er 5 nodig"),
        ("ru", "1 активный клиент с вами 90 дней или дольше, а для сравнения нужно 5"),
    ],
)
def test_flits_is_named_first_and_told_why_it_is_off_the_list(locale: str, rule: str) -> None:
    frames, clients = florist()
    analysis = analyse(frames, settings(grade_scale="1-10"))
    assert not analysis.decline_candidates
    # Independently: clients of 90 days or more, the ones a bottom fifth would rank.
    old = [c for c in clients if (ago(0) - c["acquired_on"]).days >= 90]
    assert len(old) == 1 and rule.startswith(str(len(old)))
    t = translator(locale)
    closest = str(nearest_text(t, TEAM, analysis)).splitlines()
    assert closest[1].startswith("Evenementenbureau Flits: 3 "), closest
    assert rule in closest[1], closest
    said = str(not_a_candidate(t, TEAM, analysis, FLITS, "Evenementenbureau Flits"))
    # Three paid late and the last one open, 81 days past its due date: four of four.
    late = {
        "nl": "3 van 4 facturen te laat betaald, 1 nog open na de betaaltermijn",
        "ru": "с опозданием оплачено 3 из 4 счетов, просрочено и не оплачено: 1",
    }[locale]
    assert rule in said and late in said and ("3 klachten" in said or "3 проблемы" in said), said
    # A new client is told it is too new, with its days.
    said = str(not_a_candidate(t, TEAM, analysis, 2, "Gemeente Utrecht"))
    assert ("te nieuw (52 dagen klant)" if locale == "nl" else "52 дня") in said, said


def test_the_count_of_clients_to_rank_says_it_counts_current_ones() -> None:
    """The Russian nail studio: «4 клиента с нами 90 дней или дольше» where six had been; the
    two who had not bought for long were left out of the count without a word. Three regulars
    buy every month for a year, two bought once 200 days ago (a month is the usual interval:
    they lapsed): five clients of 90 days or more, three of them current."""
    clients, sales = [], []
    for client_id in (1, 2, 3):
        clients.append(client(client_id, name=f"Regular {client_id}", acquired_on=ago(360)))
        sales += [sale(client_id, 20_000, days_ago=days) for days in range(350, 0, -30)]
    for client_id in (4, 5):
        clients.append(client(client_id, name=f"Gone {client_id}", acquired_on=ago(200)))
        sales.append(sale(client_id, 20_000, days_ago=200))
    analysis = analyse(team(clients, sales, []), settings())
    assert not analysis.decline_candidates
    said = {
        locale: str(not_a_candidate(translator(locale), TEAM, analysis, 1, "Regular 1"))
        for locale in ("nl", "ru")
    }
    assert "3 klanten zijn al 90 dagen of langer bij je" in said["nl"], said["nl"]
    assert "3 активных клиента с вами 90 дней или дольше" in said["ru"], said["ru"]


def test_a_client_late_as_everyone_is_never_said_to_pay_on_time() -> None:
    """The attacker: in a team whose clients all pay late, /afscheid said of the lowest one
    "maar geen klachten, late betalingen of andere waarschuwingen" while every invoice of theirs
    was overdue. Late payment is a warning sign only when worse than the team's: said so."""
    clients, sales = [], []
    for client_id in range(1, 11):
        clients.append(client(client_id, name=f"Klant {client_id}", acquired_on=ago(360)))
        amount = 10_000 if client_id == 1 else 100_000
        for days in (300, 200, 100):  # every invoice 30 days late, or still open
            paid = None if client_id == 1 else ago(days - 44)
            sales.append(
                sale(client_id, amount, days_ago=days, due_on=ago(days - 14), paid_on=paid)
            )
    analysis = analyse(team(clients, sales, []), settings())
    assert 1 not in {c.client_id for c in analysis.decline_candidates}
    said = str(not_a_candidate(translator("nl"), TEAM, analysis, 1, "Klant 1"))
    assert "geen klachten, late betalingen" not in said, said
    assert "niet vaker te laat betaald dan je andere klanten" in said, said
