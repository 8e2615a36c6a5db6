"""ids_never_reused: on SQLite a deleted row's id is never given to a new row

SQLite gives a new row the largest id plus one, so undoing the newest sale and recording another
gave the new sale the undone one's id: the "Already paid" button under the undone sale's
message then marked the new sale paid, and an Undo button kept from before its pending undo was
purged could undo a newer change. AUTOINCREMENT makes SQLite remember the largest id ever
given. PostgreSQL's sequences never give an id twice, so nothing changes there.

The tables are rebuilt (SQLite cannot add AUTOINCREMENT in place) with foreign keys off
(storage.migrate), so rebuilding `client` does not cascade into its sales.

Revision ID: 0011_ids_never_reused
Revises: 0010_sale_load_index
Create Date: 2026-12-07 05:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011_ids_never_reused"
down_revision: str | None = "0010_sale_load_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The rows an undo, a purge or an erasure deletes and a button names by id.
TABLES = ("client", "sale", "event", "rating", "pending_undo")


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)


def _rebuild(*, autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass
