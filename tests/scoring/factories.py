"""Small, readable teams for scoring tests, built from plain dicts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from scoring import ScoringSettings, TeamFrames

TODAY = dt.date(2026, 11, 23)


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def settings(**values: Any) -> ScoringSettings:
    return ScoringSettings(today=TODAY, **values)


def client(client_id: int, **traits: Any) -> dict[str, Any]:
    """An active organisation of about a year and a half unless told otherwise."""
    return {"id": client_id, "name": f"Client {client_id}", "acquired_on": ago(540), **traits}


def sale(client_id: int, amount: int, days_ago: int = 30, **fields: Any) -> dict[str, Any]:
    return {"client_id": client_id, "sold_on": ago(days_ago), "amount": amount, **fields}


def team(
    clients: Iterable[Mapping[str, Any]],
    sales: Iterable[Mapping[str, Any]] = (),
    events: Iterable[Mapping[str, Any]] = (),
    ratings: Iterable[Mapping[str, Any]] = (),
) -> TeamFrames:
    return TeamFrames.from_records(clients, sales, events, ratings)


def monthly(client_id: int, amount: int, *, cost_share: float = 0.5, minutes: float = 120):
    """Twelve monthly sales, costed, timed and paid on time."""
    return [
        sale(
            client_id,
            amount,
            days_ago=15 + 30 * m,
            cost=amount * cost_share,
            minutes=minutes,
            due_on=ago(1 + 30 * m),
            paid_on=ago(3 + 30 * m),
        )
        for m in range(12)
    ]


def equal_team(n: int, amount: int = 100_000) -> TeamFrames:
    """n clients that each bought once for the same amount."""
    return team([client(i) for i in range(1, n + 1)], [sale(i, amount) for i in range(1, n + 1)])


def agency() -> TeamFrames:
    """Twenty clients like the demo agency: an anchor, ideal referrers, regulars, poor ones."""
    clients = [
        client(1, industry="horeca", city="Utrecht", employees=45, source="fair"),
        client(2, industry="bouw", city="Amersfoort", employees=60, source="website"),
    ]
    sales = monthly(1, 900_000, cost_share=0.7, minutes=2400) + monthly(2, 150_000, cost_share=0.55)
    events: list[dict[str, Any]] = [{"client_id": 1, "kind": "complaint", "happened_on": ago(40)}]
    for i in range(3, 8):  # ideal: healthcare in Utrecht, profitable, referring others
        clients.append(client(i, industry="zorg", city="Utrecht", employees=12, source="referral"))
        sales += monthly(i, 200_000, cost_share=0.4, minutes=150)
        events.append(
            {
                "client_id": i,
                "kind": "referral",
                "happened_on": ago(60 + i),
                "referred_client_id": i + 10,
            }
        )
    for i in range(8, 18):  # regulars across towns and trades
        clients.append(
            client(
                i,
                industry=("retail", "sport", "auto")[i % 3],
                city=("Zeist", "Houten", "Amsterdam")[i % 3],
                employees=5 + i,
                source="website",
                referred_by_id=i - 10 if 13 <= i <= 17 else None,
                # The referred became clients when they were referred (a referral's date).
                acquired_on=ago(50 + i) if 13 <= i <= 17 else ago(540),
            )
        )
        sales += monthly(i, 60_000, cost_share=0.65, minutes=120)[::2]
    for i in range(18, 21):  # poor: loss-making, late, complaining
        clients.append(client(i, industry="schoonmaak", city="Rotterdam", employees=30))
        for m in range(8):
            sales.append(
                sale(
                    i,
                    40_000,
                    days_ago=20 + 40 * m,
                    cost=44_000,
                    minutes=400,
                    due_on=ago(6 + 40 * m),
                    paid_on=ago(40 * m - 20) if m > 0 else None,
                )
            )
        events.append({"client_id": i, "kind": "complaint", "happened_on": ago(35)})
    ratings = [
        {"client_id": 1, "user_id": 7, "rated_on": ago(20), "criterion": "pleasant", "value": 4},
        {"client_id": 3, "user_id": 7, "rated_on": ago(20), "criterion": "pleasant", "value": 5},
        {"client_id": 18, "user_id": 7, "rated_on": ago(20), "criterion": "pleasant", "value": 5},
    ]
    return team(clients, sales, events, ratings)
