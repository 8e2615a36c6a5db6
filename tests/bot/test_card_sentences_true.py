"""The card's sentences never contradict the figures beside them (DESIGN.md, Truth; the Dutch
florist's week, /tmp/read_nl.md A3 and A4): "heel prettig (5 van 5) — en de cijfers zeggen
hetzelfde" beside a 6 of 10, and "Middelmatig: er zit groei in" for a client whose sales went
down (420 → 380 → 300 → 350, nothing for 95 days)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from bot.render.card import card_text, card_view
from locales import translator
from scoring import analyse
from tests.bot.test_digest_order import TEAM
from tests.scoring.factories import ago, client, monthly, sale, settings, team

SCALE_TEAM = dataclasses.replace(TEAM, grade_scale="1-10")
AGREE = {"nl": "de cijfers zeggen hetzelfde", "ru": "цифры это подтверждают"}
# What a Dutch reader takes a 1–10 grade to mean, written down by hand: the grades a
# "heel prettig (5 van 5)" experience agrees with, and a "prettig (4 van 5)" one.
AGREES_WITH = {5: {"9", "10"}, 4: {"7", "8"}}
FLITS, COUPLE = 30, 31
SMALL = 0.1  # small regulars: Flits sits in the middle of the scale, as at the florist


def flits_sales(client_id: int, first: int = 320) -> list[dict[str, Any]]:
    """Flits's four ever smaller events, the first `first` days ago and the last 95 days ago,
    each invoice 14 days to pay: three paid 46 days late, the last still open."""
    events = ((first, 42_000, 26_000), (first - 65, 38_000, 25_000),
              (first - 164, 30_000, 21_000), (95, 35_000, 24_000))  # fmt: skip
    return [
        sale(
            client_id,
            amount,
            days_ago=days,
            cost=cost,
            minutes=540,
            due_on=ago(days - 14),
            paid_on=ago(days - 60) if days > 95 else None,
        )
        for days, amount, cost in events
    ]


def florist_week(*, flits_kept: bool = False, scale: float = 1.0, complaints: int = 3):
    """Ten regulars buying monthly for different amounts, everyone rated 5 of 5 on all three
    criteria, plus a couple who came today (a compliment and a referral) and Flits: four ever
    smaller events, the last 95 days ago, all paid late, three complaints."""
    amounts = (
        900_000,
        400_000,
        250_000,
        200_000,
        150_000,
        120_000,
        100_000,
        80_000,
        60_000,
        40_000,
    )
    clients = [client(i, name=f"Klant {i}") for i in range(1, 11)]
    sales = [
        s for i, amount in enumerate(amounts, start=1) for s in monthly(i, round(amount * scale))
    ]
    clients += [
        client(
            FLITS,
            name="Evenementenbureau Flits",
            acquired_on=ago(320),
            kept_until=ago(-30) if flits_kept else None,
        ),
        client(COUPLE, name="Sanne en Tim", kind="person", acquired_on=ago(0)),
    ]
    sales += flits_sales(FLITS)
    sales.append(sale(COUPLE, 240_000, days_ago=0, cost=80_000, minutes=960, paid_on=ago(0)))
    events = [
        {"client_id": FLITS, "kind": "complaint", "happened_on": ago(d)}
        for d in (250, 160, 90)[:complaints]
    ]
    events += [
        {"client_id": COUPLE, "kind": "compliment", "happened_on": ago(0)},
        {"client_id": COUPLE, "kind": "referral", "happened_on": ago(0), "referred_client_id": 1},
    ]
    ratings = [
        {"client_id": c["id"], "user_id": 7, "rated_on": ago(1), "criterion": k, "value": 5}
        for c in clients
        if c["id"] != FLITS
        for k in ("pleasant", "reasonable", "pays_on_time")
    ]
    return team(clients, sales, events, ratings)


def cards(locale: str, **week: Any) -> dict[int, tuple[str, str]]:
    frames = florist_week(**week)
    analysis = analyse(frames, settings(grade_scale="1-10"))
    t = translator(locale)
    out = {}
    for client_id in analysis.clients.index:
        view = card_view(analysis, int(client_id), None)
        out[int(client_id)] = (str(view.grade), str(card_text(t, SCALE_TEAM, view)))
    return out


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_the_figures_agree_only_beside_a_grade_that_says_the_same(locale: str) -> None:
    seen = cards(locale)
    said = {c for c, (_, text) in seen.items() if AGREE[locale] in text}
    for client_id, (grade, text) in seen.items():
        if client_id in said:
            assert grade in AGREES_WITH[5], text
    # The couple of one day, 5 of 5 with a compliment and a referral: too early to agree.
    assert COUPLE not in said, seen[COUPLE][1]
    # Grade-7 regulars rated "heel prettig" no longer hear that the figures say the same …
    assert not said & set(range(8, 18)), [seen[c][1] for c in said & set(range(8, 18))]
    # … while the top client the team loves still does.
    assert seen[1][0] == "9" and 1 in said, seen[1][1]


def test_room_to_grow_is_said_only_beside_how_much() -> None:
    # The team kept Flits (not proposed for three months), so the card gives a plain verdict;
    # the regulars are small, so Flits sits in the middle of the scale.
    middle = 0
    for complaints in (0, 1, 3):
        for client_id, (_, text) in cards(
            "nl", flits_kept=True, scale=SMALL, complaints=complaints
        ).items():
            lines = text.splitlines()
            assert "er zit groei in" not in text, text  # it read as "the client is growing"
            if "hier valt nog meer uit te halen" in lines[1]:
                assert any(line.startswith("Voor een ") for line in lines), text
                middle += client_id == FLITS
    assert middle, "Flits was never in the middle of the scale"


@pytest.mark.parametrize("locale", ["nl", "ru"])
def test_a_middling_client_without_a_lever_is_not_promised_growth(locale: str) -> None:
    # As at the florist: Flits's card had no lever line (nothing within a year lifts the grade).
    frames = florist_week(flits_kept=True, scale=SMALL, complaints=3)
    analysis = analyse(frames, settings(grade_scale="1-10"))
    view = card_view(analysis, FLITS, None)
    assert view.grade in {"4", "5"}, view.grade
    view = dataclasses.replace(view, explanation=dataclasses.replace(view.explanation, lift=None))
    lines = str(card_text(translator(locale), SCALE_TEAM, view)).splitlines()
    assert (
        lines[1]
        == {
            "nl": "Middelmatig: hieronder zie je wat de beoordeling omlaag haalt.",
            "ru": "Средне: что тянет оценку вниз — см. ниже.",
        }[locale]
    ), lines
    assert not any(line.startswith(("Voor een ", "Для ")) for line in lines), lines
