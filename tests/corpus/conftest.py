"""The corpus world, built once per session and copied for every line; readable test ids."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from storage.engine import make_engine
from storage.migrate import upgrade
from tests.corpus import world
from tests.factories import make_client, make_sale, make_team


def _seed(engine: Engine) -> None:
    teams = (
        (world.NL_USER, "nl", "EUR", "Europe/Amsterdam", world.NL_CLIENTS, world.NL_OPEN),
        (world.RU_USER, "ru", "RUB", "Europe/Moscow", world.RU_CLIENTS, world.RU_OPEN),
        (world.NL2_USER, "nl", "EUR", "Europe/Amsterdam", world.NL2_CLIENTS, world.NL2_OPEN),
    )
    for user, locale, currency, timezone, clients, open_sales in teams:
        team = make_team(
            engine,
            chat_id=user,
            owner_id=user,
            personal=True,
            locale=locale,
            currency=currency,
            timezone=timezone,
            payment_days=14,  # invoices, so /paid has something to pay
        )
        ids: dict[str, int] = {}
        for name, (kind, amounts) in clients.items():
            ids[name] = make_client(engine, team, name, kind=kind, gender=world.GENDERS.get(name))
            for sold_on, amount in zip(world.PAST_DAYS, amounts, strict=False):
                make_sale(engine, team, ids[name], amount * 100, sold_on=sold_on, paid_on=sold_on)
        for name, amount, sold_on in open_sales.values():
            make_sale(engine, team, ids[name], amount * 100, sold_on=sold_on)


@pytest.fixture(scope="session")
def corpus_world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded world as a closed SQLite file, ready to be copied."""
    path = tmp_path_factory.mktemp("corpus") / "world.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    _seed(engine)
    with engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def line_folder() -> Iterator[Path]:
    """Where each line's copy of the world lives: in memory where the machine has a tmpfs, so
    hundreds of copies and commits cost no disk syncs."""
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(prefix="kompas-corpus-", dir=shm if shm.is_dir() else None))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def world_engine(corpus_world: Path, line_folder: Path) -> Iterator[Engine]:
    """A fresh copy of the world for one line (the same file, overwritten each time)."""
    copy = line_folder / "line.db"
    for leftover in (copy.with_name("line.db-wal"), copy.with_name("line.db-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(corpus_world, copy)
    engine = make_engine(f"sqlite:///{copy}")
    yield engine
    engine.dispose()


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """`nl: /verkoop Jan Smit 200` as the test's id, unescaped, so failures read as typed."""
    if argname == "entry" and isinstance(val, tuple) and len(val) == 3:
        return f"{val[0]}: {val[1]}"
    return None
