"""sale: what was done, as typed after the amount ("85 knippen", «4 500 маникюр»)

A salon's readers typed what they did on every sale and saw it dropped: /sales could not tell a
cut from a colour. The words are kept as typed, short, never read as a figure.

Revision ID: 0013_sale_note
Revises: 0012_imported_file
Create Date: 2026-12-07 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_sale_note"
down_revision: str | None = "0012_imported_file"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sale", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sale", schema=None) as batch_op:
        batch_op.drop_column("note")
