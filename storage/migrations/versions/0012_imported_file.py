"""imported_file: the last file each team imported, so the same file again is answered at once

`kompas import` of a 70 000-sale file it already holds read and compared every row (~1 s).
With the digest of the file's bytes and how they were read, and the team's data version after
that import, the same file sent again to an unchanged team is known from one select.

Revision ID: 0012_imported_file
Revises: 0011_ids_never_reused
Create Date: 2026-12-07 11:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.models.base

revision: str = "0012_imported_file"
down_revision: str | None = "0011_ids_never_reused"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "imported_file",
        sa.Column("team_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("data_version", sa.Integer(), nullable=False),
        sa.Column("imported_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["team.id"],
            name=op.f("fk_imported_file_team_id_team"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("team_id", name=op.f("pk_imported_file")),
    )


def downgrade() -> None:
    op.drop_table("imported_file")
