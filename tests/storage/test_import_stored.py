"""The set-based "is all of this file stored already?" agrees with matching sale by sale.

A re-import that adds nothing skips the writer's one-by-one matching when
``storage.import_stored.all_sales_stored`` says every row is stored and fills in nothing
(issue 21). If the two ever disagreed, a re-import would drop new sales or payments silently,
so here both judge the same random files against the same stored sales, on SQLite and
PostgreSQL: identical rows, unknown costs and times, old dates, part payments.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from storage.clients import create_client
from storage.engine import new_session
from storage.import_rows import FileSale, FileSales
from storage.import_stored import all_sales_stored, stored_sales
from storage.models import Sale
from storage.teams import create_team

NOW = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)
DAYS = [dt.date(1969, 12, 31), dt.date(2024, 2, 29), dt.date(2026, 1, 5), dt.date(2026, 11, 23)]


def one_by_one(session: Session, team_id: int, sales: list[FileSale], ids: dict[str, int]) -> bool:
    """What storage.import_writer decides, row by row: no sale added, no payment filled."""
    stored, _ = stored_sales(session, team_id, sorted(set(ids.values())))
    for sale in sales:
        pool = stored.get((ids[sale.key], sale.sold_on, sale.amount, sale.cost, sale.minutes))
        if not pool:
            return False
        _, due_on, paid_on, paid_amount = pool.popleft()
        if due_on is None and sale.due_on is not None:
            return False
        if paid_on is None and sale.paid_on is not None:
            return False
        if paid_on is None and paid_amount is None and sale.paid_amount is not None:
            return False
    return True


def random_sale(rng: random.Random, key: str) -> FileSale:
    sold_on = rng.choice(DAYS)
    paid = rng.random() < 0.4
    return FileSale(
        key=key,
        sold_on=sold_on,
        amount=rng.choice([0, 100, 2_500, 9_007_199_254_740_000]),
        cost=rng.choice([None, 0, 40]),
        minutes=rng.choice([None, 30]),
        due_on=rng.choice([None, sold_on + dt.timedelta(days=14)]),
        paid_on=sold_on + dt.timedelta(days=3) if paid else None,
        paid_amount=None if paid else rng.choice([None, None, 50]),
    )


@pytest.mark.parametrize("seed", range(12))
def test_the_set_based_verdict_matches_the_one_by_one_matching(engine: Engine, seed: int) -> None:
    rng = random.Random(seed)
    with new_session(engine) as session:
        team = create_team(
            session=session,
            chat_id=-3000 - seed,
            title="Sets",
            locale="nl",
            owner_id=1,
            owner_name="Eva",
            is_personal=False,
            now=NOW,
        )
        other = create_team(
            session=session,
            chat_id=-4000 - seed,
            title="Others",
            locale="nl",
            owner_id=2,
            owner_name="Eva",
            is_personal=False,
            now=NOW,
        )
        assert team.id is not None and other.id is not None
        ids = {}
        for key in ("a", "b", "c"):
            client = create_client(session=session, team_id=team.id, name=key, now=NOW)
            ids[key] = client.id
        stranger = create_client(session=session, team_id=other.id, name="a", now=NOW)
        stored = [random_sale(rng, rng.choice("abc")) for _ in range(rng.randint(0, 25))]
        for sale in stored:
            session.add(
                Sale(
                    team_id=team.id,
                    client_id=ids[sale.key],
                    sold_on=sale.sold_on,
                    amount=sale.amount,
                    cost=sale.cost,
                    minutes=sale.minutes,
                    due_on=sale.due_on,
                    paid_on=sale.paid_on,
                    paid_amount=sale.paid_amount,
                )
            )
            # The same sale in another team never counts as stored here.
            session.add(
                Sale(
                    team_id=other.id,
                    client_id=stranger.id,
                    sold_on=sale.sold_on,
                    amount=sale.amount,
                )
            )
        session.commit()
        verdicts = []
        for trial in range(40):
            # Files made mostly of stored rows: the same file, part of it, reordered, a row
            # twice, a row changed or new, payments filled in.
            file = rng.sample(stored, rng.randint(0, len(stored)))
            if trial % 4 == 1 and stored:
                file.append(rng.choice(stored))
            if trial % 4 == 2:
                file.append(random_sale(rng, rng.choice("abc")))
            if trial % 4 == 3 and file:
                i = rng.randrange(len(file))
                old = file[i]
                file[i] = FileSale(
                    old.key,
                    old.sold_on,
                    old.amount,
                    old.cost,
                    old.minutes,
                    old.due_on or rng.choice([None, old.sold_on]),
                    old.paid_on or rng.choice([None, old.sold_on]),
                    old.paid_amount or rng.choice([None, 10]),
                )
            expected = one_by_one(session, team.id, file, ids)
            assert all_sales_stored(session, team.id, FileSales.of(file), ids) == expected, (
                trial,
                file,
            )
            verdicts.append(expected)
        assert True in verdicts and False in verdicts  # both answers were put to the test
