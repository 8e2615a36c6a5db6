"""member: a removed status that holds, and whether the removed person was told

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-10 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("told_removed", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.drop_constraint(op.f("ck_member_status"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_member_status"), "status IN ('active', 'pending', 'removed')"
        )


def downgrade() -> None:
    # Removed people were deleted before this revision; pending or active ones stay.
    op.execute("DELETE FROM member WHERE status = 'removed'")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_member_status"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_member_status"), "status IN ('active', 'pending')"
        )
        batch_op.drop_column("told_removed")
