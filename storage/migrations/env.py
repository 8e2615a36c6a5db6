"""Alembic environment: runs against the connection handed in by storage.migrate, or a URL."""

from __future__ import annotations

import os

from alembic import context

from storage.engine import make_engine
from storage.models import metadata

config = context.config


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = config.get_main_option("sqlalchemy.url") or os.environ.get(
        "KOMPAS_DATABASE_URL", "sqlite:///kompas.db"
    )
    engine = make_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
