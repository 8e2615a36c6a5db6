"""Several Kompas instances on one PostgreSQL: no duplicates, no lost updates, safe start-up."""

from __future__ import annotations

import asyncio
import os
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from storage.engine import make_engine
from storage.migrate import current_revision, head_revision, schema_drift, upgrade
from storage.models import AuditLog, Client, ProcessedUpdate, Sale
from tests.conftest import POSTGRES_ENV
from tests.deploy.harness import OWNER, message, new_app, running_webhook, said
from tests.factories import make_team, rows
from tests.stub_bot_api import StubBotApi

pytestmark = pytest.mark.postgres
ON_POSTGRES = pytest.mark.parametrize("engine", ["postgres"], indirect=True)
SOMETHING_WENT_WRONG = "Er ging bij mij iets mis"
ALREADY_SIMILAR = "Is dit "  # /add of a name close to an existing client: "Is dit Yogastudio?"


@pytest.fixture
def second_instance(engine: Engine) -> Iterator[Engine]:
    """Another process's engine on the same database: its own pool, its own connections."""
    other = make_engine(engine.url.render_as_string(hide_password=False), pool_size=2)
    yield other
    other.dispose()


@ON_POSTGRES
async def test_two_instances_split_one_stream_without_duplicates(
    stub: StubBotApi, engine: Engine, second_instance: Engine, clock
) -> None:  # type: ignore[no-untyped-def]
    make_team(engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    names = "Bakkerij Slagerij Kapsalon Fietsenmaker Boekhandel Bloemist Tandarts Garage".split()
    shared = "Architect Yogastudio Wasserette Schoenmaker".split()
    adds = [message(100 + n, f"/add {name}, organisatie") for n, name in enumerate(names)]
    sales = [message(200 + n, f"/sale {name} {n + 1}00") for n, name in enumerate(names)]
    # The same client added twice at once, through two different updates on two instances.
    twins = [
        (
            message(300 + 2 * n, f"/add {name}, organisatie"),
            message(301 + 2 * n, f"/add {name}, organisatie"),
        )
        for n, name in enumerate(shared)
    ]
    one, two = new_app(stub, engine, clock), new_app(stub, second_instance, clock)
    async with running_webhook(one) as first, running_webhook(two) as second:

        async def deliver(updates: list[dict]) -> list[int]:  # type: ignore[type-arg]
            """Split between the instances; every third one reaches both (a retry elsewhere)."""
            posts = []
            for n, update in enumerate(updates):
                posts.append((first, second)[n % 2].post(update))
                if n % 3 == 0:
                    posts.append((second, first)[n % 2].post(update))
            return await asyncio.gather(*posts)

        assert set(await deliver(adds)) == {200}
        assert set(await deliver(sales)) == {200}
        answers = await asyncio.gather(
            *(first.post(one_of) for one_of, _ in twins),
            *(second.post(other) for _, other in twins),
        )
        assert set(answers) == {200}

    clients = rows(engine, Client)
    assert sorted(c.name for c in clients) == sorted([*names, *shared])
    by_id = {c.id: c.name for c in clients}
    assert sorted((by_id[s.client_id], s.amount) for s in rows(engine, Sale)) == sorted(
        (name, (n + 1) * 10000) for n, name in enumerate(names)
    )
    ledger = [u.update_id for u in rows(engine, ProcessedUpdate)]
    assert len(ledger) == len(set(ledger))
    assert set(ledger) >= {u["update_id"] for u in adds + sales}
    assert len(rows(engine, AuditLog, action="sale_created")) == len(names)
    # Each twin pair: one "added"; the other hears the client is there (or, when it came
    # second, is asked whether it meant the existing one) — never an error.
    texts = said(stub)
    assert not [t for t in texts if SOMETHING_WENT_WRONG in t]
    for name in shared:
        assert sum(f"Toegevoegd: {name} " in t for t in texts) == 1, name
    already = [t for t in texts if "staat al in de klantenlijst" in t or ALREADY_SIMILAR in t]
    assert len(already) == len(shared), texts


@pytest.fixture
def empty_database() -> Iterator[str]:
    """A brand-new, empty PostgreSQL database, dropped afterwards."""
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        pytest.skip(f"PostgreSQL not configured ({POSTGRES_ENV})")
    admin = make_engine(admin_url)
    name = f"kompas_empty_{uuid.uuid4().hex[:10]}"
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_instances_starting_together_on_an_empty_database_both_migrate_it(
    empty_database: str,
) -> None:
    instances = 3
    ready = threading.Barrier(instances)

    def start_instance(_: int) -> str | None:
        engine = make_engine(empty_database)
        try:
            ready.wait(timeout=10)
            upgrade(engine)  # what every instance does at start
            return current_revision(engine)
        finally:
            engine.dispose()

    with ThreadPoolExecutor(instances) as pool:
        revisions = list(pool.map(start_instance, range(instances)))
    assert revisions == [head_revision()] * instances
    engine = make_engine(empty_database)
    try:
        assert schema_drift(engine) == []
    finally:
        engine.dispose()


async def test_a_postgres_outage_tells_the_user_once_that_it_is_kept_and_does_it_once(
    stub: StubBotApi, empty_database: str, clock
) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(empty_database)
    upgrade(engine)
    make_team(engine, chat_id=OWNER, owner_id=OWNER, personal=True)
    admin = make_engine(os.environ[POSTGRES_ENV])
    name = engine.url.database

    def allow_connections(allowed: bool) -> None:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS {allowed}'))
            if not allowed:  # and cut the ones the pool holds
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
                    ),
                    {"n": name},
                )

    try:
        async with running_webhook(new_app(stub, engine, clock)) as hook:
            await asyncio.to_thread(allow_connections, False)
            assert await hook.health() == 503
            add = message(400, "/add Bakkerij de Vries, organisatie")
            assert await hook.post(add) == 503  # kept: Telegram delivers it again
            assert await hook.post(add) == 503
            await asyncio.to_thread(allow_connections, True)
            assert await hook.health() == 200
            assert await hook.post(add) == 200  # the redelivery carries it out
            assert await hook.post(add) == 200  # and the next one is a no-op
        assert [c.name for c in rows(engine, Client)] == ["Bakkerij de Vries"]
        assert said(stub).count("Toegevoegd: Bakkerij de Vries (organisatie).") == 1
        assert sum("Bewaard" in s for s in said(stub)) == 1
        assert not [s for s in said(stub) if "niets veranderd" in s]
    finally:
        allow_connections(True)
        engine.dispose()
        admin.dispose()
